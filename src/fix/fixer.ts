// Fixing one file: apply the safe fixes, lint the result again, and repeat while there is
// something left to fix (at most MAX_PASSES passes), as ESLint does. A cycle (a text seen before)
// or a pass that applies nothing ends the loop.
import type { Category, FileResult, Finding, Fix } from '../shared/types.js';
import { applyFixes } from './apply.js';

export const MAX_PASSES = 10;

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
}

export interface FixOptions {
  /** Only fixes of these categories (--fix-type). */
  types?: ReadonlySet<Category>;
  /** Lint a new version of the file's text. */
  relint: (text: string) => Promise<FileResult>;
  maxPasses?: number;
}

export function fixableFindings(result: FileResult, types?: ReadonlySet<Category>): Array<{ finding: Finding; fix: Fix }> {
  return result.findings.filter((f) => f.fix && (!types || types.has(f.category))).map((f) => ({ finding: f, fix: f.fix! }));
}

export async function fixFile(first: FileResult, options: FixOptions): Promise<FixOutcome> {
  const source = first.source;
  let result = first;
  if (!source) return { output: '', fixed: 0, passes: 0, result, unresolved: [], conflicts: 0 };
  let text = source.text;
  const seen = new Set([text]);
  let fixed = 0;
  let passes = 0;
  let conflicts = 0;
  const max = options.maxPasses ?? MAX_PASSES;
  while (passes < max) {
    const todo = fixableFindings(result, options.types);
    if (todo.length === 0) break;
    const { output, applied, conflicts: skipped } = applyFixes(text, todo.map((t) => t.fix));
    if (applied.length === 0 || seen.has(output)) break;
    passes++;
    conflicts += skipped.length;
    fixed += todo.filter((t) => applied.includes(t.fix)).length;
    text = output;
    seen.add(text);
    result = await options.relint(text);
  }
  return { output: text, fixed, passes, result, unresolved: fixableFindings(result, options.types), conflicts };
}
