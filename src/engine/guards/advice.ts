// `advice`: the sentence gives the reader a method, it does not promise a result: "A great way to
// speed up approvals is to send the quote before the call", "The best way to cut downtime is to
// schedule maintenance every quarter", "One easy trick to avoid late fees is by paying on the 1st".
// The subject is a way, a tip or a rule "to" do something, and its verb "is to" or "is by" names
// the method. A claim about the writer's own offer in that form ("The fastest way to get parts is
// to order from us: we ship every order same day") still names "we/our/us" and is kept.
// Lexical only: it never forces tagging.
import type { Token } from '../../text/tokens.js';
import type { Guard } from '../rule.js';

const DETERMINERS = new Set(['a', 'an', 'the', 'one', 'another', 'our', 'my']);
const METHODS = new Set([
  'way',
  'ways',
  'tip',
  'tips',
  'trick',
  'tricks',
  'rule',
  'step',
  'practice',
  'habit',
  'key',
  'secret',
]);
const BUSINESS = new Set(['we', 'us', "we'll", "we're"]);

/** The index of "is/are" + "to/by" after a method subject opening at `start`, or -1. */
function methodVerb(t: readonly Token[], start: number): number {
  if (!DETERMINERS.has(t[start]?.norm ?? '')) return -1;
  let i = start + 1;
  // up to three modifiers: "a great", "the single best", "one easy"
  while (i < start + 4 && i < t.length && !METHODS.has(t[i]!.norm)) i++;
  if (!METHODS.has(t[i]?.norm ?? '') || !/^(to|for|of)$/.test(t[i + 1]?.norm ?? '')) return -1;
  for (let j = i + 2; j < Math.min(t.length, i + 16); j++) {
    if (t[j]!.norm === ',' || t[j]!.norm === ';') return -1;
    if (/^(is|are)$/.test(t[j]!.norm) && /^(to|by|simple|simply)$/.test(t[j + 1]?.norm ?? '')) return j;
  }
  return -1;
}

export const advice: Guard = {
  name: 'advice',
  docs: 'a method for the reader, not a promise ("A great way to speed up approvals is to send the quote early")',
  needsTags: false,
  applies(s) {
    const t = s.tokens;
    const start = t.findIndex((x) => x.type !== 'punct');
    if (start < 0 || methodVerb(t, start) < 0) return false;
    return !t.some((x) => BUSINESS.has(x.norm));
  },
};
