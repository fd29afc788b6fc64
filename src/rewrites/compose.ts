// The rewrite of a whole sentence. Each finding's own rewrite is computed on the original
// sentence; the non-overlapping ones are applied together, then the result is checked again with
// the rule set and whatever is still flagged is rewritten in turn (a few passes at most), the way
// --fix converges on a file. Placeholders are masked while checking.
import type { RuleMatch } from '../engine/rule.js';
import type { CompiledRule } from '../engine/rule.js';
import type { RuleSet } from '../engine/ruleset.js';
import { Sentence } from '../engine/sentence.js';
import { nlpLoaded } from '../text/nlp.js';
import type { FactsSheet } from '../config/facts/types.js';
import type { Finding, RewriteAlternative } from '../shared/types.js';
import { tokenRange } from '../engine/match.js';
import type { SentenceFinding } from '../engine/linter.js';
import { clauseOf } from './analysis.js';
import { applyEdits } from './grammar.js';
import { articleFor } from './language.js';
import { maskPlaceholders, matchSentence, placeholderSpans, stillFlagged } from './relint.js';
import { maskInsertedHedges, verifyRewrite, type Verdict } from './verify.js';
import { rewriteMatch, type MatchRewrite } from './rewrite-match.js';
import { runStep } from './step.js';
import type { RewriteStep } from '../rules/rewrite-spec.js';

export type { SentenceFinding } from '../engine/linter.js';

export interface Composed {
  /** The sentence rewritten (placeholders included); equal to the sentence when nothing changed. */
  text: string;
  missing: string[];
  placeholders: number;
  /** Each finding's own rewrite, on the original sentence. */
  own: Map<Finding, MatchRewrite | undefined>;
  /** Set when a rewrite was made and failed the strict check: it is not shown (text is the sentence). */
  withheld?: Verdict;
  /** Other wordings that pass the same check (review offers them). */
  alternatives?: RewriteAlternative[];
}

export const MAX_SENTENCE_PASSES = 8;

const ADVERB_HEDGE = /\b(typically|usually|generally|normally) (?=[\p{L}])/giu;
const PHRASE_HEDGE = /\b(?:in most cases|most of the time)\b/i;

/**
 * A clause hedged twice by the rewrite ("We typically ship at the agreed time in most cases": the
 * second pass hedged what the first pass's hedge, taken out for the strict check, left flagged)
 * keeps the later, fuller hedge only. Only hedges the draft did not have are touched.
 */
export function dropStackedHedges(original: string, text: string): string {
  if (!PHRASE_HEDGE.test(text) || PHRASE_HEDGE.test(original)) return text;
  return text
    .split(/(?<=[,;:—–])/)
    .map((clause) => {
      if (!PHRASE_HEDGE.test(clause)) return clause;
      return clause.replace(ADVERB_HEDGE, (m: string, w: string) =>
        new RegExp(`\\b${w}\\b`, 'i').test(original) ? m : '',
      );
    })
    .join('')
    .replace(/^(\P{L}*)(\p{Ll})/u, (m: string, pre: string, c: string) =>
      /^\P{L}*\p{Lu}/u.test(original) ? pre + c.toUpperCase() : m,
    );
}

/**
 * "not one missed appointment" -> "hardly one missed appointment" reads wrong: "hardly a missed
 * appointment". "Hardly one in ten" (a proportion) and a draft's own "hardly one" stay.
 */
export function hardlyA(original: string, text: string): string {
  if (/\bhardly one\b/i.test(original)) return text;
  return text.replace(
    /\b(hardly) one (?!(?:in|of|out|or|and)\b)(?=(\p{L}[\p{L}'’-]*))/giu,
    (_m: string, h: string, next: string) => `${h} ${articleFor(next)} `,
  );
}

/** A draft that opens with a capital keeps it when a seam repair took its first word away. */
const keepFirstCapital = (original: string, text: string): string =>
  text.replace(/^(\P{L}*)(\p{Ll})/u, (m: string, pre: string, c: string) =>
    /^\P{L}*\p{Lu}/u.test(original) ? pre + c.toUpperCase() : m,
  );

/**
 * An intensifier of the absolute the rewrite softened has nothing left to intensify ("literally
 * every calendar" -> "literally nearly every calendar"): it goes with the absolute.
 */
export function dropStrandedIntensifiers(original: string, text: string): string {
  return text.replace(
    /\b(literally|absolutely|quite literally) (?=(nearly|most|hardly|typically|usually|rarely|few|minimal|very few)\b)/giu,
    (m: string, _w: string, next: string) => (new RegExp(`\\b${m}${next}\\b`, 'i').test(original) ? m : ''),
  );
}

/**
 * Which claim of a clause is rewritten first: the more specific rewrite (it quotes a fact, it
 * settles the generic claims too: "We always deliver overnight" -> "We typically deliver within
 * 2 business days"), then the first in the sentence.
 */
const CATEGORY_ORDER = [
  'roadmap',
  'pricing',
  'speed',
  'pressure',
  'guarantee',
  'superlative',
  'commitment',
  'absolute',
];
const order = (a: { rule: CompiledRule; match: RuleMatch }, b: { rule: CompiledRule; match: RuleMatch }): number =>
  CATEGORY_ORDER.indexOf(a.rule.meta.category) - CATEGORY_ORDER.indexOf(b.rule.meta.category) ||
  a.match.start - b.match.start ||
  a.rule.meta.id.localeCompare(b.rule.meta.id);

/** An alternative's steps by category, tried before the rule's own; `used` counts the claims they rewrote. */
interface Variant {
  label: string;
  steps: Partial<Record<string, RewriteStep[]>>;
  used: number;
}

function rewriteOne(
  sentence: Sentence,
  rule: CompiledRule,
  match: RuleMatch,
  facts: FactsSheet,
  ruleset: RuleSet,
  variant?: Variant,
): MatchRewrite | undefined {
  if (rule.source.definition.rewrite === false) return undefined;
  const input = { s: sentence, match, facts, category: rule.meta.category };
  for (const step of variant?.steps[rule.meta.category] ?? []) {
    const r = runStep(input, step);
    if (r) {
      variant!.used++;
      return { ...r, from: 'category' };
    }
  }
  return rewriteMatch(
    { s: sentence, match, facts, category: rule.meta.category },
    rule.source.definition.rewrite,
    ruleset.rewriteDefaults,
  );
}

/**
 * The sentence rewritten one claim at a time: the first claim's rewrite is applied, the result is
 * checked again, and the next claim still flagged is rewritten, until nothing is (or nothing more
 * can be done). One at a time, because one rewrite often settles the next claim too ("I promise
 * the line will cut ..." -> "I expect the line will cut ...").
 */
export function composeSentence(
  sentence: Sentence,
  found: SentenceFinding[],
  ruleset: RuleSet,
  facts: FactsSheet,
  variant?: Variant,
): Composed {
  const own = new Map<Finding, MatchRewrite | undefined>();
  for (const f of found) own.set(f.finding, rewriteOne(sentence, f.rule, f.match, facts, ruleset, variant));
  const missing = new Set<string>();
  const seen = new Set<string>();
  // A claim is known by its rule, its words and the words after it: the same claim is never
  // rewritten twice, while "Always on schedule, always on spec." has two claims.
  const keyOf = (rule: CompiledRule, match: RuleMatch, text: string): string => {
    const after = (text.slice(match.end).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 3).join(' ');
    return `${rule.meta.id}\0${(match.captures.match ?? '').toLowerCase()}\0${after.toLowerCase()}`;
  };
  let text = sentence.text;
  let current: Sentence = sentence;
  let candidates: Array<{ key: string; rule: CompiledRule; r: MatchRewrite | undefined }> = [...found]
    .sort(order)
    .map((f) => ({ key: keyOf(f.rule, f.match, sentence.text), rule: f.rule, r: own.get(f.finding) }));
  for (let pass = 0; pass < MAX_SENTENCE_PASSES; pass++) {
    const spans = placeholderSpans(text);
    const usable = (c: (typeof candidates)[number]): boolean =>
      !seen.has(c.key) && !!c.r && !spans.some(([a, b]) => c.r!.edit.start < b && c.r!.edit.end > a);
    const next = candidates.find(usable);
    if (!next || !next.r) break;
    // The first claim, and the claims of other clauses ("Our crews always finish on schedule,
    // and the project is guaranteed to pass": both); in one clause, one rewrite at a time.
    const chosen = [next];
    const clauses = (e: { start: number; end: number }): [number, number] => {
      const [ts, te] = tokenRange(current, e.start, Math.max(e.end, e.start + 1));
      return [
        clauseOf(current, Math.min(ts, current.tokens.length - 1))[0],
        clauseOf(current, Math.max(ts, te - 1))[1],
      ];
    };
    for (const c of candidates) {
      if (c === next || !usable(c)) continue;
      const [a, b] = clauses(c.r!.edit);
      const clear = chosen.every((x) => {
        const [xa, xb] = clauses(x.r!.edit);
        return b <= xa || a >= xb;
      });
      if (clear) chosen.push(c);
    }
    for (const c of candidates) if (chosen.includes(c) || !c.r) seen.add(c.key);
    text = applyEdits(
      text,
      chosen.map((c) => c.r!.edit),
    );
    for (const c of chosen) for (const m of c.r!.missing) missing.add(m);
    if (text === '') break;
    // What is still flagged once the placeholders are filled in; rewritten on the masked text.
    const flagged = placeholderSpans(text).length ? stillFlagged(text, ruleset) : undefined;
    // Strict: the hedges this rewrite inserted qualify nothing, so the claims they sit next to are
    // checked (and rewritten) as if they were not there.
    const masked = maskInsertedHedges(
      sentence.text,
      maskPlaceholders(text),
      ruleset.rewriteDefaults.check.hedges,
      [...facts.facts.values()].map((f) => f.value),
    );
    current = new Sentence(masked, ruleset.lexicon);
    const again = matchSentence(current, ruleset).filter(({ rule }) => !flagged || flagged.has(rule.meta.id));
    if (again.length === 0) break;
    // The operations read part-of-speech tags (the tagger is loaded by the time we rewrite);
    // a clean rewrite is never tagged.
    if (nlpLoaded()) current.tagOnDemand();
    // A claim a hedge of this rewrite already sits next to gets no second hedge ("typically
    // typically"): it needs another rewrite, or the sentence none.
    const inserted = ruleset.rewriteDefaults.check.hedges.filter(
      (h) =>
        masked !== text &&
        new RegExp(`\\b${h}\\b`, 'i').test(text) &&
        !new RegExp(`\\b${h}\\b`, 'i').test(sentence.text),
    );
    candidates = again.sort(order).map(({ rule, match }) => {
      const key = keyOf(rule, match, masked);
      let r = seen.has(key) ? undefined : rewriteOne(current, rule, match, facts, ruleset, variant);
      if (r && inserted.some((h) => new RegExp(`\\b${h}\\b`, 'i').test(r!.edit.text))) r = undefined;
      return { key, rule, r };
    });
  }
  // Seams the passes can leave: one request for a source per sentence is enough, and a dropped
  // last claim leaves no space before the end.
  text = text.replace(/(\s*\[cite a source\])(?:\s*\[cite a source\])+/g, '$1');
  text = dropStackedHedges(sentence.text, text);
  text = hardlyA(sentence.text, text);
  text = keepFirstCapital(sentence.text, dropStrandedIntensifiers(sentence.text, text));
  if (!/\s$/.test(sentence.text)) text = text.replace(/\s+$/, '');
  // Placeholders are counted in the final text (a later rewrite may have removed one).
  const placeholders = Math.max(0, placeholderSpans(text).length - placeholderSpans(sentence.text).length);
  if (text !== sentence.text) {
    const verdict = verifyRewrite({
      sentence,
      rewrite: text,
      claims: found.map(({ match }) => match),
      ruleset,
      facts,
      check: ruleset.rewriteDefaults.check,
    });
    if (!verdict.ok && process.env.PITCHLINT_DEBUG_REWRITES)
      process.stderr.write(
        `withheld${variant ? ` ${variant.label}` : ''}: ${sentence.text}\n  ${text}\n  ${verdict.notes.join('; ')}\n`,
      );
    if (!verdict.ok) return { text: sentence.text, missing: [], placeholders: 0, own, withheld: verdict };
  }
  return { text, missing: placeholders > 0 ? [...missing].sort() : [], placeholders, own };
}

/**
 * The alternatives of a sentence's rewrite (issue 12): a *soft* form, the claim kept and hedged
 * ("We usually ship on time", "We should have it installed by Friday"), and a *strict* one, only
 * what can be checked: a measured fact or its placeholder ("in [usual range of delivery times]").
 * Each is composed like the rewrite, with its category's `alternatives:` steps tried first, and
 * passes the same strict check; it is left out when no such step applied, when it fails the check,
 * repeats the draft, the rewrite or the other alternative, or (strict) states no fact.
 */
export function composeAlternatives(
  sentence: Sentence,
  found: SentenceFinding[],
  ruleset: RuleSet,
  facts: FactsSheet,
  rewrite: string,
): RewriteAlternative[] {
  const out: RewriteAlternative[] = [];
  const factValues = [...facts.facts.values()].map((f) => f.value).filter(Boolean);
  for (const label of ['soft', 'strict'] as const) {
    const steps = ruleset.rewriteDefaults.alternatives?.[label];
    if (!steps || Object.keys(steps).length === 0) continue;
    const variant: Variant = { label, steps, used: 0 };
    const c = composeSentence(sentence, found, ruleset, facts, variant);
    if (c.withheld || variant.used === 0 || c.text === '') continue;
    if (c.text === sentence.text || c.text === rewrite || out.some((a) => a.text === c.text)) continue;
    if (label === 'strict') {
      const states = (t: string): number => placeholderSpans(t).length + factValues.filter((v) => t.includes(v)).length;
      if (states(c.text) <= states(sentence.text)) continue;
    }
    out.push({ label, text: c.text });
  }
  return out;
}
