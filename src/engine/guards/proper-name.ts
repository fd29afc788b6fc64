// `proper-name`: the trigger word is part of a name ("Guaranteed Rate", "Promise Healthcare",
// "Forever Green Landscaping", "Instant Pot"): capitalized words standing together.
import type { Guard } from '../rule.js';

/** Capitalized words that start ordinary sentences or headings and are not names. */
const NOT_NAME = new Set(['we', 'our', 'you', 'your', 'i', 'the', 'a', 'an', 'it', 'this', 'every', 'all', 'get', 'with', 'and', 'or', 'of', 'for', 'in', 'on', 'at', 'to', 'by']);

export const properName: Guard = {
  name: 'proper-name',
  needsTags: false,
  applies(s, match) {
    const t = s.tokens;
    const first = t[match.tokenStart];
    if (!first || !first.capitalized) return false;
    // ALL-CAPS shouting ("GUARANTEED!!") is emphasis, not a name.
    if (first.text.length > 1 && first.text === first.text.toUpperCase()) return false;
    const cap = (i: number): boolean => {
      const x = t[i];
      return !!x && x.type === 'word' && x.capitalized && !NOT_NAME.has(x.norm) && x.text !== x.text.toUpperCase();
    };
    const isStart = match.tokenStart === 0;
    const before = !isStart && cap(match.tokenStart - 1);
    const after = cap(match.tokenEnd);
    // Mid-sentence capital next to another capital, or a capitalized pair at the start.
    if (!isStart && (before || after)) return true;
    if (isStart && after && cap(match.tokenEnd + 1)) return true;
    if (isStart && after && /^(inc|llc|ltd|co|corp|group|labs|health|healthcare|rate|freight|lines|landscaping|pot)$/i.test(t[match.tokenEnd]!.norm)) return true;
    return false;
  },
};
