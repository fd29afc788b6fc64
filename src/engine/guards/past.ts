// `past`: a fact about the past, with numbers ("Last year we delivered 98% of orders within 48
// hours"). Needs a number and a past marker, and no future or promise wording in the sentence.
// A named past period ("to date", "last quarter", "in 2023", "two years ago") makes it a report
// of the record even without a figure ("To date, we've never lost a shipment").
import type { Guard } from '../rule.js';
import { hasPastVerb } from './lexical-tags.js';

const FUTURE = new Set(['will', 'shall', 'gonna', 'going', 'promise', 'guarantee', 'guarantees']);
const NAMED_PAST =
  /\b(to date|so far|historically|in the past|ago|previously|last (year|quarter|month|week|season|spring|summer|fall|autumn|winter|january|february|march|april|may|june|july|august|september|october|november|december))\b|\b(in|during|since|throughout) (19|20)\d\d\b/i;

export const past: Guard = {
  name: 'past',
  docs: 'a fact about the past, with numbers or a named past period ("last year we delivered 98% of orders", "to date, we\'ve never lost a file")',
  needsTags: false,
  applies(s, match) {
    const tokens = s.tokens;
    if (tokens.some((t) => FUTURE.has(t.norm))) return false;
    if (NAMED_PAST.test(s.text) && hasPastVerb(s, true)) return true;
    // The figure must report the record, not be part of the claim ("resolved in under 24 hours").
    const outside = (i: number): boolean => i < match.tokenStart || i >= match.tokenEnd;
    if (!tokens.some((t, i) => (outside(i) && t.type === 'number') || /^(all|every|each)$/.test(t.norm))) return false;
    if (s.lexicon.pastMarkers.occursIn(tokens)) {
      // A past marker counts when a verb in the sentence is in the past tense.
      return hasPastVerb(s) || /\b(last|ago|since|to date|so far|historically)\b/i.test(s.text);
    }
    return false;
  },
};
