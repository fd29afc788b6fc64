// The context a claim stands in, read from the clause-level claim model (claim.ts): the clause
// holding the claim, the words before the claim in that clause (its subject and verb), and the
// clauses governing it. The claim-context guards (disclaimed, narrative, requirement, offered,
// customer-side) read these, so each looks only at the claim's own clause and what governs it,
// never at the whole sentence.
import type { Token } from '../text/tokens.js';
import { analyzeClaims, type ClauseClaim, type Span } from './claim.js';
import type { SentenceContext } from './sentence.js';

export interface ClaimContext {
  /** The clause holding the first word of the claim. */
  clause: ClauseClaim;
  /** Tokens [from, to) of the claim's scope: its clause and the clauses governing it. */
  scope: Span;
  /** The times named in the claim's clause that overlap the claim itself. */
  times: Span[];
}

interface MatchLike {
  tokenStart: number;
  tokenEnd: number;
}

export function claimContext(s: SentenceContext, match: MatchLike): ClaimContext | undefined {
  const claims = analyzeClaims(s);
  const clause = clauseHolding(claims, match.tokenStart) ?? claims.at(-1);
  if (!clause) return undefined;
  const { from, to } = s.scope(match);
  const times = clause.times
    .map((t) => t.span)
    .filter(([a, b]) => a < Math.max(match.tokenEnd, clause.end) && b > match.tokenStart - 1);
  return { clause, scope: [from, to], times };
}

/**
 * The clause holding token i, by binary search: a run-on sentence has hundreds of clauses and
 * as many claims, and each claim asks once.
 */
export function clauseHolding(claims: readonly ClauseClaim[], i: number): ClauseClaim | undefined {
  let lo = 0;
  let hi = claims.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = claims[mid]!;
    if (i < c.start) hi = mid - 1;
    else if (i >= c.end) lo = mid + 1;
    else return c;
  }
  return undefined;
}

/** Whether the words of `phrase` stand at token i. */
export function phraseAt(tokens: readonly Token[], i: number, phrase: readonly string[]): boolean {
  return phrase.every((w, k) => tokens[i + k]?.norm === w);
}

/** The first index in [from, to) where one of `phrases` starts, or -1. */
export function findPhrase(
  tokens: readonly Token[],
  from: number,
  to: number,
  phrases: readonly (readonly string[])[],
): number {
  for (let i = Math.max(0, from); i < Math.min(to, tokens.length); i++)
    if (phrases.some((p) => phraseAt(tokens, i, p))) return i;
  return -1;
}

/** The first word of the sentence after bullets, numbering and a "Label:" (where a line's verb stands). */
export function lineStart(tokens: readonly Token[]): number {
  let i = 0;
  while (i < tokens.length && (tokens[i]!.type === 'punct' || /^[a-z]$|^\d+$/.test(tokens[i]!.norm))) {
    // "(b)", "1.", "a)": list markers
    if (tokens[i]!.type !== 'punct' && !/^[).:]$/.test(tokens[i + 1]?.norm ?? '')) break;
    i++;
  }
  return i;
}
