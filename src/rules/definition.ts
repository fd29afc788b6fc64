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
  severity: Severity;
  category: Category;
  message: string;
  description: string;
  rationale: string;
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
  requires?: 'none' | 'deadline' | 'quantity' | 'deadline-or-quantity' | 'time' | 'duration';
  /** commitment: the forms of certainty the rule accepts (default modal). */
  certainty?: Array<'modal' | 'scheduled' | 'scheduled-any' | 'imperative' | 'can' | 'emphatic' | 'fragment'>;
  unless?: GuardSpec[];
  /** How a flagged sentence is rewritten (fixes/spec.ts; README, Rewrites and --fix). */
  rewrite?: RuleRewrite;
  examples?: { flag: Array<string | FlagExample>; pass: string[] };
}

/** A rule definition with where it came from. */
export interface RuleSource {
  definition: RuleDefinition;
  file: string;
  pack: string;
  /** Line of a top-level key in the file (for error messages), by key. */
  keyLines: Record<string, number>;
}
