// A fix is made only where it is safe: no placeholder left, and an edit that maps one to one
// onto the file's characters. Markdown markup around the words stays; an edit that would cross
// markup, an escape or synthetic text gets a rewrite but no fix; a hard line break inside a
// paragraph may be crossed by the words of a rewrite, but the bound (applied where the fix is
// built) refuses any edit that would remove it. Formats that cannot be written back never get a fix.
import { describe, expect, it } from 'vitest';
import type { RuleSource } from '../../src/rules/definition.js';
import type { Finding } from '../../src/shared/types.js';
import { factsOf, lintText, phraseRule as rule, ruleSetOf } from '../rewrites/helpers.js';
import { boundFix } from '../../src/rewrites/bound.js';

const always = rule({ id: 'always', phrases: ['always'], rewrite: { replace: { always: 'typically' } } });
const assured = rule({
  id: 'assured',
  category: 'guarantee',
  phrases: ['rest assured'],
  rewrite: { replace: { 'rest assured': '' } },
});
const overnight = rule({
  id: 'overnight',
  category: 'speed',
  phrases: ['overnight'],
  rewrite: { replace: { overnight: 'within {facts.delivery.typical}' }, hedge: 'typically' },
});
const act = rule({ id: 'act', category: 'pressure', phrases: ['act now'], rewrite: { replace: { 'act now': '' } } });

async function lint(text: string, file: string, rules: RuleSource[], facts?: Record<string, unknown>) {
  return lintText(text, await ruleSetOf(rules), factsOf(facts), file);
}

/** Apply every fix of a result (they do not overlap in these tests). */
function fixed(text: string, findings: Finding[]): string {
  let out = text;
  for (const f of [...findings].filter((x) => x.fix).sort((a, b) => b.fix!.range[0] - a.fix!.range[0]))
    out = out.slice(0, f.fix!.range[0]) + f.fix!.text + out.slice(f.fix!.range[1]);
  return out;
}

describe('fixes in Markdown', () => {
  it('edits the words inside emphasis and links, never the markup', async () => {
    const md =
      '# Plan\n\nOur crews **always** finish on time. See [how we always call](https://example.com/always) ahead.\n';
    const r = await lint(md, 'p.md', [always]);
    expect(r.findings).toHaveLength(2);
    expect(r.findings.every((f) => f.fix)).toBe(true);
    expect(fixed(md, r.findings)).toBe(
      '# Plan\n\nOur crews **typically** finish on time. See [how we typically call](https://example.com/always) ahead.\n',
    );
  });

  it('gives a rewrite but no fix when the edit would cross markup', async () => {
    const md = '*Rest assured*, the layout doubles your pick rate.\n';
    const [f] = (await lint(md, 'p.md', [assured])).findings;
    expect(f!.rewrite).toBe('The layout doubles your pick rate.');
    expect(f!.fix).toBeUndefined();
  });

  it('never writes Markdown markup from a fact value into a .md file (a .txt file is fine)', async () => {
    const facts = { delivery: { typical: '2-3 *business* days' } };
    const md = (await lint('We deliver overnight.\n', 'p.md', [overnight], facts)).findings[0]!;
    expect(md.rewrite).toBe('We typically deliver within 2-3 *business* days.');
    expect(md.fix).toBeUndefined();
    const txt = (await lint('We deliver overnight.\n', 'p.txt', [overnight], facts)).findings[0]!;
    expect(txt.fix).toBeDefined();
  });

  it('removes a whole sentence with the space after it, but never a whole block', async () => {
    const md = '# Act now!\n\nAct now! The price is fixed until June.\n';
    const r = await lint(md, 'p.md', [act]);
    const [heading, para] = r.findings;
    expect(heading!.rewrite).toBe('');
    expect(heading!.fix).toBeUndefined();
    expect(fixed(md, [para!])).toBe('# Act now!\n\nThe price is fixed until June.\n');
  });
});

describe('fixes in plain text', () => {
  it('never joins a hard-wrapped sentence: a fix that would remove a line break is refused (CRLF too)', async () => {
    for (const eol of ['\n', '\r\n']) {
      const txt = `Hi Dana,${eol}${eol}Rest${eol}assured, the layout doubles your pick rate.${eol}`;
      const r = await lint(txt, 'e.txt', [assured]);
      const [f] = r.findings;
      expect(f!.rewrite).toBe('The layout doubles your pick rate.');
      // The rewrite stage bounds the fix it builds: the edit would join the lines, so there is none.
      expect(f!.fix).toBeUndefined();
      // And the bound refuses the unbounded sentence edit the fixer would otherwise be given.
      const s = txt.indexOf('Rest');
      expect(boundFix(txt, { range: [s, txt.indexOf(' the') + 4], text: 'The' })).toEqual({
        ok: false,
        reason: expect.stringMatching(/line/),
      });
    }
  });

  it("keeps the file's own line breaks between words that do not change", async () => {
    for (const eol of ['\n', '\r\n']) {
      const txt = `We always deliver${eol}overnight to your dock.${eol}`;
      const r = await lint(txt, 'e.txt', [overnight], { delivery: { typical: '2 days' } });
      expect(r.findings[0]!.rewrite).toBe('We typically deliver within 2 days to your dock.');
      expect(fixed(txt, r.findings)).toBe(`We typically deliver${eol}within 2 days to your dock.${eol}`);
    }
  });

  it('keeps a placeholder rewrite out of the fixes', async () => {
    const [f] = (await lint('We deliver overnight.\n', 'p.txt', [overnight])).findings;
    expect(f!.rewrite).toBe('We typically deliver within [typical delivery time].');
    expect(f!.missingFacts).toEqual(['delivery.typical']);
    expect(f!.fix).toBeUndefined();
  });
});

describe('formats that cannot be written back', () => {
  it('carry the rewrite but no fix (HTML, email)', async () => {
    const html = '<html><body><p>We <b>always</b> ship on time.</p></body></html>';
    const [h] = (await lint(html, 'p.html', [always])).findings;
    expect(h!.rewrite).toBe('We typically ship on time.');
    expect(h!.fix).toBeUndefined();
    const eml =
      'From: a@example.com\r\nTo: b@example.com\r\nSubject: Plan\r\nContent-Type: text/plain\r\n\r\nWe always ship on time.\r\n';
    const [e] = (await lint(eml, 'm.eml', [always])).findings;
    expect(e!.rewrite).toBe('We typically ship on time.');
    expect(e!.fix).toBeUndefined();
  });
});
