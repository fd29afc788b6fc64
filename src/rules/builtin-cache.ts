// The built-in packs and the lexicon, compiled to JSON at build time (dist/builtins.json), so that
// a run does not parse YAML or validate schemas for the rules that ship with pitchlint: that
// alone was a third of the cold start. A pack folder whose files changed since the build (a
// developer editing rules/) is read from YAML as usual.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { RuleSource } from './definition.js';
import type { LexiconData } from './lexicon.js';
import { packageRoot } from '../shared/paths.js';

export interface CachedPack {
  info: { name: string; version?: string; description?: string; extends?: string[] };
  rules: RuleSource[];
}

export interface BuiltinCache {
  /** Folder (relative to the package root) -> fingerprint of its YAML files. */
  fingerprints: Record<string, string>;
  packs: Record<string, CachedPack>;
  lexicon: LexiconData;
  /** Other YAML data files of rules/lexicon/ (rewrites.yaml), by name, parsed. */
  lexiconFiles?: Record<string, unknown>;
}

export const BUILTIN_CACHE_FILE = 'dist/builtins.json';

/** Names, sizes and modification times of a folder's YAML files. */
export function fingerprint(dir: string): string {
  try {
    return readdirSync(dir)
      .filter((f) => /\.ya?ml$/i.test(f))
      .sort()
      .map((f) => {
        const st = statSync(join(dir, f));
        return `${f}:${st.size}:${Math.floor(st.mtimeMs)}`;
      })
      .join('|');
  } catch {
    return '';
  }
}

let cache: BuiltinCache | undefined;

/** The cache file, read once; a missing file is looked for again next time (never memoized). */
function load(): BuiltinCache | null {
  if (process.env.PITCHLINT_NO_BUILTIN_CACHE) return null;
  if (cache) return cache;
  try {
    cache = JSON.parse(readFileSync(join(packageRoot(), BUILTIN_CACHE_FILE), 'utf8')) as BuiltinCache;
  } catch {
    return null;
  }
  return cache;
}

function fresh(c: BuiltinCache, rel: string, dir: string): boolean {
  return c.fingerprints[rel] !== undefined && c.fingerprints[rel] === fingerprint(dir);
}

/** A built-in pack from the cache, with absolute file paths; undefined when absent or stale. */
export function cachedPack(dir: string): CachedPack | undefined {
  const c = load();
  const rel = relative(packageRoot(), dir);
  if (!c || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  const pack = c.packs[rel];
  if (!pack || !fresh(c, rel, dir)) return undefined;
  return { info: pack.info, rules: pack.rules.map((r) => ({ ...r, file: join(packageRoot(), r.file) })) };
}

/** A parsed data file of rules/lexicon/ (e.g. "rewrites"), when the cache is fresh. */
export function cachedLexiconFile(dir: string, name: string): unknown {
  const c = load();
  const rel = relative(packageRoot(), dir);
  return c && fresh(c, rel, dir) ? c.lexiconFiles?.[name] : undefined;
}

export function cachedLexicon(dir: string): LexiconData | undefined {
  const c = load();
  const rel = relative(packageRoot(), dir);
  return c && fresh(c, rel, dir) ? c.lexicon : undefined;
}
