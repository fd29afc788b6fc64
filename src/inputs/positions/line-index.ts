// Maps offsets in a decoded source text to 1-based line/column (UTF-16 code units, as ESLint).
import type { Location } from '../../shared/types.js';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** Location of a source offset; offsets past the end clamp to the end. */
  locate(offset: number): Location {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1, offset: o };
  }
}

/**
 * The end of the line that starts at `start` (before its line ending) and where the next line
 * starts (text.length + 1 after the last line). Lines end at CRLF, LF or a lone CR, as LineIndex
 * (and editors, the language server and GitHub) count them; U+2028 and U+2029 do not end lines.
 * Every splitter of source lines uses this, so line numbers agree everywhere.
 */
export function lineEnd(text: string, start: number): { end: number; next: number } {
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return { end: i, next: i + 1 };
    if (c === 13) return { end: i, next: text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 };
  }
  return { end: text.length, next: text.length + 1 };
}

/** The lines of `text` without their line endings, as LineIndex numbers them. */
export function sourceLines(text: string): string[] {
  const out: string[] = [];
  for (let pos = 0; pos <= text.length;) {
    const { end, next } = lineEnd(text, pos);
    out.push(text.slice(pos, end));
    pos = next;
  }
  return out;
}
