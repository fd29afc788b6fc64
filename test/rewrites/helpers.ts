// Helpers for the rewrite tests: rule packs as shipped, linting a text in-process, and the
// grammar checks every rewrite must pass.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRuleSet, type RuleSet } from '../../src/engine/ruleset.js';
import { flattenFacts, makeSheet, type FactProblem } from '../../src/config/facts/normalize.js';
import { EMPTY_FACTS, type FactsSheet } from '../../src/config/facts/types.js';
import { articleFor } from '../../src/rewrites/language.js';
import { fillPlaceholders } from '../../src/rewrites/relint.js';
import type { RuleDefinition, RuleSource } from '../../src/rules/definition.js';
import { loadLexicon, loadPackDir } from '../../src/rules/loader.js';
import { lintBytes } from '../../src/runner/lint-file.js';
import { tokenize } from '../../src/text/tokens.js';
import type { FileResult } from '../../src/shared/types.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const RULES_DIR = join(ROOT, 'rules');

/** Every built-in pack folder (rules/*, the lexicon excepted), read at test time. */
export function packDirs(): string[] {
  return readdirSync(RULES_DIR)
    .filter((d) => d !== 'lexicon' && statSync(join(RULES_DIR, d)).isDirectory())
    .sort()
    .map((d) => join(RULES_DIR, d));
}

export async function allRuleSources(): Promise<RuleSource[]> {
  const out: RuleSource[] = [];
  for (const dir of packDirs()) out.push(...(await loadPackDir(dir)).rules);
  return out;
}

export async function ruleSetOf(sources: RuleSource[]): Promise<RuleSet> {
  return compileRuleSet(sources, await loadLexicon());
}

export function factsOf(raw: Record<string, unknown> | undefined, today = '2026-01-01'): FactsSheet {
  if (!raw) return EMPTY_FACTS;
  const problems: FactProblem[] = [];
  const sheet = makeSheet(flattenFacts(raw, undefined, problems).values(), today);
  if (problems.length) throw new Error(problems.map((p) => p.message).join('; '));
  return sheet;
}

/** Lint a text as a plain-text draft, with rewrites. */
export async function lintText(
  text: string,
  ruleset: RuleSet,
  facts: FactsSheet = EMPTY_FACTS,
  file = 'draft.txt',
): Promise<FileResult> {
  return lintBytes(file, Buffer.from(text, 'utf8'), ruleset, { detectEmail: false }, { facts });
}

/** Rule ids that flag the text once its placeholders are filled in (catalog examples; other placeholders neutral). */
export async function flaggedBy(text: string, ruleset: RuleSet): Promise<string[]> {
  const r = await lintText(fillPlaceholders(text), ruleset);
  return r.findings.map((f) => f.ruleId);
}

/** Numbers as written (40%, $1,200, 24/7 parts, 3). */
export function numbersIn(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.type === 'number')
    .map((t) => t.norm);
}

/** What is wrong with a rewrite's form (empty when nothing is). */
export function grammarProblems(original: string, rewrite: string): string[] {
  const out: string[] = [];
  if (rewrite === '') return out;
  const firstLetter = /\p{L}/u.exec(rewrite)?.[0];
  const origFirst = /\p{L}/u.exec(original)?.[0];
  if (firstLetter && origFirst && origFirst === origFirst.toUpperCase() && firstLetter !== firstLetter.toUpperCase())
    out.push('starts with a lower-case letter');
  if (/ {2,}/.test(rewrite) && !/ {2,}/.test(original)) out.push('doubled space');
  if (/^\s|\s$/.test(rewrite) && !/^\s|\s$/.test(original)) out.push('space at the start or end');
  const dbl = /([,;:!?])\s*\1|(?<!\.)\.\s*\.(?!\.)|[,;:]\s*[.!?]/.exec(rewrite);
  if (dbl && !original.includes(dbl[0])) out.push(`doubled punctuation "${dbl[0]}"`);
  const sp = /\s[,.;:!?]/.exec(rewrite);
  if (sp && !original.includes(sp[0])) out.push(`space before punctuation "${sp[0]}"`);
  for (const m of rewrite.matchAll(/(?<![\p{L}\p{N}])(a|an)\s+([\p{L}\p{N}][\p{L}\p{N}'’-]*)/giu)) {
    if (original.includes(m[0])) continue;
    if (articleFor(m[2]!) !== m[1]!.toLowerCase()) out.push(`"${m[0]}" (a/an)`);
  }
  if (/\b(\p{L}{3,})\s+\1\b/iu.test(rewrite) && !/\b(\p{L}{3,})\s+\1\b/iu.test(original)) out.push('doubled word');
  return out;
}

/** A phrase rule written for a test (no inflection, so the listed words are the whole match). */
export const phraseRule = (def: Partial<RuleDefinition> & Pick<RuleDefinition, 'id'>): RuleSource => ({
  definition: {
    kind: 'phrase',
    severity: 'warning',
    category: 'absolute',
    message: '"{match}"',
    description: 'd',
    rationale: 'r',
    inflect: false,
    ...def,
  } as RuleDefinition,
  file: `${def.id}.yaml`,
  pack: 'test',
  keyLines: {},
});
