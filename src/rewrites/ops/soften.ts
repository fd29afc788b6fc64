// `soften`: turn a certain modal into an expectation, agreeing with who makes the claim.
//   We will deliver / We'll deliver / We're going to deliver -> We expect to deliver
//   Your team will be trained      -> Your team can expect to be trained
//   The layout will double / is set to double -> The layout is expected to double
//   We can guarantee delivery       -> We expect delivery
// A phrase for the subject's class comes from the step (defaults above); its first verb is
// conjugated for a singular subject ("Our team aims to"), and {be} becomes am/is/are.
import { beFor, clauseOf, subjectBefore, type Person } from '../analysis.js';
import { thirdSingular } from '../language.js';
import type { SoftenSpec } from '../../rules/rewrite-spec.js';
import { emptyResult, inCaseOf, type OpInput, type OpResult } from './common.js';

export const SOFTEN_DEFAULTS: Required<SoftenSpec> = { we: 'expect to', customer: 'can expect to', other: '{be} expected to' };

const BE = new Set(['is', 'are', 'am', "'s", 'was', 'were']);
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
  if (found.length === 0) return undefined;
  const [clauseStart, clauseEnd] = clauseOf(s, match.tokenStart);
  // The certainty phrase of the claim: at the match, else the nearest one in the clause.
  const inClause = found.filter((f) => f.start >= clauseStart && f.start < clauseEnd);
  const modal =
    inClause.find((f) => f.start === match.tokenStart) ??
    inClause.find((f) => f.start >= match.tokenStart && f.start < match.tokenEnd) ??
    inClause.filter((f) => f.start < match.tokenStart).at(-1);
  if (!modal) return undefined;
  let a = modal.start;
  let b = modal.end;
  const phraseNorm = t.slice(a, b).map((x) => x.norm).join(' ');
  // "is going to", "'re set to", "are guaranteed to": the be-verb goes too.
  if (NEEDS_BE.has(t[a]!.norm) && a > 0 && (BE.has(t[a - 1]!.norm) || t[a - 1]!.norm === 'am')) a--;
  while (b < t.length && INTENSIFIERS.has(t[b]!.norm)) b++;
  // "will be able to": keep "be able to" after the new phrase.
  let keep = '';
  const ableAt = t.slice(modal.start, modal.end).findIndex((x) => x.norm === 'able');
  if (ableAt > 0) keep = ' be able to';
  const subject = subjectBefore(s, a, match.captures.subject || undefined);
  const base = subject.cls === 'we' ? spec.we : subject.cls === 'customer' ? spec.customer : spec.other;
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
