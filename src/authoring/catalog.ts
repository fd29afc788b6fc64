// Which rule files the `pitchlint rules …` commands work on. PATH arguments may be rule files,
// pack folders, built-in pack names (recommended, strict, finance) or npm packages; without
// any, the configured packs: the nearest .pitchlintrc.yaml's `extends` and `rulesDirs` (or the
// built-in default, recommended), plus --rules folders, with the packs they extend.
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ConfigFinder } from '../config/load.js';
import { resolvePack } from '../rules/pack-paths.js';
import type { ResolvedConfig } from '../config/types.js';
import { ConfigError } from '../shared/errors.js';
import { factKeys } from '../rules/facts.js';
import { listRuleFiles, readPackInfo, RuleLoadError, type PackInfo } from '../rules/loader.js';
import { expandPackDirs } from '../rules/packs.js';
import { parseYaml } from '../shared/yaml-source.js';

export interface CatalogOptions {
  cwd: string;
  paths: string[];
  /** -c/--config */
  config?: string;
  /** --rules folders */
  rules?: string[];
}

export interface RuleFileEntry {
  file: string;
  pack: PackInfo;
}

export interface Catalog {
  config: ResolvedConfig;
  /** Pack folders, in load order (extended packs first). */
  packs: PackInfo[];
  files: RuleFileEntry[];
  /** True when the files come from the configuration rather than PATH arguments. */
  fromConfig: boolean;
}

/** The configuration that applies in `cwd` (or --config), as `pitchlint` would use it there. */
export async function configFor(options: Pick<CatalogOptions, 'cwd' | 'config'>): Promise<ResolvedConfig> {
  return new ConfigFinder(options.cwd, options.config).forFile(join(options.cwd, '.pitchlint-rules'));
}

/**
 * Resolve PATH arguments (or the configuration) to rule files. With `expand`, packs named by
 * PATH also bring the packs they extend (for duplicate-id checks); without, only their own rules.
 */
export async function loadCatalog(options: CatalogOptions, expand: boolean, problems?: Array<{ where: string; message: string }>): Promise<Catalog> {
  const config = await configFor(options);
  const packDirs: string[] = [];
  const singles: string[] = [];
  const fromConfig = options.paths.length === 0;
  if (fromConfig) {
    packDirs.push(...config.ruleDirs, ...(options.rules ?? []).map((d) => resolve(options.cwd, d)));
  } else {
    for (const p of options.paths) {
      const abs = resolve(options.cwd, p);
      if (existsSync(abs) && statSync(abs).isFile()) singles.push(abs);
      else if (existsSync(abs) && statSync(abs).isDirectory()) packDirs.push(abs);
      else packDirs.push(resolvePack(p, options.cwd, 'command line'));
    }
    packDirs.push(...(options.rules ?? []).map((d) => resolve(options.cwd, d)));
  }
  const unique = [...new Set(packDirs.map((d) => resolve(d)))];
  const dirs = fromConfig || expand ? await expandPackDirs(unique, problems) : unique;
  const packs: PackInfo[] = [];
  const files: RuleFileEntry[] = [];
  const packInfo = async (dir: string): Promise<PackInfo> => {
    try {
      return await readPackInfo(dir);
    } catch (e) {
      if (!(e instanceof RuleLoadError) || !problems) throw e;
      problems.push(...e.problems);
      return { name: basename(dir), dir };
    }
  };
  for (const dir of dirs) {
    const info = await packInfo(dir);
    packs.push(info);
    for (const f of await listRuleFiles(dir)) files.push({ file: join(dir, f), pack: info });
  }
  for (const file of singles) {
    if (files.some((e) => e.file === file)) continue;
    const dir = dirname(file);
    const info = existsSync(join(dir, 'pack.yaml')) || existsSync(join(dir, 'pack.yml')) ? await packInfo(dir) : { name: basename(dir), dir };
    files.push({ file, pack: info });
  }
  return { config, packs, files, fromConfig };
}

/** Fact keys a rule may reference: the configuration's `facts` and its `factsFile`. */
export async function configFactKeys(config: ResolvedConfig): Promise<string[]> {
  const keys = factKeys(config.facts);
  const factsFile = config.raw.factsFile;
  if (typeof factsFile === 'string') {
    const file = resolve(config.dir, factsFile);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new ConfigError(`factsFile not found: ${file}`, config.file);
    }
    const value = parseYaml(text, file).value as Record<string, unknown> | null;
    keys.push(...factKeys(value && typeof value === 'object' && 'facts' in value ? value.facts : value));
  }
  return keys;
}

/** A path as the user should see it: relative to cwd when inside it. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : file;
}

/** Rewrite the file part of "file:line:col" (or "file") for display. */
export function displayWhere(where: string, cwd: string): string {
  const m = /^(.*?)(:\d+:\d+)?$/.exec(where);
  if (!m) return where;
  return `${displayPath(m[1]!, cwd)}${m[2] ?? ''}`;
}
