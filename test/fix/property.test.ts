// Property-based tests (fast-check) over drafts composed from realistic sales sentences, in
// Markdown and plain text: a fix only ever touches the sentence of its finding (markup, code and
// the other sentences never change), --fix converges within its pass limit, and fixing twice
// is fixing once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeText } from '../../src/inputs/source-text.js';
import { applyFixes } from '../../src/fix/apply.js';
import { fixFile, MAX_PASSES } from '../../src/fix/fixer.js';
import { lintBytes } from '../../src/runner/lint-file.js';
import { loadPackDir } from '../../src/rules/loader.js';
import type { FileResult } from '../../src/shared/types.js';
import { factsOf, ruleSetOf, RULES_DIR } from '../rewrites/helpers.js';
import { join } from 'node:path';

const ruleset = await ruleSetOf((await loadPackDir(join(RULES_DIR, 'recommended'))).rules);
const FACTS = factsOf({ delivery: { typical: '2 business days' }, support: { first_response: '4 business hours', hours: 'weekdays 8-18 CET' } });

// Parts of sales sentences: who, how sure, what, when, and the odd flourish.
const subject = fc.constantFrom('We', 'Our team', 'Our crews', 'The new layout', 'Your team', 'Our support desk', 'The platform', 'I');
const certainty = fc.constantFrom('always', 'will', 'never', 'typically', '', 'will definitely', "'ll");
const verb = fc.constantFrom('ship', 'deliver', 'install the racks', 'respond', 'cut your costs by 30%', 'double your pick rate', 'finish the migration', 'answer');
const when = fc.constantFrom('on time', 'overnight', 'by Friday', 'within 2 days', 'same-day', '24/7', 'in 15 minutes', 'next quarter', '');
const flourish = fc.constantFrom(
  'Guaranteed results for every client.',
  'We are the best logistics partner in the region.',
  'Act now, this offer disappears tonight.',
  'Rest assured, the project will pass inspection.',
  'Unbeatable prices on every order.',
  'Thanks for the call on Tuesday.',
  'Here is the plan we discussed.',
  'Last year we delivered 98% of orders within 48 hours.',
  'Let me know what works best for you.',
);
const claim = fc.tuple(subject, certainty, verb, when).map(([s, c, v, w]) => {
  const glue = c === "'ll" ? `${s}'ll` : c ? `${s} ${c}` : s;
  return `${glue} ${v}${w ? ` ${w}` : ''}.`.replace(/\s+/g, ' ');
});
const sentence = fc.oneof({ weight: 3, arbitrary: claim }, { weight: 2, arbitrary: flourish });
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((ss) => ss.join(' '));

interface Draft {
  text: string;
  /** Text that no fix may change (markup, code, and where it sits). */
  fixed: string[];
}

const markdown: fc.Arbitrary<Draft> = fc
  .tuple(fc.array(paragraph, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean(), fc.constantFrom('\n', '\r\n'))
  .map(([paras, code, bold, eol]) => {
    const blocks = ['# Proposal for Dayton', ...paras.map((p, i) => (i === 1 && bold ? `- ${p}` : p))];
    if (bold) blocks.splice(1, 0, '**Summary:** the plan below keeps two doors open.');
    const fence = '```yaml\n# we always deliver overnight, guaranteed\n```';
    if (code) blocks.push(fence);
    blocks.push('See [our record](https://example.com/always-overnight).');
    const text = blocks.join('\n\n').replace(/\n/g, eol) + eol;
    const fixed = ['# Proposal for Dayton', '(https://example.com/always-overnight)', ...(bold ? ['**Summary:**'] : []), ...(code ? ['# we always deliver overnight, guaranteed'] : [])];
    return { text, fixed };
  });

const plain: fc.Arbitrary<Draft> = fc.tuple(fc.array(paragraph, { minLength: 1, maxLength: 4 }), fc.constantFrom('\n', '\r\n')).map(([paras, eol]) => ({
  text: `Hi Dana,${eol}${eol}${paras.join(eol + eol)}${eol}${eol}Jo${eol}`,
  fixed: ['Hi Dana,', 'Jo'],
}));

const lint = (file: string, text: string): Promise<FileResult> => lintBytes(file, encodeText({ text, bom: false, encoding: 'utf8', eol: '\n' }, text), ruleset, { detectEmail: false }, { facts: FACTS });

/** Sentence ranges of the draft in the source: fixes must stay inside the flagged ones. */
function sentenceOf(text: string, offset: number): [number, number] {
  let a = offset;
  while (a > 0 && !/[.!?\n]/.test(text[a - 1]!)) a--;
  let z = offset;
  while (z < text.length && !/[.!?\n]/.test(text[z]!)) z++;
  return [a, z + 1];
}

describe('property: fixes stay inside their sentence', () => {
  for (const [name, arb, file] of [['Markdown', markdown, 'd.md'], ['plain text', plain, 'd.txt']] as const) {
    it(`${name}: every fix is inside the flagged sentence; markup, code and clean sentences are untouched`, async () => {
      await fc.assert(
        fc.asyncProperty(arb, async (draft) => {
          const r = await lint(file, draft.text);
          for (const f of r.findings) {
            if (!f.fix) continue;
            // The fix lies in the finding's sentence (a removed sentence takes the spaces after it).
            const [a, z] = sentenceOf(draft.text, f.start.offset!);
            let end = z;
            while (draft.text[end] === ' ') end++;
            expect(f.fix.range[0]).toBeGreaterThanOrEqual(a);
            expect(f.fix.range[1]).toBeLessThanOrEqual(end);
            expect(draft.text.slice(f.fix.range[0], f.fix.range[1])).not.toMatch(/\*\*|`|\]\(|^#/);
          }
          const { output } = applyFixes(draft.text, r.findings.flatMap((f) => (f.fix ? [f.fix] : [])));
          for (const piece of draft.fixed) expect(output).toContain(piece);
          // Sentences without a finding come through unchanged.
          const flagged = new Set(r.findings.map((f) => f.sentence));
          for (const s of draft.text.split(/(?<=[.!?])\s+|\r?\n/)) {
            const plainS = s.replace(/^[-#*\s]+/, '').trim();
            if (plainS && !flagged.has(plainS) && ![...flagged].some((x) => x.includes(plainS) || plainS.includes(x))) expect(output).toContain(plainS);
          }
          // Line endings: as many line breaks of the same kind (fixes never add or remove one here).
          expect((output.match(/\r\n/g) ?? []).length).toBe((draft.text.match(/\r\n/g) ?? []).length);
        }),
        { numRuns: Number(process.env.PITCHLINT_PROPERTY_RUNS ?? 40) },
      );
    });
  }
});

describe('property: --fix converges, and fixing twice is fixing once', () => {
  for (const [name, arb, file] of [['Markdown', markdown, 'd.md'], ['plain text', plain, 'd.txt']] as const) {
    it(name, async () => {
      await fc.assert(
        fc.asyncProperty(arb, async (draft) => {
          const relint = (t: string): Promise<FileResult> => lint(file, t);
          const once = await fixFile(await relint(draft.text), { relint });
          expect(once.passes).toBeLessThanOrEqual(MAX_PASSES);
          expect(once.unresolved).toEqual([]);
          const twice = await fixFile(await relint(once.output), { relint });
          expect(twice.output).toBe(once.output);
          expect(twice.fixed).toBe(0);
          for (const piece of draft.fixed) expect(once.output).toContain(piece);
        }),
        { numRuns: Number(process.env.PITCHLINT_PROPERTY_RUNS ?? 40) },
      );
    });
  }
});

describe('property: every rewrite of a generated sentence is clean and grammatical', () => {
  it('the rule that made it does not flag it again; capital start, a/an, no doubled spaces or punctuation; no new number', async () => {
    const { flaggedBy, grammarProblems, numbersIn } = await import('../rewrites/helpers.js');
    await fc.assert(
      fc.asyncProperty(paragraph, async (text) => {
        const r = await lint('s.txt', text);
        for (const f of r.findings) {
          if (f.rewrite === undefined || f.rewrite === '') continue;
          expect(grammarProblems(f.sentence, f.rewrite), f.rewrite).toEqual([]);
          expect(await flaggedBy(f.rewrite, ruleset), `${f.sentence} -> ${f.rewrite}`).not.toContain(f.ruleId);
          const allowed = new Set([...numbersIn(f.sentence), '2', '4', '8', '18']);
          for (const n of numbersIn(f.rewrite)) expect(allowed.has(n), `${n} in ${f.rewrite}`).toBe(true);
        }
      }),
      { numRuns: Number(process.env.PITCHLINT_PROPERTY_RUNS ?? 60) },
    );
  });
});
