// Loading rule packs: a pack is a folder of rule files (one rule per .yaml file), with an
// optional pack.yaml naming it. Every file is validated; all problems are collected so an author
// sees them at once.
import { readdir } from 'node:fs/promises';
import { readDataFile } from '../shared/bounded-read.js';
import { MAX_RULE_FILE_BYTES } from '../shared/limits.js';
import { basename, join } from 'node:path';
import { ConfigError } from '../shared/errors.js';
import { withDefaults, type RuleDefinition, type RuleSource } from './definition.js';
import { LEXICON_FILES, Lexicon, type LexiconData } from './lexicon.js';
import { cachedLexicon, cachedPack, fingerprint } from './builtin-cache.js';
import { lexiconDir } from '../shared/paths.js';
import { checkBrackets } from './pattern-syntax.js';
import { checkRegex, patternRegexTerms } from './regex-safety.js';
import { validateAgainstSchema } from '../shared/validate.js';
import { parseYaml, topLevelKeyLines, whereInString, type YamlSource } from '../shared/yaml-source.js';

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

/** The pack.yaml (or pack.yml) of a folder, parsed and validated; undefined when there is none. */
export async function readPackFile(dir: string): Promise<{ info: PackInfo; src: YamlSource } | undefined> {
  for (const name of ['pack.yaml', 'pack.yml']) {
    let text: string;
    try {
      text = await readDataFile(join(dir, name), MAX_RULE_FILE_BYTES);
    } catch (e) {
      if (e instanceof ConfigError) throw new RuleLoadError([{ where: join(dir, name), message: e.message.replace(`${join(dir, name)} `, '') }]);
      continue;
    }
    const src = parseYaml(text, join(dir, name));
    if (src.value === null || typeof src.value !== 'object' || Array.isArray(src.value)) {
      throw new RuleLoadError([{ where: `${src.file}:1:1`, message: 'pack.yaml must be a YAML mapping (name: ..., version: ..., description: ...)' }]);
    }
    const problems = await validateAgainstSchema(src, 'pack');
    if (problems.length) throw new RuleLoadError(problems);
    const v = src.value as Partial<Omit<PackInfo, 'extends'>> & { extends?: string | string[] };
    const ext = v.extends === undefined ? undefined : Array.isArray(v.extends) ? v.extends : [v.extends];
    const info: PackInfo = { name: v.name ?? basename(dir), dir };
    if (v.version !== undefined) info.version = String(v.version);
    if (v.description !== undefined) info.description = v.description;
    if (ext) info.extends = ext;
    return { info, src };
  }
  return undefined;
}

export async function readPackInfo(dir: string): Promise<PackInfo> {
  return (await readPackFile(dir))?.info ?? { name: basename(dir), dir };
}

/** Read and parse a rule file (YAML errors throw, with their position). */
export async function readRuleYaml(file: string): Promise<YamlSource> {
  let text: string;
  try {
    text = await readDataFile(file, MAX_RULE_FILE_BYTES);
  } catch (e) {
    if (e instanceof ConfigError) throw new RuleLoadError([{ where: file, message: e.message.replace(`${file} `, '') }]);
    throw new RuleLoadError([{ where: file, message: `cannot read rule file (${(e as NodeJS.ErrnoException).code ?? 'error'})` }]);
  }
  const src = parseYaml(text, file);
  if (src.value === null || typeof src.value !== 'object' || Array.isArray(src.value)) {
    throw new RuleLoadError([{ where: `${file}:1:1`, message: 'a rule file must be a YAML mapping (id: ..., kind: ..., ...)' }]);
  }
  return src;
}

/**
 * Checks that need neither the lexicon nor the tagger, run on every load: a pattern with
 * unbalanced brackets would silently never match; a regex that needs backtracking is refused.
 */
export function staticProblems(src: YamlSource): Array<{ where: string; message: string }> {
  const def = src.value as RuleDefinition;
  const out: Array<{ where: string; message: string }> = [];
  if (def.kind === 'pattern' && typeof def.pattern === 'string') {
    for (const p of checkBrackets(def.pattern)) out.push({ where: whereInString(src, ['pattern'], p.offset), message: `malformed pattern: ${p.message}` });
    // /regex/ terms run on RE2 too (see safeMatchRegs): the same checks and messages as kind: regex.
    for (const term of patternRegexTerms(def.pattern)) {
      for (const p of checkRegex(term.source)) {
        if (p.severity === 'error')
          out.push({ where: whereInString(src, ['pattern'], term.offset + 1 + p.offset), message: `/${term.source}/: ${p.message}` });
      }
    }
  }
  if (def.kind === 'regex' && typeof def.regex === 'string') {
    for (const p of checkRegex(def.regex, def.flags)) {
      if (p.severity === 'error') out.push({ where: whereInString(src, ['regex'], p.offset), message: p.message });
    }
  }
  return out;
}

/** Load and validate one rule file. */
export async function loadRuleFile(file: string, pack: string): Promise<RuleSource> {
  const src = await readRuleYaml(file);
  const problems = await validateAgainstSchema(src, 'rule');
  if (problems.length) throw new RuleLoadError(problems);
  const more = staticProblems(src);
  if (more.length) throw new RuleLoadError(more);
  return { definition: withDefaults(src.value as RuleDefinition), file, pack, keyLines: topLevelKeyLines(src) };
}

/** The rule files of a pack folder (pack.yaml and dotfiles excluded), sorted. */
export async function listRuleFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter(isRuleFile).sort();
  } catch {
    throw new ConfigError(`rule folder not found: ${dir}`);
  }
}

/** Load every rule of a pack folder. Collects the problems of all files before throwing. */
export async function loadPackDir(dir: string): Promise<{ info: PackInfo; rules: RuleSource[] }> {
  const cached = cachedPack(dir);
  if (cached) return { info: { ...cached.info, dir }, rules: cached.rules };
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
/** Fingerprint of rules/lexicon/ when the lexicon was loaded (the start-up snapshot keeps it). */
let lexiconStamp: string | undefined;

/** The built-in lexicon (rules/lexicon/*.yaml), compiled once per process. */
export function loadLexicon(): Promise<Lexicon> {
  const stamp = fingerprint(lexiconDir());
  if (lexiconPromise && stamp === lexiconStamp) return lexiconPromise;
  lexiconStamp = stamp;
  lexiconPromise = (async () => {
    const cached = cachedLexicon(lexiconDir());
    if (cached) return new Lexicon(cached);
    const data: Record<string, unknown> = {};
    await Promise.all(
      LEXICON_FILES.map(async (name) => {
        const file = join(lexiconDir(), `${name}.yaml`);
        data[name] = parseYaml(await readDataFile(file, MAX_RULE_FILE_BYTES), file).value;
      }),
    );
    return new Lexicon(data as unknown as LexiconData);
  })();
  return lexiconPromise;
}
