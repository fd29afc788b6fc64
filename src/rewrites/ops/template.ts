// `template` and `append`: write the flagged words (or the sentence) from a template with slots,
// and add text at the end of the claim's clause ("... (overnight on about 1% of orders)").
import { clauseEndOffset } from '../analysis.js';
import { addFilled, emptyResult, fillAt, type OpInput, type OpResult } from './common.js';
import { replaceWhole } from './replace.js';

export function template(input: OpInput, text: string, scope: 'match' | 'phrase' | 'sentence'): OpResult | undefined {
  return replaceWhole(input, text, scope);
}

export function append(input: OpInput, text: string): OpResult | undefined {
  const { s, match } = input;
  const f = fillAt(input, text, match.tokenStart, match.tokenEnd);
  if (!f) return undefined;
  const at = clauseEndOffset(s, Math.max(match.tokenStart, match.tokenEnd - 1));
  const r = emptyResult();
  r.edits.push({ start: at, end: at, text: f.filled.text });
  addFilled(r, f.filled);
  return r;
}
