// `hedged`: the sentence qualifies its claim with real information ("typically", "aim to",
// "subject to stock"). Empty hedges ("virtually guaranteed", "up to 100%") do not count.
import type { Guard } from '../rule.js';

export const hedged: Guard = {
  name: 'hedged',
  needsTags: false,
  applies(s, match) {
    const { hedges, emptyHedges } = s.lexicon;
    const empty = emptyHedges.findAll(s.tokens);
    for (const h of hedges.findAll(s.tokens)) {
      // A hedge inside the flagged words is part of the claim, not a qualifier of it.
      if (h.start >= match.tokenStart && h.end <= match.tokenEnd && match.tokenEnd - match.tokenStart > 1) continue;
      if (empty.some((e) => h.start >= e.start && h.start < e.end)) continue;
      return true;
    }
    return false;
  },
};
