// `hedge`: qualify the claim with a real hedge. "We ship on time" -> "We typically ship on time";
// after an auxiliary: "It is typically available"; an absolute adverb next to the verb is replaced
// rather than kept ("We always ship" -> "We typically ship"). A claim without a verb ("Overnight
// delivery on every order.") gets the start form: "In most cases, overnight delivery ...".
import { ABSOLUTE_ADVERBS, clauseOf, clauseVerb, isAuxiliary, keepsCapital } from '../analysis.js';
import type { HedgeSpec } from '../spec.js';
import { emptyResult, type OpInput, type OpResult } from './common.js';

export function hedgeSpec(spec: true | string | HedgeSpec): Required<HedgeSpec> {
  if (spec === true) return { word: 'typically', start: 'In most cases,' };
  if (typeof spec === 'string') return { word: spec, start: 'In most cases,' };
  return { word: spec.word ?? 'typically', start: spec.start ?? 'In most cases,' };
}

/** Whether the sentence already carries a real hedge (not an empty one such as "virtually"). */
export function isHedged(input: OpInput): boolean {
  const { hedges, emptyHedges } = input.s.lexicon;
  const empty = emptyHedges.findAll(input.s.tokens);
  return hedges.findAll(input.s.tokens).some((h) => !empty.some((e) => h.start >= e.start && h.start < e.end));
}

export function hedge(input: OpInput, raw: true | string | HedgeSpec): OpResult | undefined {
  if (isHedged(input)) return undefined;
  const spec = hedgeSpec(raw);
  const { s, match } = input;
  const t = s.tokens;
  const r = emptyResult();
  let v = clauseVerb(s, match.tokenStart);
  const [clauseStart] = clauseOf(s, match.tokenStart);
  // An imperative ("Get same-day delivery") or a clause with no verb: use the start form.
  if (v >= 0 && v > clauseStart) {
    // "is available", "will be trained", "'ll deliver": the hedge goes after the first auxiliary.
    if (isAuxiliary(s, v) && t[v + 1] && t[v + 1]!.type === 'word') {
      const next = t[v + 1]!;
      if (ABSOLUTE_ADVERBS.has(next.norm)) {
        r.edits.push({ start: next.start, end: next.end, text: spec.word });
        return r;
      }
      if (next.norm === 'not' || next.norm === 'never') return undefined;
      r.edits.push({ start: t[v]!.end, end: t[v]!.end, text: ` ${spec.word}` });
      return r;
    }
    const prev = t[v - 1];
    if (prev && ABSOLUTE_ADVERBS.has(prev.norm)) {
      r.edits.push({ start: prev.start, end: prev.end, text: spec.word });
      return r;
    }
    if (prev && (prev.norm === 'never' || prev.norm === 'not')) return undefined;
    r.edits.push({ start: t[v]!.start, end: t[v]!.start, text: `${spec.word} ` });
    return r;
  }
  if (clauseStart > 0) {
    // A later clause without a verb ("Fast service, same-day fixes"): hedge the flagged words.
    r.edits.push({ start: match.start, end: match.start, text: `${spec.word} ` });
    return r;
  }
  // Sentence start: "In most cases, " and the old first word loses its capital (unless a name).
  const first = t[0];
  if (!first) return undefined;
  const word = keepsCapital(s, 0) ? first.text : first.text.charAt(0).toLowerCase() + first.text.slice(1);
  r.edits.push({ start: first.start, end: first.end, text: `${spec.start} ${word}` });
  return r;
}
