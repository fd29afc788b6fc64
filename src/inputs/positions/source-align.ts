// Maps a parser's content string back to the source, character by character, although the two
// differ: a block parser hands its inline parser the block's lines with container prefixes
// ("> ", list indentation) removed, line endings normalised to "\n", the ends trimmed, and (in
// table cells) "\|" unescaped. A ContentMap remembers, per content line, where that line sits in
// the source: usually one constant shift (the line is a slice of the source line), otherwise one
// offset per character. Characters that cannot be matched map to -1 (pushed as synthetic: they
// then locate at the next real character), never to a guess.
import type { BlockBuilder } from './block-builder.js';

/** One line of content: [start, end) in the content, and where it is in the source. */
interface Line {
  start: number;
  end: number;
  /** source offset = content index + shift (when `chars` is undefined). */
  shift: number;
  /** Source offset of each character of the line, -1 when it has none. */
  chars: Int32Array | undefined;
}

export class ContentMap {
  private readonly lines: Line[] = [];
  private hint = 0;

  /** Content [start, end) is the source slice starting at `sourceStart`. */
  addSlice(start: number, end: number, sourceStart: number): void {
    this.lines.push({ start, end, shift: sourceStart - start, chars: undefined });
  }

  /** Content [start, start + chars.length) maps character by character. */
  addChars(start: number, chars: Int32Array): void {
    this.lines.push({ start, end: start + chars.length, shift: 0, chars });
  }

  private lineAt(i: number): Line | undefined {
    const lines = this.lines;
    let k = this.hint < lines.length && lines[this.hint]!.start <= i ? this.hint : 0;
    // Lookups mostly go forward a line or two; otherwise (a long paragraph, a lookup behind the
    // hint) a binary search, so that a block of many lines is not walked once per lookup.
    if (k + 2 < lines.length && lines[k + 2]!.start <= i) {
      let hi = lines.length - 1;
      while (k < hi) {
        const mid = (k + hi + 1) >> 1;
        if (lines[mid]!.start <= i) k = mid;
        else hi = mid - 1;
      }
    } else if (k + 1 < lines.length && lines[k + 1]!.start <= i) k++;
    this.hint = k;
    const line = lines[k];
    return line && i >= line.start && i < line.end ? line : undefined;
  }

  /** Source offset of content[i]; -1 when it has none. */
  at(i: number): number {
    const line = this.lineAt(i);
    if (!line) return -1;
    return line.chars ? line.chars[i - line.start]! : i + line.shift;
  }

  /** Push `text`, which is content[i, i + text.length), with its source offsets. */
  push(b: BlockBuilder, i: number, text: string): void {
    const line = this.lineAt(i);
    if (line && !line.chars && i + text.length <= line.end) {
      b.push(text, i + line.shift);
      return;
    }
    for (let k = 0; k < text.length; k++) {
      const o = this.at(i + k);
      if (o >= 0) b.push(text[k]!, o);
      else b.pushSynthetic(text[k]!);
    }
  }
}

/** Whitespace as String.prototype.trim sees it. */
export function isTrimSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Map content line [cs, ce) onto source line [ls, le) (no line ending). The content line is the
 * end of the source line (a paragraph or setext heading line after its container prefix and
 * indentation; the last line possibly trimmed), or, in an ATX heading, a slice of it followed by
 * the closing #s. Falls back to matching character by character from the right (a tab that the
 * parser expanded to spaces, a NUL it replaced with U+FFFD).
 */
export function mapLine(
  map: ContentMap,
  content: string,
  cs: number,
  ce: number,
  source: string,
  ls: number,
  le: number,
): void {
  let cEnd = ce;
  while (cEnd > cs && isTrimSpace(content.charCodeAt(cEnd - 1))) cEnd--;
  let sEnd = le;
  while (sEnd > ls && isTrimSpace(source.charCodeAt(sEnd - 1))) sEnd--;
  const n = cEnd - cs;
  if (n === 0) {
    map.addChars(cs, new Int32Array(ce - cs).fill(-1));
    return;
  }
  const core = content.slice(cs, cEnd);
  let at = sEnd - n;
  if (at >= ls && !source.startsWith(core, at)) at = at > ls ? source.lastIndexOf(core, at) : -1;
  if (at >= ls) {
    map.addSlice(cs, ce, at);
    return;
  }
  const chars = new Int32Array(ce - cs).fill(-1);
  let j = sEnd - 1;
  for (let i = cEnd - 1; i >= cs && j >= ls; i--) {
    const c = content.charCodeAt(i);
    const s = source.charCodeAt(j);
    if (c === s || (c === 0xfffd && s === 0)) chars[i - cs] = j--;
  }
  map.addChars(cs, chars);
}

/**
 * The cells of a GFM table row as the table parser splits them: on "|" not preceded by "\", an
 * escaped "\|" standing for "|"; leading and trailing empty cells dropped; each cell trimmed.
 * `start` is where the row's text begins in the source (after container prefix and indentation).
 */
export function tableCells(source: string, start: number, end: number): { text: string; chars: Int32Array }[] {
  while (start < end && isTrimSpace(source.charCodeAt(start))) start++;
  while (end > start && isTrimSpace(source.charCodeAt(end - 1))) end--;
  const cells: { text: string; offsets: number[] }[] = [];
  let text = '';
  let offsets: number[] = [];
  let escaped = false;
  for (let p = start; p < end; p++) {
    const c = source.charCodeAt(p);
    if (c === 0x7c && !escaped) {
      cells.push({ text, offsets });
      text = '';
      offsets = [];
    } else if (c === 0x7c) {
      // "\|": the backslash goes, the pipe stays.
      text = text.slice(0, -1) + '|';
      offsets[offsets.length - 1] = p;
    } else {
      text += source[p];
      offsets.push(p);
    }
    escaped = c === 0x5c;
  }
  cells.push({ text, offsets });
  if (cells.length > 0 && cells[0]!.text === '') cells.shift();
  if (cells.length > 0 && cells[cells.length - 1]!.text === '') cells.pop();
  return cells.map(({ text, offsets }) => {
    let a = 0;
    let b = text.length;
    while (a < b && isTrimSpace(text.charCodeAt(a))) a++;
    while (b > a && isTrimSpace(text.charCodeAt(b - 1))) b--;
    return { text: text.slice(a, b), chars: Int32Array.from(offsets.slice(a, b)) };
  });
}
