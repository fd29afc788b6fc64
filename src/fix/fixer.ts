// Fixing one file: check each fix against the text it changes (the rewrite stage already bounded
// it to the words that change with rewrites/bound.ts; a fix from anywhere else is bounded here
// the same way, and one that fails is refused), apply the non-overlapping
// ones, lint the result again, and repeat while there is something left to fix (at most
// MAX_PASSES passes), as ESLint does. A cycle (a text seen before) or a pass that applies nothing
// ends the loop. Plain --fix applies safe fixes only; a suggested fix is applied only when its
// category is asked for with --fix-type.
import type { Category, FileResult, Finding, Fix } from '../shared/types.js';
import { applyFixes } from './apply.js';
import { boundFix } from '../rewrites/bound.js';

export const MAX_PASSES = 10;

/** A file's result, and where each finding's sentence lies in the source (when known). */
export interface Linted {
  result: FileResult;
  sentenceOf?: (f: Finding) => [number, number] | undefined;
}

export interface FixOutcome {
  /** The text after all passes (the original when nothing was fixed). */
  output: string;
  /** Findings fixed, counted per pass. */
  fixed: number;
  passes: number;
  /** The file's result for the final text (what is left to report). */
  result: FileResult;
  /** Fixes that were still waiting when the loop ended (overlapping ones that never got their turn). */
  unresolved: Array<{ finding: Finding; fix: Fix }>;
  /** Fixes skipped in some pass because they overlapped another (they may have been settled later). */
  conflicts: number;
  /** Fixes of the final text refused because they would change more than their words (left as suggestions). */
  refused: Array<{ finding: Finding; reason: string }>;
  /** Suggested fixes of the final text not applied because their category was not asked for. */
  held: Finding[];
}

export interface FixOptions {
  /** --fix-type: these categories, suggested fixes included. Unset: safe fixes of every category. */
  types?: ReadonlySet<Category>;
  /** Lint a new version of the file's text. */
  relint: (text: string) => Promise<FileResult | Linted>;
  maxPasses?: number;
}

/** Whether --fix (with these --fix-type categories) applies a finding's fix. */
export function fixWanted(f: Finding, types?: ReadonlySet<Category>): boolean {
  if (!f.fix) return false;
  if (f.fix.kind === 'suggested') return types?.has(f.category) ?? false;
  return !types || types.has(f.category);
}

export interface FixPlan {
  /** Bounded fixes to apply. */
  todo: Array<{ finding: Finding; fix: Fix }>;
  refused: Array<{ finding: Finding; reason: string }>;
  held: Finding[];
}

/** Identity of a fix by what it does (findings of one sentence carry equal copies). */
export const fixKey = (f: Fix): string => `${f.range[0]}:${f.range[1]}:${f.text}`;

const asLinted = (r: FileResult | Linted): Linted => ('result' in r ? r : { result: r });

export function planFixes(linted: FileResult | Linted, types?: ReadonlySet<Category>): FixPlan {
  const { result, sentenceOf } = asLinted(linted);
  const plan: FixPlan = { todo: [], refused: [], held: [] };
  const text = result.source?.text;
  if (text === undefined) return plan;
  for (const finding of result.findings) {
    if (!finding.fix) continue;
    if (!fixWanted(finding, types)) {
      if (finding.fix.kind === 'suggested' && (!types || types.has(finding.category))) plan.held.push(finding);
      continue;
    }
    const b = boundFix(text, finding.fix, sentenceOf?.(finding));
    if (!b.ok) plan.refused.push({ finding, reason: b.reason });
    else if (b.fix) plan.todo.push({ finding, fix: b.fix });
  }
  return plan;
}

export async function fixFile(first: FileResult | Linted, options: FixOptions): Promise<FixOutcome> {
  let linted = asLinted(first);
  const source = linted.result.source;
  if (!source)
    return {
      output: '',
      fixed: 0,
      passes: 0,
      result: linted.result,
      unresolved: [],
      conflicts: 0,
      refused: [],
      held: [],
    };
  let text = source.text;
  const seen = new Set([text]);
  let fixed = 0;
  let passes = 0;
  let conflicts = 0;
  const max = options.maxPasses ?? MAX_PASSES;
  let plan = planFixes(linted, options.types);
  while (passes < max && plan.todo.length > 0) {
    const {
      output,
      applied,
      conflicts: skipped,
    } = applyFixes(
      text,
      plan.todo.map((t) => t.fix),
    );
    if (applied.length === 0 || seen.has(output)) break;
    passes++;
    conflicts += skipped.length;
    // Findings of one sentence share its fix: each finding whose fix was applied counts.
    const done = new Set(applied.map(fixKey));
    fixed += plan.todo.filter((t) => done.has(fixKey(t.fix))).length;
    text = output;
    seen.add(text);
    linted = asLinted(await options.relint(text));
    plan = planFixes(linted, options.types);
  }
  return {
    output: text,
    fixed,
    passes,
    result: linted.result,
    unresolved: plan.todo,
    conflicts,
    refused: plan.refused,
    held: plan.held,
  };
}
