// Loading a configuration's facts sheet: the facts file it names (`factsFile:`) first, then the
// config's own `facts:` on top (the config wins for a key defined in both). Problems are
// configuration errors with the file, line and column. An expired fact is left out of the sheet
// and reported once per run as a warning of its own (see warnings.ts).
import { resolve } from 'node:path';
import type { ResolvedConfig } from '../types.js';
import { ConfigError } from '../../shared/errors.js';
import { checkInsideProject } from '../../shared/boundary.js';
import { readDataFile } from '../../shared/bounded-read.js';
import { MAX_CONFIG_BYTES } from '../../shared/limits.js';
import { RuleLoadError } from '../../rules/loader.js';
import { parseYaml, whereIs, type YamlSource } from '../../shared/yaml-source.js';
import { flattenFacts, isoDay, makeSheet, type FactProblem } from './normalize.js';
import type { Fact, FactsSheet } from './types.js';
import { noteExpired } from './warnings.js';

const cache = new WeakMap<ResolvedConfig, Promise<FactsSheet>>();

/** The facts sheet of a configuration (memoized per resolved config). */
export function factsForConfig(config: ResolvedConfig, today: Date = new Date()): Promise<FactsSheet> {
  let p = cache.get(config);
  if (!p) {
    p = loadFacts(config, today);
    cache.set(config, p);
  }
  return p;
}

export async function loadFacts(config: ResolvedConfig, today: Date = new Date()): Promise<FactsSheet> {
  const all = new Map<string, Fact>();
  const factsFile = config.raw.factsFile;
  if (factsFile) {
    const file = resolve(config.dir, factsFile);
    // Never read from outside the project implicitly (loadConfigFile checks it first, too).
    if (config.projectRoot) checkInsideProject(file, config.projectRoot, 'factsFile', config.file);
    for (const f of (await readFactsFile(file)).values()) all.set(f.key, f);
  }
  if (config.facts && Object.keys(config.facts).length > 0) {
    const problems: FactProblem[] = [];
    const inline = flattenFacts(config.facts, config.file, problems);
    if (problems.length)
      throw problemsError(problems, config.file, ['facts'], config.file ? await sourceOf(config.file) : undefined);
    for (const f of inline.values()) all.set(f.key, f);
  }
  const sheet = makeSheet(all.values(), isoDay(today));
  noteExpired(sheet.expired, isoDay(today));
  return sheet;
}

/** A facts file: either a mapping of facts, or a mapping with a top-level `facts:` key. */
export async function readFactsFile(file: string): Promise<Map<string, Fact>> {
  let text: string;
  try {
    text = await readDataFile(file, MAX_CONFIG_BYTES);
  } catch (e) {
    if (e instanceof ConfigError) throw new ConfigError(`factsFile: ${e.message}`);
    throw new ConfigError(`factsFile: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const src = parseYaml(text, file);
  const value = src.value as Record<string, unknown> | null;
  const nested =
    value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && 'facts' in value;
  const problems: FactProblem[] = [];
  const facts = flattenFacts(nested ? value.facts : value, file, problems);
  if (problems.length) throw problemsError(problems, file, nested ? ['facts'] : [], src);
  return facts;
}

async function sourceOf(file: string): Promise<YamlSource | undefined> {
  try {
    return parseYaml(await readDataFile(file, MAX_CONFIG_BYTES), file);
  } catch {
    return undefined;
  }
}

function problemsError(
  problems: FactProblem[],
  file: string | undefined,
  prefix: string[],
  src: YamlSource | undefined,
): ConfigError {
  return new RuleLoadError(
    problems.map((p) => ({
      where: src ? whereIs(src, [...prefix, ...p.path]) : (file ?? 'facts'),
      message: p.message,
    })),
  );
}
