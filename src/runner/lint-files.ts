// A whole lint run: discover files, find each file's configuration and rule set, lint, collect.
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { DEFAULT_EXTENSIONS } from '../adapters/registry.js';
import { ConfigFinder } from '../config/load.js';
import type { ResolvedConfig } from '../config/types.js';
import type { EngineOptions } from '../engine/linter.js';
import { discoverFiles } from '../files/discover.js';
import type { AdapterOptions, FileResult, RuleMeta } from '../types.js';
import { lintBytes, summarize } from './lint-file.js';
import { RuleSetCache } from './rulesets.js';

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
  engine?: EngineOptions;
}

export interface LintRun {
  results: FileResult[];
  /** Patterns that matched no file (exit code 2). */
  unmatched: string[];
  /** Metadata of every rule active in the run. */
  rules: Map<string, RuleMeta>;
}

export async function lintFiles(options: LintRunOptions): Promise<LintRun> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const configs = new ConfigFinder(cwd, options.configFile);
  const rulesets = new RuleSetCache((options.rulesDirs ?? []).map((d) => resolve(cwd, d)));
  const rules = new Map<string, RuleMeta>();
  const results: FileResult[] = [];

  const lintOne = async (filePath: string, bytes: Buffer | undefined, config: ResolvedConfig): Promise<FileResult> => {
    const ruleset = await rulesets.get(config);
    for (const [id, meta] of ruleset.meta) rules.set(id, meta);
    if (!bytes) {
      try {
        bytes = await readFile(filePath);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return summarize(filePath, 'unknown', [], { fatal: code === 'EACCES' ? 'permission denied' : `cannot read file (${code ?? 'error'})` });
      }
    }
    return lintBytes(filePath, bytes, ruleset, { ...config.adapter, ...options.adapter }, options.engine);
  };

  if (options.stdin) {
    const filePath = resolve(cwd, options.stdin.filename);
    results.push(await lintOne(filePath, options.stdin.bytes, await configs.forFile(filePath)));
  }

  const { files, unmatched } = options.patterns.length
    ? await discoverFiles(options.patterns, { cwd, extensions: options.extensions ?? DEFAULT_EXTENSIONS })
    : { files: [], unmatched: [] };

  for (const file of files) {
    const config = await configs.forFile(file);
    if (await isIgnoredBy(config, file)) continue;
    results.push(await lintOne(file, undefined, config));
  }
  return { results, unmatched, rules };
}

/** The `ignore` globs of the file's configuration, relative to the config's folder. */
async function isIgnoredBy(config: ResolvedConfig, file: string): Promise<boolean> {
  if (config.ignore.length === 0) return false;
  const { default: ignore } = await import('ignore');
  const rel = relative(config.dir, file).replace(/\\/g, '/');
  if (rel.startsWith('..')) return false;
  return ignore().add(config.ignore).ignores(rel);
}
