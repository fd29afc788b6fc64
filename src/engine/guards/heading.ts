// `heading`: a bare label, not a sentence: a heading, a navigation link or a table header that is
// nothing but the trigger words ("Guarantee", "Same Day", "Warranty"). Under such a heading the
// text says what is promised and on what terms; the label alone promises nothing. A label with
// more words or with end punctuation ("Guaranteed!", "Delivery is free. Always.", "Free for Life")
// makes a claim of its own. A popularity label of up to five words ("Most Popular Plan", "Today's
// top deals") sorts the offer and is let go too.
import type { Guard } from '../rule.js';

/**
 * Popularity labels on a pricing card, a shop shelf or a menu ("Most popular", "Most Popular
 * Plan", "Best Sellers", "Today's top deals"): they sort the offer, they promise nothing.
 */
const POPULARITY: readonly (readonly string[])[] = [
  ['most', 'popular'],
  ['best', 'sellers'],
  ['best', 'seller'],
  ['bestsellers'],
  ['bestseller'],
  ['best-selling'],
  ['best', 'selling'],
  ['top', 'picks'],
  ['staff', 'picks'],
  ["today's", 'top'],
  ['today', "'s", 'top'],
];

/** A short label with no end punctuation and no verb, led by a popularity phrase. */
function popularityLabel(t: readonly { norm: string; type: string }[], start: number): boolean {
  const words = t.filter((x) => x.type !== 'punct');
  if (words.length === 0 || words.length > 5) return false;
  if (t.some((x) => x.norm === '!' || x.norm === '?' || x.norm === '.')) return false;
  // the label opens the line: "Our best-selling kit ships same day" is a sentence
  const first = t.findIndex((x) => x.type !== 'punct');
  if (start !== first) return false;
  if (t.some((x) => /^(is|are|was|were|will|ships?|gets?|comes?|makes?|delivers?)$/.test(x.norm))) return false;
  return POPULARITY.some((p) => p.every((w, k) => t[start + k]?.norm === w));
}

export const heading: Guard = {
  name: 'heading',
  docs: 'a bare heading or navigation label made only of the trigger ("Guarantee", "Same Day"), or a popularity label ("Most popular", "Best Sellers")',
  needsTags: false,
  applies(s, match) {
    const t = s.tokens;
    // a label is a few tokens long: a long sentence is never one (and is not scanned per match)
    if (t.length > 8) return false;
    if (popularityLabel(t, match.tokenStart)) return true;
    if (t.length > 6) return false;
    const words = t.filter((x) => x.type !== 'punct');
    if (words.length === 0 || words.length > 2) return false;
    // a heading has no end punctuation: "Guaranteed." after a sentence is a fragment that claims
    if (t.some((x) => x.norm === '!' || x.norm === '?' || x.norm === '.')) return false;
    // every word is part of the match, and each is capitalized, as a label is
    return t.every((x, i) => x.type === 'punct' || (i >= match.tokenStart && i < match.tokenEnd && x.capitalized));
  },
};
