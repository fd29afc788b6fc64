// Loading rule packs: a pack is a folder of rule files (one rule per .yaml file), with an
// optional pack.yaml naming it. Every file is validated; all problems are collected so an author
// sees them at once.
import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ConfigError } from '../errors.js';
import type { RuleDefinition, RuleSource } from './definition.js';
import { LEXICON_FILES, Lexicon, type LexiconData } from './lexicon.js';
import { lexiconDir } from './paths.js';
import { validateAgainstSchema } from './validate.js';
import { parseYaml, topLevelKeyLines } from './yaml-source.js';

export interface PackInfo {
  name: string;
  dir: string;
  version?: string;
  description?: string;
  extends?: string[];
}

/** One or more problems in rule files; the CLI prints each and exits 2. */
export class RuleLoadError extends ConfigError {
  constructor(readonly problems: Array<{ where: string; message: string }>) {
    super(problems.map((p) => `${p.where}: ${p.message}`).join('\n'));
  }
}

const isRuleFile = (f: string): boolean => /\.ya?ml$/i.test(f) && !/^pack\.ya?ml$/i.test(f) && !f.startsWith('.');

export async function readPackInfo(dir: string): Promise<PackInfo> {
  for (const name of ['pack.yaml', 'pack.yml']) {
    let text: string;
    try {
      text = await readFile(join(dir, name), 'utf8');
    } catch {
      continue;
    }
    const src = parseYaml(text, join(dir, name));
    const v = (src.value ?? {}) as Partial<PackInfo>;
    return { name: v.name ?? basename(dir), dir, version: v.version, description: v.description, extends: v.extends };
  }
  return { name: basename(dir), dir };
}

/** Load and validate one rule file. */
export async function loadRuleFile(file: string, pack: string): Promise<RuleSource> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new RuleLoadError([{ where: file, message: `cannot read rule file (${(e as NodeJS.ErrnoException).code ?? 'error'})` }]);
  }
  const src = parseYaml(text, file);
  if (src.value === null || typeof src.value !== 'object' || Array.isArray(src.value)) {
    throw new RuleLoadError([{ where: `${file}:1:1`, message: 'a rule file must be a YAML mapping (id: ..., kind: ..., ...)' }]);
  }
  const problems = await validateAgainstSchema(src, 'rule');
  if (problems.length) throw new RuleLoadError(problems);
  return { definition: src.value as RuleDefinition, file, pack, keyLines: topLevelKeyLines(src) };
}

/** Load every rule of a pack folder. Collects the problems of all files before throwing. */
export async function loadPackDir(dir: string): Promise<{ info: PackInfo; rules: RuleSource[] }> {
  let entries: string[];
  try {
    entries = (await readdir(dir)).filter(isRuleFile).sort();
  } catch {
    throw new ConfigError(`rule folder not found: ${dir}`);
  }
  const info = await readPackInfo(dir);
  const rules: RuleSource[] = [];
  const problems: Array<{ where: string; message: string }> = [];
  await Promise.all(
    entries.map(async (f) => {
      try {
        rules.push(await loadRuleFile(join(dir, f), info.name));
      } catch (e) {
        if (e instanceof RuleLoadError) problems.push(...e.problems);
        else if (e instanceof ConfigError) problems.push({ where: e.where ?? join(dir, f), message: e.message.replace(`${e.where}: `, '') });
        else throw e;
      }
    }),
  );
  if (problems.length) throw new RuleLoadError(problems);
  rules.sort((a, b) => a.file.localeCompare(b.file));
  return { info, rules };
}

let lexiconPromise: Promise<Lexicon> | undefined;

/** The built-in lexicon (rules/lexicon/*.yaml). */
export function loadLexicon(): Promise<Lexicon> {
  lexiconPromise ??= (async () => {
    const data: Record<string, unknown> = {};
    await Promise.all(
      LEXICON_FILES.map(async (name) => {
        const file = join(lexiconDir(), `${name}.yaml`);
        data[name] = parseYaml(await readFile(file, 'utf8'), file).value;
      }),
    );
    return new Lexicon(data as unknown as LexiconData);
  })();
  return lexiconPromise;
}
