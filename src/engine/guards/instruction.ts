// `instruction`: advice or an instruction to the reader, not a claim about the business.
//   - The sentence opens with "always", "never" or "don't" and an imperative verb ("Always check
//     the pressure gauge first", "Never mix the two cleaners", "Don't forget to bring your badge"):
//     the whole sentence is advice. A polite opener is skipped ("Please never worry about asking").
//   - The sentence opens with work the reader is told to do ("Answer every lead within a minute",
//     "Prepare the incident report immediately"): lexicon verbs.instruction_verbs.
// "Never miss a deadline again" promises what the product will do for the reader, so a sentence
// with "again" is not advice.
import type { Token } from '../../text/tokens.js';
import type { SentenceContext } from '../sentence.js';
import type { Guard } from '../rule.js';

const LEAD = new Set(['please', 'and', 'so', 'just', 'but', 'also', 'tip', ':', '-', '–', '—', '*', '•']);
const OPENERS = new Set(['always', 'never']);
/** Adverbs that may stand between the opening word and the verb. */
const SKIP = new Set(['not', 'ever', 'once', 'really', 'just', 'even']);
/** Words that follow an opening "always/never" in a slogan rather than an instruction. */
const NOT_VERB = new Set(['on', 'in', 'at', 'the', 'a', 'an', 'open', 'late', 'closed', 'ready', 'available', 'there', 'here', 'fresh', 'right', 'free', 'first', 'more', 'less', 'be']);

/** Common verbs of advice, for headings in Title Case where the tagger sees names ("Always Use a Script"). */
const ADVICE_VERBS = new Set([
  'have', 'use', 'make', 'get', 'keep', 'check', 'ask', 'send', 'try', 'follow', 'include', 'add', 'remember', 'consider', 'call',
  'read', 'put', 'take', 'do', 'avoid', 'start', 'stay', 'set', 'let', 'write', 'test', 'give', 'show', 'know', 'plan', 'choose',
  'pick', 'look', 'watch', 'book', 'confirm', 'double-check', 'back', 'save', 'label', 'store', 'wear', 'mix', 'leave', 'assume',
]);

function imperativeAt(s: SentenceContext, t: readonly Token[], v: number): boolean {
  while (v < t.length && SKIP.has(t[v]!.norm)) v++;
  const next = t[v];
  if (!next || next.type !== 'word' || NOT_VERB.has(next.norm)) return false;
  if (next.capitalized && ADVICE_VERBS.has(next.norm)) return true;
  const tags = s.tags(v);
  if (tags.size === 0) return false;
  if (tags.has('Adjective') || (tags.has('Noun') && !tags.has('Verb'))) return false;
  return tags.has('Infinitive') || tags.has('Imperative') || (tags.has('Verb') && !tags.has('PastTense') && !tags.has('Gerund') && !tags.has('PresentTense'));
}

export const instruction: Guard = {
  name: 'instruction',
  needsTags: true,
  applies(s) {
    const t = s.tokens;
    if (t.some((x) => x.norm === 'again')) return false;
    let start = 0;
    // a leading label or markup: "Notes: Always send ...", "### Never ..."
    if (t[1]?.norm === ':' && t[0]!.type === 'word') start = 2;
    while (start < t.length && (LEAD.has(t[start]!.norm) || t[start]!.type === 'punct')) start++;
    const first = t[start]?.norm;
    if (first && OPENERS.has(first) && imperativeAt(s, t, start + 1)) return true;
    // A task for the reader ("Answer every lead within a minute", "Responding within the hour
    // lifts conversion"): the sentence opens with work the reader does (lexicon instruction_verbs).
    if (start < t.length && s.lexicon.instructionVerbs.matchAt(t, start).length > 0) {
      // (a noun that looks like the verb does not count: "Replies within five minutes ...")
      const tags = s.tags(start);
      if (tags.size === 0 || !(tags.has('PastTense') || tags.has('Plural') || (tags.has('Noun') && !tags.has('Verb')))) return true;
    }
    return first === 'do' && t[start + 1]?.norm === 'not' && imperativeAt(s, t, start + 2);
  },
};
