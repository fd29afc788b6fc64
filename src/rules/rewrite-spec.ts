// The `rewrite:` block of a rule, as data (schema/rule.schema.json, "rewrite"). A rewrite is a list
// of steps tried in order: the first step whose `when` holds and whose operations apply rewrites
// the sentence; when none does, the category's default steps (rules/lexicon/rewrites.yaml) are
// tried. `rewrite: false` turns rewriting off for a rule.
//
// One step holds one or more operations, all computed on the original sentence:
//   replace    phrase -> text (a map), or one text for the whole flagged words
//   drop       remove the flagged words (true) or the listed words, fixing articles and commas
//   hedge      insert "typically" before the verb of the claim (or "In most cases, " up front)
//   soften     "will deliver" -> "expect to deliver" / "is expected to deliver", by subject
//   attribute  "the best X" -> "a leading X [cite a source]", "the fastest" -> "faster than most"
//   template   the flagged words (or the phrase, or the sentence) written from a template
//   append     text added at the end of the claim's clause
// Templates and texts take slots: {match}, the rule kind's captures ({verb}, {deadline}, ...),
// {noun} (the noun the flagged words describe) and {facts.some.key} (from the facts sheet; a
// missing fact becomes a visible placeholder such as [typical delivery time]).

export type SubjectClass = 'we' | 'customer' | 'other';

export interface RewriteWhen {
  /** The flagged words contain one of these phrases. */
  match?: string[];
  /** The sentence contains one of these words or phrases. */
  sentence?: string[];
  /** The sentence contains none of these. */
  notSentence?: string[];
  /** These facts are in the facts sheet (and not expired). */
  facts?: string[];
  /** How the flagged words are used: before a noun ("overnight delivery") or not ("ships overnight"). */
  use?: 'adjective' | 'adverb';
  /** Who makes the claim (soften): we / customer / other. */
  subject?: SubjectClass[];
  /**
   * Where the flagged words are: opening the sentence and set off by punctuation ("Act now, ..."),
   * closing it after a comma ("..., guaranteed."), either (edge), or being the whole sentence
   * ("Guaranteed!"; alone), or just ending their clause (clause-end).
   */
  at?: 'start' | 'end' | 'edge' | 'alone' | 'clause-end';
  /** Whether the phrase named in `match` (or the flagged words) is used as a noun or a verb ("lifetime guarantees" / "we guarantee"). */
  pos?: 'noun' | 'verb';
}

export interface HedgeSpec {
  /** Inserted before the verb of the claim. Default "typically". */
  word?: string;
  /** Put at the start of the sentence when the claim has no verb. Default "In most cases,". */
  start?: string;
  /** For a claim made as an imperative ("Double your table turns"), e.g. "You could". Default: the start form. */
  imperative?: string;
}

export interface SoftenSpec {
  /** For we / our team / I. Default "expect to". */
  we?: string;
  /** For you / your team. Default "can expect to". */
  customer?: string;
  /** For anything else (the product, a passive subject). Default "{be} expected to". */
  other?: string;
}

export interface AttributeSpec {
  /** Replaces "the best" / "#1" / "the leading" before a singular noun. Default "a leading". */
  lead?: string;
  /** Before a plural noun. Default "leading". */
  leadPlural?: string;
  /** With no noun ("we are the best"). Default "a leader". */
  leadAlone?: string;
  /** After a comparative ("faster ... than most"). Default "than most". */
  compare?: string;
  /** Added at the end of the clause. Default " [cite a source]". */
  cite?: string;
}

export interface RewriteStep {
  when?: RewriteWhen;
  replace?: string | Record<string, string>;
  drop?: true | string[];
  hedge?: true | string | HedgeSpec;
  soften?: true | string | SoftenSpec;
  attribute?: true | AttributeSpec;
  template?: string;
  /** What `template` (and `replace: text`) replaces: the flagged words (default), the phrase they belong to, or the sentence. */
  scope?: 'match' | 'phrase' | 'sentence';
  /** Where the phrases of a `replace` map may be: overlapping the flagged words (default) or anywhere in their clause. */
  within?: 'match' | 'clause';
  append?: string;
  /** A comment for rule authors; ignored. */
  note?: string;
}

export type RewriteSpec = false | RewriteStep | RewriteStep[];

export const OPERATIONS = ['replace', 'drop', 'hedge', 'soften', 'attribute', 'template', 'append'] as const;

/** The steps of a spec (an empty list for `false` or none). */
export function stepsOf(spec: RewriteSpec | undefined): RewriteStep[] {
  if (spec === undefined || spec === false || spec === null) return [];
  return Array.isArray(spec) ? spec : [spec];
}

/** An expected rewrite, checked by the test suite (optionally with facts filled in). */
export interface RewriteExample {
  text: string;
  rewrite: string;
  facts?: Record<string, unknown>;
}

/** What a rule file may hold under `rewrite:`: the steps, or the long form with examples. */
export type RuleRewrite = RewriteSpec | { steps: RewriteSpec; examples?: RewriteExample[] };
