// The changed words of a rewrite, which the stylish reporter colours when colour is on.
import { diffWordsWithSpace } from 'diff';

/** Spans [start, end) of the rewrite that are new or changed (whitespace trimmed). */
export function changedSpans(before: string, after: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let pos = 0;
  for (const part of diffWordsWithSpace(before, after)) {
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
