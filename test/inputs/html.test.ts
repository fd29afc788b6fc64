import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlAdapter } from '../../src/inputs/formats/html.js';
import { PLACEHOLDER as P } from '../../src/inputs/positions/placeholder.js';
import type { InputDocument, TextBlock } from '../../src/shared/types.js';

const parse = (html: string): Promise<InputDocument> => htmlAdapter.parse({ filePath: 'page.html', bytes: Buffer.from(html) }, {});

function at(block: TextBlock, word: string) {
  const i = block.text.indexOf(word);
  if (i < 0) throw new Error(`"${word}" not in "${block.text}"`);
  const { line, column } = block.locate(i);
  return { line, column };
}

const PAGE = [
  '<!DOCTYPE html>', // 1
  '<html><head><title>We always win</title><style>p{color:red}</style></head>', // 2
  '<body>', // 3
  '<h1>Managed <em>rack</em> services</h1>', // 4
  '<p>Our crew will <strong>always</strong> arrive before 8am &amp; leave the', // 5
  '   site clean. Prices start at &euro;99&nbsp;per rack.</p>', // 6
  '<ul><li>We typically deliver within 48 hours.<li>Setup uses <code>rackctl init</code> and never fails.</ul>', // 7
  '<table><tr><th>Plan</th><td>Uptime guaranteed, 100%</td></tr></table>', // 8
  '<div hidden>We guarantee the lowest price.</div>', // 9
  '<div style="display: none">Hidden preheader: always free.</div>', // 10
  '<span aria-hidden="true">decorative always</span><!-- we always deliver -->', // 11
  '<script>var always = "guaranteed";</script><pre>always deliver</pre><noscript>always</noscript>', // 12
  '<p>Line one<br>line two <a href="https://example.com/guaranteed">see the terms</a>.</p>', // 13
  '<blockquote>Fast delivery, every time.</blockquote>', // 14
  '</body></html>', // 15
].join('\n');

describe('html adapter', () => {
  it('is not writable', () => {
    expect(htmlAdapter.writable).toBe(false);
    expect(htmlAdapter.extensions).toEqual(['.html', '.htm']);
  });

  it('extracts visible prose with block boundaries and decoded entities', async () => {
    const doc = await parse(PAGE);
    expect(doc.source).toBeUndefined();
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Managed rack services'],
      ['paragraph', 'Our crew will always arrive before 8am & leave the site clean. Prices start at €99 per rack.'],
      ['list-item', 'We typically deliver within 48 hours.'],
      ['list-item', `Setup uses ${P} and never fails.`],
      ['table-cell', 'Plan'],
      ['table-cell', 'Uptime guaranteed, 100%'],
      ['paragraph', 'Line one'],
      ['paragraph', 'line two see the terms.'],
      ['blockquote', 'Fast delivery, every time.'],
    ]);
  });

  it('maps characters to exact source line/column, entities to their "&"', async () => {
    const doc = await parse(PAGE);
    const p = doc.blocks[1]!;
    expect(at(p, 'always')).toEqual({ line: 5, column: 26 });
    expect(at(p, '&')).toEqual({ line: 5, column: 60 });
    expect(at(p, 'leave')).toEqual({ line: 5, column: 66 });
    expect(at(p, 'site')).toEqual({ line: 6, column: 4 });
    expect(at(p, '€')).toEqual({ line: 6, column: 32 });
    expect(at(p, '99')).toEqual({ line: 6, column: 38 });
    expect(at(p, 'per')).toEqual({ line: 6, column: 46 });
    expect(at(doc.blocks[0]!, 'rack')).toEqual({ line: 4, column: 17 });
    expect(at(doc.blocks[5]!, 'guaranteed')).toEqual({ line: 8, column: 36 });
    expect(at(doc.blocks[7]!, 'terms')).toEqual({ line: 13, column: 74 });
    // No byte offsets: the format is not writable.
    expect(p.locate(0).offset).toBeUndefined();
  });

  it('skips font-size:0 and visibility:hidden text, keeps words apart across tags', async () => {
    const doc = await parse('<p>Save<span style="font-size:0px">always</span> today</p><p style="visibility: hidden">never</p><div>one<div>two</div>three</div>');
    expect(doc.blocks.map((b) => b.text)).toEqual(['Save today', 'one', 'two', 'three']);
  });

  it('treats URLs in text and template placeholders as opaque words', async () => {
    const doc = await parse('<p>Hi {{first_name}}, visit https://example.com/always-free now.</p>');
    expect(doc.blocks[0]!.text).toBe(`Hi ${P}, visit ${P} now.`);
  });

  it('refuses binary content with a one-line error', async () => {
    await expect(htmlAdapter.parse({ filePath: 'x.html', bytes: Buffer.from('%PDF-1.7\n%\xff\xfe') }, {})).rejects.toThrow(
      /binary file, not text \(this is a PDF file\)/,
    );
  });
});

describe('html adapter: every extracted character maps back to itself', () => {
  const piece = fc.constantFrom(
    'we', 'always', 'deliver', ' ', '\n', '\r\n', '<p>', '</p>', '<b>', '</b>', '<br>', '<li>', '<td>', '&amp;', '&nbsp;', '&#x1F680;',
    '&bogus;', '<!-- c -->', '<script>x</script>', '<span hidden>h</span>', 'é', '🚀', '{{n}}', 'www.e.com',
  );
  it('holds for generated documents', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), async (parts) => {
        const src = parts.join('');
        const lines = src.split(/\r\n|\n|\r/);
        const doc = await parse(src);
        for (const b of doc.blocks) {
          for (let i = 0; i < b.text.length; i++) {
            if (!/[\p{L}\p{N}]/u.test(b.text[i]!)) continue;
            const { line, column } = b.locate(i);
            const ch = lines[line - 1]![column - 1];
            if (ch !== b.text[i]) expect(ch).toBe('&');
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
