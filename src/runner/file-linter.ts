// Lints one file at a time with the configuration that applies to it. The same code runs in the
// main thread and in every worker thread, so a parallel run gives exactly the single-threaded
// results. Everything in FileLinterOptions is plain data, so it can be posted to a worker.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { ConfigFinder } from '../config/load.js';
import { configRelative } from '../config/overrides.js';
import type { ResolvedConfig } from '../config/types.js';
import { factsForConfig } from '../config/facts/load.js';
import type { RuleSet } from '../engine/ruleset.js';
import type { SuppressionOptions } from '../suppressions/apply.js';
import type { AdapterOptions, FileResult } from '../shared/types.js';
import { processBytes, summarize, type PipelineOptions, type Processed } from './lint-file.js';
import { RuleSetCache } from './rulesets.js';

export interface FileLinterOptions {
  /** Absolute folder that relative paths are resolved from. */
  cwd: string;
  /** --config: one configuration file for every linted file. */
  configFile?: string;
  /** --rules: extra rule folders (absolute). */
  rulesDirs?: string[];
  /** CLI settings that override the config's adapter options. */
  adapter?: AdapterOptions;
  engine?: PipelineOptions;
  suppressions?: SuppressionOptions;
}

export class FileLinter {
  readonly configs: ConfigFinder;
  readonly rulesets: RuleSetCache;

  constructor(readonly options: FileLinterOptions) {
    this.configs = new ConfigFinder(options.cwd, options.configFile);
    this.rulesets = new RuleSetCache(options.rulesDirs ?? []);
  }

  /** The effective configuration of a file (nearest config file, overrides applied). */
  configFor(filePath: string): Promise<ResolvedConfig> {
    return this.configs.forFile(resolve(this.options.cwd, filePath));
  }

  ruleSetFor(config: ResolvedConfig): Promise<RuleSet> {
    return this.rulesets.get(config);
  }

  /** Lint a file; `bytes` when already read (stdin, or read for the cache key). */
  async lint(filePath: string, bytes?: Buffer, config?: ResolvedConfig): Promise<FileResult> {
    return (await this.process(filePath, bytes, config)).result;
  }

  /** The whole per-file pipeline for a file, with its document (for callers that edit it). */
  async process(
    filePath: string,
    bytes?: Buffer,
    config?: ResolvedConfig,
    extra: PipelineOptions = {},
  ): Promise<Processed> {
    const file = resolve(this.options.cwd, filePath);
    config ??= await this.configFor(file);
    const ruleset = await this.ruleSetFor(config);
    if (!bytes) {
      try {
        // Files are linted one after another in a thread: a synchronous read costs a tenth of
        // the promise round trip through the thread pool, which showed up as seconds per 2,000 files.
        bytes = readFileSync(file);
      } catch (e) {
        return { result: unreadable(file, e), sentenceEdits: new Map() };
      }
    }
    // The facts sheet of this file's configuration, for rewrites (issue 3).
    // A caller may bring its own sheet (the API's rewriteText adds facts for one draft).
    const engine = { ...this.options.engine, ...extra, facts: extra.facts ?? (await factsForConfig(config)) };
    return processBytes(
      file,
      bytes,
      ruleset,
      { ...config.adapter, ...this.options.adapter },
      engine,
      this.options.suppressions,
    );
  }
}

export function unreadable(file: string, e: unknown): FileResult {
  const code = (e as NodeJS.ErrnoException).code;
  return summarize(file, 'unknown', [], {
    fatal: code === 'EACCES' ? 'permission denied' : `cannot read file (${code ?? 'error'})`,
  });
}

/** The `ignore` globs of the file's configuration, relative to the config's folder. */
export async function isIgnoredBy(config: ResolvedConfig, file: string): Promise<boolean> {
  if (config.ignore.length === 0) return false;
  const rel = configRelative(config, file);
  if (rel === undefined) return false;
  return (await ignoreMatcher(config))(rel);
}

const ignoreMatchers = new WeakMap<ResolvedConfig, Promise<(rel: string) => boolean>>();
function ignoreMatcher(config: ResolvedConfig): Promise<(rel: string) => boolean> {
  let p = ignoreMatchers.get(config);
  if (!p) {
    p = import('ignore').then(({ default: ignore }) => {
      const ig = ignore().add(config.ignore);
      return (rel: string) => ig.ignores(rel);
    });
    ignoreMatchers.set(config, p);
  }
  return p;
}

export const posixRelative = (from: string, to: string): string => relative(from, to).replace(/\\/g, '/');
