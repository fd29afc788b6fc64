// `negated`: the claim is denied or limited ("We can't guarantee overnight delivery", "It won't
// always be same-day", "no promises", "Overnight freight isn't available to the islands", "I'm not
// sure the module will ship this spring").
//
// Three ways a claim is denied:
//   1. a negation shortly before the match, in the same clause;
//   2. an honest limit ("can't promise", "not sure", "not yet committed") anywhere in the sentence;
//   3. the matched words are the subject of a negated copula right after them
//      ("overnight turnaround isn't realistic", "instant quotes are not available").
import type { Token } from '../../text/tokens.js';
import type { Guard } from '../rule.js';
import { CLAUSE_BREAKS, NEGATION_CARRYING_AUXILIARIES, wordSet } from '../../text/grammar.js';

/** Words that end the clause a negation governs. */
const CLAUSE_BREAK = CLAUSE_BREAKS.negation;
const PRONOUNS = new Set(['you', 'we', 'i', 'it', 'they', 'he', 'she', 'this', 'that', 'there']);
const AUX_AFTER = wordSet(NEGATION_CARRYING_AUXILIARIES);
const ADDITIVE = new Set(['only', 'just', 'merely']);

function breaksBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (CLAUSE_BREAK.has(tokens[i]!.norm)) return true;
  return false;
}

export const negated: Guard = {
  name: 'negated',
  docs: 'a negation stands shortly before the match ("we can\'t guarantee", "it won\'t always"), or an honest limit anywhere ("I\'m not sure", "not yet committed")',
  needsTags: false,
  applies(s, match) {
    const t = s.tokens;
    const lx = s.lexicon;
    const from = Math.max(0, match.tokenStart - lx.negationWindow);
    for (const n of lx.negations.findAll(t)) {
      if (n.start >= match.tokenStart) break;
      // "Not only will we match it, we guarantee ...": an addition, not a denial
      if (t[n.start]!.norm === 'not' && ADDITIVE.has(t[n.start + 1]?.norm ?? '')) continue;
      if (n.start >= from && n.end <= match.tokenStart && !breaksBetween(t, n.end, match.tokenStart)) return true;
    }
    // An honest limit anywhere before the claim ("I'm not sure the module will ship ...").
    // After the claim, a trailing disclaimer counts too ("we'll be done before the holidays, but I
    // can't guarantee it"); "sign this week or I can't promise the slot" is part of a push.
    const scopeFrom = s.scope(match).from;
    for (const h of lx.honestLimits.findAll(t)) {
      // "We can't guarantee rankings, but we guarantee the work": a limit in another clause
      // before the claim does not deny it.
      if (h.start <= match.tokenStart && h.start >= scopeFrom) return true;
      if (t.slice(h.end).filter((x) => x.type === 'word').length <= 2) return true;
    }
    // "X isn't / is not / won't be ...": the matched words are what is denied.
    for (let a = match.tokenEnd; a < Math.min(t.length - 1, match.tokenEnd + 2); a++) {
      if (CLAUSE_BREAK.has(t[a]!.norm)) break;
      // "I promise you won't ...": a new subject starts the promised clause, it is not denied
      if (PRONOUNS.has(t[a - 1]!.norm) || PRONOUNS.has(t[a]!.norm)) break;
      if (!AUX_AFTER.has(t[a]!.norm)) continue;
      const next = t[a + 1]!.norm;
      if (next === 'not' || next === 'never') return true;
      break;
    }
    return false;
  },
};
