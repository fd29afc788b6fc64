// What the engine runs: rules compiled from their YAML definitions by a rule kind.
import type { GuardSpec, RuleDefinition, RuleSource } from '../rules/definition.js';
import type { Lexicon } from '../rules/lexicon.js';
import type { RuleMeta } from '../shared/types.js';
import type { SentenceContext } from './sentence.js';

/** A match of a rule in a sentence: character offsets within the sentence, and named captures. */
export interface RuleMatch {
  start: number;
  end: number;
  /** Token indexes [tokenStart, tokenEnd) of the match. */
  tokenStart: number;
  tokenEnd: number;
  /** {match} is always set; kinds add their own (verb, modal, deadline, replacement, ...). */
  captures: Record<string, string>;
}

/**
 * What a rule's matcher needs in a sentence before it is worth running: at least one phrase of
 * every group. The prefilter checks this for all rules at once, before any tagging.
 */
export interface TriggerGroup {
  phrases: string[];
  /** Whether the phrases match inflected forms too (guarantee -> guaranteed). */
  inflect: boolean;
}
export type TriggerGroups = TriggerGroup[];

export interface Matcher {
  /** null: the rule cannot name its triggers and is tried on every sentence (regex). */
  triggers: TriggerGroups | null;
  /** Whether match() reads part-of-speech tags (the sentence must be tagged first). */
  needsTags: boolean;
  /** Find the rule's matches. Must find nothing when the triggers are absent. */
  match(sentence: SentenceContext): RuleMatch[];
  /**
   * For a rule that reads tags: whether the sentence can match at all, from its words alone (the
   * combination and order of its triggers, a required deadline). Run after the trigger index and
   * before any tagging; it may say yes too often, never no to a sentence `match` would flag.
   */
  mayMatch?(sentence: SentenceContext): boolean;
}

export interface CompileContext {
  lexicon: Lexicon;
  /** Where the rule came from, for error messages. */
  source: RuleSource;
}

/** A rule kind: one module per kind under engine/kinds/. */
export interface RuleKind {
  name: RuleDefinition['kind'];
  /** Throws ConfigError for definitions the schema cannot catch (a bad pattern or regex). */
  compile(definition: RuleDefinition, context: CompileContext): Matcher;
}

export interface Guard {
  name: string;
  needsTags: boolean;
  /** True when the match should not be reported. */
  applies(sentence: SentenceContext, match: RuleMatch): boolean;
}

export interface CompiledRule {
  meta: RuleMeta;
  source: RuleSource;
  matcher: Matcher;
  guards: Guard[];
  /** Tags are needed by the matcher or by a guard. */
  needsTags: boolean;
}

export type { GuardSpec };
