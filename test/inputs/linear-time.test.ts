// Linear time on hostile input (issue 17): each input class that used to be quadratic (a run-on
// sentence, unclosed Markdown emphasis and links, one huge HTML paragraph, a file of entities, a
// huge CSV cell, unclosed `{{`, thousands of directives, CR-only lines) is linted at two sizes, four
// times apart; the CPU time may grow about fourfold, not sixteenfold. The full table, up to 10 MB,
// is scripts/bench-inputs.mjs.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/api.js';
import { applyDirectives } from '../../src/suppressions/apply.js';
import type { Directive } from '../../src/suppressions/directives.js';
import { splitSentences, MAX_UNIT } from '../../src/text/sentences.js';
import type { Finding } from '../../src/shared/types.js';
import { CLASSES as DOCUMENTS, fill, word } from '../fuzz/documents.mjs';

// The classes and their generators are shared with scripts/bench-inputs.mjs (the table up to 10 MB).
const CLASSES: Record<string, [string, (n: number) => string]> = Object.fromEntries(
  (
    [
      ['run-on sentence', 'txt-long-sentence'],
      ['unclosed emphasis', 'md-emphasis'],
      ['unclosed links', 'md-links'],
      ['one HTML paragraph', 'html-paragraph'],
      ['HTML entities', 'html-entities'],
      ['one CSV cell', 'csv-cell'],
      ['unclosed {{', 'txt-placeholders'],
      ['CR-only lines', 'txt-cr-lines'],
      ['many directives', 'txt-directives'],
      ['an mbox of many messages', 'mbox'],
    ] as const
  ).map(([name, key]) => {
    const [ext, gen] = DOCUMENTS[key]!;
    return [name, [`a${ext}`, (n: number) => String(gen(n))]];
  }),
);

/** CPU milliseconds of one lint. */
async function cpu(text: string, filePath: string): Promise<number> {
  const t = process.cpuUsage();
  await lintText(text, { filePath });
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

describe('linear time on hostile input', () => {
  for (const [name, [filePath, gen]] of Object.entries(CLASSES)) {
    it(`${name}: four times the input costs about four times the time`, async () => {
      await cpu(gen(2_000), filePath); // warm up the parser and the engine
      const small = await cpu(gen(12_000), filePath);
      const large = await cpu(gen(48_000), filePath);
      // Linear is 4; quadratic 16. Allow for noise on a busy machine, and a floor for tiny times.
      expect(large).toBeLessThan(Math.max(10 * small, 3_000));
    });
  }
});

describe('sentence units are bounded', () => {
  it('cuts a run-on unit at a clause break or a space, never past MAX_UNIT', () => {
    const text = fill(20_000, (i) => `we ship ${word(i)} to the site, `);
    const ranges = splitSentences(text);
    expect(ranges.length).toBeGreaterThan(15);
    for (const r of ranges) {
      expect(r.end - r.start).toBeLessThanOrEqual(MAX_UNIT);
      // Cut after a comma, so no word is split.
      expect(text.slice(r.start, r.end)).toMatch(/^we ship .*,$/);
    }
    // Every character that is not a space is in some unit.
    const covered = ranges.reduce((n, r) => n + text.slice(r.start, r.end).replace(/\s/g, '').length, 0);
    expect(covered).toBe(text.replace(/\s/g, '').length);
  });

  it('leaves ordinary sentences alone', () => {
    const text = 'We ship Monday. Install takes a day, weather permitting. Questions? Call me.';
    expect(splitSentences(text).map((r) => text.slice(r.start, r.end))).toEqual([
      'We ship Monday.',
      'Install takes a day, weather permitting.',
      'Questions?',
      'Call me.',
    ]);
  });

  it('cuts a unit without spaces at the limit, never inside a surrogate pair', () => {
    const text = '😀'.repeat(1_500);
    const ranges = splitSentences(text);
    for (const r of ranges) {
      expect(r.end - r.start).toBeLessThanOrEqual(MAX_UNIT);
      expect(r.start % 2).toBe(0);
    }
  });
});

describe('suppression directives in bulk', () => {
  const directive = (line: number, kind: Directive['kind'], rules: string[] = []): Directive => ({
    kind,
    rules,
    reason: 'r',
    text: `pitchlint-${kind}`,
    line,
    column: 1,
    endLine: line,
    endColumn: 10,
    offset: 0,
    endOffset: 0,
  });
  const finding = (line: number, ruleId: string): Finding => ({
    ruleId,
    severity: 'warning',
    category: 'absolute',
    message: 'm',
    start: { line, column: 4 },
    end: { line, column: 10 },
    sentence: 's',
    span: [0, 1],
  });

  it('20,000 disable-next-line directives over 20,000 findings take well under a second', () => {
    const directives: Directive[] = [];
    const findings: Finding[] = [];
    for (let k = 0; k < 20_000; k++) {
      directives.push(directive(2 * k + 1, 'disable-next-line', k % 2 ? ['rule-a'] : []));
      findings.push(finding(2 * k + 2, k % 4 === 1 ? 'rule-b' : 'rule-a'));
    }
    const t = process.cpuUsage();
    const out = applyDirectives(findings, directives);
    const ms = (process.cpuUsage(t).user + process.cpuUsage(t).system) / 1000;
    // Findings of rule-b under a directive naming only rule-a stay.
    expect(out.suppressed).toBe(15_000);
    expect(out.findings.map((f) => f.ruleId)).toEqual(Array(5_000).fill('rule-b'));
    expect(ms).toBeLessThan(2_000);
  });

  it('disable/enable blocks: the last directive covering the rule decides, in one sweep', () => {
    const directives = [
      directive(1, 'disable'),
      directive(3, 'enable', ['rule-a']),
      directive(5, 'enable'),
      directive(7, 'disable', ['rule-b']),
      directive(9, 'disable'),
      directive(11, 'enable', ['rule-b']),
    ];
    const at = [2, 4, 6, 8, 10, 12];
    const findings = at.flatMap((line) => [finding(line, 'rule-a'), finding(line, 'rule-b')]);
    // Out of order on purpose: the sweep sorts.
    findings.reverse();
    const kept = applyDirectives(findings, directives).findings.map((f) => `${f.start.line}:${f.ruleId}`);
    expect(kept.sort()).toEqual(['12:rule-b', '4:rule-a', '6:rule-a', '6:rule-b', '8:rule-a'].sort());
  });

  it('many directives in a real file: only the next line of each is silenced', async () => {
    const text = fill(
      30_000,
      (i) => `# pitchlint-disable-next-line absolute-always-never -- reason ${i}\nWe always ship ${word(i)}.\n\n`,
    );
    const t = process.cpuUsage();
    const r = await lintText(text + 'Our crew always arrives on time.\n', { filePath: 'a.txt' });
    const ms = (process.cpuUsage(t).user + process.cpuUsage(t).system) / 1000;
    expect(r.findings.map((f) => f.ruleId)).toEqual(['absolute-always-never']);
    expect(ms).toBeLessThan(15_000);
  });
});

describe('line endings agree everywhere', () => {
  it('a directive in a CR-only file is a directive, not prose (it used to leak into the next sentence)', async () => {
    const text =
      'We always ship on time.\r# pitchlint-disable-next-line speed-certain -- SLA in annex B\rWe guarantee the best price in town.\r';
    const r = await lintText(text, { filePath: 'a.txt' });
    const rules = r.findings.map((f) => `${f.start.line}:${f.ruleId}`);
    // The directive line's "SLA" must not read as terms backing the guarantee on the next line.
    expect(rules).toContain('3:guarantee-unbacked');
    expect(rules).toContain('1:absolute-always-never');
    for (const f of r.findings) expect(text.split('\r')[f.start.line - 1]).toContain(f.sentence.slice(0, 10));
  });

  it('a CR-only directive silences its next line only', async () => {
    const text =
      'Intro.\r# pitchlint-disable-next-line absolute-always-never -- quoted review\rWe always ship on time.\rOur crew always arrives on time.\r';
    const r = await lintText(text, { filePath: 'a.txt' });
    expect(r.findings.map((f) => `${f.start.line}:${f.ruleId}`)).toEqual(['4:absolute-always-never']);
  });

  it('U+2028 and U+2029 do not end lines, in any text format (as editors and GitHub count)', async () => {
    const text = 'We always ship.\u2028We never miss a deadline.\u2029Ok.\nOur crew always arrives on time.\n';
    for (const filePath of ['a.txt', 'a.md', 'a.html']) {
      const r = await lintText(text, { filePath });
      expect(
        r.findings.map((f) => `${f.start.line}:${f.start.column}`),
        filePath,
      ).toEqual(['1:4', '1:20', '2:10']);
    }
  });
});
