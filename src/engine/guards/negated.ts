// `negated`: the claim is denied or limited ("We can't guarantee overnight delivery", "It won't
// always be same-day", "no promises"). A negation must stand shortly before the match.
import type { Guard } from '../rule.js';

export const negated: Guard = {
  name: 'negated',
  needsTags: false,
  applies(s, match) {
    const from = Math.max(0, match.tokenStart - s.lexicon.negationWindow);
    for (const n of s.lexicon.negations.findAll(s.tokens)) {
      if (n.start >= from && n.end <= match.tokenStart) {
        // A clause break between negation and match ("No setup fees, and we always ...") ends it.
        const between = s.tokens.slice(n.end, match.tokenStart);
        if (between.some((t) => t.norm === ',' || t.norm === ';' || t.norm === '.' || t.norm === 'but')) continue;
        return true;
      }
    }
    return false;
  },
};
