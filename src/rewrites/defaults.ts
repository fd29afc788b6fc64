// Default rewrites by category (rules/lexicon/rewrites.yaml): what a rule without a `rewrite:`
// block gets, and what a rule's own steps fall back to. Data, so sales ops can tune the wording.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cachedLexiconFile } from '../rules/builtin-cache.js';
import { lexiconDir } from '../shared/paths.js';
import { parseYaml } from '../shared/yaml-source.js';
import type { Category } from '../shared/types.js';
import { stepsOf, type RewriteSpec, type RewriteStep } from '../rules/rewrite-spec.js';

export interface RewriteDefaults {
  categories: Partial<Record<Category, RewriteStep[]>>;
  /** Tried when nothing else applies, for any category. */
  fallback: RewriteStep[];
}

let defaults: RewriteDefaults | undefined;

let defaultsStamp: string | undefined;
/** The process that last compared the file's stamp: once per run, not once per rewrite. */
let checkedBy: number | undefined;

export function rewriteDefaults(): RewriteDefaults {
  // Kept for the life of the process (and the start-up snapshot) while the file is unchanged.
  if (defaults && (defaultsStamp === undefined || checkedBy === process.pid)) return defaults;
  const file = join(lexiconDir(), 'rewrites.yaml');
  const st = statSync(file, { throwIfNoEntry: false });
  const stamp = st ? `${st.size}:${Math.floor(st.mtimeMs)}` : '';
  checkedBy = process.pid;
  if (defaults && defaultsStamp === stamp) return defaults;
  defaultsStamp = stamp;
  // Parsed at build time into dist/builtins.json while rules/lexicon/ is unchanged.
  const raw = (cachedLexiconFile(lexiconDir(), 'rewrites') ?? parseYaml(readFileSync(file, 'utf8'), file).value ?? {}) as { categories?: Record<string, RewriteSpec>; fallback?: RewriteSpec };
  const categories: RewriteDefaults['categories'] = {};
  for (const [k, v] of Object.entries(raw.categories ?? {})) categories[k as Category] = stepsOf(v);
  defaults = { categories, fallback: stepsOf(raw.fallback) };
  return defaults;
}

/** For tests: use other defaults (or reload the file with undefined). */
export function setRewriteDefaults(d: RewriteDefaults | undefined): void {
  defaults = d;
  defaultsStamp = undefined;
}
