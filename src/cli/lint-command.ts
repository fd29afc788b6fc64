// The lint action: run the engine over the paths and print the report.
import { relative, resolve } from 'node:path';
import { formatShowsRewrites, loadFormatter, loadStreamingFormatter } from '../reporters/index.js';
import { lintFiles } from '../runner/lint-files.js';
import type { FileResult, FormatContext, RuleMeta } from '../shared/types.js';
import { useColor } from './color.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import type { LintCliOptions } from './program.js';
import { readStdin } from './stdin.js';
import { version } from '../shared/version.js';
import { safeWriteFile } from '../shared/safe-write.js';

export async function runLint(paths: string[], options: LintCliOptions): Promise<number> {
  const cwd = process.cwd();
  if (options.printConfig)
    return (await import('../runner/print-config.js')).printConfig(options.printConfig, options, cwd);
  const team = (await import('./run-options.js')).teamRunOptions(options);
  const wantsStdin = paths.includes('-');
  const patterns = paths.filter((p) => p !== '-');
  if (!wantsStdin && patterns.length === 0) {
    process.stderr.write('pitchlint: no files given. Try: pitchlint fixtures/   (or pitchlint --help)\n');
    return EXIT_USAGE;
  }
  const formatter = await loadFormatter(options.format);
  const context = (rules: Map<string, RuleMeta>, results: FileResult[] = []): FormatContext => ({
    cwd,
    color: options.outputFile ? false : useColor(options.color),
    rules,
    version: version(),
    // stylish wraps to the terminal (never in a file or a pipe); JUnit fails warnings exactly
    // when --max-warnings makes the run fail.
    width: options.outputFile || !process.stdout.isTTY ? 0 : (process.stdout.columns ?? 0),
    ...(options.maxWarnings !== undefined ? { maxWarnings: options.maxWarnings } : {}),
    ...(options.verbose ? { verbose: true } : {}),
    // --quiet hides warnings, but they still count against --max-warnings (as in ESLint and
    // the exit code below): JUnit marks the files whose hidden warnings fail the run.
    ...(options.quiet && options.maxWarnings !== undefined
      ? {
          hiddenWarnings: new Map(results.filter((r) => r.warningCount > 0).map((r) => [r.filePath, r.warningCount])),
        }
      : {}),
  });
  // JSON and SARIF are written file by file when nothing needs every result first (fixing, a
  // baseline), so memory stays flat in the number of files.
  // A report file (-o) is written whole through safeWriteFile, which never replaces a symlink
  // or a device; standard output streams.
  const stream =
    options.fix || options.fixDryRun || team.options.baseline || options.outputFile
      ? undefined
      : await streamReport(options, context);
  let run = await lintFiles({
    cwd,
    patterns,
    configFile: options.config,
    rulesDirs: options.rules,
    extensions: options.ext,
    ...(wantsStdin ? { stdin: { bytes: await readStdin(), filename: options.stdinFilename ?? '<stdin>.txt' } } : {}),
    adapter: {
      ...(options.includeQuoted ? { includeQuoted: true } : {}),
      ...(options.emailDetection === false ? { detectEmail: false } : {}),
    },
    ...team.options,
    // Rewrites only when something shows or applies them (docs/cli.md, "Rewrites in reports").
    ...(options.rewrites || options.fix || options.fixDryRun || formatShowsRewrites(options.format)
      ? {}
      : { engine: { rewrites: false } }),
    // Only fixing needs each file's text after it is linted.
    keepSource: Boolean(options.fix || options.fixDryRun),
    ...(options.ignore === false ? { noIgnore: true } : {}),
    ...(stream ? { onResult: stream.add } : {}),
  }).finally(team.finish);
  if (stream) run = { ...run, results: stream.seen };

  // Rewrites (issue 3): expired facts are named once; --fix / --fix-dry-run fix, then report what is left.
  const facts = await import('../config/facts/report.js');
  for (const w of await facts.expiredFactWarnings(
    run.results.map((r) => r.filePath),
    cwd,
    options.config,
  ))
    process.stderr.write(`pitchlint: warning: ${w}\n`);
  let writeErrors = 0;
  if (options.fix || options.fixDryRun) {
    const stdinPath = wantsStdin ? resolve(cwd, options.stdinFilename ?? '<stdin>.txt') : undefined;
    const fixing = await (await import('../runner/fix-files.js')).runFixes(run, options, cwd, stdinPath);
    run = fixing.run;
    writeErrors = fixing.writeErrors;
    if (fixing.diff) process.stdout.write(fixing.diff);
    for (const note of fixing.notes) process.stderr.write(`pitchlint: ${note}\n`);
  }

  if (stream) stream.end(context(run.rules, run.results));
  else {
    const results = options.quiet ? run.results.map(errorsOnly) : run.results;
    const output = formatter(results, context(run.rules, run.results));
    if (options.outputFile) await safeWriteFile(resolve(cwd, options.outputFile), output, { allowSpecial: true });
    else if (output && !options.fixDryRun) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  }

  // Files that could not be linted are named on stderr too, so machine formats don't hide them.
  if (options.format !== 'stylish' || options.outputFile) {
    for (const r of run.results)
      if (r.fatal)
        process.stderr.write(`pitchlint: ${relative(cwd, r.filePath) || r.filePath}: ${r.fatal} (skipped)\n`);
  }
  for (const n of run.notices ?? []) process.stderr.write(`pitchlint: ${n}\n`);
  for (const p of run.unmatched) process.stderr.write(`pitchlint: no files matching "${p}" were found\n`);
  // As ESLint: a named file that an ignore pattern matches is skipped, with a warning.
  for (const f of run.ignored ?? [])
    process.stderr.write(
      `pitchlint: warning: ${relative(cwd, f) || f}: File ignored because of a matching ignore pattern. Use --no-ignore to override.\n`,
    );
  for (const note of (await import('./run-options.js')).baselineNotes(run, cwd)) process.stderr.write(`${note}\n`);

  if (process.env.PITCHLINT_STATS) {
    const { engineStats: s } = await import('../engine/linter.js');
    const { taggerRuns } = await import('../engine/sentence.js');
    process.stderr.write(
      `pitchlint-stats: ${s.sentences} sentences, ${s.candidates} passed the prefilter, ${s.tagged} tagged (${taggerRuns()} distinct texts through the tagger, ${s.rewriteTaggerRuns} of them for rewrites)${run.stats.workers ? `; ${run.stats.workers} worker ${run.stats.workerKind === 'process' ? 'process' : 'thread'}${run.stats.workers > 1 ? 's' : ''} (their own counts not included)` : ''}\n`,
    );
    const m = process.memoryUsage();
    const mib = (n: number): string => (n / 2 ** 20).toFixed(0);
    const { snapshotState } = await import('../shared/snapshot-state.js');
    process.stderr.write(
      `pitchlint-stats: memory at exit: rss ${mib(m.rss)} MiB, heap ${mib(m.heapUsed)} used / ${mib(m.heapTotal)} MiB; ${snapshotState.started ? `started from the snapshot (CLI running ${snapshotState.mainAt.toFixed(0)} ms after process start, done at ${performance.now().toFixed(0)} ms)` : 'started without the snapshot'}\n`,
    );
  }
  // A file --fix could not read back or write is an I/O error (named on standard error): exit 2.
  if (run.unmatched.length || writeErrors) return EXIT_USAGE;
  const errors = run.results.reduce((n, r) => n + r.errorCount + (r.fatal ? 1 : 0), 0);
  const warnings = run.results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return EXIT_FINDINGS;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    process.stderr.write(`pitchlint: too many warnings (${warnings}; maximum ${options.maxWarnings})\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/**
 * A report written to standard output as results come. Each result is kept only as what the
 * run's end needs (its path, counts and fatal message: a "seen" result without findings).
 */
async function streamReport(
  options: LintCliOptions,
  context: (rules: Map<string, RuleMeta>) => FormatContext,
): Promise<ReportSink | undefined> {
  const streaming = await loadStreamingFormatter(options.format);
  if (!streaming) return undefined;
  let last = '';
  const write = (text: string): void => {
    if (!text) return;
    last = text;
    process.stdout.write(text);
  };
  const report = streaming(context(new Map()));
  const seen: FileResult[] = [];
  return {
    seen,
    add(r) {
      write(report.file(options.quiet ? errorsOnly(r) : r));
      // What the end of the run reads: the path, the counts and a fatal message.
      seen.push({
        filePath: r.filePath,
        format: r.format,
        findings: [],
        errorCount: r.errorCount,
        warningCount: r.warningCount,
        suggestionCount: r.suggestionCount,
        notices: [],
        ...(r.fatal !== undefined ? { fatal: r.fatal } : {}),
      });
    },
    end(ctx) {
      write(report.end(ctx));
      if (!last.endsWith('\n')) process.stdout.write('\n');
    },
  };
}

interface ReportSink {
  add(r: FileResult): void;
  end(ctx: FormatContext): void;
  /** The results without their findings: what the end of the run needs (counts, fatal, path). */
  seen: FileResult[];
}

function errorsOnly(r: FileResult): FileResult {
  const findings = r.findings.filter((f) => f.severity === 'error');
  return { ...r, findings, warningCount: 0, suggestionCount: 0 };
}
