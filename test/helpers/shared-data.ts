// The shared data sets next to the repository (../shared/eval, ../shared/corpus). Some tests use
// them when present; a fresh clone has none, and those tests skip with the reason in their title.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SHARED = join(ROOT, '..', 'shared');

/** " (skipped: ../shared/eval/dev.jsonl is absent)" when the path is missing, else "". */
export function absentNote(path: string): string {
  return existsSync(path) ? '' : ` (skipped: ${relative(ROOT, path)} is absent)`;
}
