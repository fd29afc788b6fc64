// `reported`: the customer's own words or needs, reported back ("You mentioned you always need
// delivery within a day", "Your team said downtime is never acceptable").
import type { Guard } from '../rule.js';

export const reported: Guard = {
  name: 'reported',
  needsTags: false,
  applies(s, match) {
    const lx = s.lexicon;
    if (lx.reportingPhrases.occursIn(s.tokens, 0, match.tokenStart)) return true;
    for (const subj of lx.customerSubjects.findAll(s.tokens)) {
      if (subj.end > match.tokenStart) break;
      // "you (always) need", "your team said", "your CFO was clear that"
      for (let j = subj.end; j < Math.min(match.tokenStart + 1, subj.end + 4); j++) {
        if (lx.reportingVerbs.matchAt(s.tokens, j).length > 0) return true;
      }
    }
    return false;
  },
};
