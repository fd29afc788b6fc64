// From an edit in a block's text to a fix in the file. A fix is made only where the block's
// characters are the file's characters, in order: no synthetic character (a space standing for
// removed markup, the stand-in for inline code), no escape or entity, no markup in between. The
// one gap allowed is a hard line break inside a paragraph (the block has a space there).
import { diffWordsWithSpace } from 'diff';
import type { SourceText, TextBlock } from '../shared/types.js';

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

/**
 * The fix for a block edit: the source range, and the replacement with the file's own line
 * breaks kept wherever the words around them do not change (a paragraph hard-wrapped in the file
 * stays wrapped; only a break between changed words is joined).
 */
export function toSourceFix(
  block: TextBlock,
  source: SourceText,
  start: number,
  end: number,
  text: string,
  trailingBreak = false,
): { range: [number, number]; text: string } | undefined {
  const range = toSourceRange(block, source, start, end, trailingBreak);
  if (!range) return undefined;
  const before = block.text.slice(start, end);
  const raw = source.text.slice(range[0], range[1]);
  if (raw === before || !/[\r\n]/.test(raw)) return { range, text };
  const at = block.sourceOffset!;
  // Source text for block characters [a, b): real characters as they are, a synthetic space as
  // the line break it stands for.
  const sourceOf = (a: number, b: number): string => {
    let out = '';
    for (let k = a; k < b; k++) {
      const o = at(k);
      if (o >= 0) {
        out += source.text[o];
        continue;
      }
      // A run of synthetic characters: the source between the real neighbours.
      let z = k;
      while (z < b && at(z) < 0) z++;
      const prev = k > 0 ? at(k - 1) : -1;
      const next = z < block.text.length ? at(z) : -1;
      out += prev >= 0 && next >= 0 && z < end + 1 ? source.text.slice(prev + 1, next) : block.text.slice(k, z);
      k = z - 1;
    }
    return out;
  };
  let out = '';
  let pos = start;
  for (const part of diffWordsWithSpace(before, text)) {
    if (part.added) out += part.value;
    else if (part.removed) pos += part.value.length;
    else {
      out += sourceOf(pos, pos + part.value.length);
      pos += part.value.length;
    }
  }
  return { range, text: out };
}
