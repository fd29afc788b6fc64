// `soften`: turn a certain modal into an expectation, agreeing with who makes the claim.
//   We will deliver / We'll deliver / We're going to deliver -> We expect to deliver
//   Your team will be trained      -> Your team can expect to be trained
//   The layout will double / is set to double -> The layout is expected to double
//   We can guarantee delivery       -> We expect delivery
// A phrase for the subject's class comes from the step (defaults above); its first verb is
// conjugated for a singular subject ("Our team aims to"), and {be} becomes am/is/are.
import { beFor, claimVerb, clauseOf, subjectBefore, type Person } from '../analysis.js';
import { baseForm, thirdSingular } from '../language.js';
import type { SoftenSpec } from '../../rules/rewrite-spec.js';
import { emptyResult, inCaseOf, type OpInput, type OpResult } from './common.js';
import { BE_FORMS, wordSet } from '../../text/grammar.js';
import { splitClauses } from '../../text/clauses.js';

export const SOFTEN_DEFAULTS: Required<SoftenSpec> = {
  we: 'expect to',
  customer: 'can expect to',
  other: '{be} expected to',
};

const BE = wordSet(BE_FORMS);
const NEEDS_BE = new Set(['going', 'gonna', 'set', 'due', 'certain', 'sure', 'bound', 'guaranteed']);
const INTENSIFIERS = new Set(['definitely', 'certainly', 'absolutely', 'surely', 'totally', 'really']);
/** Certainty phrases followed by a clause or a noun, not by a verb ("promise that", "can guarantee"). */
const CLAUSE_FORM = /^(promise you|promise that|can promise|can guarantee|guarantee that|guarantee you)$/;
const MODAL_START = /^(can|could|should|may|might|would|will|must)\b/i;

export function softenSpec(spec: true | string | SoftenSpec): Required<SoftenSpec> {
  if (spec === true) return SOFTEN_DEFAULTS;
  if (typeof spec === 'string') return { we: spec, customer: spec, other: spec };
  return { ...SOFTEN_DEFAULTS, ...spec };
}

/** The phrase agreed with the subject: {be} -> is/are/am; a leading verb conjugated for he/she/it. */
export function agree(phrase: string, person: Person): string {
  let p = phrase.replace(/\{be\}/g, beFor(person));
  if (person === '3s' && !MODAL_START.test(p) && !/^(is|are|am)\b/.test(p)) {
    const m = /^([a-z]+)(.*)$/i.exec(p);
    if (m) p = thirdSingular(m[1]!) + m[2]!;
  }
  return p;
}

export function soften(input: OpInput, raw: true | string | SoftenSpec): OpResult | undefined {
  const spec = softenSpec(raw);
  const { s, match } = input;
  const t = s.tokens;
  const found = s.lexicon.certainty.findAll(t);
  const [clauseStart, clauseEnd] = clauseOf(s, match.tokenStart);
  // The certainty phrase of the claim: at the match, else the nearest one in the clause.
  const inClause = found.filter((f) => f.start >= clauseStart && f.start < clauseEnd);
  const modal =
    inClause.find((f) => f.start === match.tokenStart) ??
    inClause.find((f) => f.start >= match.tokenStart && f.start < match.tokenEnd) ??
    inClause.filter((f) => f.start < match.tokenStart).at(-1);
  if (!modal) return presentTense(input, spec);
  let a = modal.start;
  let b = modal.end;
  const phraseNorm = t
    .slice(a, b)
    .map((x) => x.norm)
    .join(' ');
  // "is going to", "'re set to", "are guaranteed to": the be-verb goes too.
  if (NEEDS_BE.has(t[a]!.norm) && a > 0 && (BE.has(t[a - 1]!.norm) || t[a - 1]!.norm === 'am')) a--;
  while (b < t.length && INTENSIFIERS.has(t[b]!.norm)) b++;
  // "will be able to": keep "be able to" after the new phrase.
  let keep = '';
  const ableAt = t.slice(modal.start, modal.end).findIndex((x) => x.norm === 'able');
  if (ableAt > 0) keep = ' be able to';
  const subject = subjectBefore(s, a, match.captures.subject || undefined);
  const base = phraseFor(s, subject, spec);
  let phrase = agree(base, subject.person);
  if (CLAUSE_FORM.test(phraseNorm)) {
    phrase = phrase.replace(/\s+to$/, '');
    if (/that$/.test(phraseNorm)) phrase += ' that';
  } else phrase += keep;
  const start = t[a]!.start;
  const end = t[b - 1]!.end;
  let text = inCaseOf(s.text.slice(start, end), phrase);
  if (/^['’]/.test(t[a]!.text)) text = ` ${text}`;
  const r = emptyResult();
  r.edits.push({ start, end, text });
  return r;
}

const WEEKDAYS = /^(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day)?s?$|^(?:wednes|satur)days?$/;
const ADJECTIVE_LIKE = new Set(['live', 'ready', 'open', 'online', 'done', 'free', 'available', 'up', 'good']);

/**
 * The phrase for who makes the claim: "we" expect, "you" can expect, anything else (the
 * customer's things included: "Your storage vault") is expected.
 */
function phraseFor(
  s: OpInput['s'],
  subject: { start: number; end: number; cls: string },
  spec: Required<SoftenSpec>,
): string {
  if (subject.cls === 'we') return spec.we;
  const words = s.tokens.slice(subject.start, subject.end).map((x) => x.norm);
  const you = words.length === 1 && words[0] === 'you';
  return subject.cls === 'customer' && you ? spec.customer : spec.other;
}

/** Present-tense verbs a claim can be stated with ("moves", "ships", "is live"); never past forms. */
const PRESENT = /^(?:is|are|am|'s|'re|[a-z]+s|[a-z]+)$/i;

/**
 * A claim stated in the plain present, with no modal ("Your first load moves Monday", "SSO ships
 * in March", "your internet is live before lunch"): the verb becomes the expectation and its base
 * form ("is expected to move", "is currently planned to ship", "is expected to be live").
 */
function presentTense(input: OpInput, spec: Required<SoftenSpec>): OpResult | undefined {
  const { s, match } = input;
  const t = s.tokens;
  const v = claimVerb(s, match.tokenStart, match.tokenEnd);
  if (v < 0) return undefined;
  const tok = t[v]!;
  const tags = s.tags(v);
  if (!PRESENT.test(tok.text) || tags.has('PastTense') || tags.has('Gerund') || tags.has('Participle'))
    return undefined;
  if (tags.has('Imperative') || (v === 0 && !/s$/i.test(tok.text) && !BE.has(tok.norm))) return undefined;
  // "Fiber live in 24 hrs": an adjective the tagger read as a verb.
  if (ADJECTIVE_LIKE.has(tok.norm)) return undefined;
  // The claim is in the main clause, not in the condition before it ("As soon as you return ...").
  const clauses = splitClauses(t);
  if (clauses.find((c) => c.start <= v && v < c.end)?.role === 'condition') return undefined;
  const next = t[v + 1];
  if (next && /^(?:not|n't|never)$/.test(next.norm)) return undefined;
  const subject = subjectBefore(s, v, match.captures.subject || undefined);
  // "We can have an engineer on site in an hour": "can" states the claim as a capability.
  if (tok.norm === 'can' && next && next.type === 'word') {
    const base = phraseFor(s, subject, spec);
    const r = emptyResult();
    r.edits.push({ start: tok.start, end: tok.end, text: inCaseOf(tok.text, agree(base, subject.person)) });
    return r;
  }
  // Other modals and auxiliaries belong to the modal form above; "has been", "does not": leave them.
  if (/^(?:can|could|should|may|might|would|will|must|do|does|did|has|have|had|was|were)$/.test(tok.norm))
    return undefined;
  const isBe = BE.has(tok.norm) || tok.norm === "'s" || tok.norm === "'re";
  // The verb's own form tells the subject's number ("Quotes ... go out", "your ads are live").
  const person: Person =
    subject.cls === 'we' || subject.person === '1s'
      ? subject.person
      : // "Onboarding complete in 48 hours": an -ing head is one activity, whatever the verb says.
        (subject.end > subject.start && /ing$/i.test(t[subject.end - 1]!.text)) ||
          /^(?:is|'s)$/.test(tok.norm) ||
          (!isBe && /[^s]s$/i.test(tok.text))
        ? '3s'
        : 'pl';
  const phrase = agree(phraseFor(s, subject, spec), person);
  // "is coming to", "are launching": the progressive's verb takes the base form ("planned to come").
  const ing = isBe && next && next.type === 'word' && /ing$/i.test(next.text) && s.tags(v + 1).has('Gerund');
  const verb = ing ? baseForm(next.text) : isBe ? 'be' : baseForm(tok.text);
  if (ing && verb === next.text) return undefined;
  const r = emptyResult();
  const lead = /^['’]/.test(tok.text) ? ' ' : '';
  // "arrives Tuesday" reads as a timetable; "expected to arrive on Tuesday" needs its "on".
  const after = t[(ing ? v + 1 : v) + 1];
  const on = verb.toLowerCase() === 'arrive' && after && WEEKDAYS.test(after.norm) ? ' on' : '';
  r.edits.push({
    start: tok.start,
    end: ing ? next.end : tok.end,
    text: `${lead}${inCaseOf(tok.text, phrase)} ${verb}${on}`,
  });
  // "moves Monday and delivers Tuesday": a verb coordinated with it takes the base form too.
  const [, clauseEnd] = clauseOf(s, v);
  for (let k = v + 2; k < Math.min(clauseEnd + 3, t.length); k++) {
    const x = t[k]!;
    // "and delivers Tuesday", or a list of steps with no subject of their own ("loads Weds, delivers Fri").
    const joined = t[k - 1]!.norm === 'and' || (t[k - 1]!.norm === ',' && k - 1 >= clauseEnd);
    if (!joined || !/[^s]s$/i.test(x.text) || !s.tags(k).has('Verb') || s.tags(k).has('Noun')) continue;
    r.edits.push({ start: x.start, end: x.end, text: baseForm(x.text) });
    break;
  }
  return r;
}
