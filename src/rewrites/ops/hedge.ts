// `hedge`: qualify the claim with a real hedge. "We ship on time" -> "We typically ship on time";
// after an auxiliary: "It is typically available"; an absolute adverb next to the verb is replaced
// rather than kept ("We always ship" -> "We typically ship"). An imperative ("Double your
// turns") takes the step's imperative form ("You could double your turns"); a claim without a
// verb is hedged in front of the flagged words, or at the start: "In most cases, zero defects".
import { ABSOLUTE_ADVERBS, claimVerb, clauseOf, isAuxiliary, isImperative, keepsCapital } from '../analysis.js';
import { hedged } from '../../engine/guards/hedged.js';
import type { HedgeSpec } from '../../rules/rewrite-spec.js';
import { emptyResult, type OpInput, type OpResult } from './common.js';

export function hedgeSpec(spec: true | string | HedgeSpec): Required<HedgeSpec> {
  const base = { word: 'typically', start: 'In most cases,', imperative: '' };
  if (spec === true) return base;
  if (typeof spec === 'string') return { ...base, word: spec };
  return { ...base, ...spec };
}

/** Whether the claim is already hedged, as the engine's `hedged` guard sees it. */
export function isHedged(input: OpInput): boolean {
  return hedged.applies(input.s, input.match);
}

/** The start of the sentence rewritten: `lead` + the old first word (lower-cased unless a name). */
function atStart(input: OpInput, lead: string, r: OpResult): OpResult | undefined {
  const { s } = input;
  const first = s.tokens[0];
  if (!first) return undefined;
  const word = keepsCapital(s, 0) ? first.text : first.text.charAt(0).toLowerCase() + first.text.slice(1);
  r.edits.push({ start: first.start, end: first.end, text: `${lead} ${word}` });
  return r;
}

/** Adverbs that only strengthen the words after them ("completely", "totally"). */
const INTENSIFIERS = new Set([
  'completely',
  'totally',
  'fully',
  'entirely',
  'absolutely',
  'utterly',
  'truly',
  'really',
]);

export function hedge(input: OpInput, raw: true | string | HedgeSpec): OpResult | undefined {
  if (isHedged(input)) return undefined;
  const spec = hedgeSpec(raw);
  const { s, match } = input;
  const t = s.tokens;
  const r = emptyResult();
  let v = claimVerb(s, match.tokenStart, match.tokenEnd);
  if (v >= 0 && isImperative(s, v)) {
    // "Find it cheaper anywhere and we'll pay the difference": hedge the later claim instead.
    const [, b] = clauseOf(s, v);
    let later = -1;
    for (let k = b + 1; k < t.length && later < 0; k++) later = t[k]!.type === 'word' ? claimVerb(s, k) : -1;
    if (later > v && !isImperative(s, later)) v = later;
    else if (spec.imperative) {
      if (v === 0) return atStart(input, spec.imperative, r);
      // "Auto Protection: Save thousands ..." -> "Auto Protection: You could save thousands ..."
      const tok = t[v]!;
      const word =
        tok.text === tok.text.toUpperCase() && tok.text.length > 1
          ? tok.text
          : tok.text.charAt(0).toLowerCase() + tok.text.slice(1);
      r.edits.push({ start: tok.start, end: tok.end, text: `${spec.imperative} ${word}` });
      return r;
    } else v = -1;
  }
  if (v >= 0) {
    // "is available", "will be trained", "'ll deliver": the hedge goes after the first auxiliary.
    if (isAuxiliary(s, v) && t[v + 1] && t[v + 1]!.type !== 'punct') {
      const next = t[v + 1]!;
      if (ABSOLUTE_ADVERBS.has(next.norm)) {
        r.edits.push({ start: next.start, end: next.end, text: spec.word });
        return r;
      }
      if (next.norm === 'not' || next.norm === 'never') return undefined;
      r.edits.push({ start: t[v]!.end, end: t[v]!.end, text: ` ${spec.word}` });
      return r;
    }
    // Before the verb, and before the adverbs in front of it ("dramatically reduces").
    let at = v;
    while (
      at > 0 &&
      s.tags(at - 1).has('Adverb') &&
      !s.tags(at - 1).has('Noun') &&
      !ABSOLUTE_ADVERBS.has(t[at - 1]!.norm) &&
      t[at - 1]!.type === 'word'
    )
      at--;
    const prev = t[at - 1];
    if (prev && ABSOLUTE_ADVERBS.has(prev.norm)) {
      r.edits.push({ start: prev.start, end: prev.end, text: spec.word });
      return r;
    }
    if (prev && (prev.norm === 'never' || prev.norm === 'not')) return undefined;
    r.edits.push({ start: t[at]!.start, end: t[at]!.start, text: `${spec.word} ` });
    return r;
  }
  // No verb: in front of the time or amount in the flagged words ("a moving estimate typically
  // in 90 seconds"), else in front of the flagged words.
  if (match.tokenStart > 0) {
    let at = match.tokenStart;
    for (let k = match.tokenStart; k < match.tokenEnd; k++) {
      const boundary = t[k]!.start === 0 || /\s/.test(s.text[t[k]!.start - 1]!);
      if (
        boundary &&
        (t[k]!.type === 'number' || ['in', 'within', 'under', 'at', 'by', 'on', 'for'].includes(t[k]!.norm))
      ) {
        at = k;
        break;
      }
    }
    // Before the intensifiers in front of the flagged words too: "Completely hack-proof" ->
    // "Designed to be completely hack-proof", not "Completely designed to be hack-proof".
    if (at === match.tokenStart) while (at > 0 && INTENSIFIERS.has(t[at - 1]!.norm)) at--;
    if (at === 0) return atStart(input, spec.word.charAt(0).toUpperCase() + spec.word.slice(1), r);
    r.edits.push({ start: t[at]!.start, end: t[at]!.start, text: `${spec.word} ` });
    return r;
  }
  return atStart(input, spec.start, r);
}
