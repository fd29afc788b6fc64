// `attribute`: an unsubstantiated superlative becomes a claim that can be backed, with a visible
// request for the source.
//   "the best logistics partner in the region" -> "a leading logistics partner in the region [cite a source]"
//   "the best prices"                         -> "leading prices [cite a source]"
//   "the fastest on the market"               -> "faster than most on the market [cite a source]"
//   "the most reliable carrier"               -> "a more reliable carrier than most [cite a source]"
// The words chosen avoid the superlative phrases themselves, so the rewrite does not flag again.
import { clauseEndOffset, isPluralToken, nounPhraseAt } from '../analysis.js';
import { comparativeOf, isMassNoun } from '../language.js';
import type { AttributeSpec } from '../../rules/rewrite-spec.js';
import { fillTemplate } from '../slots.js';
import { addFilled, emptyResult, inCaseOf, type OpInput, type OpResult } from './common.js';

export const ATTRIBUTE_DEFAULTS: Required<AttributeSpec> = {
  lead: 'a leading',
  leadPlural: 'leading',
  leadAlone: 'a leader',
  compare: 'than most',
  cite: ' [cite a source]',
};

const LEAD_WORDS = new Set(['best', 'leading', 'top', 'greatest', 'finest', '#', 'number', 'premier', 'foremost']);
/**
 * "The best" leads only for who does the work ("a leading logistics partner"); anything else is
 * a comparison ("the best price" -> "a better price than most", "the best software" -> "better
 * software than most").
 */
const LEAD_NOUNS =
  /^(partner|provider|supplier|company|firm|agency|vendor|team|crew|brand|manufacturer|maker|installer|carrier|integrator|consultant|consultancy|contractor|distributor|retailer|reseller|platform|solution|choice|name|player|expert|specialist|service provider|shop|store|dealer)s?$/i;

export function attribute(input: OpInput, raw: true | AttributeSpec): OpResult | undefined {
  const spec = { ...ATTRIBUTE_DEFAULTS, ...(raw === true ? {} : raw) };
  const { s, match } = input;
  const t = s.tokens;
  // The superlative inside the flagged words ("you'll find our platform offers the most complete").
  let a = match.tokenStart;
  for (let k = match.tokenStart; k < match.tokenEnd; k++) {
    const n = t[k]!.norm;
    if (LEAD_WORDS.has(n) || t[k]!.text === '#1' || n === 'most' || comparativeOf(n)) {
      a = k;
      break;
    }
  }
  // "the #1 provider": take in the determiner before the flagged words.
  if (t[a]?.norm !== 'the' && a > 0 && (t[a - 1]!.norm === 'the' || t[a - 1]!.norm === 'our')) a--;
  // Without "the" ("Lowest prices on tyres", "Best rates in town"), only the comparative form reads.
  const determiner = t[a]?.norm === 'the' || t[a]?.norm === 'our';
  let i = determiner ? a + 1 : a;
  let kind: 'lead' | 'compare' | undefined;
  let comparative = '';
  const w = t[i];
  if (!w) return undefined;
  // The noun the superlative describes, when there is one ("#1 provider", "best logistics partner").
  const skip = w.norm === '#' || w.norm === 'number' ? 2 : 1;
  const ahead = nounPhraseAt(s, i + skip);
  const leadNoun = !ahead || LEAD_NOUNS.test(s.tokens[ahead.head]!.norm);
  if (determiner && leadNoun && (LEAD_WORDS.has(w.norm) || w.text === '#1')) {
    kind = 'lead';
    // "#1", "number one": skip the number too.
    if (w.norm === '#' || w.norm === 'number') i++;
    i++;
  } else if (w.norm === 'most' && t[i + 1]?.type === 'word') {
    kind = 'compare';
    comparative = `more ${t[i + 1]!.text}`;
    i += 2;
  } else {
    const c = comparativeOf(w.norm);
    if (!c) return undefined;
    kind = 'compare';
    comparative = c;
    i++;
  }
  // "the fastest and most reliable server": every superlative of the pair, compared.
  while (t[i] && (t[i]!.norm === 'and' || t[i]!.norm === 'or') && t[i + 1]) {
    let next = '';
    let j = i + 1;
    if (t[j]!.norm === 'most' && t[j + 1]?.type === 'word') {
      next = `more ${t[j + 1]!.text}`;
      j += 2;
    } else {
      const c = comparativeOf(t[j]!.norm);
      if (!c) break;
      next = c;
      j += 1;
    }
    if (kind === 'lead') {
      kind = 'compare';
      comparative = comparativeOf(w.norm) ?? 'better';
    }
    comparative += ` ${t[i]!.norm} ${next}`;
    i = j;
  }
  let np = nounPhraseAt(s, i);
  // "set of compliance tools": the "of" phrase belongs to the noun (the head stays "set").
  while (np && t[np.end]?.norm === 'of') {
    const more = nounPhraseAt(s, np.end + 1);
    if (!more) break;
    np = { end: more.end, head: np.head };
  }
  const start = t[a]!.start;
  let end = t[i - 1]!.end;
  let text: string;
  if (kind === 'lead') {
    if (np) {
      end = t[np.end - 1]!.end;
      const lead = isPluralToken(s, np.head) ? spec.leadPlural : spec.lead;
      text = `${lead} ${s.text.slice(t[i]!.start, end)}`;
    } else text = spec.leadAlone;
  } else if (np) {
    end = t[np.end - 1]!.end;
    const noun = s.text.slice(t[i]!.start, end);
    // "better rates than most", "better coverage than most", "a better crew than most".
    text =
      isPluralToken(s, np.head) || isMassNoun(t[np.head]!.norm)
        ? `${comparative} ${noun} ${spec.compare}`
        : `a ${comparative} ${noun} ${spec.compare}`;
  } else {
    text = `${comparative} ${spec.compare}`;
  }
  // "the easiest app you'll ever set up", "the best price you will see this year": the clause
  // that completes the superlative goes with it.
  const after = np ? np.end : i;
  let ever = t.slice(after, after + 4).findIndex((x) => x.norm === 'ever');
  if (
    ever < 0 &&
    (t[after]?.norm === 'you' || t[after]?.norm === 'anyone') &&
    ['will', 'can', 'could', 'would', 'have', 'are', 'find', 'get', 'see'].includes(t[after + 1]?.norm ?? '')
  )
    ever = 0;
  if (ever >= 0) {
    let k = after + ever + 1;
    while (k < t.length && t[k]!.type === 'word') k++;
    end = t[k - 1]!.end;
  }
  const r = emptyResult();
  r.edits.push({ start, end, text: inCaseOf(s.text.slice(start, end), text) });
  if (spec.cite) {
    const f = fillTemplate(spec.cite, input.facts, () => undefined);
    if (f) {
      const at = clauseEndOffset(s, Math.max(a, (np?.end ?? i) - 1));
      r.edits.push({ start: Math.max(at, end), end: Math.max(at, end), text: f.text });
      addFilled(r, f);
    }
  }
  return r;
}
