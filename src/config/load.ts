// Finding and loading configuration: .pitchlintrc.yaml (.yml) or pitchlint.config.yaml, searched
// upward from each linted file; the nearest one applies. Without any, the recommended pack runs.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../shared/errors.js';
import { readDataFile } from '../shared/bounded-read.js';
import { MAX_CONFIG_BYTES } from '../shared/limits.js';
import { RuleLoadError } from '../rules/loader.js';
import { validateAgainstSchema } from '../shared/validate.js';
import { parseYaml, whereIs } from '../shared/yaml-source.js';
import { applyOverrides } from './overrides.js';
import { resolvePack } from '../rules/pack-paths.js';
import { checkFolderInsideProject, checkInsideProject, projectRoot } from '../shared/boundary.js';
import { compileSafeRegex } from '../rules/regex-safety.js';
import type { ConfigFile, ResolvedConfig } from './types.js';

import { CONFIG_NAMES } from '../shared/boundary.js';

export { CONFIG_NAMES };

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The configuration used when no file is found. */
export function defaultConfig(cwd: string): ResolvedConfig {
  return {
    dir: cwd,
    ruleDirs: [resolvePack('recommended', cwd, 'default configuration')],
    rules: {},
    ignore: [],
    facts: {},
    adapter: {},
    raw: { extends: ['recommended'] },
  };
}

export async function loadConfigFile(file: string): Promise<ResolvedConfig> {
  const path = resolve(file);
  let text: string;
  try {
    text = await readDataFile(path, MAX_CONFIG_BYTES);
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(`cannot read configuration file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, path);
  }
  const src = parseYaml(text, path);
  const value = (src.value ?? {}) as ConfigFile;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new ConfigError('configuration must be a YAML mapping', `${path}:1:1`);
  const problems = await validateAgainstSchema(src, 'config');
  if (problems.length) throw new RuleLoadError(problems);
  // csvColumns "/regex/" entries run on RE2: one that cannot is an error here, with its position.
  (value.csvColumns ?? []).forEach((c, i) => {
    const m = /^\/(.+)\/$/.exec(c);
    if (m) compileSafeRegex(m[1]!, 'i', whereIs(src, ['csvColumns', i]));
  });
  const dir = dirname(path);
  // Packs, rule folders and the facts file stay inside the project (shared/boundary.ts).
  const root = projectRoot(dir);
  const packs = asList(value.extends ?? 'recommended').map((e, i) =>
    resolvePack(e, dir, whereIs(src, Array.isArray(value.extends) ? ['extends', i] : ['extends']), root),
  );
  const rulesDirs = (value.rulesDirs ?? []).map((d, i) => {
    const abs = resolve(dir, d);
    checkFolderInsideProject(abs, root, `rulesDirs "${d}"`, whereIs(src, ['rulesDirs', i]));
    return abs;
  });
  if (typeof value.factsFile === 'string')
    checkInsideProject(resolve(dir, value.factsFile), root, 'factsFile', whereIs(src, ['factsFile']));
  const keysWhere = (rules: object | undefined, at: (string | number)[]): Record<string, string> =>
    Object.assign(
      Object.create(null) as Record<string, string>,
      Object.fromEntries(Object.keys(rules ?? {}).map((id) => [id, whereIs(src, [...at, id], true)])),
    );
  return {
    file: path,
    dir,
    projectRoot: root,
    ruleDirs: [...packs, ...rulesDirs],
    // Keyed by rule ids: a null-prototype table, so an id "constructor" finds no inherited value.
    rules: Object.assign(Object.create(null) as ResolvedConfig['rules'], value.rules ?? {}),
    ignore: value.ignore ?? [],
    facts: Object.assign(Object.create(null) as Record<string, unknown>, value.facts ?? {}),
    adapter: {
      ...(value.includeQuoted !== undefined ? { includeQuoted: value.includeQuoted } : {}),
      ...(value.emailDetection !== undefined ? { detectEmail: value.emailDetection } : {}),
      ...(value.templates ? { templates: value.templates } : {}),
      ...(value.csvColumns ? { csvColumns: value.csvColumns } : {}),
    },
    raw: value,
    ruleWhere: keysWhere(value.rules, ['rules']),
    overrideRuleWhere: Object.fromEntries(
      (value.overrides ?? []).map((o, i) => [i, keysWhere(o?.rules, ['overrides', i, 'rules'])]),
    ),
  };
}

/** Finds the nearest config file for a folder, caching per folder. */
export class ConfigFinder {
  private readonly byDir = new Map<string, Promise<ResolvedConfig>>();
  private readonly byFile = new Map<string, Promise<ResolvedConfig>>();

  constructor(
    private readonly cwd: string,
    /** --config: one file for every linted file, no search. */
    private readonly explicit?: string,
  ) {}

  /** The configuration that applies to a file: the nearest config file, with its matching overrides. */
  async forFile(filePath: string): Promise<ResolvedConfig> {
    const file = resolve(this.cwd, filePath);
    const base = await (this.explicit ? this.load(resolve(this.cwd, this.explicit)) : this.forDir(dirname(file)));
    return applyOverrides(base, file);
  }

  private forDir(dir: string): Promise<ResolvedConfig> {
    let p = this.byDir.get(dir);
    if (!p) {
      const found = CONFIG_NAMES.map((n) => join(dir, n)).find((f) => existsSync(f));
      const parent = dirname(dir);
      // The search stops at the repository root: a config above it is not the project's.
      const top = parent === dir || existsSync(join(dir, '.git'));
      p = found ? this.load(found) : top ? Promise.resolve(defaultConfig(this.cwd)) : this.forDir(parent);
      this.byDir.set(dir, p);
    }
    return p;
  }

  private load(file: string): Promise<ResolvedConfig> {
    let p = this.byFile.get(file);
    if (!p) {
      p = loadConfigFile(file);
      this.byFile.set(file, p);
    }
    return p;
  }
}
