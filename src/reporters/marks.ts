// The changed words of a rewrite, for the stylish reporter: colored when color is on, marked with
// a caret line underneath when it is off (like the flagged words of the sentence above it).
import { diffWordsWithSpace } from 'diff';
import stringWidth from 'string-width';

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

export interface RewriteLineStyle {
  indent: string;
  /** The label, already styled ("↳ rewrite:"). */
  label: string;
  /** Style for changed words (color on). */
  mark: (s: string) => string;
  color: boolean;
  /** Make text safe for one terminal line (same length). */
  printable: (s: string) => string;
}

/** The rewrite line(s) of a finding: the rewrite with its changed words marked. */
export function rewriteLines(sentence: string, rewrite: string, st: RewriteLineStyle): string[] {
  if (rewrite === '') return [`${st.indent}${st.label} (remove the sentence)`];
  const text = st.printable(rewrite);
  const spans = changedSpans(sentence, rewrite);
  if (spans.length === 0) return [`${st.indent}${st.label} ${text}`];
  if (st.color) {
    let out = '';
    let pos = 0;
    for (const [a, b] of spans) {
      out += text.slice(pos, a) + st.mark(text.slice(a, b));
      pos = b;
    }
    return [`${st.indent}${st.label} ${out}${text.slice(pos)}`];
  }
  const prefix = `${st.indent}${'↳ rewrite:'.replace(/./gu, ' ')} `;
  let carets = '';
  let pos = 0;
  for (const [a, b] of spans) {
    carets += ' '.repeat(stringWidth(text.slice(pos, a))) + '+'.repeat(Math.max(1, stringWidth(text.slice(a, b))));
    pos = b;
  }
  return [`${st.indent}${st.label} ${text}`, `${prefix}${carets}`];
}
