// The teams/CI options of the lint command (issue 5), turned into LintRunOptions, and the lines
// they print on stderr. Kept here so the shared CLI files only gain a few lines.
import type { LintCliOptions } from './program.js';
import type { LintRun, LintRunOptions } from '../runner/lint-files.js';
import { DEFAULT_BASELINE } from '../runner/baseline.js';
import { parseConcurrency } from '../runner/pool.js';
import { progressBar, wantsProgress, type Progress } from '../runner/progress.js';
import { parseShard } from '../runner/shard.js';
import { relative } from 'node:path';

export interface TeamRunOptions {
  options: Partial<LintRunOptions>;
  /** Erase the progress bar; call once the run is over, before printing. */
  finish(): void;
}

export function teamRunOptions(cli: LintCliOptions): TeamRunOptions {
  let bar: Progress | undefined;
  let decided = false;
  const options: Partial<LintRunOptions> = {
    ...(cli.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: true } : {}),
    ...(cli.concurrency !== undefined ? { concurrency: parseConcurrency(cli.concurrency) } : {}),
    ...(cli.cache ? { cache: { ...(cli.cacheLocation ? { location: cli.cacheLocation } : {}) } } : {}),
    ...(cli.shard !== undefined ? { shard: parseShard(cli.shard) } : {}),
    ...(cli.baseline || cli.updateBaseline ? { baseline: { file: cli.baseline ?? DEFAULT_BASELINE, update: Boolean(cli.updateBaseline) } } : {}),
  };
  if (cli.progress !== false) {
    options.onProgress = (done, total) => {
      if (!decided) {
        decided = true;
        if (wantsProgress(total)) bar = progressBar(total);
      }
      bar?.tick(done);
    };
  }
  return { options, finish: () => bar?.end() };
}

/** One-line notes about the baseline for stderr. */
export function baselineNotes(run: LintRun, cwd: string): string[] {
  const b = run.baseline;
  if (!b) return [];
  const name = relative(cwd, b.file) || b.file;
  if (b.written) return [`pitchlint: wrote ${name}: ${b.written.findings} finding(s) in ${b.written.files} file(s)`];
  const notes: string[] = [];
  if (b.matched) notes.push(`pitchlint: ${b.matched} finding(s) recorded in ${name} not reported`);
  if (b.fixed) notes.push(`pitchlint: ${b.fixed} finding(s) in ${name} no longer occur; run with --update-baseline to drop them`);
  return notes;
}
