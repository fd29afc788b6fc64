// `requirement`: the claim is part of a requirement, a duty or a measured standard, not a promise
// to a customer.
//   - An obligation in the claim's scope, on someone other than the writer: "Seller must accept
//     any offer at the guaranteed price", "Rush orders must be received by 1pm for same day
//     shipping" (the claim's condition, named), "the vendor is responsible for ...".
//   - A task list or job description: the line opens with a duty verb ("Maintain accurate records
//     for each account", "Conduct all working group meetings on schedule").
//   - A solicitation's party as the subject, in lower case too, with no writer in the sentence:
//     "The selected contractor will complete all work by June 30".
//   - A measured share below all in the claim's subject, as a standard or a record: "95 percent of repairs are completed
//     by the next business day", "(95) percent of calls".
import type { Token } from '../../text/tokens.js';
import type { Guard } from '../rule.js';
import {
  DEFINED_PARTIES,
  DUTY_VERBS,
  MISSION_NOUNS,
  OBLIGATION_PHRASES,
  SHARE_QUANTIFIERS,
  wordSet,
} from '../../text/grammar.js';
import { claimContext, findPhrase, lineStart } from '../claim-context.js';

const DUTIES = wordSet(DUTY_VERBS);
const WRITER = new Set(['we', 'i', 'us']);
const PARTIES = wordSet(DEFINED_PARTIES);
const MISSIONS = wordSet(MISSION_NOUNS);
const SHARES = wordSet(SHARE_QUANTIFIERS);
/** Finite verbs that give a "To ..." line a main clause of its own. */
const FINITE = new Set(['will', 'shall', 'can', 'is', 'are', 'am', 'was', 'were', 'we', 'you', 'i']);
const DRAFTING_VERBS = new Set([
  'will',
  'shall',
  'must',
  'may',
  'agrees',
  'acknowledges',
  'provided',
  'is',
  'are',
  'has',
]);

/**
 * Contract drafting: a party named as a defined term, capitalized inside the sentence ("the
 * Contractor provided minutes within 2 working days", "Customer will not remove any notice").
 */
function drafting(t: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const x = t[i]!;
    if (!x.capitalized || !PARTIES.has(x.norm) || x.text === x.text.toUpperCase()) continue;
    // "Hours of Customer Time Saved": a title-case heading, not a defined term
    if (t[i + 1]?.capitalized || (t[i - 1]?.capitalized && t[i - 1]!.norm !== 'the')) continue;
    const prev = t[i - 1]?.norm ?? '';
    if (i > 0 && prev !== '(' && prev !== '"') return true;
    if (DRAFTING_VERBS.has(t[i + 1]?.norm ?? '')) return true;
  }
  return false;
}

/** "To make fitness simple ...", "Our mission is to ...": an aim stated, not a promise. */
function mission(t: readonly Token[], first: number): boolean {
  const a = t[first]?.norm;
  if (
    a === 'to' &&
    t[first]!.capitalized &&
    /^[a-z]+$/.test(t[first + 1]?.norm ?? '') &&
    !/(ing|ed|s)$/.test(t[first + 1]!.norm) &&
    !/^(the|a|an|our|your|all|every|you|us|date)$/.test(t[first + 1]!.norm)
  )
    // a purpose fragment with no clause of its own: "To recap: your drivers will ..." opens a claim
    return !t.some((x) => x.norm === ':' || FINITE.has(x.norm));
  for (let i = first; i < Math.min(t.length, first + 4); i++)
    if (MISSIONS.has(t[i]!.norm) && t[i + 1]?.norm === 'is' && t[i + 2]?.norm === 'to') return true;
  return false;
}

/** "Most quotes are ready in 5 minutes", "the majority of installs ...": a share in the claim's subject. */
function quantifiedSubject(t: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (!SHARES.has(t[i]!.norm)) continue;
    // "the most reliable", "our most popular plans": a superlative, not a share
    const prev = t[i - 1];
    if (prev && prev.type === 'word' && !/^(in|for|and|but|so|while|though)$/.test(prev.norm)) continue;
    if (
      t[i]!.norm === 'majority' ||
      t[i + 1]?.norm === 'of' ||
      /s$/.test(t[i + 1]?.norm ?? '') ||
      /s$/.test(t[i + 2]?.norm ?? '')
    )
      return true;
  }
  return false;
}

/** An obligation in [from, to) whose subject is not the writer ("we must" is the writer's promise). */
function obligation(t: readonly Token[], text: string, from: number, to: number): boolean {
  let i = findPhrase(t, from, to, OBLIGATION_PHRASES);
  while (i >= 0) {
    // "a must-have": a noun; "your service needs." a noun; "never needs recalibrating": no duty
    const w = t[i]!.norm;
    const needsNoun =
      w === 'needs' &&
      (!/^(a|an|the|additional|more|some|to|your|its|their|further|extra|approval|authentication|verification|signature)$/.test(
        t[i + 1]?.norm ?? '',
      ) ||
        /^(never|not|no|rarely|seldom)$/.test(t[i - 1]?.norm ?? ''));
    if (text[t[i]!.end] === '-' || needsNoun) {
      i = findPhrase(t, i + 1, to, OBLIGATION_PHRASES);
      continue;
    }
    const prev = t[i - 1]?.norm ?? '';
    const prev2 = t[i - 2]?.norm ?? '';
    if (!WRITER.has(prev) && !(WRITER.has(prev2) && /^(are|am|is)$/.test(prev))) return true;
    i = findPhrase(t, i + 1, to, OBLIGATION_PHRASES);
  }
  return false;
}

/** "95 percent of", "(95) percent of", "80% of": a share below all, in [from, to). */
function measuredShare(t: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const w = t[i]!.norm;
    let n: number | undefined;
    let next = i + 1;
    const pct = /^(\d+(?:\.\d+)?)%$/.exec(w);
    if (pct) n = Number(pct[1]);
    else if (w === 'percent' || w === 'per') {
      const back = t[i - 1]?.norm === ')' ? t[i - 2] : t[i - 1];
      if (back && /^\d+(\.\d+)?$/.test(back.norm)) n = Number(back.norm);
      if (w === 'per' && t[i + 1]?.norm === 'cent') next = i + 2;
    }
    if (n === undefined || n >= 100 || n <= 0) continue;
    if (t[next]?.norm === 'of') return true;
  }
  return false;
}

/** Parties a solicitation puts duties on, as the subject of a clause even in lower case. */
const SOLICITED = new Set([
  'contractor',
  'contractors',
  'offeror',
  'offerors',
  'quoter',
  'quoters',
  'vendor',
  'vendors',
  'supplier',
  'suppliers',
  'awardee',
  'bidder',
  'bidders',
  'proposer',
  'subcontractor',
  'subcontractors',
]);
const SOLICITED_LEAD = new Set([
  'the',
  'a',
  'an',
  'each',
  'any',
  'all',
  'every',
  'selected',
  'successful',
  'awarded',
  'prime',
]);
const BUSINESS = new Set(['we', 'our', 'us', 'i', 'my']);

/**
 * "The selected contractor will complete all work by June 30", "Contractor personnel will
 * respond within 4 hours": a solicitation's party opens the claim's clause, and the writer is
 * nowhere in the sentence ("our subcontractor will finish by Friday" is the writer's promise).
 */
function solicitedSubject(t: readonly Token[], from: number, matchStart: number): boolean {
  let i = from;
  while (i < matchStart && (t[i]!.type === 'punct' || SOLICITED_LEAD.has(t[i]!.norm))) i++;
  if (i >= matchStart || !SOLICITED.has(t[i]!.norm)) return false;
  return !t.some((x) => BUSINESS.has(x.norm));
}

export const requirement: Guard = {
  name: 'requirement',
  docs: 'a requirement, a duty or a measured standard ("Seller must ...", "Maintain records for each site", "95 percent of calls are answered ...")',
  needsTags: false,
  applies(s, match) {
    const t = s.tokens;
    const ctx = claimContext(s, match);
    if (!ctx) return false;
    const [from, to] = ctx.scope;
    if (obligation(t, s.text, from, to) || measuredShare(t, from, match.tokenStart)) return true;
    if (quantifiedSubject(t, ctx.clause.start, match.tokenStart)) return true;
    if (solicitedSubject(t, ctx.clause.start, match.tokenStart)) return true;
    // a defined party in the claim's scope, or as the subject that opens the sentence
    const first = lineStart(t);
    if (drafting(t, from, to) || drafting(t, first, Math.min(t.length, first + 3))) return true;
    // a task list: the line opens with a duty verb and speaks of no "we" or "you"
    if (mission(t, first)) return true;
    if (t[first]?.capitalized && DUTIES.has(t[first].norm) && !t.some((x) => /^(we|our|us|you|your)$/.test(x.norm)))
      return true;
    return false;
  },
};
