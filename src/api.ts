// The programmatic API: embed the engine in other tools (a CRM plugin, a mail add-in).
//
//   import { lintText, lintFiles, loadConfig, formatters } from 'pitchlint';
//   const result = await lintText('We guarantee 100% uptime.', { filePath: 'reply.txt' });
//   const run = await lintFiles({ patterns: ['templates/'], concurrency: 'auto', cache: true });
//   process.stdout.write(await formatters.format('sarif', run));
import { resolve } from 'node:path';
import { effectiveConfig, type EffectiveConfigOptions, type EffectiveConfigReport } from './runner/print-config.js';
import { FORMATTER_NAMES, loadFormatter, type FormatterName } from './reporters/index.js';
import { lintFiles, type LintRun, type LintRunOptions } from './runner/lint-files.js';
import { version } from './shared/version.js';
import type { FileResult, Formatter, RuleMeta } from './shared/types.js';

export { lintFiles, type LintRun, type LintRunOptions, type LintRunStats } from './runner/lint-files.js';
export type { BaselineOutcome, BaselineFile } from './runner/baseline.js';
export type { Shard } from './runner/shard.js';
export type { EffectiveConfigOptions, EffectiveConfigReport } from './runner/print-config.js';
export type { ConfigFile, ConfigOverride, ResolvedConfig } from './config/types.js';
export type { FormatterName } from './reporters/index.js';
export { ConfigError, InputError } from './shared/errors.js';
export type * from './shared/types.js';

export interface LintTextOptions {
  /**
   * The name the text is linted as: its extension picks the format (.md Markdown, .html HTML,
   * .eml email, anything else plain text) and its folder picks the configuration. Relative to
   * `cwd`; need not exist. Default "input.txt".
   */
  filePath?: string;
  cwd?: string;
  /** A configuration file to use instead of searching for .pitchlintrc.yaml. */
  configFile?: string;
  /** Extra rule folders. */
  rulesDirs?: string[];
  adapter?: LintRunOptions['adapter'];
  reportUnusedDisableDirectives?: LintRunOptions['reportUnusedDisableDirectives'];
}

export interface LintTextResult extends FileResult {
  /** Metadata of the rules that ran (for formatters). */
  rules: Map<string, RuleMeta>;
}

/** Lint a string (or bytes) as if it were the file `options.filePath`. */
export async function lintText(text: string | Uint8Array, options: LintTextOptions = {}): Promise<LintTextResult> {
  const run = await lintFiles({
    cwd: options.cwd,
    patterns: [],
    stdin: { bytes: typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text), filename: options.filePath ?? 'input.txt' },
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(options.rulesDirs ? { rulesDirs: options.rulesDirs } : {}),
    ...(options.adapter ? { adapter: options.adapter } : {}),
    ...(options.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: options.reportUnusedDisableDirectives } : {}),
  });
  return { ...run.results[0]!, rules: run.rules };
}

/**
 * The configuration that applies to a file: the nearest .pitchlintrc.yaml (or `configFile`), its
 * matching `overrides:`, and every rule's effective severity. What `--print-config` prints.
 */
export function loadConfig(filePath: string, options: EffectiveConfigOptions = {}): Promise<EffectiveConfigReport> {
  return effectiveConfig(filePath, options);
}

export interface FormatOptions {
  /** Paths are printed relative to this folder (stylish, compact). Default process.cwd(). */
  cwd?: string;
  color?: boolean;
  /** Rule metadata; taken from the run when a LintRun is passed. */
  rules?: Map<string, RuleMeta>;
}

export const formatters = {
  /** stylish, json, sarif, github, junit, checkstyle, compact */
  names: FORMATTER_NAMES as readonly FormatterName[],
  /** The formatter function of a report format (loaded on first use). */
  load: (name: string): Promise<Formatter> => loadFormatter(name),
  /** Format a run (or results) as the CLI would print it. */
  async format(name: string, run: LintRun | FileResult[] | LintTextResult, options: FormatOptions = {}): Promise<string> {
    const formatter = await loadFormatter(name);
    const results = Array.isArray(run) ? run : 'results' in run ? run.results : [withoutRules(run)];
    const rules = options.rules ?? (!Array.isArray(run) ? run.rules : undefined) ?? new Map<string, RuleMeta>();
    return formatter(results, { cwd: resolve(options.cwd ?? process.cwd()), color: options.color ?? false, rules, version: version() });
  },
};

function withoutRules(r: LintTextResult): FileResult {
  const { rules: _rules, ...result } = r;
  return result;
}
