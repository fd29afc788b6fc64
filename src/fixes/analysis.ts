// What the rewrite operations need to know about a sentence: clauses, the verb of a claim, its
// subject (who makes the claim, and whether it is singular), the noun a flagged word describes.
// Part-of-speech tags come from the sentence (tagged before rewriting); without tags, word lists
// and suffixes decide.
import type { SentenceContext } from '../engine/sentence.js';
import type { Token } from '../text/tokens.js';
import type { SubjectClass } from './spec.js';

const CLAUSE_PUNCT = new Set([',', ';', ':', '—', '–', '(', ')', '.', '!', '?', '"', '“', '”']);
const CLAUSE_CONJ = new Set(['but', 'because', 'while', 'which', 'whereas', 'although', 'though']);
const SUBJECT_PRONOUNS = new Set(['we', 'you', 'they', 'it', 'i', 'he', 'she', 'our', 'your', 'their', 'this', 'that']);
const PREPOSITIONS = new Set([
  'in', 'on', 'at', 'for', 'of', 'to', 'from', 'by', 'with', 'within', 'across', 'around', 'anywhere', 'than', 'into', 'over',
  'under', 'among', 'between', 'per', 'via', 'through', 'throughout', 'before', 'after', 'during', 'since', 'until', 'worldwide',
  'today', 'tonight', 'tomorrow', 'and', 'or', 'but', 'that', 'who', 'which', 'when', 'where', 'if', 'so', 'as',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'your', 'their', 'its', 'this', 'that', 'these', 'those', 'every', 'each', 'all', 'any', 'some', 'no', 'my']);
const AUX = new Set(['is', 'are', 'am', 'was', 'were', 'be', 'been', 'being', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'do', 'does', 'did', 'has', 'have', 'had', "'s"]);
export const ABSOLUTE_ADVERBS = new Set(['always', 'constantly', 'invariably', 'unfailingly']);

export const isWord = (t: Token | undefined): boolean => !!t && t.type === 'word';

/** Whether token i is the end of a clause break (punctuation, or "but", "which", ...). */
function isBreak(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.type === 'punct') return CLAUSE_PUNCT.has(t.norm);
  if (CLAUSE_CONJ.has(t.norm)) return true;
  // "and" starts a new clause when a subject follows it ("..., and we ship fast").
  if (t.norm === 'and') {
    const n = tokens[i + 1];
    return !!n && (n.norm === 'we' || n.norm === 'you' || n.norm === 'they' || n.norm === 'it' || n.norm === 'i');
  }
  return false;
}

/** Token range [start, end) of the clause holding token i. */
export function clauseOf(s: SentenceContext, i: number): [number, number] {
  const t = s.tokens;
  let a = i;
  while (a > 0 && !isBreak(t, a - 1)) a--;
  let b = i;
  while (b < t.length && !isBreak(t, b)) b++;
  return [a, Math.max(b, Math.min(i + 1, t.length))];
}

/** Character offset where text appended to the clause of token i goes (before its closing punctuation). */
export function clauseEndOffset(s: SentenceContext, i: number): number {
  const [, b] = clauseOf(s, i);
  return s.tokens[Math.max(0, b - 1)]!.end;
}

export const tagsOf = (s: SentenceContext, i: number): ReadonlySet<string> => s.tags(i);

export function isVerb(s: SentenceContext, i: number): boolean {
  const t = s.tokens[i];
  if (!isWord(t)) return false;
  const tags = s.tags(i);
  if (tags.size === 0) return AUX.has(t!.norm);
  return tags.has('Verb');
}

export function isAuxiliary(s: SentenceContext, i: number): boolean {
  const t = s.tokens[i];
  if (!isWord(t)) return false;
  const tags = s.tags(i);
  return AUX.has(t!.norm) || tags.has('Auxiliary') || tags.has('Modal') || tags.has('Copula');
}

export function isNounLike(s: SentenceContext, i: number): boolean {
  const t = s.tokens[i];
  if (!t) return false;
  if (t.type === 'number') return false;
  if (t.type !== 'word') return false;
  if (PREPOSITIONS.has(t.norm) || DETERMINERS.has(t.norm)) return false;
  const tags = s.tags(i);
  if (tags.size === 0) return !AUX.has(t.norm);
  if (tags.has('Pronoun') || tags.has('Preposition') || tags.has('Conjunction') || tags.has('Determiner') || tags.has('Date')) return false;
  if (tags.has('Adverb') && !tags.has('Noun')) return false;
  if (tags.has('Verb') && !tags.has('Noun') && !tags.has('Adjective')) return false;
  return tags.has('Noun') || tags.has('Adjective');
}

/**
 * The noun phrase starting at token i ("logistics partner", "support", "fixes"): token range
 * [i, end) and the head noun's index, or undefined when token i does not start one.
 */
export function nounPhraseAt(s: SentenceContext, i: number): { end: number; head: number } | undefined {
  let j = i;
  let head = -1;
  while (j < s.tokens.length && j < i + 4 && isNounLike(s, j)) {
    const tags = s.tags(j);
    if (tags.size === 0 || tags.has('Noun')) head = j;
    j++;
  }
  if (head < 0) return undefined;
  return { end: head + 1, head };
}

/** Whether the flagged words describe the noun after them ("overnight delivery", "24/7 support"). */
export function usedAsAdjective(s: SentenceContext, tokenEnd: number): boolean {
  const next = s.tokens[tokenEnd];
  if (!isWord(next)) return false;
  if (PREPOSITIONS.has(next!.norm) || DETERMINERS.has(next!.norm)) return false;
  const tags = s.tags(tokenEnd);
  if (tags.size > 0 && (tags.has('Verb') || tags.has('Adverb') || tags.has('Date')) && !tags.has('Noun')) return false;
  return nounPhraseAt(s, tokenEnd) !== undefined;
}

/** Whether token i is plural (a plural noun, or we/you/they). */
export function isPluralToken(s: SentenceContext, i: number): boolean {
  const t = s.tokens[i];
  if (!t) return false;
  if (['we', 'you', 'they', 'these', 'those', 'both', 'all', 'many'].includes(t.norm)) return true;
  if (['i', 'it', 'he', 'she', 'this', 'that', 'everything', 'everyone', 'each', 'every'].includes(t.norm)) return false;
  const tags = s.tags(i);
  if (tags.has('Plural')) return true;
  if (tags.has('Singular') || tags.has('Uncountable')) return false;
  return /[^s]s$/i.test(t.text) && t.text.length > 3;
}

export type Person = '1s' | '3s' | 'pl';

export interface Subject {
  /** Token range of the subject (empty when none was found). */
  start: number;
  end: number;
  person: Person;
  cls: SubjectClass;
}

/** The subject of the claim whose verb group starts at token `at` (the modal, the verb). */
export function subjectBefore(s: SentenceContext, at: number, hint?: string): Subject {
  const t = s.tokens;
  const [clauseStart] = clauseOf(s, Math.max(0, at - 1));
  let start = at;
  for (let i = at - 1; i >= Math.max(clauseStart, at - 6); i--) {
    const tok = t[i]!;
    if (tok.type !== 'word' && tok.type !== 'number') break;
    if (i < at - 1 && (tok.norm === 'that' || tok.norm === 'who' || tok.norm === 'which')) break;
    start = i;
  }
  // The head: the last word before the verb group that is not an adverb ("we also", "it really").
  let head = at - 1;
  while (head >= start && s.tags(head).has('Adverb') && !s.tags(head).has('Noun')) head--;
  if (head < start) return { start: at, end: at, person: '3s', cls: 'other' };
  const words = t.slice(start, head + 1).map((x) => x.norm);
  const text = hint ? hint.toLowerCase().replace(/’/g, "'") : words.join(' ');
  const lex = s.lexicon;
  const inClass = (name: string): boolean => lex.hasSubjectClass(name) && lex.subjects([name]).includes(text);
  let cls: SubjectClass = 'other';
  if (inClass('we') && !inClass('product')) cls = 'we';
  else if (inClass('customer')) cls = 'customer';
  else if (words[0] === 'we' || words[0] === 'i' || words[0] === 'us') cls = 'we';
  else if (words[0] === 'you' || words[0] === 'your') cls = 'customer';
  else if (words[0] === 'our' && s.tags(head).has('Actor')) cls = 'we';
  const h = t[head]!.norm;
  const person: Person = h === 'i' ? '1s' : isPluralToken(s, head) ? 'pl' : '3s';
  return { start, end: head + 1, person, cls };
}

export const beFor = (p: Person): string => (p === '1s' ? 'am' : p === 'pl' ? 'are' : 'is');

/** The first verb of the clause holding token i, as a token index (or -1). */
export function clauseVerb(s: SentenceContext, i: number): number {
  const [a, b] = clauseOf(s, i);
  for (let j = a; j < b; j++) {
    const tags = s.tags(j);
    const t = s.tokens[j]!;
    if (t.type !== 'word') continue;
    if (tags.size > 0 ? tags.has('Verb') && !tags.has('Gerund') && !(tags.has('Noun') && !tags.has('Infinitive') && !tags.has('PresentTense')) : AUX.has(t.norm)) {
      return j;
    }
  }
  return -1;
}

export const isSubjectPronoun = (t: Token | undefined): boolean => !!t && SUBJECT_PRONOUNS.has(t.norm);

/** Whether a word should keep its capital when it stops starting the sentence. */
export function keepsCapital(s: SentenceContext, i: number): boolean {
  const t = s.tokens[i];
  if (!t) return true;
  if (t.norm === 'i' || t.text.length > 1 && t.text === t.text.toUpperCase()) return true;
  const tags = s.tags(i);
  return tags.has('ProperNoun') || tags.has('Person') || tags.has('Place') || tags.has('Organization') || tags.has('Acronym');
}
