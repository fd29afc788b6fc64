// Turning a rewritten sentence into edits of the file, for `pitchlint review` and `pitchlint
// rewrite`: the change is split into word-level edits, each mapped through the block to the
// file's characters and bounded like a --fix (line breaks, markers, markup and merge fields
// kept). Merge fields are shown as the file has them ({{first_name}}, %CITY%), not as the
// engine's stand-in. HTML, which has no offsets, is mapped through its line/column locations.
import { diffWordsWithSpace } from 'diff';
import { boundFix } from '../rewrites/bound.js';
import { PLACEHOLDER } from '../inputs/positions/placeholder.js';
import { toSourceFix } from '../rewrites/source-map.js';
import type { Finding, Fix, InputDocument, SourceText, TextBlock } from '../shared/types.js';

/**
 * Where the finding's sentence starts in its block (its flagged words found at their offset).
 * `blocks` default to the document's; HTML passes its located blocks and line starts.
 */
export function blockOf(
  doc: InputDocument,
  f: Finding,
  blocks: readonly TextBlock[] = doc.blocks,
  starts?: readonly number[],
): { block: TextBlock; start: number } | undefined {
  const off = f.start.offset ?? (starts ? (starts[f.start.line - 1] ?? -1) + f.start.column - 1 : undefined);
  if (off === undefined || off < 0) return undefined;
  for (const block of blocks) {
    const at = block.sourceOffset;
    if (!at) continue;
    const end = at(block.text.length);
    if (end >= 0 && end < off) continue;
    for (let j = f.span[0]; j <= block.text.length; j++) {
      if (at(j) === off && block.text.startsWith(f.sentence, j - f.span[0])) return { block, start: j - f.span[0] };
    }
  }
  return undefined;
}

/** The changes from `a` to `b` as separate word-level edits (each mapped to the file on its own). */
export function wordEdits(a: string, b: string): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  let pos = 0;
  let cur: { start: number; end: number; text: string } | undefined;
  for (const part of diffWordsWithSpace(a, b)) {
    if (part.added) {
      cur ??= { start: pos, end: pos, text: '' };
      cur.text += part.value;
    } else if (part.removed) {
      cur ??= { start: pos, end: pos, text: '' };
      pos += part.value.length;
      cur.end = pos;
    } else {
      if (cur) out.push(cur);
      cur = undefined;
      pos += part.value.length;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * The file's text behind each placeholder (U+2026) of block text [start, start + length): what
 * lies between the real characters around it, e.g. {{first_name}} or %CITY%.
 */
export function placeholderTexts(block: TextBlock, start: number, length: number, source: string): string[] {
  const at = block.sourceOffset;
  const out: string[] = [];
  if (!at) return out;
  for (let k = start; k < start + length; k++) {
    if (block.text[k] !== PLACEHOLDER || at(k) >= 0) continue;
    let prev = k - 1;
    while (prev >= 0 && at(prev) < 0) prev--;
    let next = k + 1;
    while (next < block.text.length && at(next) < 0) next++;
    const from = prev >= 0 ? at(prev) + 1 : -1;
    const to = at(next);
    out.push(from >= 0 && to >= from ? source.slice(from, to).trim() || PLACEHOLDER : PLACEHOLDER);
  }
  return out;
}

/** Placeholders of `s` shown as the file has them (when their count matches). */
export function withFields(s: string, fields: string[]): string {
  const parts = s.split(PLACEHOLDER);
  if (parts.length - 1 !== fields.length) return s;
  return parts.reduce((acc, p, i) => acc + fields[i - 1]! + p);
}

/** The reverse: the file's placeholder texts in an answer back to the stand-in the sentence has. */
export function withoutFields(s: string, fields: string[]): string {
  let out = s;
  for (const f of [...new Set(fields)].sort((a, b) => b.length - a.length))
    if (f !== PLACEHOLDER) out = out.split(f).join(PLACEHOLDER);
  return out;
}

export interface SentenceAt {
  block: TextBlock;
  /** Start of the sentence in the block's text. */
  start: number;
  sentence: string;
  /** The sentence's range in the source, when known. */
  range?: [number, number];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * The source fixes turning the sentence into `next` ("" removes it, with the blanks after it),
 * bounded like --fix; or why it cannot be done in place.
 */
export function sentenceFixes(
  format: string,
  source: string,
  at: SentenceAt,
  next: string,
): { fixes: Fix[] } | { reason: string } {
  const target = next.trim();
  const bt = at.block.text;
  let blockEdits;
  if (target === '') {
    let s = at.start;
    let z = at.start + at.sentence.length;
    while (z < bt.length && /[ \t]/.test(bt[z]!)) z++;
    if (z === at.start + at.sentence.length) while (s > 0 && /[ \t]/.test(bt[s - 1]!)) s--;
    if (bt.slice(0, s).trim() === '' && bt.slice(z).trim() === '')
      return { reason: 'removing the whole paragraph would change the layout' };
    blockEdits = [{ start: s, end: z, text: '' }];
  } else {
    blockEdits = wordEdits(at.sentence, target).map((e) => ({
      start: at.start + e.start,
      end: at.start + e.end,
      text: e.text,
    }));
  }
  if (blockEdits.length === 0) return { reason: 'nothing changes' };
  const st: SourceText = { text: source, bom: false, encoding: 'utf8', eol: '\n' };
  const fixes: Fix[] = [];
  for (const e of blockEdits) {
    // A bracketed placeholder ([typical delivery time]) is no Markdown link; other markup is refused.
    if (format === 'markdown' && /[*_`[\]<>|\\]/.test(e.text.replace(/\[[^[\]()]+\](?![(:[])/g, '')))
      return { reason: 'the new words contain Markdown markup characters' };
    if (e.text.includes(PLACEHOLDER)) return { reason: 'a merge field would move' };
    const text = format === 'html' ? e.text.replace(/[&<>]/g, (c) => HTML_ESCAPES[c]!) : e.text;
    const raw = toSourceFix(at.block, st, e.start, e.end, text, target === '');
    if (!raw) return { reason: 'the change would cross markup the file has there' };
    const b = boundFix(source, raw, at.range);
    if (!b.ok) return { reason: b.reason };
    if (b.fix) fixes.push(b.fix);
  }
  if (fixes.length === 0) return { reason: 'nothing changes' };
  return { fixes };
}

/**
 * A block of a format without source offsets (HTML) seen through its line/column locations: a
 * character is real when the file has it at its location; anything else (a space standing for a
 * tag, a decoded entity, a placeholder) counts as synthetic, so no edit crosses it.
 */
export function locatedBlock(block: TextBlock, starts: readonly number[], source: string): TextBlock {
  const memo = new Map<number, number>();
  const sourceOffset = (i: number): number => {
    const known = memo.get(i);
    if (known !== undefined) return known;
    let o = -1;
    if (i === block.text.length) {
      if (i > 0) {
        const p = sourceOffset(i - 1);
        o = p >= 0 ? p + 1 : -1;
      }
    } else {
      const loc = block.locate(i);
      const off = (starts[loc.line - 1] ?? -1) + loc.column - 1;
      o = off >= 0 && source[off] === block.text[i] ? off : -1;
    }
    memo.set(i, o);
    return o;
  };
  return { ...block, locate: block.locate.bind(block), sourceOffset };
}

/** Offsets where lines start (LF, CRLF or CR), as the line/column locations count them. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}
