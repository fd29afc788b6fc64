// `testimonial`: the claim is a customer's praise, not the writer's
// promise.
//   - An experience clause after the claim, in the first person: "the most reliable tool we have
//     used", "the fastest printer I've ever worked with", "best crew we hired": the speaker judges
//     what they bought. Before the claim it is the business's record ("We have worked with 500
//     clients and always deliver on time"), which is left to other guards.
//   - A recommendation or a rating: "I highly recommend them", "would recommend", "5 stars".
//   - An attribution after the words: '..." - Maria G., Tucson', "... — J. Ortiz, Ops Lead".
// A bare third person ("They always answer the phone") is left alone: on a web page "they" is as
// often the business's own crew or products ("They bring years of experience to every job").
// Lexical only: it never forces tagging.
import type { Token } from '../../text/tokens.js';
import type { Guard } from '../rule.js';

const FIRST_PERSON = new Set(['i', 'we']);
const PERFECT = new Set(['have', "'ve", 'had', 'ever', 'personally', 'actually', 'recently', 've']);
/** Participles of buying, using or dealing with a supplier. */
const EXPERIENCED = new Set([
  'used',
  'tried',
  'hired',
  'worked',
  'dealt',
  'had',
  'seen',
  'received',
  'bought',
  'purchased',
  'stayed',
  'visited',
  'owned',
  'encountered',
  'ordered',
  'booked',
  'met',
  'found',
]);
const RATING = /^(?:[1-5](?:\.\d)?\/5|10\/10|[1-5]-star)$/;

/** Words a relative clause may open with ("the best crew that we hired"). */
const RELATIVE = new Set(['that', 'which', 'who', 'whom']);

/** Words before "we"/"I" that open a clause of its own rather than a relative clause on a noun. */
const CONJUNCTIONS = new Set(['and', 'but', 'so', 'because', 'since', 'as', 'when', 'if', 'that', 'then', 'now', 'or']);

/** "we have used", "I've ever worked", "we hired": an experience clause starting at token i. */
function experienceAt(t: readonly Token[], i: number): boolean {
  if (!FIRST_PERSON.has(t[i]!.norm)) return false;
  let j = i + 1;
  while (j < t.length && j < i + 4 && PERFECT.has(t[j]!.norm)) j++;
  return EXPERIENCED.has(t[j]?.norm ?? '');
}

/** The business speaking: "we", "our", "us" (a writer's "I'd recommend our plan" is advice, not praise). */
const BUSINESS = new Set(['we', 'our', 'us', 'ours', "we'll", "we're"]);

function recommends(t: readonly Token[]): boolean {
  if (t.some((x) => BUSINESS.has(x.norm))) return false;
  for (let i = 0; i < t.length; i++) {
    const w = t[i]!.norm;
    if (RATING.test(w)) return true;
    // "5 stars!", "Five stars." as a verdict, not "5 stars certified contractors"
    if ((w === '5' || w === 'five') && /^stars?$/.test(t[i + 1]?.norm ?? '') && (t[i + 2]?.type ?? 'punct') === 'punct')
      return true;
    if (w !== 'recommend' && w !== 'recommended') continue;
    const prev = t[i - 1]?.norm ?? '';
    // "I recommend them", "highly recommend", "would recommend": the speaker's verdict
    if (/^(highly|strongly|definitely|totally|would|i|100%)$/.test(prev)) return true;
  }
  return false;
}

/** '..." - Maria G., Tucson': a dash after the words, then a capitalized name to the end. */
function attributed(text: string): boolean {
  return /["”'’.!)]\s*[-–—]{1,2}\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)?(?:,\s*[^.!?]{1,60})?\s*$/u.test(text);
}

export const testimonial: Guard = {
  name: 'testimonial',
  docs: 'a customer\'s praise, not the writer\'s promise ("the best tool we have used", "I highly recommend them", a quote signed "- Jane, Acme")',
  needsTags: false,
  applies(s, match) {
    const t = s.tokens;
    if (attributed(s.text) || recommends(t)) return true;
    // an experience clause on the claimed noun, right after the claim with no clause break
    // between ("the fastest printer we've worked with"; not "we ship on time, and we have had no
    // returns", nor "will prevent outages like the one we had today")
    for (let i = match.tokenStart; i < Math.min(t.length, match.tokenEnd + 3); i++) {
      const x = t[i]!;
      if (i >= match.tokenEnd && (x.type === 'punct' || /^(and|but|so|because|or|while)$/.test(x.norm))) break;
      if (experienceAt(t, i) && (i > match.tokenStart || RELATIVE.has(t[i - 1]?.norm ?? ''))) return true;
    }
    // a relative experience clause anywhere on a noun ("CrankWheel is the third tool we have used,
    // and this is by far the most efficient"), when the business never speaks as "our" or "us"
    if (t.some((x) => x.norm === 'our' || x.norm === 'us')) return false;
    for (let i = 1; i < t.length; i++) {
      const prev = t[i - 1]!;
      if (prev.type === 'word' && !CONJUNCTIONS.has(prev.norm) && experienceAt(t, i)) return true;
    }
    return false;
  },
};
