// The shape of a rule file, as described by schema/rule.schema.json.
import type { Category, Severity } from '../shared/types.js';
import type { RuleRewrite } from './rewrite-spec.js';

/** A guard's name: one of the guard registry (src/engine/guards/index.ts), as the schema lists. */
export type GuardName = string;

export interface PhraseGuard {
  phrases: string[];
  where?: 'sentence' | 'before' | 'after';
  within?: number;
}

export type GuardSpec = GuardName | PhraseGuard;

/** phrase: words that must stand near the phrase for it to count ("price" near "forever"). */
export interface NearGroup {
  phrases: string[];
  /** At most this many words between the phrase and the near words. Default 6. */
  within?: number;
  /** Where the near words stand relative to the phrase. Default either. */
  where?: 'before' | 'after' | 'either';
  /** Match inflections of the near words. Default: the rule's `inflect`. */
  inflect?: boolean;
}

export interface FlagExample {
  text: string;
  /** The words the rule must flag. */
  match?: string;
  /** The expected rewrite of the sentence. */
  rewrite?: string;
}

export interface RuleDefinition {
  id: string;
  /** One of the kind registry (src/engine/kinds/index.ts), as the schema lists. */
  kind: string;
  /** Optional in the file: `warning` when absent (see withDefaults). */
  severity: Severity;
  /** Optional in the file: the id's first word when it names a category, else `other`. */
  category: Category;
  message: string;
  /** Optional for loading; `rules validate --strict` and `rules docs` ask for it. */
  description?: string;
  /** Optional for loading; `rules validate --strict` and `rules docs` ask for it. */
  rationale?: string;
  suggestion?: string;
  phrases?: string[];
  near?: NearGroup[];
  inflect?: boolean;
  replacements?: Record<string, string>;
  pattern?: string;
  triggers?: string[];
  regex?: string;
  flags?: string;
  subjects?: string[];
  verbs?: string[];
  requires?: 'none' | 'deadline' | 'quantity' | 'deadline-or-quantity' | 'time' | 'duration' | 'speed';
  /** commitment: the forms of certainty the rule accepts (default modal). */
  certainty?: Array<'modal' | 'scheduled' | 'scheduled-any' | 'present' | 'imperative' | 'can' | 'emphatic' | 'fragment'>;
  unless?: GuardSpec[];
  /** How a flagged sentence is rewritten (rules/rewrite-spec.ts; docs/rewrites.md, "Rewrites in rule files"). */
  rewrite?: RuleRewrite;
  examples?: { flag: Array<string | FlagExample>; pass: string[] };
}

/** The keys the engine does not need, which `rules validate --strict` and `rules docs` ask for. */
export const DOC_KEYS = ['description', 'rationale'] as const;

export const DEFAULT_SEVERITY: Severity = 'warning';

/** The rule categories a rule file may name (not `directive`, which is pitchlint's own). */
const RULE_CATEGORIES = new Set<string>([
  'absolute',
  'guarantee',
  'commitment',
  'speed',
  'superlative',
  'roadmap',
  'pricing',
  'pressure',
  'other',
]);

/**
 * A rule as written may leave out `severity` and `category` (a minimal rule is `id`, `kind`,
 * `message` and the kind's own keys): fill them in. The category is the id's first word when it
 * names one (`guarantee-uptime`: guarantee), as the built-in ids do; otherwise `other`.
 */
export function withDefaults(raw: RuleDefinition): RuleDefinition {
  if (raw.severity !== undefined && raw.category !== undefined) return raw;
  const first = String(raw.id ?? '').split('-')[0] ?? '';
  return {
    ...raw,
    severity: raw.severity ?? DEFAULT_SEVERITY,
    category: raw.category ?? ((RULE_CATEGORIES.has(first) ? first : 'other') as Category),
  };
}

/** A rule definition with where it came from. */
export interface RuleSource {
  definition: RuleDefinition;
  file: string;
  pack: string;
  /** Line of a top-level key in the file (for error messages), by key. */
  keyLines: Record<string, number>;
}
