// Range-bounded fixes: a fix is cut down to the words that change; line breaks of every kind,
// indentation, list/quote/heading markers, markup and merge fields are never edited; an edit
// outside the finding's sentence is refused; --fix applies safe fixes, suggested ones only when
// their category is asked for.
import { describe, expect, it } from 'vitest';
import { boundFix, tokenize } from '../../src/rewrites/bound.js';
import { fixFile, fixWanted, planFixes } from '../../src/fix/fixer.js';
import type { FileResult, Finding, Fix } from '../../src/shared/types.js';

const fx = (text: string, from: string, to: string, kind?: Fix['kind']): Fix => {
  const i = text.indexOf(from);
  if (i < 0) throw new Error(`${from} not in ${text}`);
  return { range: [i, i + from.length], text: to, ...(kind ? { kind } : {}) };
};
const apply = (text: string, f: Fix): string => text.slice(0, f.range[0]) + f.text + text.slice(f.range[1]);

describe('boundFix', () => {
  it('cuts a whole-sentence fix down to the words that change', () => {
    const text = 'Hi Dana. We always deliver on time. Thanks.';
    const b = boundFix(text, fx(text, 'We always deliver on time.', 'We typically deliver on time.'));
    expect(b).toEqual({ ok: true, fix: { range: [12, 18], text: 'typically' } });
  });

  it('keeps the line break of a hard-wrapped sentence when the words around it do not change', () => {
    for (const eol of ['\n', '\r\n', '\r', '\u2028', ' \n', '\t\r\n']) {
      const text = `We always deliver${eol}overnight to your dock.${eol}Next line.`;
      // The rewrite stage wrote a plain space where the file has a break.
      const b = boundFix(text, fx(text, `We always deliver${eol}overnight`, 'We typically deliver within 2 days'));
      expect(b.ok, JSON.stringify(eol)).toBe(true);
      const out = apply(text, (b as { fix: Fix }).fix);
      expect(out).toBe(`We typically deliver${eol}within 2 days to your dock.${eol}Next line.`);
    }
  });

  it('keeps quote markers that continue a wrapped sentence', () => {
    const text = '> We always deliver\n> overnight to your dock.\n';
    const b = boundFix(text, fx(text, 'always deliver\n> overnight', 'typically deliver within 2 days'));
    expect(apply(text, (b as { fix: Fix }).fix)).toBe('> We typically deliver\n> within 2 days to your dock.\n');
  });

  it('refuses a fix that would join lines or add a line break', () => {
    const text = 'Rest\nassured, the layout doubles your pick rate.';
    expect(boundFix(text, fx(text, 'Rest\nassured, the', 'The'))).toEqual({
      ok: false,
      reason: "the rewrite would join the sentence's lines",
    });
    const one = 'We always ship.';
    expect(boundFix(one, fx(one, 'always', 'typically\n'))).toMatchObject({ ok: false });
    const cr = 'We always\rship on time.';
    expect(boundFix(cr, fx(cr, 'always\rship', 'typically ship'))).toMatchObject({ ok: true });
    expect(boundFix(cr, fx(cr, 'always\rship', 'ship'))).toMatchObject({ ok: false });
  });

  it("never changes a line's indentation, list, quote or heading marker, nor empties a line", () => {
    const list = '- Act now! Prices rise soon.\n  1. We always ship.\n';
    expect(boundFix(list, fx(list, '- Act now! ', ''))).toMatchObject({ ok: false });
    expect(boundFix(list, fx(list, 'Act now! ', ''))).toMatchObject({ ok: true });
    expect(boundFix(list, { range: [29, 33], text: '' })).toMatchObject({ ok: false });
    const lines = 'Act now!\nThe price is fixed.\n';
    expect(boundFix(lines, fx(lines, 'Act now!', ''))).toEqual({
      ok: false,
      reason: 'the rewrite would leave a line empty',
    });
    const heading = '## Always on time\n';
    expect(boundFix(heading, fx(heading, '## Always', 'Typically'))).toMatchObject({ ok: false });
    expect(boundFix(heading, fx(heading, 'Always', 'Typically'))).toMatchObject({ ok: true });
  });

  it('never edits markup, anchors, links or merge fields', () => {
    const cases: Array<[string, string, string]> = [
      ['## 12. Always end on a positive note. {#always}\n', 'always', 'typically'],
      ['Hi {{first_name}}, we always call.', 'first_name', 'name'],
      ['We ship to {city} always.', 'city', 'town'],
      ['We ship to [[city]] always.', 'city', 'town'],
      ['We ship to %CITY% always.', 'CITY', 'TOWN'],
      ['See [our record](https://example.com/always-overnight).', 'always', 'typically'],
      ['See https://example.com/always for the always-on plan.', 'always', 'typically'],
      ['Write to always@example.com today.', 'always', 'typically'],
      ['Run `always-on` now.', 'always', 'typically'],
      ['*Rest assured*, we ship.', '*Rest assured*, we', 'We'],
      ['<b>Always</b> on time.', '<b>', ''],
    ];
    for (const [text, from, to] of cases) {
      // The first occurrence is the one inside the protected span.
      expect(boundFix(text, fx(text, from, to)).ok, text).toBe(false);
    }
    // The words around them are fine.
    const ok = 'Hi {{first_name}}, we always call.';
    expect(boundFix(ok, fx(ok, 'always', 'typically'))).toMatchObject({ ok: true });
    const em = 'Our crews **always** finish.';
    expect(boundFix(em, fx(em, 'always', 'typically'))).toMatchObject({ ok: true });
  });

  it("refuses an edit outside the finding's sentence; a removed sentence may take its blanks", () => {
    const text = 'We ship. We always deliver. Thanks.';
    const sentence: [number, number] = [9, 27];
    expect(boundFix(text, fx(text, 'We ship. We always', 'We typically'), sentence)).toMatchObject({ ok: false });
    expect(boundFix(text, fx(text, 'always', 'typically'), sentence)).toMatchObject({ ok: true });
    expect(boundFix(text, fx(text, 'We always deliver. ', ''), sentence)).toMatchObject({ ok: true });
  });

  it('tokenizes every character exactly once (astral characters too)', () => {
    const s = 'We 🚚 always\r\n> deliver, 100% of the time!\u2028Done';
    expect(tokenize(s).join('')).toBe(s);
  });
});

describe('safe and suggested fixes', () => {
  const finding = (fix: Fix, category: Finding['category']): Finding =>
    ({
      ruleId: `r-${category}`,
      severity: 'warning',
      category,
      message: 'm',
      start: { line: 1, column: 1 },
      end: { line: 1, column: 1 },
      sentence: '',
      span: [0, 0],
      fix,
    }) as Finding;
  const text = 'We always ship overnight, guaranteed.';
  const result = (t: string, findings: Finding[]): FileResult => ({
    filePath: 'x.txt',
    format: 'text',
    findings,
    errorCount: 0,
    warningCount: findings.length,
    suggestionCount: 0,
    notices: [],
    source: { text: t, bom: false, encoding: 'utf8', eol: '\n' },
  });
  const safe = finding(fx(text, 'always', 'typically'), 'absolute');
  const suggested = finding(fx(text, ', guaranteed', '', 'suggested'), 'guarantee');

  it('plain --fix applies safe fixes only; --fix-type applies both kinds of its categories', async () => {
    expect(fixWanted(safe)).toBe(true);
    expect(fixWanted(suggested)).toBe(false);
    expect(fixWanted(suggested, new Set(['guarantee']))).toBe(true);
    expect(fixWanted(safe, new Set(['guarantee']))).toBe(false);
    const plan = planFixes(result(text, [safe, suggested]));
    expect(plan.todo.map((t) => t.finding)).toEqual([safe]);
    expect(plan.held).toEqual([suggested]);
    const relint = async (t: string): Promise<FileResult> => result(t, []);
    expect((await fixFile(result(text, [safe, suggested]), { relint })).output).toBe(
      'We typically ship overnight, guaranteed.',
    );
    const both = await fixFile(result(text, [safe, suggested]), {
      relint,
      types: new Set(['absolute', 'guarantee']),
    });
    expect(both.output).toBe('We typically ship overnight.');
  });
});
