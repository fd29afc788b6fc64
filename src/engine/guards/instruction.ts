// `instruction`: advice or an instruction to the reader, not a claim about the business.
//   - The sentence opens with "always", "never" or "don't" and an imperative verb ("Always check
//     the pressure gauge first", "Never mix the two cleaners", "Don't forget to bring your badge"):
//     the whole sentence is advice. A polite opener or a label is skipped ("Please never worry
//     about asking", "Tip: always ...").
//   - The sentence opens with work the reader is told to do ("Answer every lead within a minute",
//     "Prepare the incident report immediately"): lexicon verbs.instruction_verbs.
// "Never miss a deadline again", "Never worry about ...", "Never have to chase ..." promise what
// the product will do for the reader: they are not advice.
// Lexical only (see lexical-tags.ts): it never forces tagging.
import type { Token } from '../../text/tokens.js';
import type { SentenceContext } from '../sentence.js';
import type { Guard } from '../rule.js';
import { isImperativeVerb } from './lexical-tags.js';

const LEAD = new Set(['please', 'and', 'so', 'just', 'but', 'also', 'tip']);
const OPENERS = new Set(['always', 'never']);
/** Adverbs that may stand between the opening word and the verb. */
const SKIP = new Set(['not', 'ever', 'once', 'really', 'just', 'even']);
/** "Never worry about ...", "Never wait for ...", "Never have to ...": a benefit promised, not advice. */
const BENEFIT = new Set([
  'worry',
  'wait',
  'pay',
  'have',
  'miss',
  'lose',
  'run',
  'stress',
  'chase',
  'struggle',
  'need',
  'overpay',
  'deal',
  'again',
  'get',
]);
/** Words that make an opening imperative a promise ("Never miss a deadline again", "never another late fee"). */
const PROMISE = new Set(['again', 'another']);

function imperativeAt(s: SentenceContext, t: readonly Token[], v: number): boolean {
  const never = t[v - 1]?.norm === 'never';
  while (v < t.length && SKIP.has(t[v]!.norm)) v++;
  if (never && BENEFIT.has(t[v]?.norm ?? '')) return false;
  return isImperativeVerb(s, v);
}

/** Subordinators that open a clause setting the scene for advice ("When you replace it, always ..."). */
const SCENE = new Set(['when', 'whenever', 'if', 'before', 'after', 'once', 'while', 'until', 'unless', 'as']);

/**
 * Where the sentence proper starts: after markup, a polite opener or a "Label:", and with `scene`
 * after a leading scene-setting clause ("Before migrating, always back up your data"). The main
 * clause must then open the imperative itself: "When you book with us, you always get ..." has
 * a subject.
 */
function sentenceStart(t: readonly Token[], scene = false): number {
  let start = t[1]?.norm === ':' && t[0]!.type === 'word' ? 2 : 0;
  while (start < t.length && (LEAD.has(t[start]!.norm) || t[start]!.type === 'punct')) start++;
  if (scene && SCENE.has(t[start]?.norm ?? '')) {
    for (let i = start + 1; i < Math.min(t.length, start + 16); i++)
      if (t[i]!.norm === ',') {
        start = i + 1;
        while (start < t.length && (LEAD.has(t[start]!.norm) || t[start]!.type === 'punct')) start++;
        break;
      }
  }
  return start;
}

/** Words an imperative "make sure" may follow: a clause break, a polite or joining word. */
const BEFORE_IMPERATIVE = new Set([
  ',',
  ';',
  ':',
  '-',
  '–',
  '—',
  'so',
  'and',
  'but',
  'then',
  'just',
  'please',
  'always',
  'also',
]);
const BUSINESS = new Set(['we', 'our', 'us', "we'll", "we're"]);

/**
 * "..., so make sure you download everything first", "Speak slowly, and make sure to enunciate":
 * "make sure"/"be sure" as an imperative to the reader (no subject before it), in a sentence where
 * the business does not speak. "We make sure you are never charged twice" has a subject, and
 * "Make sure you never miss a delivery again with our app" promises.
 */
function ensureAdvice(t: readonly Token[], i: number): boolean {
  if (!/^(make|be)$/.test(t[i]?.norm ?? '') || t[i + 1]?.norm !== 'sure') return false;
  if (i > 0 && !BEFORE_IMPERATIVE.has(t[i - 1]!.norm)) return false;
  return !t.some((x) => BUSINESS.has(x.norm) || PROMISE.has(x.norm));
}

export const instruction: Guard = {
  name: 'instruction',
  docs: 'advice or an instruction to the reader, not a claim ("Always consult your accountant", "Answer every lead within a minute")',
  needsTags: false,
  applies(s, match) {
    const t = s.tokens;
    if (ensureAdvice(t, match.tokenStart)) return true;
    if (t.some((x) => PROMISE.has(x.norm))) return false;
    // advice after a scene-setting clause opens with "always"/"never" itself ("Before migrating,
    // always back up your data"); a task verb there is not enough ("If it's urgent, call us and
    // the vet will see your pet without delay" still promises)
    const main = sentenceStart(t, true);
    if (OPENERS.has(t[main]?.norm ?? '') && imperativeAt(s, t, main + 1)) return true;
    const start = sentenceStart(t);
    const first = t[start]?.norm;
    if (first && OPENERS.has(first) && imperativeAt(s, t, start + 1)) return true;
    if (first === 'do' && t[start + 1]?.norm === 'not' && imperativeAt(s, t, start + 2)) return true;
    // A task for the reader ("Answer every lead within a minute", "Responding within the hour
    // lifts conversion"); a noun that looks like the verb does not count ("Replies within ...").
    if (start < t.length && s.lexicon.instructionVerbs.matchAt(t, start).length > 0) {
      return !/(ies|[^s]s|ed)$/.test(t[start]!.norm);
    }
    return false;
  },
};
