// Default rewrites by category (rules/lexicon/rewrites.yaml): what a rule without a `rewrite:`
// block gets, and what a rule's own steps fall back to. Data, so sales ops can tune the wording.
// Loaded with the rule set (like the lexicon), never on the matching or rewriting path.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cachedLexiconFile } from './builtin-cache.js';
import { lexiconDir } from '../shared/paths.js';
import { parseYaml } from '../shared/yaml-source.js';
import type { Category } from '../shared/types.js';
import { stepsOf, type RewriteSpec, type RewriteStep } from './rewrite-spec.js';

export interface RewriteDefaults {
  categories: Partial<Record<Category, RewriteStep[]>>;
  /** Tried when nothing else applies, for any category. */
  fallback: RewriteStep[];
  /** The strict check every rewrite passes before it is shown (`check:` in the file). */
  check: RewriteCheck;
  /**
   * The steps of the alternatives shown beside a rewrite (`alternatives:` in the file): a soft
   * form (the claim kept, hedged) and a strict one (only what can be checked), by category.
   */
  alternatives: Record<AlternativeLabel, Partial<Record<Category, RewriteStep[]>>>;
}

export type AlternativeLabel = 'soft' | 'strict';

/** What the strict check of a rewrite reads (issue 12). */
export interface RewriteCheck {
  /** Words of the draft that must not stay in its rewrite ("always", "overnight", "#1", ...). */
  strong: string[];
  /** Hedges a rewrite inserts; in the strict re-lint they qualify nothing. */
  hedges: string[];
  /** Patterns (regular expressions, case-insensitive) no rewrite may contain. */
  ungrammatical: string[];
  /** Word swaps `--fix` may apply on its own: the minimal edit's words before and after. */
  safe: Array<{ from: string; to: string }>;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function checkOf(raw: unknown): RewriteCheck {
  const c = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const safe = Array.isArray(c.safe)
    ? c.safe.flatMap((p: unknown) =>
        Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'string')
          ? [{ from: (p[0] as string).toLowerCase(), to: (p[1] as string).toLowerCase() }]
          : [],
      )
    : [];
  return { strong: strings(c.strong), hedges: strings(c.hedges), ungrammatical: strings(c.ungrammatical), safe };
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
  const raw = (cachedLexiconFile(lexiconDir(), 'rewrites') ?? parseYaml(readFileSync(file, 'utf8'), file).value ?? {}) as {
    categories?: Record<string, RewriteSpec>;
    fallback?: RewriteSpec;
    check?: unknown;
    alternatives?: Partial<Record<AlternativeLabel, Record<string, RewriteSpec>>>;
  };
  const categories: RewriteDefaults['categories'] = {};
  for (const [k, v] of Object.entries(raw.categories ?? {})) categories[k as Category] = stepsOf(v);
  const alternatives: RewriteDefaults['alternatives'] = { soft: {}, strict: {} };
  for (const label of ['soft', 'strict'] as const)
    for (const [k, v] of Object.entries(raw.alternatives?.[label] ?? {})) alternatives[label][k as Category] = stepsOf(v);
  defaults = { categories, fallback: stepsOf(raw.fallback), check: checkOf(raw.check), alternatives };
  return defaults;
}

/** For tests: use other defaults (or reload the file with undefined). */
export function setRewriteDefaults(d: RewriteDefaults | undefined): void {
  defaults = d;
  defaultsStamp = undefined;
}
