// Pushes a parser's decoded string (Markdown text value, HTML text) into a BlockBuilder with the
// right source offset for every character, although the source slice differs from the value:
// backslash escapes, character references (&amp; &#38;), container prefixes ("> ", list
// indentation) and CR before LF are in the source but not in the value. Characters that cannot be
// matched are pushed as synthetic (they then locate at the next real character), never guessed.
import type { BlockBuilder } from './block-builder.js';

const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/y;
/** Source characters a parser may drop between value characters. */
const SKIPPABLE = /[ \t\r>]/;

export interface AlignOptions {
  /** Turn line breaks into a synthetic space (joins hard-wrapped lines). Default true. */
  joinLines?: boolean;
}

export function pushAligned(b: BlockBuilder, value: string, source: string, start: number, end: number, opts: AlignOptions = {}): void {
  const joinLines = opts.joinLines ?? true;
  // Fast path: the value is exactly the source slice.
  if (source.slice(start, end) === value && !(joinLines && /[\r\n]/.test(value))) {
    b.push(value, start);
    return;
  }
  let s = start;
  let v = 0;
  while (v < value.length) {
    const ch = value[v]!;
    if (ch === '\n' || ch === '\r') {
      // A line break in the value: find it in the source, emit one synthetic space for it.
      const nl = source.indexOf('\n', s);
      if (nl !== -1 && nl < end) s = nl + 1;
      if (ch === '\r' && value[v + 1] === '\n') v++;
      if (joinLines) b.pushSynthetic(' ');
      else b.push('\n', nl === -1 ? s : nl);
      v++;
      continue;
    }
    if (s >= end) {
      b.pushSynthetic(ch);
      v++;
      continue;
    }
    const sc = source[s]!;
    if (sc === ch && !(sc === '&' && entityDiffers(source, s, value, v))) {
      b.push(ch, s);
      s++;
      v++;
    } else if (sc === '\\' && source[s + 1] === ch) {
      b.push(ch, s + 1);
      s += 2;
      v++;
    } else if (sc === '&' && entityLength(source, s) > 0) {
      // One reference decodes to one code point (one or two UTF-16 units): all map to the '&'.
      const n = entityLength(source, s);
      const cp = value.codePointAt(v)!;
      const units = cp > 0xffff ? 2 : 1;
      b.push(value.slice(v, v + units), s);
      v += units;
      s += n;
    } else if (SKIPPABLE.test(sc)) {
      s++;
    } else {
      b.pushSynthetic(ch);
      v++;
    }
  }
}

function entityLength(source: string, at: number): number {
  ENTITY.lastIndex = at;
  const m = ENTITY.exec(source);
  return m ? m[0].length : 0;
}

/** At a '&': true when the source has a reference here but the value does not spell it out. */
function entityDiffers(source: string, s: number, value: string, v: number): boolean {
  const n = entityLength(source, s);
  return n > 0 && value.slice(v, v + n) !== source.slice(s, s + n);
}
