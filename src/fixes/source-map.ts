// From an edit in a block's text to a fix in the file. A fix is made only where the block's
// characters are the file's characters, in order: no synthetic character (a space standing for
// removed markup, the stand-in for inline code), no escape or entity, no markup in between. The
// one gap allowed is a hard line break inside a paragraph (the block has a space there).
import type { SourceText, TextBlock } from '../types.js';

const LINE_BREAK_GAP = /^[ \t]*\r?\n[ \t]*$/;

/** Source range [start, end) of block text [start, end), or undefined when it is not safe to edit. */
export function toSourceRange(
  block: TextBlock,
  source: SourceText,
  start: number,
  end: number,
  /** A removal may end in a line break (a synthetic space): the break goes too. */
  trailingBreak = false,
): [number, number] | undefined {
  const at = block.sourceOffset;
  if (!at) return undefined;
  const text = block.text;
  if (start === end) {
    if (start > 0) {
      const p = at(start - 1);
      if (p >= 0 && source.text[p] === text[start - 1]) return [p + 1, p + 1];
    }
    const q = at(start);
    if (q >= 0 && (start === text.length || source.text[q] === text[start])) return [q, q];
    return undefined;
  }
  let first = -1;
  let prev = -1;
  let syntheticRun = 0;
  for (let i = start; i < end; i++) {
    const o = at(i);
    if (o < 0) {
      // Only spaces standing for a line break, and only between two real characters.
      if (text[i] !== ' ' || prev < 0) return undefined;
      syntheticRun++;
      continue;
    }
    if (source.text[o] !== text[i]) return undefined;
    if (prev >= 0 && o !== prev + 1) {
      if (syntheticRun === 0 || !LINE_BREAK_GAP.test(source.text.slice(prev + 1, o))) return undefined;
    } else if (prev >= 0 && syntheticRun > 0) return undefined;
    if (first < 0) first = o;
    prev = o;
    syntheticRun = 0;
  }
  if (first < 0) return undefined;
  if (syntheticRun > 0) {
    if (!trailingBreak) return undefined;
    const next = at(end);
    if (next < 0 || !LINE_BREAK_GAP.test(source.text.slice(prev + 1, next))) return undefined;
    return [first, next];
  }
  return [first, prev + 1];
}

/** Characters that would turn into Markdown markup if a fix wrote them. */
const MARKDOWN_SPECIAL = /[*_`[\]<>#|\\~]/;

export function safeReplacement(format: string, text: string): boolean {
  if (/[\r\n]/.test(text)) return false;
  if (format === 'markdown' && MARKDOWN_SPECIAL.test(text)) return false;
  return true;
}
