// Cheap part-of-speech hints from word shapes, for guards that must not force tagging. They never
// read the tagger's tags, even when a sentence happens to be tagged: a guard's answer must not
// depend on which other rules made the sentence a candidate (see the prefilter equivalence test).
import type { SentenceContext } from '../sentence.js';

/** Past forms that do not end in -ed. */
const IRREGULAR_PAST = new Set([
  'was',
  'were',
  'had',
  'did',
  'went',
  'made',
  'got',
  'took',
  'ran',
  'sold',
  'won',
  'grew',
  'fell',
  'rose',
  'saw',
  'came',
  'brought',
  'built',
  'sent',
  'kept',
  'held',
  'found',
  'left',
  'met',
  'paid',
  'spent',
  'led',
  'became',
  'began',
  'gave',
  'knew',
  'thought',
  'told',
  'said',
  'wrote',
  'drove',
  'flew',
  'caught',
  'taught',
  'bought',
  'laid',
  'hung',
  'lost',
  'broke',
]);
/** Past forms that are also present forms: past only when the sentence names a past period. */
const AMBIGUOUS_PAST = new Set(['cut', 'hit', 'beat', 'put', 'set', 'shut', 'spread', 'quit', 'read']);

/** Words before an -ed form that make it an adjective or a passive, not a past tense. */
const NOT_PAST_BEFORE = new Set([
  'a',
  'an',
  'the',
  'our',
  'your',
  'their',
  'its',
  'this',
  'these',
  'every',
  'each',
  'all',
  'be',
  'is',
  'are',
  'been',
  'being',
  'get',
  'gets',
  'getting',
  'fully',
  'highly',
  'very',
  'most',
  'more',
  'pre',
  'well',
  'will',
  'can',
  'to',
]);
/** -ed words that are not verbs in the past. */
const NOT_PAST = new Set([
  'need',
  'speed',
  'seed',
  'indeed',
  'embed',
  'bed',
  'red',
  'shed',
  'feed',
  'breed',
  'weed',
  'proceed',
  'exceed',
  'succeed',
  'hundred',
  'based',
  'limited',
  'dedicated',
  'guaranteed',
  'advanced',
  'automated',
  'integrated',
  'tailored',
  'detailed',
  'qualified',
  'certified',
  'licensed',
  'insured',
  'experienced',
  'trusted',
  'skilled',
  'added',
  'related',
  'needed',
  'required',
]);

/** Whether token i is a verb in the past tense. */
export function isPastVerb(s: SentenceContext, i: number, ambiguous = false): boolean {
  const t = s.tokens[i]!;
  if (t.type !== 'word') return false;
  if (t.norm === 'was' || t.norm === 'were' || t.norm === 'had' || t.norm === 'did') return true;
  const pastForm =
    IRREGULAR_PAST.has(t.norm) ||
    (ambiguous && AMBIGUOUS_PAST.has(t.norm)) ||
    (t.norm.length >= 5 && t.norm.endsWith('ed') && !NOT_PAST.has(t.norm));
  // "is cut to size", "a dedicated team", "will be installed": a participle or an adjective
  return pastForm && !NOT_PAST_BEFORE.has(s.tokens[i - 1]?.norm ?? '');
}

/** Whether any token of the sentence is a verb in the past tense ("cut", "hit" count when `ambiguous`). */
export function hasPastVerb(s: SentenceContext, ambiguous = false): boolean {
  for (let i = 0; i < s.tokens.length; i++) if (isPastVerb(s, i, ambiguous)) return true;
  return false;
}

/** Words that cannot be the verb of an imperative ("Always on time", "Never late"). */
const NOT_IMPERATIVE = new Set([
  'on',
  'in',
  'at',
  'the',
  'a',
  'an',
  'open',
  'late',
  'closed',
  'ready',
  'available',
  'there',
  'here',
  'fresh',
  'right',
  'free',
  'first',
  'more',
  'less',
  'be',
  'accurate',
  'reliable',
  'fast',
  'friendly',
  'happy',
  'safe',
  'secure',
  'clean',
  'quick',
  'cheap',
  'affordable',
  'perfect',
  'flawless',
  'spotless',
  'fair',
  'honest',
  'local',
  'fully',
  'been',
  'a',
  'any',
  'again',
  'ever',
  'too',
  'late',
  'early',
  'busy',
  'down',
  'up',
  'out',
  'off',
  'just',
  'so',
  'still',
  'better',
  'best',
  'worse',
  'worst',
]);

/** Whether token i reads as a verb in the imperative ("consult", "mix", "mind"): a bare form. */
export function isImperativeVerb(s: SentenceContext, i: number): boolean {
  const t = s.tokens[i];
  if (!t || t.type !== 'word' || NOT_IMPERATIVE.has(t.norm)) return false;
  return /^[a-z]+$/i.test(t.text) && !/(ly|ing|ed|[^s]s)$/i.test(t.norm) && t.norm.length > 2;
}
