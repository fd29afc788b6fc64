// What the rewrite operations need to know about a sentence: clauses, the verb of a claim, its
// subject (who makes the claim, and whether it is singular), the noun a flagged word describes.
// Part-of-speech tags come from the sentence (tagged before rewriting); without tags, word lists
// and suffixes decide.
import type { SentenceContext } from '../engine/sentence.js';
import type { Token } from '../text/tokens.js';
import type { SubjectClass } from '../rules/rewrite-spec.js';
import {
  AUXILIARIES,
  CLAUSE_BREAKS,
  DETERMINERS as GRAMMAR_DETERMINERS,
  DURATION_UNITS,
  wordSet,
} from '../text/grammar.js';

const CLAUSE_PUNCT = CLAUSE_BREAKS.rewritePunctuation;
const CLAUSE_CONJ = CLAUSE_BREAKS.rewriteConjunctions;
const SUBJECT_PRONOUNS = new Set(['we', 'you', 'they', 'it', 'i', 'he', 'she', 'our', 'your', 'their', 'this', 'that']);
const PREPOSITIONS = new Set([
  'in',
  'on',
  'at',
  'for',
  'of',
  'to',
  'from',
  'by',
  'with',
  'within',
  'across',
  'around',
  'anywhere',
  'than',
  'into',
  'over',
  'under',
  'among',
  'between',
  'per',
  'via',
  'through',
  'throughout',
  'before',
  'after',
  'during',
  'since',
  'until',
  'worldwide',
  'today',
  'tonight',
  'tomorrow',
  'and',
  'or',
  'but',
  'that',
  'who',
  'which',
  'when',
  'where',
  'if',
  'so',
  'as',
]);
const DETERMINERS = wordSet(GRAMMAR_DETERMINERS);
const AUX = wordSet(AUXILIARIES);
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
  // Real auxiliaries only: compromise also tags "gets" in "gets rid of" as one.
  return AUX.has(t!.norm) || tags.has('Modal') || (tags.has('Copula') && !/^get/.test(t!.norm));
}

export function isNounLike(s: SentenceContext, i: number): boolean {
  const t = s.tokens[i];
  if (!t) return false;
  if (t.type === 'number') return false;
  if (t.type !== 'word') return false;
  if (PREPOSITIONS.has(t.norm) || DETERMINERS.has(t.norm)) return false;
  const tags = s.tags(i);
  if (tags.size === 0) return !AUX.has(t.norm);
  if (
    tags.has('Pronoun') ||
    tags.has('Preposition') ||
    tags.has('Conjunction') ||
    tags.has('Determiner') ||
    tags.has('Date')
  )
    return false;
  if (tags.has('Adverb') && !tags.has('Noun')) return false;
  if (tags.has('Verb') && !tags.has('Noun') && !tags.has('Adjective')) return false;
  return tags.has('Noun') || tags.has('Adjective');
}

/**
 * The noun phrase starting at token i ("logistics partner", "support", "fixes"): token range
 * [i, end) and the head noun's index, or undefined when token i does not start one.
 */
export function nounPhraseAt(
  s: SentenceContext,
  i: number,
  lenient = false,
): { end: number; head: number } | undefined {
  let j = i;
  let head = -1;
  // After an adjective ("immediate dispatch"), the next word is its noun whatever the tagger says.
  const t0 = s.tokens[i];
  if (
    lenient &&
    t0 &&
    t0.type === 'word' &&
    !PREPOSITIONS.has(t0.norm) &&
    !DETERMINERS.has(t0.norm) &&
    !isSubjectPronoun(t0) &&
    !AUX.has(t0.norm) &&
    !isNounLike(s, i)
  ) {
    const rest = nounPhraseAt(s, i + 1);
    return rest ? rest : { end: i + 1, head: i };
  }
  // "same-day installs on ...": compromise may read the plural noun as a verb.
  const pluralFirst = (k: number): boolean =>
    (k === i || isNounLike(s, k - 1)) &&
    /[^s]s$/i.test(s.tokens[k]?.text ?? '') &&
    s.tokens[k]!.type === 'word' &&
    (isBoundary(s, k + 1) ||
      (k > i && (isSubjectPronoun(s.tokens[k + 1]) || (s.tags(k + 1).has('Adjective') && !s.tags(k + 1).has('Noun')))));
  while (
    j < s.tokens.length &&
    j < i + 4 &&
    (isNounLike(s, j) || pluralFirst(j) || (s.tags(j).has('Gerund') && isNounLike(s, j + 1)))
  ) {
    const tags = s.tags(j);
    if (tags.size === 0 || tags.has('Noun') || pluralFirst(j)) head = j;
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
  if (['i', 'it', 'he', 'she', 'this', 'that', 'everything', 'everyone', 'each', 'every'].includes(t.norm))
    return false;
  // "Onboarding complete in 48 hours": an -ing word as a subject is one activity.
  if (/ing$/i.test(t.text)) return false;
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

const SUBJECT_STOP = new Set([
  'so',
  'and',
  'but',
  'or',
  'then',
  'because',
  'that',
  'which',
  'who',
  'if',
  'when',
  'once',
  'while',
  'as',
  'since',
  'until',
  'unless',
  'promise',
  'guarantee',
  'think',
  'believe',
  'know',
  'expect',
  'say',
  'said',
  'hope',
  'assure',
  'bet',
  'swear',
  'confident',
  'sure',
]);

/** Whether token i is joined to a hyphen ("I-9", "e-mail"): part of a compound word. */
const hyphenated = (s: SentenceContext, i: number): boolean => {
  const tok = s.tokens[i];
  return !!tok && (s.text[tok.end] === '-' || s.text[tok.start - 1] === '-');
};

/** The subject of the claim whose verb group starts at token `at` (the modal, the verb). */
export function subjectBefore(s: SentenceContext, at: number, hint?: string): Subject {
  const t = s.tokens;
  const [clauseStart] = clauseOf(s, Math.max(0, at - 1));
  let start = at;
  for (let i = at - 1; i >= Math.max(clauseStart, at - 6); i--) {
    const tok = t[i]!;
    if (tok.type !== 'word' && tok.type !== 'number') break;
    if (SUBJECT_STOP.has(tok.norm) || (PREPOSITIONS.has(tok.norm) && tok.norm !== 'of')) break;
    const tags = s.tags(i);
    // A verb ends the subject ("I promise | the new line will ..."), unless it is the head noun.
    if (i < at - 1 && tags.has('Verb') && !tags.has('Noun') && !tags.has('Adjective')) break;
    start = i;
    // A pronoun subject is the whole subject ("we", "it"); nothing before it belongs.
    if (['we', 'i', 'you', 'they', 'it', 'he', 'she'].includes(tok.norm) && !hyphenated(s, i)) break;
  }
  // "Card data on our terminals can't ...": the head is the noun before the preposition.
  let headLimit = at;
  for (
    let i = start - 1;
    i >= Math.max(clauseStart, start - 6) && ['of', 'on', 'in', 'for', 'at', 'with', 'from', 'to'].includes(t[i]!.norm);
  ) {
    let k = i - 1;
    // ... back to the start of the noun phrase (a gerund opening it belongs: "Switching your fleet").
    while (
      k >= clauseStart &&
      (t[k]!.type === 'word' || t[k]!.type === 'number') &&
      !SUBJECT_STOP.has(t[k]!.norm) &&
      !PREPOSITIONS.has(t[k]!.norm) &&
      !(s.tags(k).has('Verb') && !s.tags(k).has('Noun') && !(s.tags(k).has('Gerund') && k === clauseStart))
    )
      k--;
    if (k + 1 >= i) break;
    headLimit = i;
    start = k + 1;
    i = k;
  }
  // The head: the last word before the verb group that is not an adverb ("we also", "it really").
  let head = headLimit - 1;
  while (head >= start && s.tags(head).has('Adverb') && !s.tags(head).has('Noun')) head--;
  if (head < start) return { start: at, end: at, person: '3s', cls: 'other' };
  const words = t.slice(start, head + 1).map((x) => x.norm);
  const text = hint ? hint.toLowerCase().replace(/’/g, "'") : words.join(' ');
  const lex = s.lexicon;
  const inClass = (name: string): boolean => lex.hasSubjectClass(name) && lex.subjects([name]).includes(text);
  let cls: SubjectClass = 'other';
  if (inClass('we') && !inClass('product')) cls = 'we';
  else if (inClass('customer')) cls = 'customer';
  // "I-9 verification", "US-based crews": part of a compound, not a pronoun.
  else if ((words[0] === 'we' || words[0] === 'i' || words[0] === 'us') && !hyphenated(s, start)) cls = 'we';
  else if (words[0] === 'you' || words[0] === 'your') cls = 'customer';
  else if (words[0] === 'our' && s.tags(head).has('Actor')) cls = 'we';
  const h = t[head]!.norm;
  // "Moving your phones to our system will pay for itself": a gerund phrase is one activity.
  const opens = (k: number): boolean => /ing$/i.test(t[k]!.text) && s.tags(k).has('Gerund');
  const gerund =
    (start < head && opens(start)) ||
    (clauseStart < start && opens(clauseStart) && t.slice(clauseStart, at).every((x) => x.type !== 'punct'));
  const person: Person = h === 'i' ? '1s' : !gerund && isPluralToken(s, head) ? 'pl' : '3s';
  return { start, end: head + 1, person, cls };
}

export const beFor = (p: Person): string => (p === '1s' ? 'am' : p === 'pl' ? 'are' : 'is');

const WH = new Set([
  'what',
  'whatever',
  'whichever',
  'who',
  'whom',
  'whose',
  'which',
  'when',
  'whenever',
  'if',
  'unless',
  'because',
  'although',
  'though',
  'while',
  'where',
  'wherever',
  'how',
  'matter',
]);
const DURATION_SET = wordSet(DURATION_UNITS);
const NOUNISH_BEFORE = (s: SentenceContext, i: number): boolean => {
  const p = s.tokens[i];
  if (!p) return false;
  if (p.type === 'number') return true;
  // A relative pronoun introduces a verb ("a platform that works").
  if (p.norm === 'that' || p.norm === 'which' || p.norm === 'who') return false;
  if (
    DETERMINERS.has(p.norm) ||
    (PREPOSITIONS.has(p.norm) &&
      !['to', 'that', 'who', 'which', 'and', 'but', 'or', 'so', 'as', 'when', 'if'].includes(p.norm))
  )
    return true;
  // "Business-hours support", "24-hour service", "four-hour response": a compound ending in a
  // unit of time describes the noun after it (the tagger may read "support" as a verb).
  const unit = /-([\p{L}]+)$/u.exec(p.text)?.[1]?.toLowerCase();
  if (unit && DURATION_SET.has(unit)) return true;
  if (s.text[p.start - 1] === '-' && DURATION_SET.has(p.norm)) return true;
  const tags = s.tags(i);
  // "rising damp", "ordering procedures": an -ing word describing a noun.
  if (
    tags.has('Gerund') &&
    i > 0 &&
    !['is', 'are', 'am', 'was', 'were', 'be', 'been', "'s", "'re", "'m"].includes(s.tokens[i - 1]!.norm)
  )
    return true;
  return (
    (tags.has('Determiner') ||
      tags.has('Adjective') ||
      tags.has('Value') ||
      (tags.has('Possessive') && !tags.has('Pronoun')) ||
      tags.has('Preposition')) &&
    !tags.has('Verb')
  );
};
const isNounTag = (s: SentenceContext, i: number): boolean => {
  const tags = s.tags(i);
  return tags.has('Noun') && !tags.has('Pronoun');
};
const isBoundary = (s: SentenceContext, i: number): boolean => {
  const n = s.tokens[i];
  return !n || n.type === 'punct' || PREPOSITIONS.has(n.norm);
};

/** Whether token j can be the verb of a claim (compromise's tags, corrected for common misreadings). */
export function isClaimVerb(s: SentenceContext, j: number, clauseStart: number, weakOk = false): boolean {
  const t = s.tokens;
  const tok = t[j]!;
  if (tok.type !== 'word') return false;
  const tags = s.tags(j);
  let verb = tags.size === 0 ? AUX.has(tok.norm) : tags.has('Verb');
  // "Our outreach program triples your leads": a "plural noun" between a noun and a determiner.
  if (
    !verb &&
    tags.has('Plural') &&
    /s$/i.test(tok.text) &&
    j > clauseStart &&
    isNounTag(s, j - 1) &&
    t[j + 1] &&
    (DETERMINERS.has(t[j + 1]!.norm) || t[j + 1]!.type === 'number')
  )
    verb = true;
  // "a platform that works from anywhere": a known verb after its subject, read as a noun.
  if (
    !verb &&
    /[^s]s$/i.test(tok.text) &&
    j > clauseStart &&
    ['that', 'which', 'who', 'it', 'this'].includes(t[j - 1]!.norm) &&
    s.lexicon.verbs(['delivery', 'outcome']).includes(tok.norm.replace(/e?s$/, ''))
  )
    verb = true;
  if (!verb) return false;
  if (tags.has('Particle') || (PREPOSITIONS.has(tok.norm) && !AUX.has(tok.norm))) return false;
  // "-ing" words are verbs only after a form of be ("are shipping"); else a noun or adjective ("ordering procedures").
  if (
    tags.has('Gerund') &&
    !(j > clauseStart && ['is', 'are', 'am', 'was', 'were', 'be', 'been', "'s", "'re", "'m"].includes(t[j - 1]!.norm))
  )
    return false;
  // Part of a hyphenated word ("per-seat", "zero-hassle").
  if (s.text[tok.start - 1] === '-' || s.text[tok.end] === '-') return false;
  if (AUX.has(tok.norm)) return true;
  // A noun after a determiner, an adjective or a number ("a zero hassle install", "live chat").
  if (j > clauseStart && NOUNISH_BEFORE(s, j - 1)) return false;
  // "boiler repairs across", "conversion rates.": a plural noun after a noun, before a
  // preposition; only a verb when the clause has no better one ("price stays at").
  if (!weakOk && /s$/i.test(tok.text) && j > clauseStart && isNounTag(s, j - 1) && isBoundary(s, j + 1)) return false;
  // "Deposits clear instantly": a plural subject at the start, followed by its verb.
  if (j === clauseStart && !tags.has('Imperative') && /s$/i.test(tok.text) && t[j + 1] && s.tags(j + 1).has('Verb'))
    return false;
  // "parcel we handle gets lost": a relative clause without "that".
  if (
    j >= clauseStart + 2 &&
    isSubjectPronoun(t[j - 1]) &&
    isNounTag(s, j - 2) &&
    !['it', 'this', 'that'].includes(t[j - 1]!.norm)
  )
    return false;
  // Inside a subordinate clause ("no matter what the weather does, ...").
  for (let k = clauseStart; k < j; k++) if (WH.has(t[k]!.norm) && k !== j - 1) return false;
  return true;
}

/**
 * The verb of the claim at token i: the last verb before (or at) the flagged words in their
 * clause, else the first one after; moved back to the first auxiliary of its verb group
 * ("has been delivering" -> "has"). -1 when the clause has no verb.
 */
export function claimVerb(s: SentenceContext, i: number, end = i + 1): number {
  const [a, b] = clauseOf(s, i);
  // A sentence-initial imperative governs its clause ("Reduce your water use by 35%").
  if (isImperative(s, a)) return a;
  let v = -1;
  for (const weak of [false, true]) {
    for (let j = a; j < b && j < end; j++) if (isClaimVerb(s, j, a, weak)) v = j;
    if (v < 0) {
      for (let j = Math.max(a, end); j < b; j++) {
        if (isClaimVerb(s, j, a, weak)) {
          v = j;
          break;
        }
      }
    }
    if (v >= 0) break;
  }
  if (v < 0) return -1;
  while (v > a) {
    const p = v - 1;
    // A verb group starts at its first verb: "has been delivering", "gets rid of", "help reduce".
    if (isClaimVerb(s, p, a)) v = p;
    else if (p > a && s.tags(p).has('Adverb') && isAuxiliary(s, p - 1)) v = p - 1;
    else break;
  }
  return v;
}

/** Whether the verb at token v is an imperative at the start of its clause ("Double your ..."). */
export function isImperative(s: SentenceContext, v: number): boolean {
  const [a] = clauseOf(s, v);
  // The start of the sentence, or of a sentence the splitter kept together ("...? Find it ...").
  if (v !== a || (v > 0 && !/^[?!.:]$/.test(s.tokens[v - 1]!.norm))) return false;
  const t = s.tokens[v]!;
  // The word checks first: the tags are read (and the sentence tagged) only when they decide.
  // A pronoun or a determiner ("We", "Our", "Every") is never an imperative verb.
  if (
    t.type !== 'word' ||
    AUX.has(t.norm) ||
    /[^s]s$/i.test(t.text) ||
    DETERMINERS.has(t.norm) ||
    SUBJECT_PRONOUNS.has(t.norm)
  )
    return false;
  const tags = s.tags(v);
  if (tags.has('Gerund') || tags.has('PastTense')) return false;
  if (tags.has('Imperative')) return true;
  const next = s.tokens[v + 1];
  if (!next || next.type === 'punct') return false;
  const nextTags = s.tags(v + 1);
  const objectNext =
    next.type === 'number' ||
    DETERMINERS.has(next.norm) ||
    ['up', 'it', 'them', 'us', 'more', 'less', 'thousands', 'hundreds'].includes(next.norm) ||
    !nextTags.has('Verb') ||
    nextTags.has('Particle');
  if (!objectNext) return false;
  // A base-form verb opening the sentence before its object ("Save thousands", "Halve your time");
  // compromise sometimes reads it as a noun, the lexicon's verb classes know better.
  return (
    tags.has('Verb') ||
    tags.has('Infinitive') ||
    tags.size === 0 ||
    (s.lexicon.verbs(['delivery', 'outcome', 'roadmap']).includes(t.norm) && DETERMINERS.has(next.norm))
  );
}

export const isSubjectPronoun = (t: Token | undefined): boolean => !!t && SUBJECT_PRONOUNS.has(t.norm);

/** Whether a word should keep its capital when it stops starting the sentence. */
export function keepsCapital(s: SentenceContext, i: number): boolean {
  const t = s.tokens[i];
  if (!t) return true;
  if (t.norm === 'i' || (t.text.length > 1 && t.text === t.text.toUpperCase())) return true;
  const tags = s.tags(i);
  return (
    tags.has('ProperNoun') || tags.has('Person') || tags.has('Place') || tags.has('Organization') || tags.has('Acronym')
  );
}
