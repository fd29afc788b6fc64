// Helpers for building rule matches from token spans.
import type { RuleMatch } from './rule.js';
import type { SentenceContext } from './sentence.js';

export function matchFromTokens(
  s: SentenceContext,
  tokenStart: number,
  tokenEnd: number,
  captures: Record<string, string> = {},
): RuleMatch {
  const start = s.tokens[tokenStart]!.start;
  const end = s.tokens[tokenEnd - 1]!.end;
  return { start, end, tokenStart, tokenEnd, captures: { match: s.text.slice(start, end), ...captures } };
}

/** Token index range covering character offsets [start, end). */
export function tokenRange(s: SentenceContext, start: number, end: number): [number, number] {
  let a = s.tokens.findIndex((t) => t.end > start);
  if (a < 0) a = s.tokens.length;
  let b = a;
  while (b < s.tokens.length && s.tokens[b]!.start < end) b++;
  return [a, Math.max(b, a)];
}

/** Drop matches that overlap an earlier, longer one (keeps one finding per claim). */
export function dedupe(matches: RuleMatch[]): RuleMatch[] {
  const sorted = [...matches].sort((x, y) => x.start - y.start || y.end - x.end);
  const out: RuleMatch[] = [];
  for (const m of sorted) {
    const last = out.at(-1);
    if (last && m.start < last.end) continue;
    out.push(m);
  }
  return out;
}
