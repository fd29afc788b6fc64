// `heading`: a bare label, not a sentence: a heading, a navigation link or a table header that is
// nothing but the trigger words ("Guarantee", "Same Day", "Warranty"). Under such a heading the
// text says what is promised and on what terms; the label alone promises nothing. A label with
// more words or with end punctuation ("Guaranteed!", "Delivery is free. Always.", "Free for Life")
// makes a claim of its own.
import type { Guard } from '../rule.js';

export const heading: Guard = {
  name: 'heading',
  docs: 'a bare heading or navigation label made only of the trigger ("Guarantee", "Same Day")',
  needsTags: false,
  applies(s, match) {
    const t = s.tokens;
    // a label is a few tokens long: a long sentence is never one (and is not scanned per match)
    if (t.length > 6) return false;
    const words = t.filter((x) => x.type !== 'punct');
    if (words.length === 0 || words.length > 2) return false;
    // a heading has no end punctuation: "Guaranteed." after a sentence is a fragment that claims
    if (t.some((x) => x.norm === '!' || x.norm === '?' || x.norm === '.')) return false;
    // every word is part of the match, and each is capitalized, as a label is
    return t.every((x, i) => x.type === 'punct' || (i >= match.tokenStart && i < match.tokenEnd && x.capitalized));
  },
};
