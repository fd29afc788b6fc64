// Applying fixes to a text the way ESLint does: sorted by position, each fix applied only when it
// does not overlap one already taken in this pass (the rest wait for the next pass, after the text
// is linted again).
import type { Fix } from '../shared/types.js';

export interface AppliedFixes {
  output: string;
  applied: Fix[];
  /** Fixes left out because they overlapped a fix applied in this pass. */
  conflicts: Fix[];
}

/** Order of fixes: by start; at the same start, the longer one first (it settles more). */
export const compareFixes = (a: Fix, b: Fix): number => a.range[0] - b.range[0] || b.range[1] - a.range[1];

export function applyFixes(text: string, fixes: readonly Fix[]): AppliedFixes {
  const sorted = [...fixes].sort(compareFixes);
  const applied: Fix[] = [];
  const conflicts: Fix[] = [];
  let out = '';
  let pos = 0;
  let lastEnd = -1;
  for (const f of sorted) {
    const [start, end] = f.range;
    if (start < 0 || end > text.length || end < start) {
      conflicts.push(f);
      continue;
    }
    const last = applied.at(-1);
    // Identical fixes (two findings in one claim) are one fix.
    if (last && last.range[0] === start && last.range[1] === end && last.text === f.text) continue;
    // Overlap, or an insertion at the same point as the previous fix.
    if (start < lastEnd || (last && start === last.range[0] && (start === end || last.range[0] === last.range[1]))) {
      conflicts.push(f);
      continue;
    }
    out += text.slice(pos, start) + f.text;
    pos = end;
    lastEnd = end;
    applied.push(f);
  }
  return { output: out + text.slice(pos), applied, conflicts };
}
