// `replace` and `drop`: phrase -> text inside (or overlapping) the flagged words, or one text for
// the flagged words as a whole. `drop` is a replace with nothing; the seams (articles, commas,
// spaces, the capital of a new first word) are repaired by grammar.polishEdits.
import { clauseOf } from '../analysis.js';
import { addFilled, emptyResult, fillAt, inCaseOf, phraseOccurrences, type OpInput, type OpResult } from './common.js';

export function replaceMap(input: OpInput, map: Record<string, string>, within: 'match' | 'clause' = 'match'): OpResult | undefined {
  const { s, match } = input;
  // Every occurrence of every phrase overlapping the flagged words (or their clause); the longest win.
  const [a, b] = within === 'clause' ? clauseOf(s, match.tokenStart) : [match.tokenStart, match.tokenEnd];
  const found: Array<{ key: string; i: number; j: number }> = [];
  for (const key of Object.keys(map)) {
    for (const [i, j] of phraseOccurrences(s.tokens, key, a, Math.max(b, match.tokenEnd))) found.push({ key, i, j });
  }
  // The longest first; for the same words, the key written as the text is ("zero-hassle", not "zero hassle").
  const literal = (f: { key: string; i: number; j: number }): number =>
    s.text.slice(s.tokens[f.i]!.start, s.tokens[f.j - 1]!.end).toLowerCase() === f.key.toLowerCase() ? 0 : 1;
  found.sort((x, y) => y.j - y.i - (x.j - x.i) || x.i - y.i || literal(x) - literal(y));
  const taken: Array<[number, number]> = [];
  const result = emptyResult();
  for (const { key, i, j } of found) {
    if (taken.some(([a, b]) => i < b && j > a)) continue;
    const f = fillAt(input, map[key]!, i, j);
    if (!f) continue;
    if (taken.some(([a, b]) => i < b && f.endToken > a)) continue;
    taken.push([i, f.endToken]);
    const start = s.tokens[i]!.start;
    const end = s.tokens[f.endToken - 1]!.end;
    let text = inCaseOf(s.text.slice(start, end), f.filled.text);
    // A clitic ("'ll") replaced by words needs a space before them.
    if (/^['’]/.test(s.tokens[i]!.text) && text && !/^\s/.test(text)) text = ` ${text}`;
    result.edits.push({ start, end, text });
    addFilled(result, f.filled);
  }
  return result.edits.length ? result : undefined;
}

export function replaceWhole(input: OpInput, template: string, scope: 'match' | 'phrase' | 'sentence'): OpResult | undefined {
  const { s, match } = input;
  if (scope === 'sentence') {
    const f = fillAt(input, template, 0, s.tokens.length);
    if (!f) return undefined;
    const last = s.tokens.at(-1);
    const closing = last && last.type === 'punct' && /[.!?]/.test(last.norm) ? last : undefined;
    const end = closing && !/[.!?]["')\]]*\s*$/.test(f.filled.text) ? closing.start : s.text.trimEnd().length;
    const r = emptyResult();
    r.edits.push({ start: 0, end, text: f.filled.text });
    addFilled(r, f.filled);
    return r;
  }
  // 'match' and 'phrase' both start at the flagged words; {noun} in the template takes in the noun after them.
  const f = fillAt(input, template, match.tokenStart, match.tokenEnd);
  if (!f) return undefined;
  const start = match.start;
  const end = s.tokens[f.endToken - 1]!.end;
  const r = emptyResult();
  r.edits.push({ start, end, text: inCaseOf(s.text.slice(start, end), f.filled.text) });
  addFilled(r, f.filled);
  return r;
}

export function drop(input: OpInput, spec: true | string[]): OpResult | undefined {
  if (spec === true) {
    const r = emptyResult();
    r.edits.push({ start: input.match.start, end: input.match.end, text: '' });
    return r;
  }
  return replaceMap(input, Object.fromEntries(spec.map((w) => [w, ''])));
}
