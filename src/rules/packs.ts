// Packs that build on other packs: a pack.yaml's `extends` names packs (built-in names, folders
// relative to the pack, npm packages resolved from the pack's folder) whose rules load first.
// `strict` extends `recommended`, so `extends: strict` in a config runs both.
import { dirname, resolve } from 'node:path';
import { resolvePack } from './pack-paths.js';
import { ConfigError } from '../shared/errors.js';
import { cachedPack } from './builtin-cache.js';
import { readPackFile, RuleLoadError } from './loader.js';
import { whereIs } from '../shared/yaml-source.js';
import { projectRoot } from '../shared/boundary.js';

/**
 * Expand pack folders with the packs they extend, parents first, each folder once. A folder
 * without a pack.yaml is a plain rule folder. Cycles and unresolvable entries are errors with
 * the position of the `extends` entry.
 */
export async function expandPackDirs(dirs: readonly string[], collect?: Array<{ where: string; message: string }>): Promise<string[]> {
  const out: string[] = [];
  const done = new Set<string>();
  const problems: Array<{ where: string; message: string }> = collect ?? [];

  const visit = async (dir: string, trail: string[]): Promise<void> => {
    const key = resolve(dir);
    if (done.has(key)) return;
    let pack;
    try {
      // Built-in packs compiled at build time need no YAML parsing (see builtin-cache.ts).
      const cached = cachedPack(key);
      pack = cached ? undefined : await readPackFile(key);
      if (cached?.info.extends?.length) {
        for (const entry of cached.info.extends) await visit(resolve(resolvePack(entry, key, `${key}/pack.yaml`)), [...trail, key]);
      }
    } catch (e) {
      if (e instanceof RuleLoadError) problems.push(...e.problems);
      else throw e;
      done.add(key);
      out.push(key);
      return;
    }
    const parents = pack?.info.extends ?? [];
    for (let i = 0; i < parents.length; i++) {
      const entry = parents[i]!;
      const where = pack ? whereIs(pack.src, Array.isArray((pack.src.value as { extends?: unknown }).extends) ? ['extends', i] : ['extends']) : key;
      let parent: string;
      try {
        // A local pack extends only packs next to it or inside its project (or built-in, npm or
        // trusted ones).
        parent = resolve(resolvePack(entry, key, where, projectRoot(dirname(key))));
      } catch (e) {
        if (e instanceof ConfigError) {
          problems.push({ where, message: e.message.startsWith(`${where}: `) ? e.message.slice(where.length + 2) : e.message });
          continue;
        }
        throw e;
      }
      if (parent === key || trail.includes(parent)) {
        problems.push({ where, message: `extends: "${entry}" makes a cycle (${[...trail, key, parent].map((d) => d.split(/[\\/]/).slice(-1)[0]).join(' -> ')})` });
        continue;
      }
      await visit(parent, [...trail, key]);
    }
    if (!done.has(key)) {
      done.add(key);
      out.push(key);
    }
  };

  for (const d of dirs) await visit(d, []);
  if (problems.length && !collect) throw new RuleLoadError(problems);
  return out;
}
