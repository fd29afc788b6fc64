// `narrative`: the claim reports the past, it does not promise the future.
//   - "always"/"never" before a verb in the past tense: a story or a review ("he never missed a
//     Monday in eleven years", "promised to bring more guys, never showed up");
//   - "have/has never" + a participle: the record so far ("we have never raised prices
//     mid-contract", "we never have come anywhere near the limit").
// Not when the clause is in the present or the future ("Faults are always fixed the same day",
// "will never be charged"), nor a benefit with "again" ("you'll never have to chase again").
import type { Guard } from '../rule.js';
import { PRESENT_AUXILIARIES, wordSet } from '../../text/grammar.js';
import { claimContext } from '../claim-context.js';
import { isPastVerb } from './lexical-tags.js';

const PRESENT = wordSet(PRESENT_AUXILIARIES);
const ADVERBS = new Set(['always', 'never', 'ever']);
const PERFECT = new Set(['have', 'has', "'ve", 'had']);
/** Adverbs that may stand between the absolute and its verb ("never once missed", "never really had"). */
const BETWEEN = new Set(['once', 'really', 'actually', 'even', 'yet', 'ever', 'have', 'has', 'had']);
const FUTURE = new Set(['will', 'shall', 'gonna', 'again']);

export const narrative: Guard = {
  name: 'narrative',
  docs: 'the claim reports the past: "always"/"never" with a past-tense verb or "have never" ("he never missed a Monday", "we have never raised prices")',
  needsTags: false,
  applies(s, match) {
    const t = s.tokens;
    const ctx = claimContext(s, match);
    if (!ctx) return false;
    const { start, end } = ctx.clause;
    for (let i = start; i < end; i++) if (FUTURE.has(t[i]!.norm)) return false;
    // a case-study headline: "How one bakery cut its waste 35%", "How Acme doubled bookings"
    const first = t.findIndex((x) => x.type !== 'punct');
    if (t[first]?.norm === 'how' && first < match.tokenStart) {
      for (let v = first + 1; v < Math.min(match.tokenEnd + 1, first + 8); v++) if (isPastVerb(s, v, true)) return true;
    }
    for (let i = Math.max(start, match.tokenStart - 1); i < Math.min(end, match.tokenEnd + 1); i++) {
      if (!ADVERBS.has(t[i]!.norm)) continue;
      const before = t[i - 1]?.norm ?? '';
      if (PRESENT.has(before)) continue;
      // "Always delivered fresh": a slogan with no subject is a present claim, not a story
      if (!t.slice(start, i).some((x) => x.type === 'word')) continue;
      let v = i + 1;
      while (v < end && BETWEEN.has(t[v]!.norm)) v++;
      const perfect = PERFECT.has(before) || (v > i + 1 && PERFECT.has(t[v - 1]!.norm));
      if (v >= end) continue;
      // "we have never missed", "never have come": the participle of a perfect
      if (
        perfect &&
        t[v]!.type === 'word' &&
        (isPastVerb(s, v, true) || /(ed|en|wn|ne|come|run|had)$/.test(t[v]!.norm))
      )
        return true;
      // "never showed up", "always delivered": a verb in the past tense, not a participle after "be"
      if (isPastVerb(s, v, false) && !PRESENT.has(before)) return true;
    }
    return false;
  },
};
