// The clause-level claim model (issue 16): what a clause claims, computed once per sentence and
// read by the rule kinds, instead of each kind re-deriving it. For every clause of a sentence
// (text/clauses.ts): who it is about, the certainty it is stated with (a modal, "can" with a
// time, an emphatic marker, a bare fragment), the time it names (a deadline, a duration, a vague
// future) and where those words stand. YAML rules still choose what to flag and how to say it;
// this module only finds the grammar. It reads no tags: everything here is lexical and cheap.
import type { Token } from '../text/tokens.js';
import type { Lexicon } from '../rules/lexicon.js';
import { PhraseSet } from '../text/phrase-set.js';
import {
  CARDINALS,
  CLAUSE_BREAKS,
  CAN_HEDGES,
  CLOCK_FOLLOWERS,
  MERIDIEM_WORDS,
  PAST_PERIOD_WORDS,
  DURATION_UNITS,
  SLANG_TIME,
  SPEED_ADVERBS,
  SPEED_ADVERB_DENIERS,
} from '../text/grammar.js';
import type { SentenceContext } from './sentence.js';
import type { ClauseRole } from '../text/clauses.js';

const CLAUSE_BREAK = CLAUSE_BREAKS.commitment;
const CLOCKS: ReadonlySet<string> = new Set(CLOCK_FOLLOWERS);
const MERIDIEM: ReadonlySet<string> = new Set(MERIDIEM_WORDS);
const PAST_PERIOD: ReadonlySet<string> = new Set(PAST_PERIOD_WORDS);

/** A token span [start, end). */
export type Span = [number, number];

export type TimeKind = 'deadline' | 'duration' | 'vague';

export interface ClaimTime {
  span: Span;
  kind: TimeKind;
}

export type Who = 'we' | 'customer' | 'writer' | 'other' | 'none';

/** One clause, as a claim. */
export interface ClauseClaim {
  start: number;
  end: number;
  role: ClauseRole;
  /** Who the clause is about, from its first words. */
  who: Who;
  /** Emphatic certainty markers in the clause ("for sure", "100%", "(locked)", "count on it"). */
  emphatic: Span[];
  /** Every time the clause names, in order. */
  times: ClaimTime[];
}

export const IMMEDIATE_TIME: ReadonlySet<string> = new Set([
  'tomorrow',
  'tonight',
  'today',
  'overnight',
  'asap',
  'eod',
  'eow',
  ...SLANG_TIME,
]);

/** Words before a time that make it a routine, not a date: "every Thursday", "each morning". */
const HABITUAL_TIME = new Set([
  'every',
  'each',
  'most',
  'some',
  'other',
  'weekday',
  'usual',
  // a frequency before the time: "paid monthly by the 15th", "backed up nightly by 2am"
  'daily',
  'nightly',
  'weekly',
  'fortnightly',
  'monthly',
  'quarterly',
  'annually',
  'yearly',
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
  ['in', 'the', 'next', 'few'],
  ['in', 'the', 'next', 'couple'],
  ['around', 'the', 'corner'],
  ['on', 'its', 'way'],
  ['on', 'their', 'way'],
  ['nearly', 'ready'],
  ['nearly', 'here'],
  ['almost', 'ready'],
  ['almost', 'here'],
  ['in', 'the', 'pipeline'],
  ['in', 'the', 'works'],
  ['any', 'day'],
  ['before', 'long'],
];

/** The time a scheduled or imperative claim needs: a deadline, or with `requires: time` a vague future. */
export function scheduleTime(
  tokens: readonly Token[],
  from: number,
  lexicon: Lexicon,
  requires: string,
): [number, number] | undefined {
  const d = findDeadline(tokens, from, lexicon) ?? (requires === 'time' ? findVagueFuture(tokens, from) : undefined);
  if (!d || habitualTime(tokens, d)) return undefined;
  return d;
}

/** "every Thursday", "on Thursdays", "each morning", "on Friday nights": a routine, not a date. */
export function habitualTime(tokens: readonly Token[], d: [number, number]): boolean {
  for (let k = Math.max(0, d[0] - 1); k < d[1]; k++) if (HABITUAL_TIME.has(tokens[k]!.norm)) return true;
  const last = tokens[d[1] - 1]!.norm;
  if (/^(mon|tues|wednes|thurs|fri|satur|sun)days$|^(mornings|afternoons|evenings|weekends|nights)$/.test(last))
    return true;
  // A deadline that ends at a day whose plural part of the day follows ("on Friday nights",
  // "by Sunday evenings"): the day names which ones, the plural makes it a routine.
  return NAMED_TIME.test(last) && /^(mornings|afternoons|evenings|nights)$/.test(tokens[d[1]]?.norm ?? '');
}

const POSSESSIVE = new Set(['our', 'your', 'their', 'his', 'her', 'its', 'my']);

/** A vague future after `from`, within the clause. */
export function findVagueFuture(tokens: readonly Token[], from: number): [number, number] | undefined {
  for (let j = from; j < Math.min(tokens.length, from + 12); j++) {
    if (CLAUSE_BREAK.has(tokens[j]!.norm) && tokens[j]!.norm !== 'and') break;
    for (const p of VAGUE_FUTURE) if (p.every((w, k) => tokens[j + k]?.norm === w)) return [j, j + p.length];
  }
  return undefined;
}

/** A vague future opening the sentence: "Later this year, the portal gets ...". */
export function leadingVague(tokens: readonly Token[], subjectStart: number): [number, number] | undefined {
  const from = firstWord(tokens);
  const d = findVagueFuture(tokens, from);
  return d && d[0] <= from + 1 && d[1] <= subjectStart ? d : undefined;
}

export function vagueTriggers(): string[] {
  return [...new Set(VAGUE_FUTURE.map((p) => p[0]!))];
}

/** The first token that is not punctuation. */
export function firstWord(tokens: readonly Token[]): number {
  let from = 0;
  while (from < tokens.length && tokens[from]!.type === 'punct') from++;
  return from;
}

/** A deadline after the verb: "by Friday", "within 24 hours", "in two weeks", "tomorrow", "Thursday morning". */
export function findDeadline(
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
        if (noun && NAMED_TIME.test(t.norm)) {
          // "12 June", "3rd March": the day before the month belongs to the date
          const day = j > 0 && /^\d{1,2}(st|nd|rd|th)?$/.test(tokens[j - 1]!.norm) ? j - 1 : j;
          return [day, extendTime(tokens, noun.end, lexicon)];
        }
      }
      continue;
    }
    // "over the last 12 months", "within the past year": a period looked back on, not a deadline
    if (PAST_PERIOD.has(tokens[word.end]?.norm ?? '') || PAST_PERIOD.has(tokens[word.end + 1]?.norm ?? '')) continue;
    // "your next month free", "our first week": a period owned is a thing, not a deadline
    if (POSSESSIVE.has(tokens[j - 1]?.norm ?? '') && /^(next|this|first)$/.test(t.norm)) continue;
    // "covered by our 2-year guarantee", "by our 24/7 team": "by" naming who, not when
    if (t.norm === 'by' && POSSESSIVE.has(tokens[word.end]?.norm ?? '') && tokens[word.end + 1]?.type === 'number')
      continue;
    for (let k = word.end; k < Math.min(tokens.length, word.end + 4); k++) {
      const u = tokens[k]!;
      if (u.type === 'punct' && u.norm !== '/' && u.norm !== '-' && !(u.norm === '.' && isAbbreviation(tokens, k)))
        break;
      const noun = lexicon.timeNouns.matchAt(tokens, k).at(-1);
      // "AM"/"PM" make a time only after a clock figure ("by 9 AM"), not "rated A++ by AM Best"
      if (noun && MERIDIEM.has(u.norm) && tokens[k - 1]?.type !== 'number') continue;
      if (noun) return [j, extendTime(tokens, noun.end, lexicon)];
      if (u.type === 'number' && /^\d{1,2}(st|nd|rd|th)?$/.test(u.norm) && k > word.end) return [j, k + 1];
      // "by 9", "by 3.", "by 7 sharp": a clock time right after "by" (not "by 8%", "by 3 points")
      if (u.type === 'number' && k === word.end && t.norm === 'by' && /^(\d|1[0-2])(:\d\d)?$/.test(u.norm)) {
        const after = tokens[k + 1];
        if (!after || (after.type === 'punct' && !/^[/\-–]$/.test(after.norm)) || CLOCKS.has(after.norm))
          return [j, after && CLOCKS.has(after.norm) ? k + 2 : k + 1];
      }
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
export function deadlineTriggers(lexicon: Lexicon): string[] {
  return [...IMMEDIATE_TIME, ...lexicon.data.time.time_nouns, '<number>', 'time', 'before', 'ahead'];
}

function eventDeadline(tokens: readonly Token[], j: number): [number, number] | undefined {
  const w = (k: number): string => tokens[j + k]?.norm ?? '';
  if (w(0) === 'by' && w(1) === 'the' && w(2) === 'time') return [j, Math.min(tokens.length, j + 3)];
  if (w(0) === 'in' && w(1) === 'time' && w(2) === 'for') return [j, Math.min(tokens.length, j + 3)];
  // "before you open", "before our launch": a date set by an event; "before we close it up" is
  // only the order of our own steps
  if (w(0) === 'before' && /^(you|your|our|the)$/.test(w(1))) return [j, Math.min(tokens.length, j + 3)];
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
export function leadingDeadline(
  tokens: readonly Token[],
  subjectStart: number,
  lexicon: Lexicon,
): [number, number] | undefined {
  const from = firstWord(tokens);
  const d = findDeadline(tokens, from, lexicon, subjectStart);
  return d && d[0] <= from + 1 && d[1] <= subjectStart ? d : undefined;
}

/** Days, months, quarters and holidays: names that make a date on their own. */
export const NAMED_TIME =
  /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day)?$|^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)|^q[1-4]$|^h[12]$|^christmas$/;

/** "Sept. 30th": the period of an abbreviated month does not end the deadline. */
export function isAbbreviation(tokens: readonly Token[], dot: number): boolean {
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
export function extendTime(tokens: readonly Token[], end: number, lexicon: Lexicon): number {
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
// ---------------------------------------------------------------------------------------------
// Durations: the time a speed is counted in

const UNITS: ReadonlySet<string> = new Set(DURATION_UNITS);
/** Words that may stand between "in"/"within" and a unit: "in just under 2 hours", "within a single day". */
const DURATION_FILLERS = new Set([
  'a',
  'an',
  'one',
  'the',
  'single',
  'just',
  'only',
  'under',
  'less',
  'than',
  'as',
  'little',
  'few',
  'couple',
  'of',
  'business',
  'working',
  'calendar',
  'full',
]);
/** Nouns a duration describes rather than counts ("a 2-hour window", "90-minute sessions"). */
const EVENT_NOUNS = new Set([
  'session',
  'sessions',
  'window',
  'windows',
  'slot',
  'slots',
  'call',
  'calls',
  'meeting',
  'meetings',
  'appointment',
  'appointments',
  'class',
  'classes',
  'course',
  'courses',
  'lesson',
  'lessons',
  'block',
  'blocks',
  'shift',
  'shifts',
  'consultation',
  'workshop',
  'workshops',
  'webinar',
  'demo',
  'trial',
  'break',
  'drive',
  'walk',
  'ride',
  'flight',
  'program',
  'programme',
  'period',
  'cycle',
  'sprint',
  'increments',
  'chunks',
]);
const DURATION_PREPS = new Set(['in', 'within', 'inside', 'under', 'over']);
const COUNT_WORDS = new Set([...CARDINALS, 'sixty', 'ninety', 'half', 'an', 'a']);
/** Where a duration search stops: the end of the clause (a comma does not end it). */
const DURATION_STOP = new Set([
  '—',
  '–',
  '(',
  ')',
  ':',
  ';',
  '.',
  '!',
  '?',
  'but',
  'if',
  'unless',
  'once',
  'when',
  'because',
  'although',
  'though',
  'while',
]);

/**
 * A duration or an immediate time after `from`, in the clause: "in 90 minutes", "within the hour",
 * "inside 48 hours", "over a single weekend", "in five working days", "today", "tomorrow morning",
 * "the same afternoon", "this afternoon", "by end of day", "on 2 hrs notice".
 */
export function findDuration(tokens: readonly Token[], from: number, window = 10): Span | undefined {
  const limit = Math.min(tokens.length, from + window);
  for (let j = from; j < limit; j++) {
    const w = tokens[j]!.norm;
    if (DURATION_STOP.has(w)) return undefined;
    const d = durationAt(tokens, j);
    if (d) return d;
  }
  return undefined;
}

/** A duration starting at token j, or undefined. */
export function durationAt(tokens: readonly Token[], j: number): Span | undefined {
  const w = tokens[j]!.norm;
  const at = (k: number): string => tokens[k]?.norm ?? '';
  // "asap" promises no time ("we'll get back to you ASAP")
  if (IMMEDIATE_TIME.has(w) && w !== 'asap') {
    // "today's", "tomorrow's": a time, still; "every day" is a habit (never reaches here)
    let e = j + 1;
    if (/^(morning|afternoon|evening|night|am|pm)$/.test(at(e))) e++;
    return [j, e];
  }
  if ((w === 'same' || w === 'this') && /^(day|afternoon|evening|morning|night|week|hour)$/.test(at(j + 1))) {
    // "on the same day as the survey": a date, not a speed
    if (at(j + 2) === 'as' || at(j + 2) === 'that') return undefined;
    return [j, j + 2];
  }
  if (w === 'end' && at(j + 1) === 'of' && /^(day|play|business)$/.test(at(j + 2))) return [j, j + 3];
  if (
    tokens[j]!.type === 'number' &&
    /^(hrs?|hours?|days?|mins?|minutes?)$/.test(at(j + 1)) &&
    /^(notice|turnaround)$/.test(at(j + 2))
  )
    return [j, j + 3];
  if (!DURATION_PREPS.has(w)) return undefined;
  for (let k = j + 1; k < Math.min(tokens.length, j + 7); k++) {
    const u = tokens[k]!;
    if (UNITS.has(u.norm) && k > j + 1) {
      // "in the morning", "in the evening" name a part of the day, not a duration
      const counted = tokens
        .slice(j + 1, k)
        .some((x) => x.type === 'number' || COUNT_WORDS.has(x.norm) || x.norm === 'single' || x.norm === 'one');
      const theHour = u.norm === 'hour' && at(k - 1) === 'the';
      if (!counted && !theHour) return undefined;
      // "in two 90-minute sessions", "within a 2-hour window": the unit describes a thing
      if (EVENT_NOUNS.has(at(k + 1))) return undefined;
      return [j, k + 1];
    }
    if (u.type === 'number') {
      // "within 24-48 hours": the range's second number
      if (!/^\d+([.,]\d+)?$/.test(u.norm)) return undefined;
      continue;
    }
    if (u.norm === '/' || u.norm === 'to' || u.norm === 'or') continue;
    if (DURATION_FILLERS.has(u.norm) || COUNT_WORDS.has(u.norm)) continue;
    return undefined;
  }
  return undefined;
}

/** Words every duration contains (the prefilter's group for `requires: duration`). */
export function durationTriggers(): string[] {
  return [...UNITS, ...IMMEDIATE_TIME, 'same', 'end'];
}

// ---------------------------------------------------------------------------------------------
// Speed adverbs: the speed of the business's own work without a number ("will quickly find the
// fault", "we fix it fast", "resolved right away")

const SPEED_DENIERS: ReadonlySet<string> = new Set(SPEED_ADVERB_DENIERS);
/** What after "immediately" ties it to the customer's step, not to the work ("immediately after you sign"). */
const RELATIVE_AFTER = /^(after|upon|on|following|once|when|if|before)$/;

/**
 * A speed adverb in the clause between `from` and `to` (not past a clause break): "quickly",
 * "right away", "without delay", "in no time". Not a measure or a hope ("as quickly as
 * possible", "how quickly"), not "fast" before a noun ("fast shipping" is a feature, which the
 * phrase rules judge), not "immediately after you sign".
 */
export function findSpeedAdverb(tokens: readonly Token[], from: number, to: number): Span | undefined {
  const limit = Math.min(tokens.length, to);
  for (let j = from; j < limit; j++) {
    const w = tokens[j]!.norm;
    if (DURATION_STOP.has(w)) return undefined;
    const p = SPEED_ADVERBS.find((x) => x.every((y, k) => tokens[j + k]?.norm === y));
    if (!p) continue;
    const end = j + p.length;
    const next = tokens[end];
    if (SPEED_DENIERS.has(tokens[j - 1]?.norm ?? '') || next?.norm === 'as') continue;
    if (w === 'fast' && next && next.type === 'word' && !/^(and|with|so|for|too)$/.test(next.norm)) continue;
    if ((w === 'immediately' || w === 'instantly') && next && RELATIVE_AFTER.test(next.norm)) continue;
    return [j, end];
  }
  return undefined;
}

/** Words every speed adverb contains (the prefilter's group for `requires: speed`). */
export function speedTriggers(): string[] {
  return SPEED_ADVERBS.map((p) => p.join(' '));
}

// ---------------------------------------------------------------------------------------------
// Emphatic certainty: "for sure", "100%", "count on it", "(locked)"

const EMPHATIC_SETS = new WeakMap<Lexicon, { plain: PhraseSet; parenthetical: PhraseSet }>();

function emphaticSets(lexicon: Lexicon): { plain: PhraseSet; parenthetical: PhraseSet } {
  let sets = EMPHATIC_SETS.get(lexicon);
  if (!sets) {
    const plain = new PhraseSet();
    for (const p of lexicon.data.modals.emphatic ?? []) plain.add(p, p, false);
    const parenthetical = new PhraseSet();
    for (const p of lexicon.data.modals.emphatic_parenthetical ?? []) parenthetical.add(p, p, false);
    EMPHATIC_SETS.set(lexicon, (sets = { plain, parenthetical }));
  }
  return sets;
}

/** Words every emphatic marker contains (the prefilter's group for `certainty: emphatic`). */
export function emphaticTriggers(lexicon: Lexicon): string[] {
  return [...(lexicon.data.modals.emphatic ?? []), ...(lexicon.data.modals.emphatic_parenthetical ?? [])];
}

const DENIAL = new Set(['not', 'no', 'never', 'hardly', 'if']);

/**
 * The emphatic certainty markers of a sentence: a marker of the lexicon's `emphatic` list not
 * denied ("not 100% sure"), or a parenthetical one standing alone in its brackets ("(locked)",
 * "(firm)", "(confirmed)").
 */
export function findEmphatic(tokens: readonly Token[], lexicon: Lexicon): Span[] {
  const { plain, parenthetical } = emphaticSets(lexicon);
  const out: Span[] = [];
  for (const m of plain.findAll(tokens)) {
    const prev = tokens[m.start - 1]?.norm ?? '';
    if (DENIAL.has(prev) || (prev === 'be' && DENIAL.has(tokens[m.start - 2]?.norm ?? ''))) continue;
    // "100% of", "100% cotton": a share or a material, not certainty ("100%" alone or before a claim)
    if (
      /^100/.test(tokens[m.start]!.norm) &&
      /^(of|cotton|wool|natural|recycled|organic|pure|free|off|refund|money|satisfaction)$/.test(
        tokens[m.end]?.norm ?? '',
      )
    )
      continue;
    out.push([m.start, m.end]);
  }
  for (const m of parenthetical.findAll(tokens)) {
    if (tokens[m.start - 1]?.norm === '(' && tokens[m.end]?.norm === ')') out.push([m.start - 1, m.end + 1]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

// ---------------------------------------------------------------------------------------------
// "can" stated as a capability with a time: "we can have a tech there in 90 minutes"

const CAN_HEDGE_WORDS: ReadonlySet<string> = new Set(CAN_HEDGES);
/** Subjects whose "can" is not the business's promise: the reader, third parties, generic people. */
const NOT_OUR_CAN = new Set([
  'you',
  'they',
  'customers',
  'clients',
  'users',
  'people',
  'anyone',
  'everyone',
  'buyers',
  'guests',
  'members',
  'students',
  'patients',
  'tenants',
  'he',
  'she',
  'who',
  'that',
  'which',
]);
/** Verbs after "can" that are talk, not delivery ("we can chat Tuesday"). */
const TALK_VERBS = new Set([
  'talk',
  'chat',
  'meet',
  'discuss',
  'call',
  'schedule',
  'send',
  'email',
  'text',
  'follow',
  'hop',
  'jump',
  'catch',
  'connect',
  'speak',
  'walk',
  'go',
  'review',
  'look',
  'see',
  'answer',
  'cancel',
  'return',
  'pause',
  'change',
  'update',
  'switch',
  'reschedule',
  'book',
  'save',
  'pay',
  'expect',
  'find',
  'start',
  'use',
  'access',
  'try',
  'get',
]);
/** What "get" must be followed by to deliver something ("get you in", "get a tech out", "get your EIN"). */
const GET_OBJECT = new Set([
  'you',
  'your',
  'it',
  'them',
  'a',
  'an',
  'the',
  'someone',
  'somebody',
  'everything',
  'all',
  'this',
  'that',
  'him',
  'her',
  'one',
]);

/**
 * "can" with its subject and verb, stated as what the business will do: the token after it is a
 * verb (not a hedge, not "not"), the subject is the business, a named person or nothing (chat:
 * "can have Sam onsite in 30"), and the sentence does not ask. Returns [can, verb end) or undefined.
 */
export function canAt(tokens: readonly Token[], i: number, question: boolean): Span | undefined {
  if (tokens[i]!.norm !== 'can') return undefined;
  if (question) return undefined;
  let k = i + 1;
  while (
    /^(definitely|absolutely|certainly|easily|also|still|totally|100%|def|even|now|then|always)$/.test(
      tokens[k]?.norm ?? '',
    )
  )
    k++;
  const verb = tokens[k];
  if (!verb || verb.type !== 'word' || CAN_HEDGE_WORDS.has(verb.norm)) return undefined;
  if (verb.norm === 'get' && !GET_OBJECT.has(tokens[k + 1]?.norm ?? '')) return undefined;
  if (verb.norm !== 'get' && TALK_VERBS.has(verb.norm)) return undefined;
  // The subject: the word before "can" (a hedge before it, "usually can", counts as a hedge)
  let p = i - 1;
  while (p >= 0 && /^(also|definitely|certainly|absolutely|still|totally|now)$/.test(tokens[p]!.norm)) p--;
  const subject = tokens[p];
  if (subject && subject.type === 'word') {
    if (NOT_OUR_CAN.has(subject.norm) || CAN_HEDGE_WORDS.has(subject.norm)) return undefined;
    // "your team can", "their crew can": not the writer's promise
    if (
      /^(your|their|his|her)$/.test(tokens[p - 1]?.norm ?? '') ||
      /^(your|their|his|her)$/.test(tokens[p - 2]?.norm ?? '')
    )
      return undefined;
    if (/^(how|what|where|when|who|which|whether|so|if)$/.test(subject.norm)) return undefined;
  }
  return [i, k + 1];
}

/** Whether a sentence asks rather than tells. */
export function isQuestion(s: SentenceContext): boolean {
  return s.text.trimEnd().endsWith('?');
}

// ---------------------------------------------------------------------------------------------
// The per-clause analysis

const WHO_WE = new Set(['we', 'our', 'us', "we'll", "we're"]);
const WHO_WRITER = new Set(['i', 'my', 'me']);
const WHO_CUSTOMER = new Set(['you', 'your']);

function whoOf(tokens: readonly Token[], start: number, end: number): Who {
  for (let k = start; k < Math.min(end, start + 4); k++) {
    const w = tokens[k]!.norm;
    if (tokens[k]!.type === 'punct') continue;
    if (WHO_WE.has(w)) return 'we';
    if (WHO_WRITER.has(w)) return 'writer';
    if (WHO_CUSTOMER.has(w)) return 'customer';
    if (/^(if|and|but|so|then|once|when|the|this|that|a|an)$/.test(w)) continue;
    return 'other';
  }
  return 'none';
}

function timesIn(tokens: readonly Token[], start: number, end: number, lexicon: Lexicon): ClaimTime[] {
  const out: ClaimTime[] = [];
  for (let j = start; j < end; j++) {
    const d = durationAt(tokens, j);
    if (d) {
      out.push({ span: d, kind: 'duration' });
      j = d[1] - 1;
      continue;
    }
    const dl = findDeadline(tokens, j, lexicon, Math.min(end, j + 1));
    if (dl && dl[0] <= j) {
      if (!habitualTime(tokens, dl)) out.push({ span: dl, kind: 'deadline' });
      j = dl[1] - 1;
      continue;
    }
    for (const p of VAGUE_FUTURE)
      if (p.every((w, k) => tokens[j + k]?.norm === w)) {
        out.push({ span: [j, j + p.length], kind: 'vague' });
        j += p.length - 1;
        break;
      }
  }
  return out;
}

const ANALYSES = new WeakMap<SentenceContext, readonly ClauseClaim[]>();

/**
 * The clause-level analysis of a sentence, computed once and shared by every rule and guard that
 * asks (memoized per sentence object).
 */
export function analyzeClaims(s: SentenceContext): readonly ClauseClaim[] {
  const cached = ANALYSES.get(s);
  if (cached) return cached;
  const t = s.tokens;
  const emphatic = findEmphatic(t, s.lexicon);
  const out = s.clauses.map((c): ClauseClaim => ({
    start: c.start,
    end: c.end,
    role: c.role,
    who: whoOf(t, c.start, c.end),
    emphatic: emphatic.filter(([a]) => a >= c.start && a < c.end),
    times: timesIn(t, c.start, c.end, s.lexicon),
  }));
  ANALYSES.set(s, out);
  return out;
}

/** The clause holding token i. */
export function clauseAt(claims: readonly ClauseClaim[], i: number): ClauseClaim | undefined {
  return claims.find((c) => i >= c.start && i < c.end);
}
