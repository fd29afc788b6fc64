// `past`: a fact about the past, with numbers ("Last year we delivered 98% of orders within 48
// hours"). Needs a number and a past marker, and no future or promise wording in the sentence.
import type { Guard } from '../rule.js';

const FUTURE = new Set(['will', 'shall', 'gonna', 'going', 'promise', 'guarantee', 'guarantees']);

export const past: Guard = {
  name: 'past',
  needsTags: true,
  applies(s) {
    const tokens = s.tokens;
    if (!tokens.some((t) => t.type === 'number' || /^(all|every|each)$/.test(t.norm))) return false;
    if (tokens.some((t) => FUTURE.has(t.norm))) return false;
    if (s.lexicon.pastMarkers.occursIn(tokens)) {
      // A past marker counts when a verb in the sentence is in the past tense.
      return tokens.some((_, i) => s.tags(i).has('PastTense')) || /\b(last|ago|since|to date|so far|historically)\b/i.test(s.text);
    }
    return false;
  },
};
