import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownAdapter } from '../../src/adapters/markdown.js';
import { PLACEHOLDER } from '../../src/adapters/placeholder.js';
import type { InputDocument, TextBlock } from '../../src/types.js';

const parse = (text: string | Buffer): Promise<InputDocument> =>
  markdownAdapter.parse({ filePath: 'proposal.md', bytes: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8') }, {});

/** Location of the first occurrence of `word` in the block. */
function at(block: TextBlock, word: string, nth = 0) {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = block.text.indexOf(word, i + 1);
  if (i < 0) throw new Error(`"${word}" not in "${block.text}"`);
  const loc = block.locate(i);
  return { line: loc.line, column: loc.column };
}

function find(doc: InputDocument, needle: string): TextBlock {
  const b = doc.blocks.find((x) => x.text.includes(needle));
  if (!b) throw new Error(`no block with "${needle}": ${JSON.stringify(doc.blocks.map((x) => x.text))}`);
  return b;
}

const PROPOSAL = [
  '---', //                                                         1
  'title: Rack installation proposal', //                           2
  'customer: Northwind Storage', //                                 3
  '---', //                                                         4
  '# Proposal for *Northwind* racks', //                            5
  '', //                                                            6
  'Our crew will **always** arrive on site before 8am, and we', //  7
  'deliver _guaranteed_ results on every [install](https://example.com/install "How we install").', // 8
  '', //                                                            9
  '- We typically deliver within 48 hours.', //                     10
  '- Setup is `npm run setup` and never fails.', //                 11
  '  1. Nested item: zero downtime.', //                            12
  '', //                                                            13
  '> Earlier note: we aim to respond within one business day.', //  14
  '', //                                                            15
  '<!-- internal: we guarantee 100% uptime -->', //                 16
  '', //                                                            17
  '```', //                                                         18
  'we always deliver overnight', //                                 19
  '```', //                                                         20
  '', //                                                            21
  '| Item | Terms |', //                                             22
  '| ---- | ----- |', //                                             23
  '| Racks | Delivered **overnight**, every time |', //             24
  '', //                                                            25
  'Questions? See <https://example.com/faq> or www.example.com today.', // 26
  '', //                                                            27
  'Prices: 5 \\* 10 racks &amp; cabling, AT&T lines.', //          28
  '',
].join('\n');

describe('markdown adapter', () => {
  it('is a writable markdown adapter', () => {
    expect(markdownAdapter.name).toBe('markdown');
    expect(markdownAdapter.writable).toBe(true);
    expect(markdownAdapter.extensions).toEqual(['.md', '.markdown']);
  });

  it('extracts prose blocks with their kinds, skipping code, HTML and front matter', async () => {
    const doc = await parse(PROPOSAL);
    expect(doc.format).toBe('markdown');
    expect(doc.source?.text).toBe(PROPOSAL);
    const summary = doc.blocks.map((b) => [b.kind, b.text]);
    expect(summary).toEqual([
      ['heading', 'Proposal for Northwind racks'],
      ['paragraph', 'Our crew will always arrive on site before 8am, and we deliver guaranteed results on every install.'],
      ['list-item', 'We typically deliver within 48 hours.'],
      ['list-item', `Setup is ${PLACEHOLDER} and never fails.`],
      ['list-item', 'Nested item: zero downtime.'],
      ['blockquote', 'Earlier note: we aim to respond within one business day.'],
      ['table-cell', 'Item'],
      ['table-cell', 'Terms'],
      ['table-cell', 'Racks'],
      ['table-cell', 'Delivered overnight, every time'],
      ['paragraph', `Questions? See ${PLACEHOLDER} or ${PLACEHOLDER} today.`],
      ['paragraph', 'Prices: 5 * 10 racks & cabling, AT&T lines.'],
    ]);
    const all = doc.blocks.map((b) => b.text).join('\n');
    expect(all).not.toContain('100% uptime');
    expect(all).not.toContain('overnight\n');
    expect(all).not.toContain('Rack installation proposal');
    expect(all).not.toContain('example.com');
  });

  it('maps words inside emphasis, links and wrapped lines to exact line/column', async () => {
    const doc = await parse(PROPOSAL);
    const p = find(doc, 'Our crew');
    expect(at(p, 'always')).toEqual({ line: 7, column: 17 });
    expect(at(p, 'arrive')).toEqual({ line: 7, column: 26 });
    expect(at(p, 'deliver')).toEqual({ line: 8, column: 1 });
    expect(at(p, 'guaranteed')).toEqual({ line: 8, column: 10 });
    expect(at(p, 'install')).toEqual({ line: 8, column: 40 });
    // The last character of "always" is just before the closing **.
    const i = p.text.indexOf('always');
    expect(p.locate(i + 'always'.length - 1)).toMatchObject({ line: 7, column: 22 });
    expect(p.sourceOffset!(i + 'always'.length - 1) + 1).toBe(PROPOSAL.indexOf('always**') + 6);
    expect(p.sourceOffset!(i)).toBe(PROPOSAL.indexOf('always'));
    // The joining space of the wrapped line is synthetic.
    expect(p.sourceOffset!(p.text.indexOf(' deliver'))).toBe(-1);
    expect(at(find(doc, 'Northwind'), 'Northwind')).toEqual({ line: 5, column: 17 });
  });

  it('maps list items, quotes, table cells, escapes and entities', async () => {
    const doc = await parse(PROPOSAL);
    expect(at(find(doc, 'typically'), 'within')).toEqual({ line: 10, column: 24 });
    expect(at(find(doc, 'never fails'), 'never')).toEqual({ line: 11, column: 32 });
    expect(at(find(doc, 'zero downtime'), 'zero')).toEqual({ line: 12, column: 19 });
    expect(at(find(doc, 'Earlier note'), 'respond')).toEqual({ line: 14, column: 27 });
    expect(at(find(doc, 'Delivered'), 'overnight')).toEqual({ line: 24, column: 23 });
    expect(at(find(doc, 'Delivered'), 'every')).toEqual({ line: 24, column: 36 });
    const prices = find(doc, 'Prices');
    expect(at(prices, '*')).toEqual({ line: 28, column: 12 }); // the escaped char, after "\"
    expect(at(prices, '10')).toEqual({ line: 28, column: 14 });
    expect(at(prices, '&')).toEqual({ line: 28, column: 23 }); // &amp; maps to its "&"
    expect(at(prices, 'cabling')).toEqual({ line: 28, column: 29 });
    expect(at(prices, 'AT&T')).toEqual({ line: 28, column: 38 });
    expect(at(find(doc, 'Questions'), 'today')).toEqual({ line: 26, column: 61 });
  });

  it('keeps exact positions in CRLF files', async () => {
    const doc = await parse(PROPOSAL.replace(/\n/g, '\r\n'));
    expect(doc.source?.eol).toBe('\r\n');
    const p = find(doc, 'Our crew');
    expect(p.text).toBe('Our crew will always arrive on site before 8am, and we deliver guaranteed results on every install.');
    expect(at(p, 'always')).toEqual({ line: 7, column: 17 });
    expect(at(p, 'deliver')).toEqual({ line: 8, column: 1 });
    expect(at(find(doc, 'Delivered'), 'overnight')).toEqual({ line: 24, column: 23 });
  });

  it('keeps exact positions in files with a BOM', async () => {
    const doc = await parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('We **guarantee** it.\n\nSecond line here.\n')]));
    expect(doc.source?.bom).toBe(true);
    expect(at(doc.blocks[0]!, 'guarantee')).toEqual({ line: 1, column: 6 });
    expect(doc.blocks[0]!.sourceOffset!(3)).toBe(5); // offsets are in the text without the BOM
    expect(at(doc.blocks[1]!, 'Second')).toEqual({ line: 3, column: 1 });
  });

  it('counts columns in UTF-16 code units', async () => {
    const doc = await parse('Réponse 🚀 rapide: we **always** deliver.\n');
    expect(at(doc.blocks[0]!, 'always')).toEqual({ line: 1, column: 25 });
  });

  it('separates list items and table cells into blocks, and lines joined by hard breaks', async () => {
    const doc = await parse('* one item here\n* two item here\n\nLine one  \nline two\\\nline three\n');
    expect(doc.blocks.map((b) => b.text)).toEqual(['one item here', 'two item here', 'Line one line two line three']);
    expect(at(doc.blocks[2]!, 'three')).toEqual({ line: 6, column: 6 });
  });

  it('drops HTML blocks, inline HTML tags and indented code but keeps the words apart', async () => {
    const doc = await parse('<div>\nwe always deliver\n</div>\n\nFast<br>delivery and <b>care</b>.\n\n    indented code always\n');
    expect(doc.blocks.map((b) => b.text)).toEqual(['Fast delivery and care.']);
    expect(at(doc.blocks[0]!, 'care')).toEqual({ line: 5, column: 25 });
  });

  it('handles TOML front matter and task lists', async () => {
    const doc = await parse('+++\nguarantee = "always"\n+++\n\n- [x] Ship racks by Friday\n');
    expect(doc.blocks.map((b) => b.text)).toEqual(['Ship racks by Friday']);
    expect(at(doc.blocks[0]!, 'Friday')).toEqual({ line: 5, column: 21 });
  });

  it('refuses binary content', async () => {
    await expect(parse(Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]))).rejects.toThrow(/binary/);
  });
});

describe('markdown adapter: every extracted character maps back to itself', () => {
  // Property: a real (non-synthetic) character of a block sits at its source offset, except a
  // decoded character reference, which maps to its "&".
  const piece = fc.constantFrom(
    'we', 'always', 'deliver', ' ', ' ', '\n', '\n\n', '\r\n', '**', '_', '`x`', '[link](http://e.com)', '<b>', '</b>', '&amp;', '\\*',
    '> ', '- ', '1. ', '# ', '| a | b |\n|---|---|\n| c | d |\n', '```\ncode\n```\n', 'https://e.com/x', '{{name}}', 'é', '🚀',
  );
  it('holds for generated documents', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), async (parts) => {
        const src = parts.join('');
        const doc = await parse(src);
        for (const b of doc.blocks) {
          for (let i = 0; i < b.text.length; i++) {
            const o = b.sourceOffset!(i);
            if (o >= 0 && src[o] !== b.text[i]) expect(src[o]).toBe('&');
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
