// `commitment`: the unqualified-commitment detector. A claim is
//   who (we, the product, you, a passive subject) + certainty + an outcome verb of a configured
//   class (deliver, install, save, double, ...) + optionally a deadline (by Friday, within 24
//   hours), a vague future (soon, next quarter) or a quantity (40%, 2x).
// Certainty takes three forms (`certainty:`): a modal (will, 'll, going to, guaranteed to); the
// scheduled present, a present-tense verb with a time ("the chiller ships Thursday", "your
// shelves are stocked by Wednesday"); and the imperative that tells the reader what to expect
// ("Expect the permits in your inbox by noon Friday"). The last two always need a time.
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
/** Imperatives that tell the reader what to expect, opening a clause. */
const EXPECT_IMPERATIVES: readonly (readonly string[])[] = [
  ['expect'],
  ['look', 'for'],
  ['watch', 'for'],
  ['count', 'on'],
  ['plan', 'on'],
  ['look', 'out', 'for'],
];
/** Present forms that make a scheduled "be X" claim ("is live", "are stocked"). */
const BE_PRESENT = new Set(['is', 'are', "'s", "'re"]);
/** Words before a time that make it a routine, not a date: "every Thursday", "each morning". */
const HABITUAL_TIME = new Set(['every', 'each', 'most', 'some', 'other', 'weekday', 'usual']);
/** Adverbs that make a present-tense verb a habit, not a schedule ("we usually ship Friday"). */
const HABITUAL_ADVERB = new Set([
  'usually',
  'typically',
  'normally',
  'generally',
  'often',
  'sometimes',
  'always',
  'never',
  'regularly',
  'routinely',
]);
/**
 * A vague future: "soon", "shortly", "later this year", "next quarter", "in the coming months",
 * "this spring", "before summer". For releases, where no date is given but one is implied.
 */
const VAGUE_FUTURE: readonly (readonly string[])[] = [
  ['soon'],
  ['shortly'],
  ['imminently'],
  ['later', 'this'],
  ['later', 'in'],
  ['later', 'next'],
  ['next', 'year'],
  ['next', 'quarter'],
  ['next', 'month'],
  ['next', 'season'],
  ['next', 'release'],
  ['next', 'version'],
  ['next', 'update'],
  ['in', 'the', 'coming'],
  ['in', 'the', 'next', 'release'],
  ['in', 'the', 'next', 'version'],
  ['in', 'the', 'next', 'update'],
  ['this', 'spring'],
  ['this', 'summer'],
  ['this', 'fall'],
  ['this', 'autumn'],
  ['this', 'winter'],
  ['this', 'year'],
  ['in', 'the', 'spring'],
  ['in', 'the', 'summer'],
  ['in', 'the', 'fall'],
  ['in', 'the', 'autumn'],
  ['in', 'the', 'winter'],
  ['before', 'summer'],
  ['before', 'spring'],
  ['before', 'winter'],
  ['before', 'the', 'end', 'of'],
  ['by', 'year', 'end'],
  ['early', 'next'],
  ['later', 'this', 'year'],
  ['any', 'day', 'now'],
  ['in', 'a', 'future', 'release'],
  ['in', 'an', 'upcoming'],
];

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
    const forms = new Set(def.certainty ?? ['modal']);
    const verbPhrases = [...verbs, ...beRemainders(verbs), ...(passive ? ['be'] : [])];
    const imperatives = forms.has('imperative') ? EXPECT_IMPERATIVES.map((p) => p.join(' ')) : [];
    // A scheduled claim's certainty is its verb's tense; an imperative's is the imperative.
    const certaintyWords = [
      ...(forms.has('modal') ? lexicon.data.modals.certainty : []),
      ...(forms.has('scheduled') ? verbPhrases : []),
      ...imperatives,
    ];
    // With any present verb the certainty and verb groups cannot be named: only the time can.
    const anyVerb = forms.has('scheduled-any');
    const timeRequired = requires === 'deadline' || requires === 'time';
    return {
      triggers: [
        ...(anyVerb
          ? []
          : [
              { phrases: certaintyWords, inflect: forms.has('scheduled') },
              { phrases: [...verbPhrases, ...imperatives], inflect: true },
            ]),
        // A required deadline is lexical too: "will" + a delivery verb alone is everyday prose.
        ...(timeRequired
          ? [
              {
                phrases: [...deadlineTriggers(lexicon), ...(requires === 'time' ? vagueTriggers() : [])],
                inflect: false,
              },
            ]
          : []),
      ],
      needsTags: true,
      mayMatch: (s) =>
        (forms.has('modal') && mayClaim(s, lexicon, verbSet, passive, requires)) ||
        (forms.has('scheduled-any') && mayAnyScheduled(s.tokens, lexicon, requires)) ||
        (forms.has('scheduled') && mayScheduled(s.tokens, verbSet, lexicon, requires)) ||
        (forms.has('imperative') &&
          imperativeAt(s.tokens, firstWord(s.tokens)) > 0 &&
          scheduleTime(s.tokens, firstWord(s.tokens), lexicon, requires) !== undefined),
      match(s) {
        const out: RuleMatch[] = [];
        if (forms.has('scheduled') || forms.has('scheduled-any'))
          out.push(...scheduledClaims(s, verbSet, subjectSet, lexicon, requires, passive, forms.has('scheduled-any')));
        if (forms.has('imperative')) out.push(...imperativeClaims(s, lexicon, requires));
        if (!forms.has('modal')) return dedupe(out);
        for (const modal of lexicon.certainty.findAll(s.tokens)) {
          const claim = findClaim(s, modal, verbSet, subjectSet, lexicon, subjectClasses, passiveVerb);
          if (!claim) continue;
          const after = claim.verb.end;
          const deadline =
            findDeadline(s.tokens, after, lexicon) ??
            leadingDeadline(s.tokens, claim.subjectStart, lexicon) ??
            (requires === 'time'
              ? (findVagueFuture(s.tokens, after) ?? leadingVague(s.tokens, claim.subjectStart))
              : undefined);
          const quantity = findQuantity(s.tokens, claim.subjectStart, after, claim.verb.value);
          if (timeRequired && !deadline) continue;
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

/** The time a scheduled or imperative claim needs: a deadline, or with `requires: time` a vague future. */
function scheduleTime(
  tokens: readonly Token[],
  from: number,
  lexicon: Lexicon,
  requires: string,
): [number, number] | undefined {
  const d = findDeadline(tokens, from, lexicon) ?? (requires === 'time' ? findVagueFuture(tokens, from) : undefined);
  if (!d || habitualTime(tokens, d)) return undefined;
  return d;
}

/** "every Thursday", "on Thursdays", "each morning": a routine, not a date. */
function habitualTime(tokens: readonly Token[], d: [number, number]): boolean {
  for (let k = Math.max(0, d[0] - 1); k < d[1]; k++) if (HABITUAL_TIME.has(tokens[k]!.norm)) return true;
  const last = tokens[d[1] - 1]!.norm;
  return /^(mon|tues|wednes|thurs|fri|satur|sun)days$|^(mornings|evenings|weekends|nights)$/.test(last);
}

/** A vague future after `from`, within the clause. */
function findVagueFuture(tokens: readonly Token[], from: number): [number, number] | undefined {
  for (let j = from; j < Math.min(tokens.length, from + 12); j++) {
    if (CLAUSE_BREAK.has(tokens[j]!.norm) && tokens[j]!.norm !== 'and') break;
    for (const p of VAGUE_FUTURE) if (p.every((w, k) => tokens[j + k]?.norm === w)) return [j, j + p.length];
  }
  return undefined;
}

/** A vague future opening the sentence: "Later this year, the portal gets ...". */
function leadingVague(tokens: readonly Token[], subjectStart: number): [number, number] | undefined {
  const from = firstWord(tokens);
  const d = findVagueFuture(tokens, from);
  return d && d[0] <= from + 1 && d[1] <= subjectStart ? d : undefined;
}

function vagueTriggers(): string[] {
  return [...new Set(VAGUE_FUTURE.map((p) => p[0]!))];
}

/** Length of an expect-imperative at token i ("expect", "look for"), or 0. */
function imperativeAt(tokens: readonly Token[], i: number): number {
  for (const p of EXPECT_IMPERATIVES) if (p.every((w, k) => tokens[i + k]?.norm === w)) return p.length;
  return 0;
}

/**
 * "Expect the permits in your inbox by noon Friday", "Look for the crew on site Monday": the
 * reader told what to expect, and when. Only at the start of the sentence (after a polite "So,"
 * or "Please"): "what to expect" or "we expect" elsewhere is not an imperative.
 */
function imperativeClaims(s: SentenceContext, lexicon: Lexicon, requires: string): RuleMatch[] {
  const t = s.tokens;
  let i = firstWord(t);
  while (i < t.length && /^(so|please|and|just|then|now)$/.test(t[i]!.norm)) i++;
  while (i < t.length && t[i]!.type === 'punct') i++;
  const n = imperativeAt(t, i);
  if (!n) return [];
  // "Expect delays", "expect to pay": not a promise of delivery.
  if (/^(to|delays?|some|a\s*few|longer|slower)$/.test(t[i + n]?.norm ?? '')) return [];
  const d = scheduleTime(t, i + n, lexicon, requires);
  if (!d) return [];
  return [
    claimMatch(s, i, d[1], {
      modal: s.text.slice(t[i]!.start, t[i + n - 1]!.end),
      verb: s.text.slice(t[i]!.start, t[i + n - 1]!.end),
      subject: '',
      deadline: spanText(s, d),
    }),
  ];
}

/**
 * The scheduled present: a subject, a present-tense verb of the rule's class and a time after it
 * ("Your portal opens to all staff on the 15th", "Trucks roll out Monday", "the unit is running by
 * the weekend"). A habit is not a schedule: "we ship every Thursday", "we usually ship Friday".
 */
function scheduledClaims(
  s: SentenceContext,
  verbSet: PhraseSet<string>,
  subjectSet: PhraseSet<string>,
  lexicon: Lexicon,
  requires: string,
  passive: boolean,
  anyVerb: boolean,
): RuleMatch[] {
  const t = s.tokens;
  const out: RuleMatch[] = [];
  // The tests that read no tags come first: most positions fail them, and a sentence no position
  // passes is never tagged (tagging is most of the cost of a run).
  const completionAfter = (end: number): boolean => {
    const d = scheduleTime(t, end, lexicon, requires);
    return d !== undefined && d[0] <= end + 8 && COMPLETION.has(t[d[0]]!.norm);
  };
  for (let j = 0; j < t.length; j++) {
    const prev = t[j - 1];
    if (!prev || HABITUAL_ADVERB.has(prev.norm) || lexicon.certainty.matchAt(t, Math.max(0, j - 1)).length > 0)
      continue;
    // Modals and "to" before the verb belong to other forms ("will ship", "plan to ship").
    if (/^(will|would|can|could|may|might|should|must|to|shall|does|do|did)$/.test(prev.norm)) continue;
    const present = presentVerbAt(s, j, verbSet, passive);
    const progressive = present ? undefined : progressiveAt(s, j, verbSet);
    const known = present ?? progressive;
    // Any other verb in the present makes a schedule only with a completion deadline ("your
    // lawn is green by the weekend", "the certificates reach your drivers before noon"); one
    // other than "is/are" ends at j + 1.
    const generic = anyVerb && completionAfter(BE_PRESENT.has(t[j]!.norm) ? j + 2 : j + 1);
    const v = known ?? (generic ? genericPresentAt(s, j) : undefined);
    if (!v) continue;
    const d = scheduleTime(t, v.end, lexicon, requires);
    if (!d || d[0] > v.end + 8) continue;
    if (!known && !COMPLETION.has(t[d[0]]!.norm)) continue;
    // A release progressive with a named date ("launching the portal next quarter") is the
    // phrase rule roadmap-release-date's; here it needs a vague future ("coming soon").
    if (progressive && !anyVerb && findDeadline(t, v.end, lexicon)?.[0] === d[0]) continue;
    // "The meeting is on Friday": a time right after "is" dates a thing, it promises nothing.
    if (BE_PRESENT.has(t[j]!.norm) && !t.slice(j + 1, d[0]).some((x) => x.type === 'word' && !DATING.has(x.norm)))
      continue;
    const subject = subjectBefore(s, j, subjectSet);
    if (!subject) continue;
    out.push(
      claimMatch(s, subject.start, d[1], {
        modal: '',
        verb: s.text.slice(t[j]!.start, t[v.end - 1]!.end),
        subject: spanText(s, [subject.start, j]),
        deadline: spanText(s, d),
      }),
    );
  }
  return out;
}

/** The present-tense verb of the rule's class at j: "ships", "opens", "is live", "are stocked". */
function presentVerbAt(
  s: SentenceContext,
  j: number,
  verbSet: PhraseSet<string>,
  passive: boolean,
): PhraseMatch<string> | undefined {
  const t = s.tokens;
  const w = t[j]!.norm;
  if (BE_PRESENT.has(w)) {
    // "is live" read through the lexicon's "be live"; "are stocked" as any passive
    const view = [{ ...t[j]!, norm: 'be' }, ...t.slice(j + 1, j + 6)];
    const m = verbSet.matchAt(view, 0).at(-1);
    if (m && m.value.startsWith('be ')) return { start: j, end: j + m.end, value: m.value };
    if (passive) {
      const k = BE_ADVERBS.has(t[j + 1]?.norm ?? '') ? j + 2 : j + 1;
      const p = t[k];
      if (p && p.type === 'word' && /(ed|en|wn|lt)$/.test(p.norm) && !s.tags(k).has('Adjective'))
        return { start: j, end: k + 1, value: `be ${p.norm}` };
    }
    return undefined;
  }
  if (t[j]!.type !== 'word' || !/[^s]s$/.test(w)) return undefined;
  const m = verbSet.matchAt(t, j).at(-1);
  if (!m || m.value.startsWith('be ')) return undefined;
  const base = m.value.split(' ')[0]!;
  if (w === base) return undefined;
  const tags = s.tags(j);
  if (tags.size > 0 && !(tags.has('Verb') || tags.has('PresentTense'))) return undefined;
  // "fleet repairs this year", "your installs": a plural noun, not a verb
  const prevTags = s.tags(j - 1);
  if (tags.has('Plural') || prevTags.has('Possessive') || prevTags.has('Determiner') || prevTags.has('Adjective'))
    return undefined;
  return m;
}

/** Words between "is" and a time that only date a thing: "is on Friday", "is scheduled for Monday". */
const DATING = new Set([
  'on',
  'in',
  'at',
  'for',
  'up',
  'back',
  'there',
  'due',
  'scheduled',
  'set',
  'planned',
  'booked',
  'pencilled',
  'penciled',
  'also',
  'still',
  'now',
  'then',
  'from',
  'until',
  'till',
  'open',
  'closed',
  'the',
]);

/** Deadline words that set a completion date ("by Friday", "before you open", "within a week"). */
const COMPLETION = new Set(['by', 'before', 'within', 'no', 'ahead']);

/** A finite present-tense verb or "is/are + complement" at j, whatever its class (needs tags). */
function genericPresentAt(s: SentenceContext, j: number): PhraseMatch<string> | undefined {
  const t = s.tokens;
  const w = t[j]!;
  if (w.type !== 'word') return undefined;
  if (BE_PRESENT.has(w.norm)) {
    // "is green by", "are on every desk by": a complement of one to four words before the time
    const next = t[j + 1];
    if (!next || next.type !== 'word' || /^(not|no|going|about|able)$/.test(next.norm)) return undefined;
    return { start: j, end: j + 2, value: 'be' };
  }
  // The word test before the tag test, so most words never need the sentence tagged.
  if (!/[^s]s$/.test(w.norm) && !/^(we|you|they)$/.test(t[j - 1]?.norm ?? '')) return undefined;
  const tags = s.tags(j);
  if (!tags.has('PresentTense') || tags.has('Auxiliary') || tags.has('Modal') || tags.has('Copula')) return undefined;
  // A word in -s after a possessive or adjective is a plural noun more often than a verb
  // ("your repeat orders by 25%", "fleet repairs this year").
  const prevTags = s.tags(j - 1);
  if (/[^s]s$/.test(w.norm) && (prevTags.has('Adjective') || prevTags.has('Possessive') || prevTags.has('Determiner')))
    return undefined;
  if (/[^s]s$/.test(w.norm) && s.tags(j).has('Plural')) return undefined;
  return { start: j, end: j + 1, value: w.norm };
}

/**
 * The progressive future: "Offline mode is coming in the spring", "We're rolling it out next
 * quarter", and the headline without "is" ("Dark mode coming soon"). The -ing form of a verb of
 * the rule's class.
 */
function progressiveAt(s: SentenceContext, j: number, verbSet: PhraseSet<string>): PhraseMatch<string> | undefined {
  const t = s.tokens;
  const at = BE_PRESENT.has(t[j]!.norm) ? j + 1 : j;
  const w = t[at];
  if (!w || w.type !== 'word' || !w.norm.endsWith('ing')) return undefined;
  const m = verbSet.matchAt(t, at).at(-1);
  if (!m || m.value.startsWith('be ')) return undefined;
  // Without "is", only where the -ing word follows its noun directly ("Dark mode coming soon").
  if (at === j && (j === 0 || t[j - 1]!.type !== 'word')) return undefined;
  return { start: j, end: m.end, value: m.value };
}

/** The subject right before a scheduled verb: a subject phrase of the rule's classes, or a noun. */
function subjectBefore(s: SentenceContext, j: number, subjectSet: PhraseSet<string>): { start: number } | undefined {
  const t = s.tokens;
  for (let i = j - 1; i >= Math.max(0, j - 5); i--) {
    if (SUBJECT_BREAK.has(t[i]!.norm)) break;
    const m = subjectSet.matchAt(t, i).find((x) => x.end === j);
    if (m) return { start: m.start };
  }
  const tags = s.tags(j - 1);
  // "Trucks roll out Monday", "The replacement chiller ships Thursday"; "I" is the writer's own step.
  if (t[j - 1]!.norm === 'i') return undefined;
  if (tags.has('Noun') || tags.has('Pronoun') || tags.has('ProperNoun')) {
    let start = j - 1;
    while (start > 0 && t[start - 1]!.type === 'word' && !SUBJECT_BREAK.has(t[start - 1]!.norm) && j - start < 4) {
      const pt = s.tags(start - 1);
      if (!(pt.has('Noun') || pt.has('Adjective') || pt.has('Determiner') || pt.has('Possessive') || pt.has('Value')))
        break;
      start--;
    }
    // "save thousands on fleet repairs": a noun after a preposition is its object, not a subject
    if (/^(on|for|of|in|with|to|from|about|at|into|over|than|by)$/.test(t[start - 1]?.norm ?? '')) return undefined;
    return { start };
  }
  return undefined;
}

function spanText(s: SentenceContext, [a, b]: [number, number]): string {
  return b > a ? s.text.slice(s.tokens[a]!.start, s.tokens[b - 1]!.end) : '';
}

function claimMatch(
  s: SentenceContext,
  from: number,
  to: number,
  c: { modal: string; verb: string; subject: string; deadline: string },
): RuleMatch {
  const start = s.tokens[from]!.start;
  const end = s.tokens[to - 1]!.end;
  return {
    start,
    end,
    tokenStart: from,
    tokenEnd: to,
    captures: { match: s.text.slice(start, end), ...c, quantity: '' },
  };
}

/** mayAnyScheduled: a completion deadline a schedule can end in ("by Friday", "before you open"). */
function mayAnyScheduled(tokens: readonly Token[], lexicon: Lexicon, requires: string): boolean {
  for (let j = 1; j < tokens.length; j++) {
    const w = tokens[j]!.norm;
    if (COMPLETION.has(w) && scheduleTime(tokens, j, lexicon, requires)) return true;
  }
  return false;
}

/** mayClaim for the scheduled present: a verb of the class in an -s form or after is/are, then a time. */
function mayScheduled(
  tokens: readonly Token[],
  verbSet: PhraseSet<string>,
  lexicon: Lexicon,
  requires: string,
): boolean {
  for (let j = 1; j < tokens.length; j++) {
    const w = tokens[j]!.norm;
    let end = -1;
    if (BE_PRESENT.has(w)) end = j + 2;
    else if (/[^s]s$/.test(w)) {
      const m = verbSet.matchAt(tokens, j).at(-1);
      if (m) end = m.end;
    }
    if (end > 0 && scheduleTime(tokens, Math.min(end, tokens.length), lexicon, requires)) return true;
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
