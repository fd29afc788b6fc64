// `quoted`: the match is inside quotation marks: a phrase being mentioned, not claimed
// (Our legal team asked us to stop writing "guaranteed" in proposals), or someone else's words
// (a testimonial that opens with a quote mark and goes on past the end of the sentence).
import type { Guard } from '../rule.js';

const OPENING = new Set(['“', '‘', '«']);
const CLOSING = new Set(['”', '’', '»']);

/** An apostrophe or a closing single quote inside or right after a word is not a quote mark. */
function isApostrophe(text: string, i: number): boolean {
  return /[\p{L}\p{N}]/u.test(text[i - 1] ?? '') && /[\p{L}]/u.test(text[i + 1] ?? '');
}

export const quoted: Guard = {
  name: 'quoted',
  docs: 'the words are in quotation marks: mentioned, not claimed',
  needsTags: false,
  applies(s, match) {
    const text = s.text;
    // Straight double quotes: inside when an odd number stands before the match.
    let straight = 0;
    for (let i = 0; i < match.start; i++) if (text[i] === '"') straight++;
    if (straight % 2 === 1) return true;
    // Curly and single quotes: the nearest quote mark before the match decides.
    for (let i = match.start - 1; i >= 0; i--) {
      const c = text[i]!;
      if (CLOSING.has(c)) {
        if (c === '’' && (isApostrophe(text, i) || /[\p{L}]/u.test(text[i - 1] ?? ''))) continue;
        return false;
      }
      if (OPENING.has(c)) {
        if (c === '‘' && isApostrophe(text, i)) continue;
        return true;
      }
      if (c === "'") {
        if (/[\p{L}\p{N}]/u.test(text[i - 1] ?? '')) continue; // don't, customers'
        // an opening single quote: inside when it is closed after the match
        return text.indexOf("'", match.end) !== -1;
      }
    }
    return tailOfQuotation(text, match.end, straight);
  },
};

/**
 * The sentence ends a quotation opened in an earlier one: the first double quote mark after the
 * match closes, and none opens before it ("We switched last spring. It's very simple and it works
 * on any device.” — a testimonial's second sentence).
 */
function tailOfQuotation(text: string, from: number, straightBefore: number): boolean {
  let straightAfter = 0;
  for (let i = from; i < text.length; i++) if (text[i] === '"') straightAfter++;
  // one unmatched straight quote, after the match: it closes a quotation
  if (straightBefore === 0 && straightAfter % 2 === 1 && /["][\s)]*$/.test(text.trimEnd())) return true;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === '“') return false;
    if (c === '”') return true;
  }
  return false;
}
