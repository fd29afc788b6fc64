// `hedged`: the sentence qualifies its claim with real information ("typically", "aim to",
// "subject to stock"). Empty hedges ("virtually guaranteed", "up to 100%") do not count, nor do
// words that only look like hedges: the month May ("live by May 1"), an imperative "Expect ..."
// that opens a sentence ("Expect your bill to drop by a third").
import type { Token } from '../../text/tokens.js';
import type { Guard } from '../rule.js';

/** Words before "may" that make it the month ("by May", "in early May"). */
const BEFORE_MONTH = new Set(['in', 'by', 'on', 'until', 'till', 'before', 'after', 'since', 'from', 'of', 'through', 'mid', 'early', 'late', 'end', 'next', 'this', 'last', 'coming', 'during', 'each', 'every']);

function notAHedge(tokens: readonly Token[], start: number): boolean {
  const t = tokens[start]!;
  if (t.norm === 'may') {
    const prev = tokens[start - 1];
    const next = tokens[start + 1];
    if (prev && BEFORE_MONTH.has(prev.norm)) return true;
    if (next && next.type === 'number') return true;
    if (start > 0 && t.capitalized && !(prev && /^[.!?:;"“(]$/.test(prev.norm))) return true;
  }
  // "Expect your energy bill to drop ..." opens with an imperative: a promise, not a hedge.
  if ((t.norm === 'expect' || t.norm === 'anticipate') && start === 0) return true;
  return false;
}

export const hedged: Guard = {
  name: 'hedged',
  needsTags: false,
  applies(s, match) {
    const { hedges, emptyHedges } = s.lexicon;
    const empty = emptyHedges.findAll(s.tokens);
    for (const h of hedges.findAll(s.tokens)) {
      // A hedge inside a flagged phrase is part of the claim, not a qualifier of it ("lowest
      // possible price"); in a longer span (a claim and its near words) it still qualifies.
      const span = match.tokenEnd - match.tokenStart;
      if (h.start >= match.tokenStart && h.end <= match.tokenEnd && span > 1 && span <= 3) continue;
      if (empty.some((e) => h.start >= e.start && h.start < e.end)) continue;
      if (notAHedge(s.tokens, h.start)) continue;
      return true;
    }
    return false;
  },
};
