import path from 'node:path';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import stylish, { excerpt, excerptSpans, MAX_SENTENCE, ONE_COLUMN, wrap } from '../../src/reporters/stylish.js';
import type { FileResult, Finding } from '../../src/shared/types.js';
import {
  allResults,
  cleanFile,
  context,
  CWD,
  findingIn,
  proposal,
  quoteDocx,
  RULES,
  unreadablePdf,
} from './fixtures.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** The caret line printed under `sentence`, checked to mark exactly `flagged`. */
function caretsUnder(out: string, sentence: string): string {
  const lines = out.split('\n');
  const i = lines.findIndex((l) => l.trim() === sentence);
  expect(i, `sentence line "${sentence}"`).toBeGreaterThan(-1);
  return lines[i + 1]!;
}

const count = (text: string, part: string): number => text.split(part).length - 1;

const rule = (id: string): Pick<Finding, 'ruleId' | 'severity' | 'category' | 'message'> => {
  const m = RULES.find((r) => r.id === id)!;
  return { ruleId: m.id, severity: m.severity, category: m.category, message: m.message };
};

// One sentence with three findings, all carrying the same whole-sentence rewrite (as the engine
// gives them), then the same sentence again further down.
const CREW_TEXT = [
  'Hi Diana,',
  '',
  'We will have the racks installed by Friday, and our crew always cleans up the best way.',
  '',
  'We will have the racks installed by Friday, and our crew always cleans up the best way.',
  '',
].join('\n');
const CREW = 'We will have the racks installed by Friday, and our crew always cleans up the best way.';
const CREW_REWRITE = 'We plan to have the racks installed by Friday, and our crew typically cleans up the same day.';

function crew(): FileResult {
  const second = CREW_TEXT.lastIndexOf(CREW);
  const findings = (text: string): Finding[] => [
    findingIn(text, CREW, 'will have the racks installed by Friday', rule('commitment-deadline'), {
      rewrite: CREW_REWRITE,
      suggestion: 'Say what the date depends on.',
      missingFacts: ['install.typical'],
    }),
    findingIn(text, CREW, 'always', rule('absolute-always'), {
      rewrite: CREW_REWRITE,
      suggestion: 'Name the hours.',
      missingFacts: ['install.typical'],
    }),
    findingIn(text, CREW, 'the best', rule('superlative-best'), {
      rewrite: CREW_REWRITE,
      fix: { range: [0, 1], text: 'x' },
    }),
  ];
  const first = findings(CREW_TEXT);
  // The copy: positions computed in the text after the first copy.
  const again = findings(CREW_TEXT.slice(second)).map((f) => ({
    ...f,
    start: { ...f.start, line: f.start.line + 4, offset: f.start.offset! + second },
    end: { ...f.end, line: f.end.line + 4, offset: f.end.offset! + second },
  }));
  return {
    filePath: path.join(CWD, 'mail', 'crew.txt'),
    format: 'text',
    notices: ['looks like an email: quoted replies are not linted'],
    findings: [...first, ...again],
    errorCount: 2,
    warningCount: 2,
    suggestionCount: 2,
  };
}

describe('stylish', () => {
  const out = stylish(allResults(), context());

  it('groups findings under the file path relative to cwd', () => {
    const lines = out.split('\n');
    expect(lines).toContain('proposals/rack-install.md');
    expect(lines).toContain('quotes/Q-1042 Acme, final.docx');
    expect(out).not.toContain(CWD);
  });

  it('prints line:column, severity, message and rule id, aligned within a file', () => {
    expect(out).toMatch(/^ {4}3:14 {2}error {7}Firm delivery date promised {2}commitment-deadline$/m);
    expect(out).toMatch(
      /^ {4}3:70 {2}warning {5}"Always" claims more than the contract guarantees {2}absolute-always$/m,
    );
    expect(out).toMatch(/^ {4}5:8 {3}suggestion {2}Unsupported superlative {2}superlative-best$/m);
  });

  it('shows each sentence once, every flagged phrase marked, its findings under it, then its one rewrite (issues 12, 14)', () => {
    const text = stylish([crew()], context());
    const lines = text.split('\n');
    // Two copies of the sentence in the file: each shown once, with its own three findings.
    expect(lines.filter((l) => l === `  ${CREW}`)).toHaveLength(2);
    const i = lines.indexOf(`  ${CREW}`);
    const at = (p: string): number => 2 + CREW.indexOf(p);
    const carets =
      ' '.repeat(at('will')) +
      '^'.repeat(39) +
      ' '.repeat(at('always') - at('will') - 39) +
      '^^^^^^' +
      ' '.repeat(at('the best') - at('always') - 6) +
      '^^^^^^^^';
    expect(lines[i + 1]).toBe(carets);
    expect(lines.slice(i + 2, i + 7)).toEqual([
      '    3:4   error       Firm delivery date promised  commitment-deadline',
      '    3:58  warning     "Always" claims more than the contract guarantees  absolute-always',
      '    3:75  suggestion  Unsupported superlative  superlative-best',
      `    ↳ rewrite: ${CREW_REWRITE}`,
      '    missing facts: install.typical',
    ]);
    expect(lines[i + 7]).toBe(`  ${CREW}`);
    expect(lines[i + 9]).toMatch(/^ {4}5:4 {3}error/);
    // The rewrite once per copy, not once per finding; no advice when there is a rewrite.
    expect(count(text, `↳ rewrite: ${CREW_REWRITE}`)).toBe(2);
    expect(text).not.toContain('Say what the date depends on.');
  });

  it("gives the rules' advice, once each, only for a sentence with no rewrite", () => {
    expect(out).toContain('\n    → Name the actual support hours.\n');
    expect(out).not.toContain('Say what the date depends on.');
    const r = proposal();
    const f = r.findings[1]!;
    r.findings = [{ ...f, ruleId: 'other', span: [0, 3] }, f];
    expect(count(stylish([r], context()), '→ Name the actual support hours.')).toBe(1);
  });

  it('prints the rewrite and the missing facts', () => {
    expect(out).toContain(
      '    ↳ rewrite: We plan to have the racks installed by Friday, provided the hardware arrives by [date].\n',
    );
    expect(out).toContain('    missing facts: hardware delivery date\n');
  });

  it('says a rewrite that removes the sentence in words', () => {
    const r = proposal();
    r.findings = [{ ...r.findings[0]!, rewrite: '' }];
    expect(stylish([r], context())).toContain('    ↳ rewrite: (remove the sentence)\n');
  });

  it('prints per-file notices only when verbose (issue 14)', () => {
    expect(stylish([quoteDocx()], context())).not.toContain('tracked changes');
    const verbose = stylish([quoteDocx()], context({ verbose: true }));
    expect(verbose).toContain('quotes/Q-1042 Acme, final.docx\n  note: tracked changes were accepted before linting\n');
    expect(verbose).toMatch(/^ {4}¶12:34 {2}error {2}Uptime guaranteed/m);
  });

  it('labels pdf, csv and decoded email positions', () => {
    const r = proposal();
    const [a, b, c] = r.findings as [Finding, Finding, Finding];
    r.findings = [
      { ...a, start: { line: 14, column: 5, page: 3 } },
      { ...b, start: { line: 4, column: 12, row: 4, field: 'Notes' } },
      { ...c, start: { line: 9, column: 2, part: '1.2 text/html', decoded: true } },
    ];
    const text = stylish([r], context());
    expect(text).toContain('    p3 l14:5  ');
    expect(text).toContain('    row 4 [Notes]:12  ');
    expect(text).toContain('    9:2 (decoded part 1.2)  ');
  });

  it('shows an unreadable file as a one-line error under its name', () => {
    const text = stylish([unreadablePdf()], context());
    expect(text).toContain('scans/contract.pdf\n  error  not a PDF file (no %PDF header)\n');
    expect(text).toContain('✖ 1 file could not be read');
    expect(text).not.toContain('problem');
    expect(text).not.toContain('rules explain');
  });

  it('ends with the totals by severity, the number --fix can fix, and where to read why (issue 14)', () => {
    expect(out.trimEnd().split('\n').slice(-3)).toEqual([
      '✖ 4 problems (2 errors, 1 warning, 1 suggestion), 1 fixable with --fix',
      '✖ 1 file could not be read',
      'Run `pitchlint rules explain <rule-id>` for why.',
    ]);
    const one = proposal();
    one.findings = one.findings.slice(0, 1);
    Object.assign(one, { errorCount: 1, warningCount: 0, suggestionCount: 0 });
    expect(stylish([one], context()).trimEnd().split('\n').slice(-2)).toEqual([
      '✖ 1 problem (1 error, 0 warnings, 0 suggestions)',
      'Run `pitchlint rules explain <rule-id>` for why.',
    ]);
    expect(stylish([crew()], context())).toContain(
      '✖ 6 problems (2 errors, 2 warnings, 2 suggestions), 2 fixable with --fix\n',
    );
  });

  it('prints nothing at all when there is nothing to report', () => {
    expect(stylish([], context())).toBe('');
    expect(stylish([cleanFile()], context())).toBe('');
    // Notices alone are not worth printing for a clean file, even when verbose.
    expect(stylish([{ ...cleanFile(), notices: ['positions are in decoded text'] }], context({ verbose: true }))).toBe(
      '',
    );
  });

  it('leaves colour codes out entirely when colour is off', () => {
    expect(out).not.toMatch(ANSI);
  });

  it('highlights every flagged phrase and the changed words of the rewrite when colour is on, without mark lines', () => {
    const text = stylish([crew()], context({ color: true }));
    expect(text).toMatch(ANSI);
    expect(text).toContain(
      'We \u001b[1m\u001b[4mwill have the racks installed by Friday\u001b[24m\u001b[22m, and our crew \u001b[1m\u001b[4malways\u001b[24m\u001b[22m',
    );
    expect(text).toContain('\u001b[1m\u001b[32mtypically\u001b[39m\u001b[22m');
    expect(text).toContain('\u001b[31merror');
    expect(text).toContain('\u001b[33mwarning');
    expect(text).toContain('\u001b[36msuggestion');
    expect(text).not.toContain('^^^');
    // Without colour the rewrite is printed as is, so it can be copied.
    expect(stylish([crew()], context())).not.toContain('+++');
  });

  describe('wrapped to the terminal width (issue 14)', () => {
    const width = 60;
    const text = stylish([crew(), ...allResults()], context({ width }));
    const lines = text.split('\n');

    it('keeps every line within the width', () => {
      for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(width);
      // The same in colour: escape codes take no columns.
      for (const l of stylish([crew()], context({ width, color: true })).split('\n'))
        expect(stringWidth(l.replace(ANSI, ''))).toBeLessThanOrEqual(width);
    });

    it('breaks the sentence between words and marks the flagged words on each line', () => {
      const i = lines.indexOf('  We will have the racks installed by Friday, and our crew');
      expect(i).toBeGreaterThan(-1);
      expect(lines.slice(i + 1, i + 4)).toEqual([
        `     ${'^'.repeat(39)}`,
        '  always cleans up the best way.',
        '  ^^^^^^           ^^^^^^^^',
      ]);
    });

    it('wraps messages under the message column and the rewrite under its start', () => {
      const j = lines.findIndex((l) => l.startsWith('    3:58'));
      expect(lines[j]).toBe('    3:58  warning     "Always" claims more than the contract');
      expect(lines[j + 1]).toBe('                      guarantees  absolute-always');
      const k = lines.findIndex((l) => l.startsWith(`    ↳ rewrite: We plan to have the racks`));
      expect(lines[k + 1]!.startsWith(' '.repeat('    ↳ rewrite: '.length))).toBe(true);
      expect(lines[k + 1]!.trim().length).toBeGreaterThan(0);
    });

    it('does not wrap without a width', () => {
      expect(stylish([crew()], context()).split('\n')).toContain(`  ${CREW}`);
    });
  });

  it('aligns carets under wide characters by display width', () => {
    const r = proposal();
    const sentence = '弊社は必ず金曜日までに納品します。';
    const span: [number, number] = [3, 5]; // 必ず
    r.findings = [{ ...r.findings[0]!, sentence, span }];
    expect(caretsUnder(stylish([r], context()), sentence)).toBe(`  ${' '.repeat(6)}^^^^`);
  });

  it('replaces control characters so a document cannot drive the terminal', () => {
    const r = proposal();
    r.filePath = path.join(CWD, 'evil\u001b[2J.md');
    r.findings = [
      {
        ...r.findings[0]!,
        sentence: 'We\u001b[31m will\tdeliver.',
        span: [8, 13],
        rewrite: 'We\u001b[2J plan to deliver.',
      },
    ];
    const text = stylish([r], context({ color: true }));
    expect(text.replace(ANSI, '')).not.toContain('\u001b');
    expect(caretsUnder(stylish([r], context()), 'We\uFFFD[31m will deliver.')).toBe(`  ${' '.repeat(8)}^^^^^`);
  });

  it('cuts a long sentence around the flagged words with ellipses', () => {
    const before = 'Further to our many conversations over the last quarter about the migration, '.repeat(3);
    const after = ' and we will keep the old system running in parallel for as long as your team needs it.'.repeat(2);
    const sentence = `${before}we guarantee zero downtime${after}`;
    const start = sentence.indexOf('we guarantee');
    const r = proposal();
    r.findings = [{ ...r.findings[0]!, sentence, span: [start, start + 'we guarantee zero downtime'.length] }];
    const lines = stylish([r], context()).split('\n');
    const i = lines.findIndex((l) => l.includes('we guarantee zero downtime'));
    const shown = lines[i]!.slice(2);
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

  it('excerptSpans keeps every span that fits in the window, shifted with the text', () => {
    const sentence = `${'x'.repeat(200)} always ${'y'.repeat(20)} never ${'z'.repeat(200)}`;
    const a = sentence.indexOf('always');
    const n = sentence.indexOf('never');
    const { text, spans } = excerptSpans(sentence, [
      [a, a + 6],
      [n, n + 5],
    ]);
    expect(spans.map(([s, e]) => text.slice(s, e))).toEqual(['always', 'never']);
  });

  it('wrap breaks between words, never wider than the width, and loses no word', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^(?:[a-z]|😀){1,12}$/u), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 20, max: 90 }),
        (words, width) => {
          const text = words.join(' ');
          const spans = wrap(text, width);
          for (const [a, b] of spans) expect(stringWidth(text.slice(a, b))).toBeLessThanOrEqual(width);
          // Nothing is lost: the lines cover the text in order, and only spaces fall between them
          // (none where a word wider than the line had to be broken).
          expect(spans[0]![0]).toBe(0);
          expect(spans.at(-1)![1]).toBe(text.length);
          for (let i = 1; i < spans.length; i++) expect(text.slice(spans[i - 1]![1], spans[i]![0])).toMatch(/^ *$/);
        },
      ),
    );
  });
});

describe('the one-column fast path', () => {
  // Every character the class admits, checked against string-width: one column, and a grapheme
  // cluster of its own next to a letter or itself (no mark, joiner or prepended character), so a
  // string of them is exactly as wide as it is long.
  const segmenter = new Intl.Segmenter();
  const clusters = (s: string): number => [...segmenter.segment(s)].length;
  const admitted: string[] = [];
  for (let cp = 0; cp <= 0xffff; cp++) {
    const ch = String.fromCharCode(cp);
    if (ONE_COLUMN.test(ch)) admitted.push(ch);
  }

  it('admits the reporter\u2019s own marks and common punctuation, not emoji or combining marks', () => {
    expect(ONE_COLUMN.test('    ↳ rewrite: We typically deliver within 48 hours…')).toBe(true);
    expect(ONE_COLUMN.test('✖ 2 problems — “quoted” → café')).toBe(true);
    expect(ONE_COLUMN.test('ship it ✅')).toBe(false);
    expect(ONE_COLUMN.test('cafe\u0301')).toBe(false);
    expect(ONE_COLUMN.test('soft\u00adhyphen')).toBe(false);
    expect(ONE_COLUMN.test('配送')).toBe(false);
    expect(admitted.length).toBeGreaterThan(1500);
  });

  it('gives the width string-width gives, for every admitted character', () => {
    const wrong = admitted.filter(
      (ch) => stringWidth(ch) !== 1 || clusters(`a${ch}`) !== 2 || clusters(`${ch}a`) !== 2 || clusters(ch + ch) !== 2,
    );
    expect(wrong.map((ch) => ch.codePointAt(0)!.toString(16))).toEqual([]);
  });
});
