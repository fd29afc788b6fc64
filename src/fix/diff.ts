// Unified diffs of fixed or rewritten files (--fix-dry-run, `pitchlint rewrite --diff`).
import { createTwoFilesPatch } from 'diff';

/** A git-style unified diff, or '' when nothing changed. Paths are shown as given. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const p = path.split('\\').join('/');
  const patch = createTwoFilesPatch(`a/${p}`, `b/${p}`, before, after, undefined, undefined, { context });
  // Drop the "Index:"/"====" preamble some versions print; keep ---/+++ and the hunks.
  return patch.replace(/^(?:Index: .*\n)?(?:=+\n)?/, '');
}
