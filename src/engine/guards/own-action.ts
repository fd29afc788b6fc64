// `own-action`: the writer's own next small action, fully in their control ("I'll send the
// revised quote by Friday", "I'll call you Tuesday at 10").
import type { Guard } from '../rule.js';

const FIRST_PERSON = new Set(['i', 'we', 'me']);

export const ownAction: Guard = {
  name: 'own-action',
  needsTags: false,
  applies(s, match) {
    const t = s.tokens;
    for (let i = Math.max(0, match.tokenStart - 4); i < Math.min(t.length, match.tokenEnd + 1); i++) {
      if (!FIRST_PERSON.has(t[i]!.norm)) continue;
      for (let j = i + 1; j < Math.min(t.length, i + 5); j++) {
        if (s.lexicon.ownActions.matchAt(t, j).length > 0) return true;
      }
    }
    return false;
  },
};
