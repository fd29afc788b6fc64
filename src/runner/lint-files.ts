// A whole lint run: discover files, keep this shard's, find each file's configuration (nearest
// config file + overrides) and rule set, reuse cached results, lint the rest in the main thread or
// in a worker pool, and collect the results in file order. Suppression directives are applied per
// file while linting; the baseline is applied to the collected results.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEFAULT_EXTENSIONS } from '../inputs/registry.js';
import type { ResolvedConfig } from '../config/types.js';
import type { PipelineOptions } from './lint-file.js';
import { discoverFiles } from './discover.js';
import { directiveRuleMeta } from '../suppressions/apply.js';
import type { AdapterOptions, FileResult, RuleMeta, Severity } from '../shared/types.js';
import type { BaselineOutcome } from './baseline.js';
import { FileLinter, isIgnoredBy, posixRelative, unreadable, type FileLinterOptions } from './file-linter.js';
import { inShard, parseShard, type Shard } from './shard.js';

export interface LintRunOptions {
  cwd?: string;
  /** Files, folders and globs. */
  patterns: string[];
  /** --config: use this file for every linted file. */
  configFile?: string;
  /** --rules: extra rule folders. */
  rulesDirs?: string[];
  /** --ext: extensions to walk folders for. */
  extensions?: string[];
  /** Text read from standard input, linted as if it were `filename`. */
  stdin?: { bytes: Buffer; filename: string };
  /** CLI settings that override the config's adapter options. */
  adapter?: AdapterOptions;
  /** The engine's options, and `rewrites: false` to skip the rewrite stage. */
  engine?: PipelineOptions;
  /** --report-unused-disable-directives: report directives that suppress nothing (true = as errors). */
  reportUnusedDisableDirectives?: boolean | Severity;
  /** --concurrency: threads that lint (the main thread and N - 1 workers); `auto` picks from the CPU and file counts. Default 1. */
  concurrency?: number | 'auto';
  /** --cache: reuse results of unchanged files; `location` is a file or a folder. */
  cache?: boolean | { location?: string };
  /** --shard i/n: lint only this part of the files (stdin is always linted). */
  shard?: Shard | string;
  /** --baseline: report only findings the baseline does not know; `update` rewrites it instead. */
  baseline?: string | { file: string; update?: boolean };
  /** Called as files finish (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /** Keep each writable file's decoded text in its result (`source`, needed to fix). Default true. */
  keepSource?: boolean;
  /** --no-ignore: lint files that .pitchlintignore or the config's `ignore:` match. */
  noIgnore?: boolean;
  /**
   * Take each result as soon as it and every file before it are done, in file order (stdin
   * first), instead of in `results`: a streaming report then holds one file at a time, however
   * many files the run has. `results` stays empty. Not with a baseline, which needs every result.
   */
  onResult?: (result: FileResult) => void;
}

export interface LintRunStats {
  /** Files linted or taken from the cache (stdin included). */
  files: number;
  /** Results taken from the cache. */
  cached: number;
  /** Workers used, besides the main thread (0: the main thread linted alone). */
  workers: number;
  /** How they ran: worker threads, or processes started from the start-up snapshot. */
  workerKind?: 'thread' | 'process';
  /** Files this shard left to the other shards. */
  otherShards: number;
}

export interface LintRun {
  results: FileResult[];
  /** Patterns that matched no file (exit code 2). */
  unmatched: string[];
  /** Files named on the command line that were not linted because an ignore pattern matches them. */
  ignored?: string[];
  /** Metadata of every rule active in the run. */
  rules: Map<string, RuleMeta>;
  /** Set when a baseline was used or written. */
  baseline?: BaselineOutcome;
  stats: LintRunStats;
  /** One-line notices about the run itself (a corrupt cache discarded), for stderr. */
  notices?: string[];
}

interface Job {
  file: string;
  config: ResolvedConfig;
  result?: FileResult;
  bytes?: Buffer;
  cacheKey?: import('./cache.js').CacheKey;
}

export async function lintFiles(options: LintRunOptions): Promise<LintRun> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const linterOptions: FileLinterOptions = {
    cwd,
    ...(options.configFile ? { configFile: resolve(cwd, options.configFile) } : {}),
    rulesDirs: (options.rulesDirs ?? []).map((d) => resolve(cwd, d)),
    ...(options.adapter ? { adapter: options.adapter } : {}),
    ...(options.engine ? { engine: options.engine } : {}),
    ...(options.reportUnusedDisableDirectives
      ? { suppressions: { reportUnused: options.reportUnusedDisableDirectives } }
      : {}),
  };
  const linter = new FileLinter(linterOptions);
  const rules = new Map<string, RuleMeta>();
  const addMeta = async (config: ResolvedConfig): Promise<void> => {
    for (const [id, meta] of (await linter.ruleSetFor(config)).meta) rules.set(id, meta);
  };
  const stats: LintRunStats = { files: 0, cached: 0, workers: 0, otherShards: 0 };

  if (options.onResult && options.baseline) throw new Error('internal: a baseline needs every result, not a stream');
  const results: FileResult[] = [];
  let stdinResult = options.stdin ? await lintStdin(options.stdin) : undefined;
  async function lintStdin(stdin: { bytes: Buffer; filename: string }): Promise<FileResult> {
    const filePath = resolve(cwd, stdin.filename);
    const config = await linter.configFor(filePath);
    await addMeta(config);
    stats.files++;
    return linter.lint(filePath, stdin.bytes, config);
  }

  const { files, unmatched, explicit, ignored } = options.patterns.length
    ? await discoverFiles(options.patterns, {
        cwd,
        extensions: options.extensions ?? DEFAULT_EXTENSIONS,
        ...(options.noIgnore ? { noIgnore: true } : {}),
      })
    : { files: [], unmatched: [], explicit: new Set<string>(), ignored: [] };

  const shard = typeof options.shard === 'string' ? parseShard(options.shard) : options.shard;
  // Configurations and rule sets are resolved in file order in the main thread: configuration
  // errors surface before any work starts, and the rule metadata is in the same order however
  // many threads lint.
  const jobs: Job[] = [];
  for (const file of files) {
    if (shard && !inShard(posixRelative(cwd, file), shard)) {
      stats.otherShards++;
      continue;
    }
    const config = await linter.configFor(file);
    if (!options.noIgnore && (await isIgnoredBy(config, file))) {
      // Skipped silently when a folder or glob found it; said when it was named (as ESLint).
      if (explicit.has(file)) ignored.push(file);
      continue;
    }
    await addMeta(config);
    jobs.push({ file, config });
  }
  stats.files += jobs.length;

  let done = 0;
  // Streaming: results go out in file order as soon as they can (stdin first); the ones a cache
  // still has to store stay until it has.
  let emitted = 0;
  const directiveRules = new Set<string>();
  const take = (r: FileResult): void => {
    for (const f of r.findings) directiveRules.add(f.ruleId);
    options.onResult!(r);
  };
  const emit = (): void => {
    if (!options.onResult) return;
    if (stdinResult) {
      take(stdinResult);
      stdinResult = undefined;
    }
    while (emitted < jobs.length && jobs[emitted]!.result) {
      const job = jobs[emitted++]!;
      take(job.result!);
      if (!cache) {
        job.result = undefined;
        job.bytes = undefined;
      }
    }
  };
  const progress = (): void => {
    emit();
    options.onProgress?.(++done, jobs.length);
  };

  const cache = options.cache ? await openCache(cwd, options.cache, linterOptions) : undefined;
  const notices: string[] = cache?.notice ? [cache.notice] : [];
  const dropSource = options.keepSource === false;
  if (cache) {
    // Read and hash every file (a few reads at a time: the disk, not the CPU, is the limit here).
    await forEachLimit(jobs, 32, async (job) => {
      try {
        job.bytes = await readFile(job.file);
      } catch (e) {
        job.result = unreadable(job.file, e);
        progress();
        return;
      }
      job.cacheKey = await cache.keyFor(job.config, job.bytes);
      job.result = cache.get(job.file, job.cacheKey, job.bytes);
      if (job.result) {
        stats.cached++;
        progress();
      }
    });
  }

  const todo = jobs.filter((j) => !j.result);
  const { IN_FLIGHT, resolveConcurrency, workerLauncher, WorkerPool } = await import('./pool.js');
  const threads = resolveConcurrency(
    options.concurrency,
    todo.length,
    todo.reduce((n, j) => n + (j.bytes?.length ?? 0), 0),
  );
  const launcher = threads > 1 ? workerLauncher() : undefined;
  // Files are taken in order by whichever thread is free: the main thread lints too (its
  // configurations and rule sets are already loaded), next to threads - 1 workers.
  let next = 0;
  const lane = async (lint: (job: Job) => Promise<FileResult>): Promise<void> => {
    while (next < todo.length) {
      const job = todo[next++]!;
      try {
        job.result = await lint(job);
        // Without a cache to fill, a report-only run lets go of each file's text at once.
        if (dropSource && !cache) delete job.result.source;
      } catch (e) {
        next = todo.length; // stop the other lanes too
        throw e;
      }
      progress();
    }
  };
  const inMain = (job: Job): Promise<FileResult> => linter.lint(job.file, job.bytes, job.config);
  if (launcher) {
    const pool = new WorkerPool(launcher, threads - 1, linterOptions);
    stats.workers = threads - 1;
    stats.workerKind = 'thread' in launcher ? 'thread' : 'process';
    try {
      const toWorker = (job: Job): Promise<FileResult> => pool.lint(job.file, job.bytes);
      await Promise.all([...Array.from({ length: (threads - 1) * IN_FLIGHT }, () => lane(toWorker)), lane(inMain)]);
    } finally {
      await pool.close();
    }
  } else {
    await lane(inMain);
  }

  if (cache) {
    for (const job of todo)
      if (job.cacheKey && job.result && !job.result.transient) cache.set(job.file, job.cacheKey, job.result);
    await cache.save();
  }
  if (options.onResult) {
    emit();
    if (cache) for (const job of jobs) job.result = undefined;
  } else {
    if (stdinResult) results.push(stdinResult);
    if (dropSource) for (const job of jobs) delete job.result?.source;
    for (const job of jobs) results.push(job.result!);
  }

  // Findings about directives are listed as rules too (SARIF, JUnit name them).
  for (const meta of directiveRuleMeta({ unused: unusedSeverity(options.reportUnusedDisableDirectives) })) {
    if (directiveRules.has(meta.id) || results.some((r) => r.findings.some((f) => f.ruleId === meta.id)))
      rules.set(meta.id, meta);
  }

  const run: LintRun = {
    results,
    unmatched,
    rules,
    stats,
    ignored: ignored.sort(),
    ...(notices.length ? { notices } : {}),
  };
  if (options.baseline) await useBaseline(run, options.baseline, cwd);
  return run;
}

async function forEachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

const unusedSeverity = (v: boolean | Severity | undefined): Severity => (typeof v === 'string' ? v : 'error');

async function openCache(cwd: string, cache: true | { location?: string }, linterOptions: FileLinterOptions) {
  const { LintCache, cacheFilePath } = await import('./cache.js');
  const { version } = await import('../shared/version.js');
  return LintCache.open(cacheFilePath(cwd, cache === true ? undefined : cache.location), cwd, version(), linterOptions);
}

async function useBaseline(
  run: LintRun,
  setting: string | { file: string; update?: boolean },
  cwd: string,
): Promise<void> {
  const b = await import('./baseline.js');
  const { file: given, update } = typeof setting === 'string' ? { file: setting, update: false } : setting;
  const file = resolve(cwd, given);
  if (update) {
    const previous = await b.readBaseline(file).catch(() => undefined);
    const data = b.buildBaseline(run.results, file, previous);
    await b.writeBaseline(file, data);
    const applied = b.applyBaseline(run.results, data, file);
    run.results = applied.results;
    run.baseline = { file, matched: applied.matched, fixed: 0, written: b.countFindings(data) };
    return;
  }
  const applied = b.applyBaseline(run.results, await b.readBaseline(file), file);
  run.results = applied.results;
  run.baseline = { file, matched: applied.matched, fixed: applied.fixed };
}
