import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import stylish, { excerpt, MAX_SENTENCE } from '../../src/reporters/stylish.js';
import type { FileResult } from '../../src/shared/types.js';
import { allResults, cleanFile, context, CWD, proposal, quoteDocx, unreadablePdf } from './fixtures.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/;

/** The caret line printed under `sentence`, checked to mark exactly `flagged`. */
function caretsUnder(out: string, sentence: string): string {
  const lines = out.split('\n');
  const i = lines.findIndex((l) => l.trim() === sentence);
  expect(i, `sentence line "${sentence}"`).toBeGreaterThan(-1);
  return lines[i + 1]!;
}

describe('stylish', () => {
  const out = stylish(allResults(), context());

  it('groups findings under the file path relative to cwd', () => {
    const lines = out.split('\n');
    expect(lines).toContain('proposals/rack-install.md');
    expect(lines).toContain('quotes/Q-1042 Acme, final.docx');
    expect(out).not.toContain(CWD);
  });

  it('prints line:column, severity, message and rule id', () => {
    expect(out).toMatch(/^ {2}3:14 {2}error {7}Firm delivery date promised {2}commitment-deadline$/m);
    expect(out).toMatch(
      /^ {2}3:70 {2}warning {5}"Always" claims more than the contract guarantees {2}absolute-always$/m,
    );
    expect(out).toMatch(/^ {2}5:8 {3}suggestion {2}Unsupported superlative {2}superlative-best$/m);
  });

  it('puts carets under exactly the flagged span when colour is off', () => {
    const line = '    We will have the racks installed by Friday.';
    const carets = caretsUnder(out, line.trim());
    const start = line.indexOf('will');
    expect(carets).toBe(' '.repeat(start) + '^'.repeat('will have the racks installed by Friday'.length));
    expect(caretsUnder(out, 'Our support is always available.')).toBe(`    ${' '.repeat(15)}${'^'.repeat(16)}`);
    expect(caretsUnder(out, 'We are the best integrator in the region.')).toBe(`    ${' '.repeat(7)}^^^^^^^^`);
  });

  it('prints the suggestion, the rewrite and the missing facts', () => {
    expect(out).toContain('    → Say what the date depends on.\n');
    expect(out).toContain(
      '    ↳ rewrite: We plan to have the racks installed by Friday, provided the hardware arrives by [date].\n',
    );
    expect(out).toContain('    missing facts: hardware delivery date\n');
  });

  it('labels a docx position by paragraph and shows the file notices', () => {
    const docx = stylish([quoteDocx()], context());
    expect(docx).toContain('\n  tracked changes were accepted before linting\n');
    expect(docx).toMatch(/^ {2}¶12:34 {2}error {2}Uptime guaranteed/m);
  });

  it('labels pdf, csv and decoded email positions', () => {
    const r = proposal();
    const [a, b, c] = r.findings as [
      FileResult['findings'][number],
      FileResult['findings'][number],
      FileResult['findings'][number],
    ];
    r.findings = [
      { ...a, start: { line: 14, column: 5, page: 3 } },
      { ...b, start: { line: 4, column: 12, row: 4, field: 'Notes' } },
      { ...c, start: { line: 9, column: 2, part: '1.2 text/html', decoded: true } },
    ];
    const text = stylish([r], context());
    expect(text).toContain('  p3 l14:5  ');
    expect(text).toContain('  row 4 [Notes]:12  ');
    expect(text).toContain('  9:2 (decoded part 1.2)  ');
  });

  it('shows an unreadable file as a one-line error under its name', () => {
    const text = stylish([unreadablePdf()], context());
    expect(text).toContain('scans/contract.pdf\n  error  not a PDF file (no %PDF header)\n');
    expect(text).toContain('✖ 1 file could not be read');
    expect(text).not.toContain('problem');
  });

  it('ends with the totals, counting each severity', () => {
    expect(out.trimEnd().split('\n').slice(-2)).toEqual([
      '✖ 4 problems (2 errors, 1 warning, 1 suggestion)',
      '✖ 1 file could not be read',
    ]);
    const one = proposal();
    one.findings = one.findings.slice(0, 1);
    Object.assign(one, { errorCount: 1, warningCount: 0, suggestionCount: 0 });
    expect(stylish([one], context()).trimEnd().split('\n').at(-1)).toBe(
      '✖ 1 problem (1 error, 0 warnings, 0 suggestions)',
    );
  });

  it('prints nothing at all when there is nothing to report', () => {
    expect(stylish([], context())).toBe('');
    expect(stylish([cleanFile()], context())).toBe('');
    // Notices alone are not worth printing for a clean file.
    expect(stylish([{ ...cleanFile(), notices: ['positions are in decoded text'] }], context())).toBe('');
  });

  it('leaves colour codes out entirely when colour is off', () => {
    expect(out).not.toMatch(ANSI);
  });

  it('highlights the span and colours severities when colour is on, without a caret line', () => {
    const text = stylish([proposal()], context({ color: true }));
    expect(text).toMatch(ANSI);
    // bold + underline around exactly the flagged words
    expect(text).toContain('We \u001b[1m\u001b[4mwill have the racks installed by Friday\u001b[24m\u001b[22m.');
    expect(text).toContain('\u001b[31merror');
    expect(text).toContain('\u001b[33mwarning');
    expect(text).toContain('\u001b[36msuggestion');
    expect(text).not.toContain('^^^');
  });

  it('aligns carets under wide characters by display width', () => {
    const r = proposal();
    const sentence = '弊社は必ず金曜日までに納品します。';
    const span: [number, number] = [3, 5]; // 必ず
    r.findings = [{ ...r.findings[0]!, sentence, span }];
    expect(caretsUnder(stylish([r], context()), sentence)).toBe(`    ${' '.repeat(6)}^^^^`);
  });

  it('replaces control characters so a document cannot drive the terminal', () => {
    const r = proposal();
    r.filePath = path.join(CWD, 'evil\u001b[2J.md');
    r.findings = [{ ...r.findings[0]!, sentence: 'We\u001b[31m will\tdeliver.', span: [8, 13] }];
    const text = stylish([r], context());
    expect(text).not.toContain('\u001b');
    expect(caretsUnder(text, 'We\uFFFD[31m will deliver.')).toBe(`    ${' '.repeat(8)}^^^^^`);
  });

  it('cuts a long sentence around the span with ellipses', () => {
    const before = 'Further to our many conversations over the last quarter about the migration, '.repeat(3);
    const after = ' and we will keep the old system running in parallel for as long as your team needs it.'.repeat(2);
    const sentence = `${before}we guarantee zero downtime${after}`;
    const start = sentence.indexOf('we guarantee');
    const r = proposal();
    r.findings = [{ ...r.findings[0]!, sentence, span: [start, start + 'we guarantee zero downtime'.length] }];
    const lines = stylish([r], context()).split('\n');
    const i = lines.findIndex((l) => l.includes('we guarantee zero downtime'));
    const shown = lines[i]!.slice(4);
    expect(shown.startsWith('…') && shown.endsWith('…')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(MAX_SENTENCE + 2);
    const carets = lines[i + 1]!;
    expect(carets.indexOf('^')).toBe(lines[i]!.indexOf('we guarantee'));
    expect(carets.trim()).toBe('^'.repeat('we guarantee zero downtime'.length));
  });

  it('excerpt always keeps the span start visible and marks exactly the visible span', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.', '😀'), maxLength: 500 }),
        fc.nat(),
        fc.nat(),
        (sentence, x, y) => {
          const s = sentence.length ? x % (sentence.length + 1) : 0;
          const e = s + (sentence.length ? y % (sentence.length - s + 1) : 0);
          const { text, span } = excerpt(sentence, [s, e]);
          expect(text.length).toBeLessThanOrEqual(MAX_SENTENCE + 3);
          const flagged = text.slice(span[0], span[1]);
          // What is marked is the span itself, or its beginning when the span is too long to show.
          expect(sentence.slice(s, e).startsWith(flagged.replace(/…$/, ''))).toBe(true);
          if (sentence.length <= MAX_SENTENCE) expect(text).toBe(sentence);
          // No half surrogate pairs at the cut edges.
          expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(text.replace(/^…|…$/g, ''))).toBe(false);
        },
      ),
    );
  });
});
