// Shared helpers for the engine and rule tests: compile rules (built-in packs or ad-hoc
// definitions), lint a sentence through the real pipeline, and build a match for guard tests.
import { expect } from 'vitest';
import { textAdapter } from '../../src/inputs/formats/text.js';
import { lintAndRewrite } from '../../src/runner/lint-file.js';
import { tokenRange } from '../../src/engine/match.js';
import type { Guard, RuleMatch } from '../../src/engine/rule.js';
import { compileRuleSet, type RuleSet } from '../../src/engine/ruleset.js';
import { Sentence } from '../../src/engine/sentence.js';
import type { RuleDefinition, RuleSource } from '../../src/rules/definition.js';
import type { Lexicon } from '../../src/rules/lexicon.js';
import { loadLexicon, loadPackDir } from '../../src/rules/loader.js';
import { loadNlp } from '../../src/text/nlp.js';
import type { Finding } from '../../src/shared/types.js';
import type { Token } from '../../src/text/tokens.js';

export async function lexicon(): Promise<Lexicon> {
  return loadLexicon();
}

/** Compile one built-in pack folder. */
export async function packRuleSet(dir: string): Promise<{ ruleset: RuleSet; sources: RuleSource[] }> {
  const { rules } = await loadPackDir(dir);
  return { ruleset: await compileRuleSet(rules, await loadLexicon()), sources: rules };
}

type AdHoc = Partial<RuleDefinition> & Pick<RuleDefinition, 'kind'>;

/** Compile ad-hoc rule definitions (the metadata is filled in). */
export async function ruleSetOf(...defs: AdHoc[]): Promise<RuleSet> {
  const sources: RuleSource[] = defs.map((d, i) => ({
    definition: {
      id: d.id ?? `test-rule-${i + 1}`,
      severity: 'warning',
      category: 'absolute',
      message: '"{match}" is flagged.',
      description: 'A rule written for a test.',
      rationale: 'Tests need rules.',
      ...d,
    } as RuleDefinition,
    file: `test-rule-${i + 1}.yaml`,
    pack: 'test',
    keyLines: {},
  }));
  return compileRuleSet(sources, await loadLexicon());
}

/** Lint one piece of text as a .txt file, through the whole engine pipeline. */
export async function lint(text: string, ruleset: RuleSet): Promise<Finding[]> {
  const doc = await textAdapter.parse(
    { filePath: 'draft.txt', bytes: Buffer.from(`${text}\n`, 'utf8') },
    { detectEmail: false },
  );
  return (await lintAndRewrite(doc, ruleset)).linted.findings;
}

/** The flagged words of each finding, "ruleId: words". */
/** Each sentence of `flagged` gets a finding from `ruleset`, and none of `passed` does. */
export async function expectFlags(ruleset: RuleSet, flagged: string[], passed: string[]): Promise<void> {
  for (const s of flagged) expect((await lint(s, ruleset)).length > 0, `should flag: ${s}`).toBe(true);
  for (const s of passed) expect((await lint(s, ruleset)).length > 0, `should pass: ${s}`).toBe(false);
}

/** The words of a token range a finder returned ("right away"), or undefined when it found none. */
export function spanText(tokens: readonly Token[], range: readonly [number, number] | undefined): string | undefined {
  return range
    ? tokens
        .slice(range[0], range[1])
        .map((x) => x.text)
        .join(' ')
    : undefined;
}

export function flagged(findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId}: ${f.sentence.slice(f.span[0], f.span[1])}`);
}

/** A tagged sentence, as the engine sees it. */
export async function sentence(text: string): Promise<Sentence> {
  await loadNlp();
  const s = new Sentence(text, await loadLexicon());
  s.tagged();
  return s;
}

/** A match over the first occurrence of `words` in the sentence (as a rule would report it). */
export function matchOf(s: Sentence, words: string, captures: Record<string, string> = {}): RuleMatch {
  const at = s.text.indexOf(words);
  if (at < 0) throw new Error(`"${words}" is not in "${s.text}"`);
  const [tokenStart, tokenEnd] = tokenRange(s, at, at + words.length);
  const start = s.tokens[tokenStart]!.start;
  const end = s.tokens[tokenEnd - 1]!.end;
  return { start, end, tokenStart, tokenEnd, captures: { match: s.text.slice(start, end), ...captures } };
}

/** Whether the guard keeps the claim `words` in `text` from being reported. */
export async function guards(
  guard: Guard | undefined,
  text: string,
  words: string,
  captures: Record<string, string> = {},
): Promise<boolean> {
  if (!guard) throw new Error('no such guard in the registry');
  const s = await sentence(text);
  return guard.applies(s, matchOf(s, words, captures));
}
