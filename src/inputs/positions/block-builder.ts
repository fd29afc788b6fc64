// Builds a TextBlock from pieces of source text, remembering where every character came from,
// so that findings in the extracted prose map back to exact positions in the original file.
//
// Positions are stored as runs, not per character: a run is a stretch of the block's text that
// is either a copy of a stretch of the source (character k of the run is source offset start+k),
// one decoded character reference (every unit at the same offset), or synthetic (not in the
// source). A paragraph is typically a handful of runs, whatever its length; lookups are a binary
// search over the runs.
import type { BlockKind, Location, TextBlock } from '../../shared/types.js';
import { PLACEHOLDER } from './placeholder.js';
import type { TemplateMatcher } from '../prose/templates.js';

/**
 * Maps an offset in the adapter's coordinate space to a Location. For text formats this is a
 * LineIndex over the decoded file; docx/pdf/csv/email supply their own (paragraph, page, row…).
 */
export interface Locator {
  locate(offset: number): Location;
}

export interface BuildOptions {
  /** Neutralise template placeholders and URLs (see templates.ts: opaqueMatcher). */
  opaque?: TemplateMatcher | undefined;
  /** Give the block a sourceOffset() (writable formats only). Default true. */
  writable?: boolean;
  /**
   * The decoded text the source offsets index. A block that is one stretch of it then holds a
   * slice of it (no copy of its own: a large file's blocks would otherwise double its size).
   */
  source?: string | undefined;
  /**
   * The pieces pushed are slices of a text the block must not keep alive (a parser's copy of the
   * whole file): a block that is not a slice of `source` gets a flat copy of its own.
   */
  copy?: boolean;
}

/** Run kinds. */
const COPY = 0; // text[view + k] comes from source[start + k]
const SAME = 1; // every character comes from source[start] (a decoded entity)
const SYNTHETIC = 2; // not in the source

/** Fields of a run in the flat run array (stride 3). */
const VIEW = 0;
const START = 1;
const KIND = 2;
const STRIDE = 3;

/**
 * Runs in one flat array: [viewStart, sourceStart, kind] per run. (A plain array of small
 * integers: cheaper to create than a typed array for the many blocks that hold a run or two.)
 */
class Runs {
  data: number[] = [];
  count = 0;
  /** Total text length covered by the runs (the end of the last run). */
  length = 0;

  /** Append `n` characters of the given kind, merging with the last run when contiguous. */
  add(kind: number, n: number, start: number): void {
    if (n <= 0) return;
    if (kind === SAME && n === 1) kind = COPY;
    if (kind === SYNTHETIC) start = -1;
    const d = this.data;
    const c = this.count;
    if (c > 0) {
      const last = (c - 1) * STRIDE;
      const lastKind = d[last + KIND]!;
      if (
        lastKind === kind &&
        (kind === SYNTHETIC || (kind === COPY && d[last + START]! + (this.length - d[last + VIEW]!) === start))
      ) {
        this.length += n;
        return;
      }
    }
    d.push(this.length, start, kind);
    this.count = c + 1;
    this.length += n;
  }

  /** Remove the last character; returns its source offset (-1 when synthetic or none). */
  dropLast(): number {
    if (this.length === 0) return -1;
    const last = (this.count - 1) * STRIDE;
    const d = this.data;
    const kind = d[last + KIND]!;
    const view = d[last + VIEW]!;
    const offset =
      kind === SYNTHETIC ? -1 : kind === SAME ? d[last + START]! : d[last + START]! + (this.length - 1 - view);
    this.length--;
    if (this.length === view) {
      this.count--;
      d.length = last;
    }
    return offset;
  }

  /** Index of the run holding text index i (0 <= i < length). */
  find(i: number): number {
    return findRun(this.data, this.count, i);
  }
}

/**
 * A built block. Its position lookups are methods on the prototype, not closures made per
 * block: a large file has a hundred thousand blocks, and four closures with their context cost
 * several hundred bytes each (`sourceOffset`, which callers take off the block, stays a bound
 * function, on writable blocks only).
 */
class MappedBlock implements TextBlock {
  // Set only when there are some (declared: no own property otherwise).
  declare lineBreaks?: readonly number[];
  declare sourceOffset?: (index: number) => number;
  /** Lookups are mostly in order (a finding's start then its end): the last run found. */
  private hint = 0;

  constructor(
    public text: string,
    public kind: BlockKind,
    private readonly runs: number[],
    private readonly count: number,
    private readonly end: number,
    private readonly locator: Locator,
  ) {}

  private runAt(i: number): number {
    const d = this.runs;
    const h = this.hint;
    const count = this.count;
    if (h < count && d[h * STRIDE + VIEW]! <= i && (h + 1 === count || d[(h + 1) * STRIDE + VIEW]! > i)) return h;
    return (this.hint = findRun(d, count, i));
  }

  private offsetAt(i: number): number {
    return offsetIn(this.runs, this.runAt(i), i);
  }

  /** Where a synthetic run locates: the next real character (runs alternate), or the block end. */
  private after(run: number): number {
    return run + 1 < this.count ? this.runs[(run + 1) * STRIDE + START]! : this.end;
  }

  /** The source offset of text[index] (-1: synthetic); text.length: just after the block. */
  offsetOf(index: number): number {
    const len = this.text.length;
    return index === len ? this.end : index >= 0 && index < len && Number.isInteger(index) ? this.offsetAt(index) : -1;
  }

  locate(index: number): Location {
    const len = this.text.length;
    const locator = this.locator;
    const i = Math.max(0, Math.min(index, len));
    if (i === len) return locator.locate(len > 0 && this.offsetAt(i - 1) >= 0 ? this.offsetAt(i - 1) + 1 : this.end);
    const run = this.runAt(i);
    const o = offsetIn(this.runs, run, i);
    if (o >= 0) return locator.locate(o);
    // An end position maps to just after the previous real character.
    if (i > 0) {
      const p = this.offsetAt(i - 1);
      if (p >= 0) return locator.locate(p + 1);
    }
    return locator.locate(this.after(run));
  }
}

/** Index of the last run starting at or before text index i (binary search). */
function findRun(d: readonly number[], count: number, i: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (d[mid * STRIDE + VIEW]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Source offset of text index i, given the run that holds it (-1 for synthetic). */
function offsetIn(d: readonly number[], run: number, i: number): number {
  const at = run * STRIDE;
  const kind = d[at + KIND]!;
  if (kind === COPY) return d[at + START]! + (i - d[at + VIEW]!);
  return kind === SAME ? d[at + START]! : -1;
}

export class BlockBuilder {
  private text = '';
  /**
   * The last character of `text`, kept apart: reading a character of a string built with `+=`
   * makes V8 flatten (copy) the whole string, so asking "does it end in a space?" after every
   * piece of a long paragraph was quadratic (a 200 KB HTML paragraph took 20 s).
   */
  private last = '';
  private runs = new Runs();
  /** Source offset just after the last real character pushed. */
  private endOffset = -1;
  /** Indexes of synthetic spaces that stand for a line break of the source (see pushLineBreak). */
  private breaks: number[] = [];

  /** Append source text that starts at `sourceStart` in the decoded file. */
  push(text: string, sourceStart: number): this {
    this.runs.add(COPY, text.length, sourceStart);
    this.text += text;
    if (text.length > 0) this.last = text.charAt(text.length - 1);
    this.endOffset = sourceStart + text.length;
    return this;
  }

  /** Append one character whose source offset is given (a decoded entity, an escaped char). */
  pushAt(text: string, sourceOffset: number, sourceEnd = sourceOffset + 1): this {
    this.runs.add(SAME, text.length, sourceOffset);
    this.text += text;
    if (text.length > 0) this.last = text.charAt(text.length - 1);
    this.endOffset = sourceEnd;
    return this;
  }

  /**
   * Append characters that are not in the source (a space standing for a line break that was
   * removed, or a neutral word standing for inline code). They map to the next real character.
   */
  pushSynthetic(text: string): this {
    this.runs.add(SYNTHETIC, text.length, -1);
    this.text += text;
    if (text.length > 0) this.last = text.charAt(text.length - 1);
    return this;
  }

  /**
   * A synthetic space standing for a line break inside a paragraph. Sentence splitting reads
   * these: a chat line, a bullet fragment or a headline ends at its line break even without
   * end punctuation (text/sentences.ts).
   */
  pushLineBreak(): this {
    this.breaks.push(this.text.length);
    return this.pushSynthetic(' ');
  }

  /** Remove the last character (a line-end hyphen when joining "deliv-" and "ery"). */
  dropLast(): this {
    if (this.text.length === 0) return this;
    this.text = this.text.slice(0, -1);
    this.last = this.text.charAt(this.text.length - 1);
    const o = this.runs.dropLast();
    if (o >= 0) this.endOffset = o;
    return this;
  }

  /** A synthetic space, unless the block is empty or already ends in whitespace. */
  gap(): this {
    if (this.text.length > 0 && !this.endsWithSpace()) this.pushSynthetic(' ');
    return this;
  }

  /** The neutral placeholder word standing for non-prose inside a sentence (code, URL...). */
  placeholder(): this {
    return this.gap().pushSynthetic(PLACEHOLDER);
  }

  /** True when the last character is whitespace (checked on that character only: blocks can be long). */
  endsWithSpace(): boolean {
    return /\s/.test(this.last);
  }

  get length(): number {
    return this.text.length;
  }

  get content(): string {
    return this.text;
  }

  /** Build the block; returns undefined when it holds no words. */
  build(kind: BlockKind, locator: Locator, options: BuildOptions = {}): TextBlock | undefined {
    if (options.opaque) this.neutraliseTemplates(options.opaque);
    if (!/[\p{L}\p{N}]/u.test(this.text)) return undefined;
    let text = this.text;
    const d = this.runs.data;
    if (options.source && this.runs.count === 1 && d[KIND] === COPY && options.source.startsWith(text, d[START]!))
      text = options.source.slice(d[START]!, d[START]! + text.length);
    else if (options.copy && text.length > 12) text = (' ' + text).slice(1);
    const block = new MappedBlock(
      text,
      kind,
      this.runs.data.slice(0, this.runs.count * STRIDE),
      this.runs.count,
      this.endOffset,
      locator,
    );
    if (this.breaks.length > 0) block.lineBreaks = this.breaks;
    if (options.writable !== false) block.sourceOffset = (index: number): number => block.offsetOf(index);
    return block;
  }

  /** Rewrite text/runs: placeholders -> synthetic PLACEHOLDER, control tags -> nothing. */
  private neutraliseTemplates(match: TemplateMatcher): void {
    const spans = match(this.text);
    if (spans.length === 0) return;
    const src = this.text;
    const old = this.runs;
    const d = old.data;
    this.text = '';
    this.last = '';
    this.runs = new Runs();
    const oldBreaks = this.breaks;
    this.breaks = [];
    let pos = 0;
    // The breaks are in order and so are the spans: one pointer walks them (a paragraph of many
    // lines and many placeholders was quadratic).
    let nextBreak = 0;
    const copy = (from: number, to: number): void => {
      if (to <= from) return;
      while (nextBreak < oldBreaks.length && oldBreaks[nextBreak]! < from) nextBreak++;
      for (; nextBreak < oldBreaks.length && oldBreaks[nextBreak]! < to; nextBreak++)
        this.breaks.push(this.text.length + (oldBreaks[nextBreak]! - from));
      this.text += src.slice(from, to);
      this.last = src.charAt(to - 1);
      for (let k = old.find(from); k < old.count && d[k * STRIDE + VIEW]! < to; k++) {
        const at = k * STRIDE;
        const view = d[at + VIEW]!;
        const viewEnd = k + 1 < old.count ? d[at + STRIDE + VIEW]! : old.length;
        const a = Math.max(from, view);
        const b = Math.min(to, viewEnd);
        const kind = d[at + KIND]!;
        this.runs.add(kind, b - a, kind === COPY ? d[at + START]! + (a - view) : d[at + START]!);
      }
    };
    for (const s of spans) {
      copy(pos, s.start);
      if (!s.control) {
        this.pushSynthetic(PLACEHOLDER);
      } else {
        const before = this.last;
        const after = src.charAt(s.end);
        // Removing the tag must not glue "rush{{/if}}shipping" into one word, nor leave two spaces.
        if (/\S/.test(before) && /\S/.test(after)) this.pushSynthetic(' ');
        else if (/\s/.test(before) && /\s/.test(after)) {
          pos = s.end + 1;
          continue;
        }
      }
      pos = s.end;
    }
    copy(pos, src.length);
  }
}
