// The changed words of a rewrite, which the stylish reporter colours when colour is on.
import { diffWordsWithSpace } from 'diff';

/**
 * Words of difference beyond which no marks are drawn: the diff costs time in the product of the
 * lengths and the edit distance, and a rewrite that changes that much is better read whole.
 */
const MAX_EDIT = 64;

/** Spans [start, end) of the rewrite that are new or changed (whitespace trimmed). */
export function changedSpans(before: string, after: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let pos = 0;
  const parts = diffWordsWithSpace(before, after, { maxEditLength: MAX_EDIT });
  if (!parts) return out;
  for (const part of parts) {
    if (part.removed) continue;
    const len = part.value.length;
    if (part.added && /\S/.test(part.value)) {
      const lead = part.value.length - part.value.trimStart().length;
      const trail = part.value.length - part.value.trimEnd().length;
      const span: [number, number] = [pos + lead, pos + len - trail];
      const last = out.at(-1);
      if (last && /^\s*$/.test(after.slice(last[1], span[0]))) last[1] = span[1];
      else out.push(span);
    }
    pos += len;
  }
  return out;
}
