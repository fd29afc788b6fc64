// `hedged`: the sentence qualifies its claim with real information ("typically", "aim to",
// "subject to stock"). Empty hedges ("virtually guaranteed", "up to 100%") do not count, nor do
// words that only look like hedges: the month May ("live by May 1"), an imperative "Expect ..."
// that opens a sentence ("Expect faster close times from week one").
import type { Token } from '../../text/tokens.js';
import type { Guard } from '../rule.js';
import { CLAUSE_BREAKS } from '../../text/grammar.js';

/** Words before "may" that make it the month ("by May", "in early May"). */
const BEFORE_MONTH = new Set([
  'in',
  'by',
  'on',
  'until',
  'till',
  'before',
  'after',
  'since',
  'from',
  'of',
  'through',
  'mid',
  'early',
  'late',
  'end',
  'next',
  'this',
  'last',
  'coming',
  'during',
  'each',
  'every',
]);

function notAHedge(tokens: readonly Token[], start: number): boolean {
  const t = tokens[start]!;
  if (t.norm === 'may') {
    const prev = tokens[start - 1];
    const next = tokens[start + 1];
    if (prev && BEFORE_MONTH.has(prev.norm)) return true;
    if (next && next.type === 'number') return true;
    if (start > 0 && t.capitalized && !(prev && /^[.!?:;"“(]$/.test(prev.norm))) return true;
  }
  if (t.norm === 'average' && AVERAGE_OF.has(tokens[start + 1]?.norm ?? '')) return true;
  // "a cheaper written estimate" is a document, not the writer estimating; "we estimate", "our
  // estimate is", "an estimate of" are estimates.
  if (t.norm === 'estimate' || t.norm === 'estimates') {
    const prev = tokens[start - 1]?.norm ?? '';
    const next = tokens[start + 1]?.norm ?? '';
    if (!ESTIMATING_BEFORE.has(prev) && !ESTIMATING_AFTER.has(next)) return true;
  }
  // "generally available" is a release stage, not a generalization
  if (t.norm === 'generally' && tokens[start + 1]?.norm === 'available') return true;
  // "100% of orders" is the claim itself, not a share that qualifies it.
  if (t.norm === '100%' || t.norm === '100') return true;
  // "Expect faster close times ..." opens with an imperative: a promise, not a hedge.
  if ((t.norm === 'expect' || t.norm === 'anticipate') && start === 0) return true;
  if (t.norm === 'possible' && afterSuperlative(tokens, start)) return true;
  // "for as long as you own it" is a lifetime, not a condition: the claim's duration is open.
  if (t.norm === 'as' && tokens[start + 1]?.norm === 'long' && tokens[start - 1]?.norm === 'for') return true;
  return false;
}

/**
 * "the best care possible", "the lowest price possible": "possible" after a superlative
 * strengthens it (an empty qualifier), unlike "where possible" or "if possible".
 */
function afterSuperlative(tokens: readonly Token[], start: number): boolean {
  for (let k = start - 1; k >= Math.max(0, start - 4); k--) {
    const w = tokens[k]!.norm;
    if (tokens[k]!.type === 'punct' || /^(where|when|whenever|if|as)$/.test(w)) return false;
    if (/^(best|most|least|highest|lowest|fastest|quickest|finest|greatest|strongest|safest|cheapest)$/.test(w))
      return true;
  }
  return false;
}

/** Verbs of expecting and planning hedge the claim even when a rule lists them ("We expect the new version in spring"). */
const EXPECTING = new Set([
  'expect',
  'expects',
  'expected',
  'plan',
  'plans',
  'planned',
  'aim',
  'aims',
  'hope',
  'target',
]);

/** Whether the rule's own phrase ("no matter how often") contains the hedge words. */
function inPhrase(phrase: string | undefined, words: readonly Token[]): boolean {
  if (!phrase) return false;
  const p = ` ${phrase.toLowerCase()} `;
  return p.includes(` ${words.map((w) => w.norm).join(' ')} `);
}

const ESTIMATING_BEFORE = new Set([
  'we',
  'i',
  'would',
  'our',
  'my',
  'best',
  'rough',
  'current',
  'conservative',
  'initial',
  'preliminary',
  'engineering',
  'working',
]);
const ESTIMATING_AFTER = new Set([
  'of',
  'is',
  'was',
  'puts',
  'suggests',
  'that',
  'shows',
  'says',
  'at',
  'around',
  'about',
  'roughly',
]);

/** Metrics named after an average ("average order value") are not a hedge. */
const AVERAGE_OF = new Set([
  'order',
  'basket',
  'deal',
  'ticket',
  'revenue',
  'transaction',
  'cart',
  'selling',
  'check',
  'spend',
  'contract',
  'handle',
  'daily',
  'monthly',
]);

const MODALS = new Set(['may', 'might', 'could', 'should', 'would']);
const CLAUSE_BREAK = CLAUSE_BREAKS.hedge;

function sameClause(tokens: readonly Token[], at: number, match: { tokenStart: number; tokenEnd: number }): boolean {
  const [a, b] = at < match.tokenStart ? [at + 1, match.tokenStart] : [match.tokenEnd, at];
  for (let i = a; i < b; i++) if (CLAUSE_BREAK.has(tokens[i]!.norm)) return false;
  return true;
}

export const hedged: Guard = {
  name: 'hedged',
  docs: 'the sentence qualifies the claim with real information ("typically", "we aim to", "subject to stock")',
  needsTags: false,
  applies(s, match) {
    const { hedges, emptyHedges } = s.lexicon;
    const empty = emptyHedges.findAll(s.tokens);
    const { from, to } = s.scope(match);
    for (const h of hedges.findAll(s.tokens)) {
      // A hedge qualifies the claim of its own clause (and of the clauses it governs), never a
      // claim in another clause of the sentence.
      if (h.start < from || h.start >= to) continue;
      // A hedge inside a flagged phrase is part of the claim, not a qualifier of it ("lowest
      // possible price"); in a longer span (a claim and its near words) it still qualifies.
      const span = match.tokenEnd - match.tokenStart;
      const inside = h.start >= match.tokenStart && h.end <= match.tokenEnd;
      if (inside && span > 1 && span <= 3) continue;
      if (
        inside &&
        !EXPECTING.has(s.tokens[h.start]!.norm) &&
        inPhrase(match.captures.phrase, s.tokens.slice(h.start, h.end))
      )
        continue;
      if (empty.some((e) => h.start >= e.start && h.start < e.end)) continue;
      if (notAHedge(s.tokens, h.start)) continue;
      // A modal qualifies only its own clause: "I'd recommend waiting for the module, which will
      // ship in March" still promises March.
      if (MODALS.has(s.tokens[h.start]!.norm) && !sameClause(s.tokens, h.start, match)) continue;
      return true;
    }
    return false;
  },
};
