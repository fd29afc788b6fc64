// One sentence as the rules see it: its text, lexical tokens, and (lazily) its POS tags.
import type { Lexicon } from '../rules/lexicon.js';
import { nlpLoaded, tagSentence, type TaggedSentence } from '../text/nlp.js';
import { BoundedMap } from '../shared/memo.js';
import { tokenize, type Token } from '../text/tokens.js';
import { claimScope, splitClauses, type Clause, type Scope } from '../text/clauses.js';

export interface SentenceContext {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly lexicon: Lexicon;
  /** Tag the sentence (memoized). Only valid once the tagger is loaded (rule.needsTags). */
  tagged(): TaggedSentence;
  /** Tags of token i (empty before tagging). */
  tags(i: number): ReadonlySet<string>;
  /** The clauses of the sentence (text/clauses.ts). */
  readonly clauses: readonly Clause[];
  /** The token range a claim's qualifiers must stand in: its clause and the clauses governing it. */
  scope(match: { tokenStart: number; tokenEnd: number }): Scope;
  /** The text of a claim's scope, and its character offset in the sentence. */
  scopeText(match: { tokenStart: number; tokenEnd: number }): { text: string; offset: number };
}

const NO_TAGS: ReadonlySet<string> = new Set();

/**
 * Recently tagged sentences. The engine's claim memo already spares repeated sentences; this
 * bridges the engine and the rewrites, which read the tags of the sentence just flagged. Small,
 * because a tagged sentence holds the tagger's whole document for it.
 */
const TAG_CACHE = new BoundedMap<string, TaggedSentence>(32);
/** Times the tagger actually ran (cache misses), for the benchmark. */
let tagRuns = 0;
export const taggerRuns = (): number => tagRuns;
/** Start counting again (the start-up snapshot's warm-up lint is not part of a run). */
export function resetTaggerRuns(): void {
  tagRuns = 0;
}

export class Sentence implements SentenceContext {
  private tokenList: readonly Token[] | undefined;
  private clauseList: readonly Clause[] | undefined;
  private taggedView: TaggedSentence | undefined;
  private onDemand = false;
  private onRead = false;

  constructor(
    readonly text: string,
    readonly lexicon: Lexicon,
  ) {}

  /** Tokenized on first use: a sentence the engine has seen before is never tokenized again. */
  get tokens(): readonly Token[] {
    return (this.tokenList ??= tokenize(this.text));
  }

  get clauses(): readonly Clause[] {
    return (this.clauseList ??= splitClauses(this.tokens));
  }

  scope(match: { tokenStart: number; tokenEnd: number }): Scope {
    return claimScope(this.clauses, match.tokenStart, match.tokenEnd);
  }

  scopeText(match: { tokenStart: number; tokenEnd: number }): { text: string; offset: number } {
    const { from, to } = this.scope(match);
    const t = this.tokens;
    if (to <= from) return { text: this.text, offset: 0 };
    const offset = t[from]!.start;
    return { text: this.text.slice(offset, t[to - 1]!.end), offset };
  }

  tagged(): TaggedSentence {
    if (this.taggedView) return this.taggedView;
    const cached = TAG_CACHE.get(this.text);
    if (cached) return (this.taggedView = cached);
    const nlp = nlpLoaded();
    if (!nlp) throw new Error('internal: the tagger was not loaded before a rule needed tags');
    this.taggedView = tagSentence(nlp, this.text, this.tokens);
    tagRuns++;
    TAG_CACHE.set(this.text, this.taggedView);
    return this.taggedView;
  }

  get isTagged(): boolean {
    return this.taggedView !== undefined;
  }

  /**
   * Tag on first use of tags(). Only for rewriting, which runs once the rules are done with the
   * sentence: while rules and guards run it is never set, so one that reads tags without
   * declaring so still sees none (and the prefilter equivalence test catches it).
   */
  tagOnDemand(): this {
    this.onDemand = true;
    return this;
  }

  /**
   * While on, the first tags() tags the sentence. The engine turns it on for the rules that
   * declare needsTags, one rule at a time, so a candidate sentence is tagged only when a rule gets
   * as far as reading a tag (most stop at their words first), and a rule that reads tags without
   * declaring so still sees none.
   */
  tagsOnRead(on: boolean): void {
    this.onRead = on;
  }

  tags(i: number): ReadonlySet<string> {
    if (!this.taggedView && (this.onDemand || this.onRead)) this.tagged();
    return this.taggedView?.tokenTags[i] ?? NO_TAGS;
  }
}
