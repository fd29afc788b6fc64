// --print-config FILE: the configuration that applies to a file (nearest config file, its matching
// overrides, --config/--rules and the CLI's adapter flags), with every rule's effective severity.
// YAML by default, JSON with --format json. The file does not need to exist.
import { writeFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { LintCliOptions } from '../cli/program.js';
import { builtinPacksDir } from '../shared/paths.js';
import { FileLinter, isIgnoredBy } from './file-linter.js';
import { loadRuleSources } from './rulesets.js';
import type { AdapterOptions, SeveritySetting } from '../shared/types.js';
import type { ConfigOverride } from '../config/types.js';

export interface EffectiveConfigReport {
  file: string;
  /** The config file used, or null for the built-in default (recommended pack). */
  configFile: string | null;
  overridesApplied: Array<Pick<ConfigOverride, 'files' | 'excludedFiles'>>;
  ignored: boolean;
  ruleDirs: string[];
  rules: Record<string, SeveritySetting>;
  facts: Record<string, unknown>;
  ignore: string[];
  adapter: AdapterOptions;
}

export interface EffectiveConfigOptions {
  cwd?: string;
  configFile?: string;
  rulesDirs?: string[];
  adapter?: AdapterOptions;
}

/** The effective configuration of `filePath`, ready to print (paths relative to cwd). */
export async function effectiveConfig(filePath: string, options: EffectiveConfigOptions = {}): Promise<EffectiveConfigReport> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const file = resolve(cwd, filePath);
  const rulesDirs = (options.rulesDirs ?? []).map((d) => resolve(cwd, d));
  const linter = new FileLinter({
    cwd,
    ...(options.configFile ? { configFile: resolve(cwd, options.configFile) } : {}),
    rulesDirs,
  });
  const config = await linter.configFor(file);
  await linter.ruleSetFor(config); // validates: unknown rule ids, bad packs
  const dirs = [...new Set([...config.ruleDirs, ...rulesDirs])];
  const rules: Record<string, SeveritySetting> = {};
  for (const s of (await loadRuleSources(dirs)).sort((a, b) => a.definition.id.localeCompare(b.definition.id))) {
    rules[s.definition.id] = config.rules[s.definition.id] ?? s.definition.severity;
  }
  const show = (p: string): string => {
    const builtin = relative(builtinPacksDir(), p);
    if (!builtin.startsWith('..') && !isAbsolute(builtin) && !builtin.includes(sep)) return `${builtin} (built-in)`;
    const rel = relative(cwd, p);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : p;
  };
  return {
    file: show(file),
    configFile: config.file ? show(config.file) : null,
    overridesApplied: (config.overridesApplied ?? []).map((i) => {
      const o = config.raw.overrides![i]!;
      return { files: o.files, ...(o.excludedFiles ? { excludedFiles: o.excludedFiles } : {}) };
    }),
    ignored: await isIgnoredBy(config, file),
    ruleDirs: dirs.map(show),
    rules,
    facts: config.facts,
    ignore: config.ignore,
    adapter: { ...config.adapter, ...options.adapter },
  };
}

/** The --print-config action: print and return the exit code (0). */
export async function printConfig(filePath: string, cli: LintCliOptions, cwd: string): Promise<number> {
  const report = await effectiveConfig(filePath, {
    cwd,
    ...(cli.config ? { configFile: cli.config } : {}),
    rulesDirs: cli.rules ?? [],
    adapter: {
      ...(cli.includeQuoted ? { includeQuoted: true } : {}),
      ...(cli.emailDetection === false ? { detectEmail: false } : {}),
    },
  });
  let text: string;
  if (cli.format === 'json') {
    text = `${JSON.stringify(report, null, 2)}\n`;
  } else {
    const yaml = await import('yaml');
    const stringify = yaml.stringify ?? (yaml as unknown as { default: typeof yaml }).default.stringify;
    text = `# Effective pitchlint configuration for ${report.file}\n${stringify(report)}`;
  }
  if (cli.outputFile) await writeFile(resolve(cwd, cli.outputFile), text);
  else process.stdout.write(text);
  return 0;
}
