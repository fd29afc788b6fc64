// `proper-name`: the trigger word is part of a name ("Guaranteed Rate", "Promise Healthcare",
// "Forever Green Landscaping", "Instant Pot", "the Clean Air Act", a programme designation such as
// "Best-in-Class (BIC)"): capitalized words standing together. In a headline written in Title
// Case every word is capitalized, so capitals say nothing there and the guard stays out.
import type { Token } from '../../text/tokens.js';
import type { Guard } from '../rule.js';

/** Capitalized words that start ordinary sentences or headings and are not names. */
const NOT_NAME = new Set([
  'we',
  'our',
  'you',
  'your',
  'i',
  'the',
  'a',
  'an',
  'it',
  'this',
  'every',
  'all',
  'get',
  'with',
  'and',
  'or',
  'of',
  'for',
  'in',
  'on',
  'at',
  'to',
  'by',
]);
const NAME_TAIL =
  /^(inc|llc|llp|plc|gmbh|ltd|co|corp|group|labs|health|healthcare|rate|rates|freight|lines|landscaping|pot|logistics|solutions|services|partners|systems|foods|insurance|realty|homes|motors|media|capital|bank|financial|act|law|expo|summit|award|awards|program|programme|consulting|consultants|agency|studio|studios|company|associates|design|designs|marketing|digital|ventures|holdings|industries|enterprises|print|printing)$/i;

const isAllCaps = (x: Token): boolean => x.text.length > 1 && x.text === x.text.toUpperCase() && /\p{L}/u.test(x.text);

/** Most words capitalized: a Title Case headline, where capitals do not mark names. */
function titleCase(t: readonly Token[]): boolean {
  let words = 0;
  let caps = 0;
  for (const x of t) {
    if (x.type !== 'word' || x.text.length < 3) continue;
    words++;
    if (x.capitalized) caps++;
  }
  return words >= 4 && caps / words >= 0.7;
}

export const properName: Guard = {
  name: 'proper-name',
  docs: 'the word is part of a name ("Guaranteed Rate", "Instant Pot")',
  needsTags: false,
  applies(s, match) {
    const t = s.tokens;
    const first = t[match.tokenStart];
    if (!first || !first.capitalized) return false;
    // ALL-CAPS shouting ("GUARANTEED!!") is emphasis, not a name.
    if (isAllCaps(first)) return false;
    // A compound of three or more words in Title Case ("Best-in-Class") is a designation even at
    // the start of a heading; marketing copy writes it "best-in-class".
    const last = t[match.tokenEnd - 1]!;
    const hyphenated =
      match.tokenEnd - match.tokenStart > 2 &&
      s.text.slice(first.start, last.end).includes('-') &&
      !/\s/.test(s.text.slice(first.start, last.end));
    if (hyphenated && last.capitalized && !isAllCaps(last)) return true;
    // A term defined with an acronym: "Best-in-Class (BIC)".
    if (t[match.tokenEnd]?.norm === '(' && t[match.tokenEnd + 1] && isAllCaps(t[match.tokenEnd + 1]!)) return true;
    if (titleCase(t)) return false;
    // s5-commit: a trigger closing a headline or bullet ("More Reviews Guaranteed!", "Satisfaction
    // Guaranteed") is the claim itself; names put the word first ("Guaranteed Rate", "Instant Pot").
    if (match.tokenStart > 0 && /^(!|\.|…|$)/.test(t[match.tokenEnd]?.norm ?? '')) return false;
    const cap = (i: number): boolean => {
      const x = t[i];
      return !!x && x.type === 'word' && x.capitalized && !NOT_NAME.has(x.norm) && !isAllCaps(x);
    };
    const isStart = match.tokenStart === 0;
    const before = !isStart && cap(match.tokenStart - 1);
    const after = cap(match.tokenEnd);
    // Mid-sentence capital next to another capital, or a capitalized pair at the start.
    if (!isStart && (before || after)) return true;
    if (isStart && after && cap(match.tokenEnd + 1)) return true;
    if (after && NAME_TAIL.test(t[match.tokenEnd]!.norm)) return true;
    // A capitalized multi-word term mid-sentence ("our Best-in-Class solutions") or one defined
    // with an acronym ("Best-in-Class (BIC)") is a designation.
    const inner = t.slice(match.tokenStart + 1, match.tokenEnd).filter((x) => x.type === 'word' && x.text.length > 3);
    if (!isStart && inner.length > 0 && inner.every((x) => x.capitalized)) return true;
    return false;
  },
};
