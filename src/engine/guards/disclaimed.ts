// `disclaimed`: the claim stands under a disclaimer or inside a definition that limits it.
//   1. A denied promise verb governs it: "GitHub does not warrant that the Service will be
//      uninterrupted or error-free", "we don't pretend to be perfect", "do not constitute a quote
//      or guarantee of coverage", "patients will never have a guaranteed time". The denial reaches
//      across the "that ..." items of its list (semicolons included) but not across "but".
//   2. A definition that sets a promise against what it does not promise: "a guarantee of
//      documented progress, not a promise of a ranking" (the claim is the defined noun).
import type { Token } from '../../text/tokens.js';
import type { Guard } from '../rule.js';
import { DISCLAIMING_VERBS, PROMISE_NOUNS, wordSet } from '../../text/grammar.js';

const VERBS = wordSet(DISCLAIMING_VERBS);
const NOUNS = wordSet(
  PROMISE_NOUNS,
  [...PROMISE_NOUNS].map((n) => `${n}s`),
  ['guaranteed'],
);
const DENIALS = new Set(['not', 'never', 'no']);
/** Words that end a denial's reach: a contrast turns to what is claimed ("..., but we guarantee the work"). */
const CONTRAST = new Set(['but', 'however', 'although', 'though', 'yet', 'instead', 'whereas', '.', '!', '?']);
/** Verbs that take the denied promise as their object ("never have a guaranteed time"), only with a promise noun. */
const WEAK = new Set([
  'have',
  'has',
  'make',
  'makes',
  'offer',
  'offers',
  'provide',
  'provides',
  'give',
  'gives',
  'mean',
  'means',
]);

/** Words that end a denial's reach: a contrast or a new claim ("..., but we guarantee the work", "— we promise results"). */
const STOP = new Set([...CONTRAST, '—', '–', '-']);
const SUBJECTS = new Set(['we', 'i', 'you', 'they', 'our']);

/**
 * A denied promise verb governing the claim at [start, end): "does not warrant that ...", "don't
 * pretend to be perfect", "never have a guaranteed time" (a weak verb counts only when the claim is
 * its promise noun). A contrast, a dash or a new subject ("..., and we always deliver") ends its reach.
 */
function deniedVerbBefore(t: readonly Token[], start: number, end: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const w = t[i]!.norm;
    if (STOP.has(w)) return false;
    if (
      SUBJECTS.has(w) &&
      i + 1 < start &&
      t[i - 1]?.norm !== 'that' &&
      i < start - 1 &&
      !DENIALS.has(t[i + 1]!.norm) &&
      !/^(do|does|did|will|can|shall|would|could|should)$/.test(t[i + 1]!.norm)
    ) {
      // "..., and we always deliver": a subject of its own between the denial and the claim
      if (t[i - 1]?.norm === 'and' || t[i - 1]?.norm === ',' || t[i - 1]?.norm === 'so') return false;
    }
    if (!DENIALS.has(w)) continue;
    // "no warranty that ...", "makes no representation that ...": a denied promise noun
    if (w === 'no' && NOUNS.has(t[i + 1]?.norm ?? '')) return true;
    // the verb right after the denial (an auxiliary or adverb may stand between)
    for (let v = i + 1; v < Math.min(start + 1, i + 4); v++) {
      const verb = t[v]?.norm ?? '';
      if (!VERBS.has(verb)) continue;
      if (!WEAK.has(verb)) return true;
      // "never have a guaranteed time", "does not constitute a quote or guarantee": the claim is the promise
      for (let k = v + 1; k < Math.min(t.length, v + 9); k++) {
        if (STOP.has(t[k]!.norm)) break;
        if (NOUNS.has(t[k]!.norm) && k >= start - 1 && k < end) return true;
        // "never have a guarantee of a same-day visit": the claim is what the denied promise is of
        if (NOUNS.has(t[k]!.norm) && t[k + 1]?.norm === 'of' && start > k && start <= k + 5) return true;
      }
    }
  }
  return false;
}

/** "a guarantee of X, not a promise of Y": the claim is a promise noun set against a denied one. */
function definition(t: readonly Token[], start: number, end: number): boolean {
  let noun = -1;
  for (let i = start; i < end; i++) if (NOUNS.has(t[i]!.norm)) noun = i;
  if (noun < 0) return false;
  for (let i = noun + 1; i < Math.min(t.length, noun + 25); i++) {
    if (t[i]!.norm === '.' || t[i]!.norm === 'but') return false;
    if (t[i]!.norm !== 'not') continue;
    const next = t[i + 1]?.norm === 'a' || t[i + 1]?.norm === 'an' ? i + 2 : i + 1;
    if (NOUNS.has(t[next]?.norm ?? '') || /^(of|to|for)$/.test(t[next]?.norm ?? '')) return true;
  }
  return false;
}

export const disclaimed: Guard = {
  name: 'disclaimed',
  docs: 'a disclaimer or definition limits the claim ("does not warrant that the service will be error-free", "a guarantee of progress, not a promise of a ranking")',
  needsTags: false,
  applies(s, match) {
    const t = s.tokens;
    return deniedVerbBefore(t, match.tokenStart, match.tokenEnd) || definition(t, match.tokenStart, match.tokenEnd);
  },
};
