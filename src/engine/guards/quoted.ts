// `quoted`: the match is inside quotation marks: a phrase being mentioned, not claimed
// (Our legal team asked us to stop writing "guaranteed" in proposals).
import type { Guard } from '../rule.js';

const OPEN = '"“‘\'';
const PAIRS: Record<string, string> = { '"': '"', '“': '”', '‘': '’', "'": "'" };

export const quoted: Guard = {
  name: 'quoted',
  needsTags: false,
  applies(s, match) {
    const text = s.text;
    for (let i = match.start - 1; i >= 0; i--) {
      const c = text[i]!;
      if (!OPEN.includes(c)) continue;
      // An apostrophe inside a word is not a quote mark.
      if ((c === "'" || c === '‘') && /\w/.test(text[i - 1] ?? '')) continue;
      const close = text.indexOf(PAIRS[c]!, match.end);
      if (close === -1) return false;
      return true;
    }
    return false;
  },
};
