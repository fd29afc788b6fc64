// `instruction`: advice or an instruction to the reader, not a claim about the business.
//   - The sentence opens with "always", "never" or "don't" and an imperative verb ("Always consult
//     your veterinarian", "Always provide same-day service", "Never mind the invoice I sent",
//     "Don't miss the webinar on Thursday"): the whole sentence is advice.
//     A polite opener is skipped ("Please never feel you're bothering me").
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

function imperativeAt(s: SentenceContext, t: readonly Token[], v: number): boolean {
  while (v < t.length && SKIP.has(t[v]!.norm)) v++;
  const next = t[v];
  if (!next || next.type !== 'word' || NOT_VERB.has(next.norm)) return false;
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
    while (start < t.length && LEAD.has(t[start]!.norm)) start++;
    const first = t[start]?.norm;
    if (first && OPENERS.has(first) && imperativeAt(s, t, start + 1)) return true;
    return first === 'do' && t[start + 1]?.norm === 'not' && imperativeAt(s, t, start + 2);
  },
};
