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
import { CARDINALS, CLAUSE_BREAKS } from '../../text/grammar.js';
import {
  analyzeClaims,
  canAt,
  clauseAt,
  deadlineTriggers,
  durationTriggers,
  emphaticTriggers,
  findDeadline,
  findDuration,
  findEmphatic,
  findSpeedAdverb,
  findVagueFuture,
  firstWord,
  isQuestion,
  NAMED_TIME,
  leadingDeadline,
  leadingVague,
  scheduleTime,
  speedTriggers,
  vagueTriggers,
  type Span,
} from '../claim.js';

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
  'promptly',
  'swiftly',
  'rapidly',
  'speedily',
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
  // a vague future between the modal and the verb, which the tagger reads as a verb ("will soon add")
  'soon',
  'shortly',
  'finally',
  'officially',
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
  'zero',
  'double',
  'triple',
  'one',
  ...CARDINALS,
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
    const modelForms = MODEL_FORMS.filter((f) => forms.has(f));
    if (modelForms.length > 0) {
      if (modelForms.length !== forms.size)
        throw new Error(`certainty: ${modelForms.join(', ')} cannot be combined with other forms in one rule`);
      return compileModelForms(modelForms, verbs, verbSet, lexicon, requires);
    }
    const verbPhrases = [...verbs, ...beRemainders(verbs), ...(passive ? ['be'] : [])];
    const imperatives = forms.has('imperative') ? EXPECT_IMPERATIVES.map((p) => p.join(' ')) : [];
    // A scheduled claim's certainty is its verb's tense; an imperative's is the imperative.
    const certaintyWords = [
      ...(forms.has('modal') ? lexicon.data.modals.certainty : []),
      ...(forms.has('scheduled') || forms.has('present') ? verbPhrases : []),
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
              { phrases: certaintyWords, inflect: forms.has('scheduled') || forms.has('present') },
              { phrases: [...verbPhrases, ...imperatives], inflect: true },
            ]),
        ...(requires === 'duration' ? [{ phrases: durationTriggers(), inflect: false }] : []),
        // a speed adverb: a counted time ("within the hour") is the duration and deadline rules' claim
        ...(requires === 'speed' ? [{ phrases: speedTriggers(), inflect: false }] : []),
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
        (forms.has('present') && mayPresent(s.tokens, verbSet)) ||
        (forms.has('imperative') &&
          imperativeAt(s.tokens, firstWord(s.tokens)) > 0 &&
          scheduleTime(s.tokens, firstWord(s.tokens), lexicon, requires) !== undefined),
      match(s) {
        const out: RuleMatch[] = [];
        if (forms.has('scheduled') || forms.has('scheduled-any'))
          out.push(...scheduledClaims(s, verbSet, subjectSet, lexicon, requires, passive, forms.has('scheduled-any')));
        if (forms.has('imperative')) out.push(...imperativeClaims(s, lexicon, requires));
        if (forms.has('present')) out.push(...presentClaims(s, verbSet, subjectSet, requires));
        if (!forms.has('modal')) return dedupe(out);
        for (const modal of lexicon.certainty.findAll(s.tokens)) {
          const claim = findClaim(s, modal, verbSet, subjectSet, lexicon, subjectClasses, passiveVerb);
          if (!claim) continue;
          const after = claim.verb.end;
          const deadline =
            findDeadline(s.tokens, after, lexicon) ??
            leadingDeadline(s.tokens, claim.subjectStart, lexicon) ??
            (requires === 'time'
              ? (findVagueFuture(s.tokens, after) ??
                leadingVague(s.tokens, claim.subjectStart) ??
                // "We'll soon add ...": the vague future between the modal and the verb
                statusTime(s.tokens, { start: modal.end - 1, end: claim.verb.start }))
              : undefined);
          const quantity = findQuantity(s.tokens, claim.subjectStart, after, claim.verb.value);
          if (timeRequired && !deadline) continue;
          // a speed: the time must be a duration ("we'll call you back within 30 minutes")
          const duration =
            requires === 'duration'
              ? findDuration(s.tokens, after, 10)
              : requires === 'speed'
                ? findSpeedAdverb(s.tokens, modal.end, after + 8)
                : undefined;
          if ((requires === 'duration' || requires === 'speed') && !duration) continue;
          if (requires === 'quantity' && !quantity) continue;
          if (requires === 'deadline-or-quantity' && !deadline && !quantity) continue;
          const time = deadline ?? duration;
          const endToken = Math.max(after, time && time[0] >= after ? time[1] : 0);
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
              deadline: time ? s.text.slice(s.tokens[time[0]]!.start, s.tokens[time[1] - 1]!.end) : '',
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
      if (CLAUSE_BREAK.has(tokens[j]!.norm) && !inVerbSeries(tokens, modal.end, j)) break;
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
  for (let j = 0; j < t.length; j++) {
    const present = presentVerbAt(s, j, verbSet, passive);
    const progressive = present ? undefined : progressiveAt(s, j, verbSet);
    const known = present ?? progressive;
    // Any other verb in the present makes a schedule only with a completion deadline ("your
    // lawn is green by the weekend", "the certificates reach your drivers before noon"). It ends
    // at j + 1 (j + 2 for "is/are"); every test below that reads no tags goes first
    // (mayGenericSchedule): a sentence no position passes is never tagged (tagging is most of the
    // cost of a run).
    const v = known ?? (anyVerb && mayGenericSchedule(t, j, lexicon, requires) ? genericPresentAt(s, j) : undefined);
    if (!v) continue;
    const prev = t[j - 1];
    if (!prev || HABITUAL_ADVERB.has(prev.norm) || lexicon.certainty.matchAt(t, Math.max(0, j - 1)).length > 0)
      continue;
    // Modals and "to" before the verb belong to other forms ("will ship", "plan to ship").
    if (/^(will|would|can|could|may|might|should|must|to|shall|does|do|did)$/.test(prev.norm)) continue;
    // A release status names its own time: "is just around the corner", "is on its way".
    const d =
      scheduleTime(t, v.end, lexicon, requires) ??
      (requires === 'time' && v.value.startsWith('be ') ? statusTime(t, v) : undefined);
    if (!d || d[0] > v.end + 8) continue;
    // A release progressive with a named date ("launching the portal next quarter") is the
    // phrase rule roadmap-release-date's; here it needs a vague future ("coming soon").
    if (progressive && !anyVerb && findDeadline(t, v.end, lexicon)?.[0] === d[0]) continue;
    // "The meeting is on Friday": a time right after "is" dates a thing, it promises nothing.
    if (
      BE_PRESENT.has(t[j]!.norm) &&
      d[0] >= v.end &&
      !t.slice(j + 1, d[0]).some((x) => x.type === 'word' && !DATING.has(x.norm))
    )
      continue;
    // The subject last: finding it reads tags, and most positions fail the tests above.
    const subject = subjectBefore(s, j, subjectSet);
    if (!subject) continue;
    if (!known && !COMPLETION.has(t[d[0]]!.norm) && !yourSchedule(t, subject.start, j, v.end, d)) continue;
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

/**
 * The tests scheduledClaims applies to a verb of any class at j that read no tags, run before
 * genericPresentAt tags the sentence: all of them must pass for a claim there, so a sentence no
 * position passes is never tagged. (It mirrors the tests after genericPresentAt in scheduledClaims,
 * where its verb ends at j + 1, or j + 2 for "is/are".)
 */
function mayGenericSchedule(t: readonly Token[], j: number, lexicon: Lexicon, requires: string): boolean {
  const w = t[j]!;
  const prev = t[j - 1];
  if (w.type !== 'word' || !prev) return false;
  const be = BE_PRESENT.has(w.norm);
  if (!be && !/[^s]s$/.test(w.norm) && !/^(we|you|they)$/.test(prev.norm)) return false;
  if (HABITUAL_ADVERB.has(prev.norm) || lexicon.certainty.matchAt(t, Math.max(0, j - 1)).length > 0) return false;
  if (/^(will|would|can|could|may|might|should|must|to|shall|does|do|did)$/.test(prev.norm)) return false;
  const end = be ? j + 2 : j + 1;
  const d = scheduleTime(t, end, lexicon, requires);
  if (!d || d[0] > end + 8) return false;
  if (be && d[0] >= end && !t.slice(j + 1, d[0]).some((x) => x.type === 'word' && !DATING.has(x.norm))) return false;
  if (COMPLETION.has(t[d[0]]!.norm)) return true;
  // yourSchedule's word tests: "your" opening a subject of at most four words before the verb
  for (let i = Math.max(0, j - 4); i < j; i++)
    if (YOUR.has(t[i]!.norm)) return !ROUTINE_NOUNS.has(prev.norm) && !CALENDAR_VERBS.has(w.norm) && d[0] <= end + 4;
  return false;
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

const PREPOSITION = /^(on|for|of|in|with|to|from|about|at|into|over|than|by)$/;

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
    const nounish = (k: number): boolean => {
      const pt = s.tags(k);
      return pt.has('Noun') || pt.has('Adjective') || pt.has('Determiner') || pt.has('Possessive') || pt.has('Value');
    };
    const walk = (from: number): number => {
      let start = from;
      while (start > 0 && t[start - 1]!.type === 'word' && !SUBJECT_BREAK.has(t[start - 1]!.norm) && from - start < 3) {
        if (!nounish(start - 1)) break;
        start--;
      }
      return start;
    };
    let start = walk(j - 1);
    // "Live GPS tracking for your truck is coming", "Your crew of four arrives": a noun phrase
    // with its prepositional phrase, opening the clause, is the subject.
    let crossed = false;
    while (
      PREPOSITION.test(t[start - 1]?.norm ?? '') &&
      start >= 2 &&
      t[start - 2]!.type === 'word' &&
      s.tags(start - 2).has('Noun') &&
      j - start < 9
    ) {
      start = walk(start - 2);
      crossed = true;
    }
    // "save thousands on fleet repairs": a noun after a preposition is its object, not a subject
    if (PREPOSITION.test(t[start - 1]?.norm ?? '')) return undefined;
    if (crossed && start > firstWord(t) && t[start - 1]!.type === 'word' && !SUBJECT_BREAK.has(t[start - 1]!.norm))
      return undefined;
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

/**
 * The present outcome: the business or its product, in the present tense, doing something to the
 * customer's world that it cannot control ("we keep your costs low", "our movers make your move
 * stress-free", "our team delivers measurable growth"). No time is needed: the present states it
 * as what always happens. The subject must be the business ("we", "our <noun>") or a subject of
 * the rule's classes right before the verb; a possibility, help or purpose before the verb is the
 * rule's `unless`.
 */
function presentClaims(
  s: SentenceContext,
  verbSet: PhraseSet<string>,
  subjectSet: PhraseSet<string>,
  requires: string,
): RuleMatch[] {
  const t = s.tokens;
  const out: RuleMatch[] = [];
  for (let j = 1; j < t.length; j++) {
    const m = presentFormAt(t, j, verbSet);
    if (!m) continue;
    // `requires: speed`: the present states the speed of the work ("we fix it fast", "our crew
    // responds right away"); the time is found before the tags are read.
    const speed = requires === 'speed' ? findSpeedAdverb(t, m.end, m.end + 8) : undefined;
    if (requires === 'speed' && !speed) continue;
    const tags = s.tags(j);
    if (tags.size > 0 && !(tags.has('Verb') || tags.has('PresentTense') || tags.has('Infinitive'))) continue;
    const subject = ownSubjectBefore(t, j, subjectSet);
    if (subject === undefined) continue;
    out.push(
      claimMatch(s, subject, Math.max(m.end, speed?.[1] ?? 0), {
        modal: '',
        verb: s.text.slice(t[j]!.start, t[m.end - 1]!.end),
        subject: spanText(s, [subject, j]),
        deadline: speed ? spanText(s, speed) : '',
      }),
    );
  }
  return out;
}

/** A verb of the class at j in a finite present form: "keeps", "keep" after "we" or a plural. */
function presentFormAt(t: readonly Token[], j: number, verbSet: PhraseSet<string>): PhraseMatch<string> | undefined {
  const w = t[j]!;
  if (w.type !== 'word') return undefined;
  const m = verbSet.matchAt(t, j).at(-1);
  if (!m || m.value.startsWith('be ')) return undefined;
  const base = m.value.split(' ')[0]!;
  const third = base.endsWith('y')
    ? `${base.slice(0, -1)}ies`
    : /(s|sh|ch|x|z|o)$/.test(base)
      ? `${base}es`
      : `${base}s`;
  if (w.norm === third) return m;
  // the base form needs a plural subject right before it: "we keep", "our managed services keep"
  const prev = t[j - 1]!.norm;
  if (w.norm === base && (prev === 'we' || (/[^s]s$/.test(prev) && !CATENATIVE.has(prev)))) return m;
  return undefined;
}

/** Verbs in -s that take a bare verb after them: "helps keep" is help, not a plural's "keep". */
const CATENATIVE = new Set(['helps', 'lets', 'makes', 'aims', 'tries', 'needs', 'wants', 'works', 'seems', 'tends']);

/**
 * The start of the business's own subject ending right before j: a subject phrase of the rule's
 * classes, or "we" / "our" opening a noun phrase of at most four words ("our long distance
 * movers"). Nothing may break the clause in between.
 */
function ownSubjectBefore(t: readonly Token[], j: number, subjectSet: PhraseSet<string>): number | undefined {
  for (let i = j - 1; i >= Math.max(0, j - 5); i--) {
    const x = t[i]!;
    if (x.type !== 'word' || SUBJECT_BREAK.has(x.norm)) return undefined;
    if (subjectSet.matchAt(t, i).some((m) => m.end === j)) return i;
    if (x.norm === 'our' || (x.norm === 'we' && i === j - 1)) return i;
  }
  return undefined;
}

/** mayMatch for the present outcome: a verb of the class in a present form after a word. */
function mayPresent(tokens: readonly Token[], verbSet: PhraseSet<string>): boolean {
  for (let j = 1; j < tokens.length; j++) if (presentFormAt(tokens, j, verbSet)) return true;
  return false;
}

/** mayAnyScheduled: a completion deadline a schedule can end in ("by Friday", "before you open"). */
function mayAnyScheduled(tokens: readonly Token[], lexicon: Lexicon, requires: string): boolean {
  for (let j = 0; j < tokens.length; j++) {
    const w = tokens[j]!.norm;
    if ((COMPLETION.has(w) || YOUR.has(w)) && scheduleTime(tokens, j, lexicon, requires)) return true;
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
    if (BE_PRESENT.has(w)) end = j + 1;
    else if (/[^s]s$/.test(w) || w.endsWith('ing')) {
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
  // A question ("Will it ship by Friday?") asks, it does not promise.
  if (modal.start === 0 && s.text.trimEnd().endsWith('?')) return undefined;

  // The verb search below stops at a main verb, which reads tags; a verb it can find needs a
  // verb of the class, or "be", before the clause ends: without one, the claim fails by words.
  let possible = false;
  for (let j = modal.end; j < Math.min(tokens.length, modal.end + 10) && !possible; j++) {
    if (CLAUSE_BREAK.has(tokens[j]!.norm) && !inVerbSeries(tokens, modal.end, j)) break;
    possible = tokens[j]!.norm === 'be' || verbSet.matchAt(tokens, j).length > 0;
  }
  if (!possible) return undefined;

  let verb: PhraseMatch<string> | undefined;
  for (let j = modal.end; j < Math.min(tokens.length, modal.end + 10); j++) {
    const t = tokens[j]!;
    if (CLAUSE_BREAK.has(t.norm) && !inVerbSeries(tokens, modal.end, j)) break;
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
    if (isMainVerb && !(j + 1 < tokens.length && inVerbSeries(tokens, modal.end, j + 1))) break;
  }
  if (!verb) return undefined;
  // "Refunds will be processed within 10 days": a passive of the business's own procedure
  // (lexicon verb class `procedure`) states a policy, not a delivery.
  if (procedurePassive(tokens, verb, lexicon)) return undefined;

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
  // A modal that is a noun ("the will of", "free will") is not a claim. Tested last: it reads
  // tags, and most modals fail the word tests above first.
  const modalTags = s.tags(modal.start);
  if (modalTags.size > 0 && modalTags.has('Noun') && !modalTags.has('Modal') && !modalTags.has('Verb'))
    return undefined;
  return { subjectStart, subject, subjectClass, verb };
}

const PASSIVE = '<passive>';

/**
 * A series of bare verbs the modal governs: "will pick, pack, and ship your order Monday",
 * "we'll clean and seal the deck by Friday". At a comma or "and"/"or" at j, the search goes on
 * when every item since the modal is a single word.
 */
function inVerbSeries(tokens: readonly Token[], from: number, j: number): boolean {
  if (!/^(,|and|or)$/.test(tokens[j]!.norm)) return false;
  if (tokens[j]!.norm !== ',' && tokens[j - 1]?.norm === ',') return j - 1 > from && inVerbSeries(tokens, from, j - 1);
  let k = from;
  while (k < j) {
    if (tokens[k]!.type !== 'word' || /^(and|or)$/.test(tokens[k]!.norm)) return false;
    k++;
    // after each word: a comma, "and", "or" or ", and" before the next word
    if (k === j) return true;
    if (!/^(,|and|or)$/.test(tokens[k]!.norm)) return false;
    k++;
    if (tokens[k - 1]!.norm === ',' && /^(and|or)$/.test(tokens[k]?.norm ?? '')) k++;
  }
  return false;
}

const PROCEDURES = new WeakMap<Lexicon, PhraseSet<string> | null>();

/** "be processed", "be fully credited": a passive of a verb of the lexicon class `procedure`. */
function procedurePassive(tokens: readonly Token[], verb: PhraseMatch<string>, lexicon: Lexicon): boolean {
  let set = PROCEDURES.get(lexicon);
  if (set === undefined) {
    set = lexicon.hasVerbClass('procedure') ? new PhraseSet<string>() : null;
    if (set) for (const v of lexicon.verbs(['procedure'])) set.add(v, v, true);
    PROCEDURES.set(lexicon, set);
  }
  if (!set) return false;
  let k = verb.start - 1;
  if (BE_ADVERBS.has(tokens[k]?.norm ?? '')) k--;
  if (tokens[k]?.norm !== 'be') return false;
  const m = set.matchAt(tokens, verb.start).at(-1);
  return m !== undefined && tokens[verb.start]!.norm !== m.value;
}

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

// ---------------------------------------------------------------------------------------------
// Certainty without a modal, read from the claim model (engine/claim.ts): "can" with a time
// ("we can have a tech there in 90 minutes"), an emphatic marker with a time ("power back by 7,
// locked in", "Handover: 12 June (locked)"), and the bare fragment ("Permits approved within 10
// business days", "Technicians on site within 2 hours"). None of them reads tags.

const MODEL_FORMS = ['can', 'emphatic', 'fragment'] as const;
type ModelForm = (typeof MODEL_FORMS)[number];

/** Where a fragment puts the result, in place of a verb: "on site within 2 hours", "to your door in one hour". */
const PLACES: readonly (readonly string[])[] = [
  ['on', 'site'],
  ['onsite'],
  ['on', 'the', 'way'],
  ['on', 'its', 'way'],
  ['to', 'your', 'door'],
  ['at', 'your', 'door'],
  ['door', 'to', 'door'],
  ['in', 'your', 'inbox'],
  ['in', 'your', 'hands'],
  ['in', 'your', 'hand'],
  ['on', 'your', 'desk'],
  ['on', 'your', 'doorstep'],
  ['to', 'your', 'doorstep'],
  ['at', 'your', 'dock'],
  ['on', 'your', 'bench'],
  ['in', 'your', 'room'],
  ['at', 'your', 'property'],
  ['back', 'online'],
  ['back', 'up'],
  ['up', 'and', 'running'],
  // a service named by its noun: "Free roof inspection in 24 hours", "Senior roofer visit within 5 days"
  ['inspection'],
  ['visit'],
  ['callback'],
  ['call', 'back'],
  ['appraisal'],
  ['valuation'],
  ['quote'],
  ['estimate'],
  ['diagnosis'],
  ['survey'],
];
const MOVING = new Set(['arriving', 'delivering', 'shipping', 'dispatching']);
/** Participles of a customer's own step, not a delivery: "orders placed within 30 days". */
const CUSTOMER_STEP = new Set([
  'placed',
  'registered',
  'received',
  'made',
  'purchased',
  'ordered',
  'booked',
  'submitted',
  'requested',
  'filed',
  'paid',
  'signed',
  'tested',
]);
/** What before a participle makes it a finite verb or a clause of its own ("was delivered", "we shipped"). */
const FINITE_BEFORE = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'get',
  'gets',
  'got',
  "'s",
  "'re",
  'will',
  'would',
  'can',
  'could',
  'should',
  'may',
  'might',
  'must',
  'to',
  'we',
  'they',
  'i',
  'you',
  'he',
  'she',
  'it',
  'who',
  'which',
  'that',
  'not',
  'never',
  'typically',
  'usually',
  'normally',
  'often',
  'generally',
  'went',
  'came',
  'got',
  'arrived',
  'took',
  'made',
  'did',
]);

function compileModelForms(
  forms: readonly ModelForm[],
  verbs: readonly string[],
  verbSet: PhraseSet<string>,
  lexicon: Lexicon,
  requires: string,
): ReturnType<RuleKind['compile']> {
  const timeWords = (): string[] =>
    requires === 'duration'
      ? durationTriggers()
      : [...deadlineTriggers(lexicon), ...durationTriggers(), ...(requires === 'time' ? vagueTriggers() : [])];
  const groups: { phrases: string[]; inflect: boolean }[] = [];
  if (forms.length === 1 && forms[0] === 'can') groups.push({ phrases: ['can'], inflect: false });
  if (forms.length === 1 && forms[0] === 'emphatic')
    groups.push({ phrases: emphaticTriggers(lexicon), inflect: false });
  if (forms.length === 1 && forms[0] === 'fragment')
    groups.push({ phrases: [...verbs, ...PLACES.map((p) => p.join(' ')), 'from'], inflect: true });
  // The time is a trigger group when every form needs one (an emphatic claim may have a modal instead).
  if (requires !== 'none' && !forms.includes('emphatic')) groups.push({ phrases: timeWords(), inflect: false });
  return {
    triggers: groups.length > 0 && forms.length === 1 ? groups : null,
    needsTags: false,
    match(s) {
      const out: RuleMatch[] = [];
      if (forms.includes('can')) out.push(...canClaims(s, lexicon, requires));
      if (forms.includes('emphatic')) out.push(...emphaticClaims(s, verbSet, lexicon, requires));
      if (forms.includes('fragment')) out.push(...fragmentClaims(s, verbSet, lexicon, requires));
      return dedupe(out);
    },
  };
}

/** The time a model-form claim needs after token `from`. */
function modelTime(
  s: SentenceContext,
  from: number,
  lexicon: Lexicon,
  requires: string,
  window = 12,
): Span | undefined {
  if (requires === 'duration') return findDuration(s.tokens, from, window);
  return (
    findDuration(s.tokens, from, window) ??
    scheduleTime(s.tokens, from, lexicon, requires === 'time' ? 'time' : 'deadline')
  );
}

/** "we can have a tech there in 90 minutes", "can get the router swapped in 20 min". */
function canClaims(s: SentenceContext, lexicon: Lexicon, requires: string): RuleMatch[] {
  const t = s.tokens;
  const out: RuleMatch[] = [];
  const question = isQuestion(s);
  for (let i = 0; i < t.length; i++) {
    if (t[i]!.norm !== 'can') continue;
    const c = canAt(t, i, question);
    if (!c) continue;
    const d = modelTime(s, c[1], lexicon, requires);
    if (!d) continue;
    out.push(
      claimMatch(s, i, d[1], {
        modal: t[i]!.text,
        verb: spanText(s, [c[1] - 1, c[1]]),
        subject: '',
        deadline: spanText(s, d),
      }),
    );
  }
  return out;
}

/**
 * An emphatic marker and a time (or a certainty modal) in the same sentence, not across a
 * contrast: "yep 100% the plumber's there by 8 tmrw", "Delivery date: June 3 (locked in)",
 * "Your grant will be approved this round, I'm sure of it".
 */
function emphaticClaims(
  s: SentenceContext,
  verbSet: PhraseSet<string>,
  lexicon: Lexicon,
  requires: string,
): RuleMatch[] {
  const t = s.tokens;
  const markers = findEmphatic(t, lexicon);
  if (markers.length === 0 || isQuestion(s)) return [];
  const clauses = analyzeClaims(s);
  const out: RuleMatch[] = [];
  for (const m of markers) {
    // "100% agree", "for sure, let me check": agreement, not a claim
    if (/^(agree|agreed|understand|right|true|correct|with|behind|on)$/.test(t[m[1]]?.norm ?? '')) continue;
    const own = clauses.find((c) => m[0] >= c.start && m[0] < c.end);
    let time: Span | undefined;
    for (const c of clauses) {
      if (c !== own && (c.role === 'contrast' || own?.role === 'contrast')) continue;
      const found = c.times.find((x) => requires !== 'duration' || x.kind === 'duration');
      if (found && (!time || Math.abs(found.span[0] - m[0]) < Math.abs(time[0] - m[0]))) time = found.span;
    }
    if (!time && requires !== 'duration') {
      // a certainty modal instead of a time: "it'll be approved this round, I'm sure of it"
      const modal = lexicon.certainty
        .findAll(t)
        .find((x) => !/^(not|never|no)$/.test(t[x.end]?.norm ?? '') && t[x.start - 1]?.norm !== 'i');
      // ... and the modal carries a delivery or a result ("will be approved", "will prevent outages")
      if (modal && modalClaimVerb(t, modal.end, verbSet)) time = [modal.start, Math.min(t.length, modal.end + 1)];
    }
    if (!time) continue;
    const from = Math.min(m[0], time[0]);
    const to = Math.max(m[1], time[1]);
    out.push(
      claimMatch(s, from, to, {
        modal: spanText(s, m),
        verb: '',
        subject: '',
        deadline: spanText(s, time),
      }),
    );
  }
  return out;
}

/**
 * The bare fragment of a headline, bullet or table cell: a participle or a place with a time and
 * no finite verb ("Permits pulled in 48 hours", "Replacement spindles shipped within 24 hours",
 * "Technicians on site within 2 hours", "Prescription to your door in one hour").
 */
function fragmentClaims(
  s: SentenceContext,
  verbSet: PhraseSet<string>,
  lexicon: Lexicon,
  requires: string,
): RuleMatch[] {
  const t = s.tokens;
  const out: RuleMatch[] = [];
  for (let j = 0; j < t.length; j++) {
    let end = 0;
    const w = t[j]!.norm;
    const m = t[j]!.type === 'word' ? verbSet.matchAt(t, j).at(-1) : undefined;
    if (m && !m.value.startsWith('be ') && isParticiple(w, m.value)) end = m.end;
    if (!end) for (const p of PLACES) if (p.every((x, k) => t[j + k]?.norm === x)) end = j + p.length;
    if (!end) end = transformationAt(t, j);
    if (!end) continue;
    if (CUSTOMER_STEP.has(w) || finiteBefore(t, j)) continue;
    // A clause that opens with its subject is a sentence, not a fragment ("I'll send the estimate this evening").
    const who = clauseAt(analyzeClaims(s), j)?.who;
    if (who === 'writer' || who === 'we') continue;
    const d = modelTime(s, end, lexicon, requires, end - j === 1 && !m ? 3 : 6);
    if (!d) continue;
    out.push(claimMatch(s, j, d[1], { modal: '', verb: spanText(s, [j, end]), subject: '', deadline: spanText(s, d) }));
  }
  return out;
}

/**
 * A change of state in place of a verb: "From grimy to gleaming in 2 hours", "Go from a blank page
 * to a live site in 5 days". Returns the end of the "to" phrase (its first word), or 0.
 */
function transformationAt(t: readonly Token[], j: number): number {
  if (t[j]!.norm !== 'from' || t[j + 1]?.type !== 'word') return 0;
  for (let k = j + 2; k < Math.min(t.length, j + 6); k++) {
    if (t[k]!.type === 'punct') return 0;
    if (t[k]!.norm === 'to') return t[k + 1]?.type === 'word' ? k + 2 : 0;
  }
  return 0;
}

/** A participle or an -ing form of the verb: "shipped", "done", "arriving" (not "ships", "ship"). */
function isParticiple(w: string, base: string): boolean {
  const b = base.split(' ')[0]!;
  if (w === b || w.endsWith('s')) return false;
  // Of the -ing forms only motion reads as a fragment claim ("arriving within 20 min"); "building",
  // "training" are nouns as often as not.
  if (w.endsWith('ing')) return MOVING.has(w);
  return /(ed|en|wn|ne|lt|nt|id|ut|it|un|ck|ld|ht)$/.test(w);
}

/** Whether a finite verb or a subject stands before j in its clause (then it is no fragment). */
function finiteBefore(t: readonly Token[], j: number): boolean {
  for (let k = j - 1; k >= Math.max(0, j - 3); k--) {
    const w = t[k]!.norm;
    if (t[k]!.type === 'punct') return false;
    if (FINITE_BEFORE.has(w)) return true;
    if (w === 'and' || w === 'or') continue;
  }
  return false;
}

/** A verb of the rule's classes, or a passive, within a few words after a modal, in its clause. */
function modalClaimVerb(t: readonly Token[], from: number, verbSet: PhraseSet<string>): boolean {
  for (let j = from; j < Math.min(t.length, from + 6); j++) {
    if (CLAUSE_BREAK.has(t[j]!.norm)) return false;
    if (verbSet.matchAt(t, j).length > 0 || lexicalPassive(t, j)) return true;
  }
  return false;
}

/** A vague future inside the span of a verb or between a modal and its verb ("is nearly ready", "will soon add"). */
function statusTime(t: readonly Token[], v: { start: number; end: number }): [number, number] | undefined {
  const d = findVagueFuture(t, v.start + 1);
  return d && d[1] <= v.end ? d : undefined;
}

const YOUR = new Set(['your', 'ur']);
/** What the customer owns that runs on its own calendar: a date for it is a term, not a promise. */
const ROUTINE_NOUNS = new Set(
  (
    'subscription trial plan contract invoice payment bill account membership offer discount price rate promo ' +
    'promotion sale webinar meeting call appointment demo session statement renewal deadline deposit quote ' +
    'estimate reservation booking period term cover coverage warranty guarantee card order balance'
  ).split(' '),
);
/** Verbs of a calendar, not of work: "your trial ends Friday", "your plan renews on the 1st". */
const CALENDAR_VERBS = new Set(
  'ends expires renews closes lapses resets is are starts begins falls runs opens'.split(' '),
);

/**
 * "Your new furnace goes in Monday", "Your cruise sails 14 June": something of the customer's,
 * a present-tense verb and a named date right after it. The customer's own calendar ("your
 * trial ends Friday", "your plan renews on the 1st") is not a promise.
 */
function yourSchedule(
  t: readonly Token[],
  subjectStart: number,
  j: number,
  verbEnd: number,
  d: [number, number],
): boolean {
  if (!YOUR.has(t[subjectStart]!.norm) || j - subjectStart > 4) return false;
  if (ROUTINE_NOUNS.has(t[j - 1]!.norm) || CALENDAR_VERBS.has(t[j]!.norm)) return false;
  if (d[0] > verbEnd + 4) return false;
  return t
    .slice(d[0], d[1])
    .some(
      (x) => NAMED_TIME.test(x.norm) || /^\d{1,2}(st|nd|rd|th)$/.test(x.norm) || /^(tonight|tomorrow)$/.test(x.norm),
    );
}
