// `commitment`: the unqualified-commitment detector. A claim is
//   who (we, the product, you, a passive subject) + certainty (will, 'll, going to, guaranteed to)
//   + an outcome verb of a configured class (deliver, install, save, double, ...)
//   + optionally a deadline (by Friday, within 24 hours) or a quantity (40%, 2x).
// It skips negated claims ("will not"); the writer's own next action ("I'll send the quote"),
// hedges, reported speech and the like are left to the rule's `unless` guards.
import { PhraseSet, type PhraseMatch } from '../../text/phrase-set.js';
import type { Token } from '../../text/tokens.js';
import type { Lexicon } from '../../rules/lexicon.js';
import { dedupe } from '../match.js';
import type { RuleKind, RuleMatch } from '../rule.js';
import type { SentenceContext } from '../sentence.js';
import { CLAUSE_BREAKS } from '../../text/grammar.js';

/** Words that may stand between the modal and the main verb ("will also be fully ..."). */
const BRIDGE = new Set([
  'be',
  'been',
  'have',
  'get',
  'also',
  'all',
  'both',
  'able',
  'to',
  'definitely',
  'certainly',
  'absolutely',
  'easily',
  'fully',
  'completely',
  'quickly',
  'immediately',
  'instantly',
  'surely',
  'now',
  'then',
  'still',
  'actually',
  'really',
  'even',
  'just',
  'personally',
  'make',
  'sure',
  'that',
  'it',
  'them',
  'you',
  'your',
]);
const CLAUSE_BREAK = CLAUSE_BREAKS.commitment;
const SUBJECT_BREAK = CLAUSE_BREAKS.commitmentSubject;
const MULTIPLIER_VERBS = new Set(['double', 'triple', 'quadruple', 'halve', 'multiply']);
const NUMBER_WORDS = new Set([
  'twice',
  'half',
  'double',
  'triple',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'twelve',
  'fifteen',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'hundred',
  'thousand',
  'million',
  'dozens',
  'hundreds',
  'thousands',
  'millions',
  'x',
  'percent',
]);
const IMMEDIATE_TIME = new Set(['tomorrow', 'tonight', 'today', 'overnight', 'asap', 'eod', 'eow']);

interface Claim {
  subjectStart: number;
  subject: string;
  subjectClass: string | undefined;
  verb: PhraseMatch<string>;
}

export const commitmentKind: RuleKind = {
  name: 'commitment',
  docs: 'an unqualified commitment: a subject, a certain modal (will, going to, guaranteed to) and a verb of the given classes',
  captures: ['subject', 'modal', 'verb', 'deadline', 'quantity'],
  guards: '[hedged, negated, reported, past, quoted, question, own-action, conditional]',
  scaffold: `# commitment: who (subjects) + will / going to / guaranteed to + a verb of these classes.
# Verb classes: delivery, outcome, roadmap (rules/lexicon/verbs.yaml), or plain verbs.
verbs: [delivery]
# Subject classes: we, product, customer, passive (rules/lexicon/subjects.yaml).
subjects: [we, product, passive]
# What the claim must also name to be flagged: none, deadline, quantity, deadline-or-quantity.
requires: deadline
`,
  compile(def, { lexicon }) {
    // "<passive>" in `verbs`: any passive "be + past participle" counts as a delivery verb
    // ("will be credentialed by June"), except the business's own routine (lexicon verb class
    // `routine`: billed, deleted, notified, ...).
    const passive = (def.verbs ?? []).includes(PASSIVE);
    const verbs = lexicon.verbs((def.verbs ?? []).filter((v) => v !== PASSIVE));
    const verbSet = new PhraseSet<string>();
    for (const v of verbs) verbSet.add(v, v, true);
    const routine = passive && lexicon.hasVerbClass('routine') ? new PhraseSet<string>() : undefined;
    if (routine) for (const v of lexicon.verbs(['routine'])) routine.add(v, v, true);
    const passiveVerb = passive ? { routine } : undefined;
    const subjectClasses = def.subjects ?? ['we', 'product', 'customer', 'passive'];
    const subjectSet = new PhraseSet<string>();
    for (const cls of subjectClasses) for (const s of lexicon.subjects([cls])) subjectSet.add(s, cls);
    const requires = def.requires ?? 'none';
    return {
      triggers: [
        { phrases: lexicon.data.modals.certainty, inflect: false },
        { phrases: [...verbs, ...beRemainders(verbs), ...(passive ? ['be'] : [])], inflect: true },
        // A required deadline is lexical too: "will" + a delivery verb alone is everyday prose.
        ...(requires === 'deadline' ? [{ phrases: deadlineTriggers(lexicon), inflect: false }] : []),
      ],
      needsTags: true,
      mayMatch: (s) => mayClaim(s, lexicon, verbSet, passive, requires),
      match(s) {
        const out: RuleMatch[] = [];
        for (const modal of lexicon.certainty.findAll(s.tokens)) {
          const claim = findClaim(s, modal, verbSet, subjectSet, lexicon, subjectClasses, passiveVerb);
          if (!claim) continue;
          const after = claim.verb.end;
          const deadline =
            findDeadline(s.tokens, after, lexicon) ?? leadingDeadline(s.tokens, claim.subjectStart, lexicon);
          const quantity = findQuantity(s.tokens, claim.subjectStart, after, claim.verb.value);
          if (requires === 'deadline' && !deadline) continue;
          if (requires === 'quantity' && !quantity) continue;
          if (requires === 'deadline-or-quantity' && !deadline && !quantity) continue;
          const endToken = Math.max(after, deadline && deadline[0] >= after ? deadline[1] : 0);
          const start = s.tokens[modal.start]!.start;
          const end = s.tokens[endToken - 1]!.end;
          out.push({
            start,
            end,
            tokenStart: modal.start,
            tokenEnd: endToken,
            captures: {
              match: s.text.slice(start, end),
              subject: claim.subject,
              modal: s.text.slice(start, s.tokens[modal.end - 1]!.end),
              verb: s.text.slice(s.tokens[claim.verb.start]!.start, s.tokens[claim.verb.end - 1]!.end),
              deadline: deadline ? s.text.slice(s.tokens[deadline[0]]!.start, s.tokens[deadline[1] - 1]!.end) : '',
              quantity: quantity ?? '',
            },
          });
        }
        return dedupe(out);
      },
    };
  },
};

/**
 * The lexical part of findClaim and the deadline test, with every tag-based test taken as
 * passing: a certainty word not negated, then a delivery verb in its clause (the tagger may end
 * the search earlier, never later), and for `requires: deadline` a deadline after one of those
 * verbs or at the start of the sentence. A sentence that fails is never tagged for this rule.
 */
function mayClaim(
  s: SentenceContext,
  lexicon: Lexicon,
  verbSet: PhraseSet<string>,
  passive: boolean,
  requires: string,
): boolean {
  const tokens = s.tokens;
  for (const modal of lexicon.certainty.findAll(tokens)) {
    const next = tokens[modal.end]?.norm;
    if (next === 'not' || next === 'never' || next === 'no') continue;
    if (modal.start === 0 && s.text.trimEnd().endsWith('?')) continue;
    // A deadline opening the sentence serves every verb of this claim.
    const leading =
      requires === 'deadline' && findDeadline(tokens, firstWord(tokens), lexicon, modal.start) !== undefined;
    for (let j = modal.end; j < Math.min(tokens.length, modal.end + 10); j++) {
      if (CLAUSE_BREAK.has(tokens[j]!.norm)) break;
      const found =
        verbSet.matchAt(tokens, j).at(-1) ??
        beAdverb(tokens, j, verbSet) ??
        (passive ? lexicalPassive(tokens, j) : undefined);
      if (!found) continue;
      if (requires !== 'deadline' || leading || findDeadline(tokens, found.end, lexicon)) return true;
    }
  }
  return false;
}

/** anyPassive without the tags: "be (fully) <word in -ed/-en/...>". */
function lexicalPassive(tokens: readonly Token[], j: number): PhraseMatch<string> | undefined {
  if (tokens[j]?.norm !== 'be') return undefined;
  let k = j + 1;
  if (BE_ADVERBS.has(tokens[k]?.norm ?? '')) k++;
  const t = tokens[k];
  if (!t || t.type !== 'word' || !/(ed|en|wn|lt|ne)$/.test(t.norm)) return undefined;
  return { start: j, end: k + 1, value: `be ${t.norm}` };
}

/** The first token that is not punctuation. */
function firstWord(tokens: readonly Token[]): number {
  let from = 0;
  while (from < tokens.length && tokens[from]!.type === 'punct') from++;
  return from;
}

function findClaim(
  s: SentenceContext,
  modal: PhraseMatch<string>,
  verbSet: PhraseSet<string>,
  subjectSet: PhraseSet<string>,
  lexicon: Lexicon,
  subjectClasses: string[],
  passiveVerb?: { routine: PhraseSet<string> | undefined },
): Claim | undefined {
  const tokens = s.tokens;
  // "will not", "won't", "will never": not a commitment (absolute rules look at "never").
  const next = tokens[modal.end]?.norm;
  if (next === 'not' || next === 'never' || next === 'no') return undefined;
  // A modal that is a noun ("the will of", "free will") is not a claim.
  const modalTags = s.tags(modal.start);
  if (modalTags.size > 0 && modalTags.has('Noun') && !modalTags.has('Modal') && !modalTags.has('Verb'))
    return undefined;
  // A question ("Will it ship by Friday?") asks, it does not promise.
  if (modal.start === 0 && s.text.trimEnd().endsWith('?')) return undefined;

  let verb: PhraseMatch<string> | undefined;
  for (let j = modal.end; j < Math.min(tokens.length, modal.end + 10); j++) {
    const t = tokens[j]!;
    if (CLAUSE_BREAK.has(t.norm)) break;
    // "will be fully compliant", "will be completely finished": the adverb does not hide "be compliant"
    const found =
      verbSet.matchAt(tokens, j).at(-1) ??
      beAdverb(tokens, j, verbSet) ??
      (passiveVerb ? anyPassive(s, j, passiveVerb.routine) : undefined);
    // right after the modal, a base form is a verb whatever the tagger says ("will close 20% more")
    if (found && (j === modal.end || isVerbLike(s, j, found.value))) {
      verb = found;
      break;
    }
    const tags = s.tags(j);
    const isMainVerb = tags.has('Verb') && !tags.has('Auxiliary') && !tags.has('Copula') && !BRIDGE.has(t.norm);
    if (isMainVerb) break;
  }
  if (!verb) return undefined;

  // The subject: the nearest subject phrase before the modal, within its clause.
  let subjectStart = modal.start;
  let subject = '';
  let subjectClass: string | undefined;
  for (let i = modal.start - 1; i >= Math.max(0, modal.start - 5); i--) {
    if (SUBJECT_BREAK.has(tokens[i]!.norm)) break;
    const m = subjectSet.matchAt(tokens, i).find((x) => x.end <= modal.start);
    if (m) {
      subjectStart = m.start;
      subject = s.text.slice(tokens[m.start]!.start, tokens[modal.start - 1]!.end);
      subjectClass = m.value;
    }
  }
  const passive = verb.value.startsWith('be ') || tokens[verb.start - 1]?.norm === 'be';
  if (!subjectClass && !(passive && subjectClasses.includes('passive'))) {
    // A noun right before the modal is a subject too ("Permits will be approved").
    const prev = modal.start > 0 ? s.tags(modal.start - 1) : undefined;
    if (!prev || !(prev.has('Noun') || prev.has('Pronoun'))) return undefined;
    if (!subjectClasses.includes('passive') && !subjectClasses.includes('product')) return undefined;
    subjectStart = modal.start - 1;
    subject = tokens[modal.start - 1]!.text;
  }
  return { subjectStart, subject, subjectClass, verb };
}

const PASSIVE = '<passive>';

/** "be (fully) credentialed": be + a past participle the lexicon does not list. */
function anyPassive(
  s: SentenceContext,
  j: number,
  routine: PhraseSet<string> | undefined,
): PhraseMatch<string> | undefined {
  const tokens = s.tokens;
  if (tokens[j]?.norm !== 'be') return undefined;
  let k = j + 1;
  if (BE_ADVERBS.has(tokens[k]?.norm ?? '')) k++;
  const t = tokens[k];
  if (!t || t.type !== 'word' || !/(ed|en|wn|lt|ne)$/.test(t.norm)) return undefined;
  const tags = s.tags(k);
  if (!(tags.has('PastTense') || tags.has('Participle')) || tags.has('Adjective')) return undefined;
  if (routine && routine.matchAt(tokens, k).length > 0) return undefined;
  return { start: j, end: k + 1, value: `be ${t.norm}` };
}

const BE_ADVERBS = new Set([
  'fully',
  'completely',
  'totally',
  'entirely',
  'all',
  'also',
  'definitely',
  'certainly',
  'properly',
  'officially',
  '100%',
]);

/** "be fully compliant" read as "be compliant" (the match still spans the adverb). Only for
 * "be X" entries whose X is a word of its own (5+ letters), which are then triggers too: the
 * prefilter must see a trigger in every sentence this can match. */
function beAdverb(tokens: readonly Token[], j: number, verbSet: PhraseSet<string>): PhraseMatch<string> | undefined {
  if (tokens[j]?.norm !== 'be' || !BE_ADVERBS.has(tokens[j + 1]?.norm ?? '')) return undefined;
  const view = [tokens[j]!, ...tokens.slice(j + 2, j + 8)];
  const m = verbSet.matchAt(view, 0).at(-1);
  if (!m || !BE_REMAINDER.test(m.value)) return undefined;
  return { start: j, end: j + m.end + 1, value: m.value };
}

const BE_REMAINDER = /^be [a-z-]{5,}$/;

/** The X of every "be X" verb that beAdverb may find with an adverb in between. */
function beRemainders(verbs: string[]): string[] {
  return verbs.filter((v) => BE_REMAINDER.test(v)).map((v) => v.slice(3));
}

/** The verb must be used as a verb (not "the install", "a ship"); phrases with be/have/get pass. */
function isVerbLike(s: SentenceContext, index: number, value: string): boolean {
  if (/^(be|have|get|go|pay|roll|turn|set|hand|speed|free|break) /.test(value)) return true;
  const tags = s.tags(index);
  if (tags.size === 0) return true;
  return tags.has('Verb') || tags.has('Infinitive') || tags.has('PastTense') || tags.has('Participle');
}

/** A deadline after the verb: "by Friday", "within 24 hours", "in two weeks", "tomorrow", "Thursday morning". */
function findDeadline(
  tokens: readonly Token[],
  from: number,
  lexicon: Lexicon,
  limitTo = tokens.length,
): [number, number] | undefined {
  const limit = Math.min(limitTo, from + 12);
  for (let j = from; j < limit; j++) {
    const t = tokens[j]!;
    if (t.norm === ';' || (t.norm === '.' && !isAbbreviation(tokens, j)) || t.norm === 'but') break;
    if (IMMEDIATE_TIME.has(t.norm)) return [j, j + 1];
    // "by the time you reopen", "in time for the launch", "before you open", "ahead of your
    // launch": a deadline set by an event in the customer's plan (a named date after it wins)
    const event = eventDeadline(tokens, j);
    if (event) return timeAfter(tokens, event[1], lexicon) ?? event;
    const word = lexicon.deadlineWords.matchAt(tokens, j).at(-1);
    if (!word) {
      // a named day or month standing alone: "will arrive Monday afternoon"
      if (t.capitalized && j > 0) {
        const noun = lexicon.timeNouns.matchAt(tokens, j).at(-1);
        if (noun && NAMED_TIME.test(t.norm)) return [j, extendTime(tokens, noun.end, lexicon)];
      }
      continue;
    }
    for (let k = word.end; k < Math.min(tokens.length, word.end + 4); k++) {
      const u = tokens[k]!;
      if (u.type === 'punct' && u.norm !== '/' && u.norm !== '-' && !(u.norm === '.' && isAbbreviation(tokens, k)))
        break;
      const noun = lexicon.timeNouns.matchAt(tokens, k).at(-1);
      if (noun) return [j, extendTime(tokens, noun.end, lexicon)];
      if (u.type === 'number' && /^\d{1,2}(st|nd|rd|th)?$/.test(u.norm) && k > word.end) return [j, k + 1];
      if (u.type === 'number' && /\d{4}|\d+\/\d+|^\d{1,2}:\d{2}$/.test(u.norm)) return [j, k + 1];
    }
  }
  return undefined;
}

/**
 * What every deadline findDeadline can find contains: an immediate time word, a time noun (a day,
 * a month, "weeks"), a number, or the words of an event deadline (by the time, in time for,
 * before you, ahead of). The prefilter's third group for `requires: deadline`.
 */
function deadlineTriggers(lexicon: Lexicon): string[] {
  return [...IMMEDIATE_TIME, ...lexicon.data.time.time_nouns, '<number>', 'time', 'before', 'ahead'];
}

function eventDeadline(tokens: readonly Token[], j: number): [number, number] | undefined {
  const w = (k: number): string => tokens[j + k]?.norm ?? '';
  if (w(0) === 'by' && w(1) === 'the' && w(2) === 'time') return [j, Math.min(tokens.length, j + 3)];
  if (w(0) === 'in' && w(1) === 'time' && w(2) === 'for') return [j, Math.min(tokens.length, j + 3)];
  if (w(0) === 'before' && /^(you|your|we|our|the)$/.test(w(1))) return [j, Math.min(tokens.length, j + 3)];
  if (w(0) === 'ahead' && w(1) === 'of' && /^(you|your|we|our|the)$/.test(w(2)))
    return [j, Math.min(tokens.length, j + 4)];
  return undefined;
}

/** A named time right after an event deadline ("in time for the March launch"): the deadline runs to it. */
function timeAfter(tokens: readonly Token[], from: number, lexicon: Lexicon): [number, number] | undefined {
  for (let k = from - 1; k < Math.min(tokens.length, from + 3); k++) {
    if (tokens[k]!.type === 'punct') return undefined;
    const noun = lexicon.timeNouns.matchAt(tokens, k).at(-1);
    if (noun) return [eventStart(tokens, from), extendTime(tokens, noun.end, lexicon)];
  }
  return undefined;
}

function eventStart(tokens: readonly Token[], end: number): number {
  for (let k = end - 1; k >= Math.max(0, end - 4); k--) if (/^(by|in|before|ahead)$/.test(tokens[k]!.norm)) return k;
  return Math.max(0, end - 3);
}

/** A deadline that opens the sentence, before the claim: "By Friday, we will ...", "Next quarter we're launching ...". */
function leadingDeadline(
  tokens: readonly Token[],
  subjectStart: number,
  lexicon: Lexicon,
): [number, number] | undefined {
  const from = firstWord(tokens);
  const d = findDeadline(tokens, from, lexicon, subjectStart);
  return d && d[0] <= from + 1 && d[1] <= subjectStart ? d : undefined;
}

/** Days, months, quarters and holidays: names that make a date on their own. */
const NAMED_TIME =
  /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day)?$|^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)|^q[1-4]$|^h[12]$|^christmas$/;

/** "Sept. 30th": the period of an abbreviated month does not end the deadline. */
function isAbbreviation(tokens: readonly Token[], dot: number): boolean {
  const prev = tokens[dot - 1];
  return (
    !!prev &&
    prev.type === 'word' &&
    prev.text.length <= 4 &&
    NAMED_TIME.test(prev.norm) &&
    dot + 1 < tokens.length &&
    tokens[dot + 1]!.type === 'number'
  );
}

/** Take in what completes a date: "Thursday morning", "June 3rd", "Sept. 30th", "14 November". */
function extendTime(tokens: readonly Token[], end: number, lexicon: Lexicon): number {
  let e = end;
  for (let k = e; k < Math.min(tokens.length, end + 3); k++) {
    const u = tokens[k]!;
    if (u.norm === '.' && isAbbreviation(tokens, k)) continue;
    if (u.type === 'number' && /^\d{1,4}(st|nd|rd|th)?$/.test(u.norm)) e = k + 1;
    else if (/^(st|nd|rd|th|morning|afternoon|evening|night|noon|eod)$/.test(u.norm)) e = k + 1;
    else if (lexicon.timeNouns.matchAt(tokens, k).length > 0 && NAMED_TIME.test(u.norm)) e = k + 1;
    else break;
  }
  return e;
}

/** A quantity in the claim: a number or percentage after the verb, or a multiplying verb. */
function findQuantity(tokens: readonly Token[], from: number, verbEnd: number, verb: string): string | undefined {
  if (MULTIPLIER_VERBS.has(verb)) return verb;
  for (let j = from; j < Math.min(tokens.length, verbEnd + 8); j++) {
    const t = tokens[j]!;
    if (t.norm === ';' || t.norm === '.') break;
    // "one of our technicians" counts people, it does not promise a quantity
    if (t.norm === 'one' && tokens[j + 1]?.norm === 'of') continue;
    if (t.norm === 'x' && tokens[j - 1]?.type !== 'number') continue;
    // "by a third", "by a quarter", "in half"
    if ((t.norm === 'third' || t.norm === 'quarter') && tokens[j - 1]?.norm === 'a' && tokens[j - 2]?.norm === 'by')
      return `a ${t.text}`;
    if (t.type === 'number' || NUMBER_WORDS.has(t.norm)) return t.text;
  }
  return undefined;
}
