// Builds a TextBlock from pieces of source text, remembering where every character came from,
// so that findings in the extracted prose map back to exact positions in the original file.
import type { BlockKind, Location, TextBlock } from '../types.js';
import { PLACEHOLDER } from './placeholder.js';
import type { TemplateMatcher } from './templates.js';

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
}

export class BlockBuilder {
  private text = '';
  private offsets: number[] = [];
  /** Source offset just after the last real character pushed. */
  private endOffset = -1;

  /** Append source text that starts at `sourceStart` in the decoded file. */
  push(text: string, sourceStart: number): this {
    for (let i = 0; i < text.length; i++) this.offsets.push(sourceStart + i);
    this.text += text;
    this.endOffset = sourceStart + text.length;
    return this;
  }

  /** Append one character whose source offset is given (a decoded entity, an escaped char). */
  pushAt(text: string, sourceOffset: number, sourceEnd = sourceOffset + 1): this {
    for (let i = 0; i < text.length; i++) this.offsets.push(sourceOffset);
    this.text += text;
    this.endOffset = sourceEnd;
    return this;
  }

  /**
   * Append characters that are not in the source (a space standing for a line break that was
   * removed, or a neutral word standing for inline code). They map to the next real character.
   */
  pushSynthetic(text: string): this {
    for (let i = 0; i < text.length; i++) this.offsets.push(-1);
    this.text += text;
    return this;
  }

  /** Remove the last character (a line-end hyphen when joining "deliv-" and "ery"). */
  dropLast(): this {
    this.text = this.text.slice(0, -1);
    const o = this.offsets.pop();
    if (o !== undefined && o >= 0) this.endOffset = o;
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
    return /\s/.test(this.text.charAt(this.text.length - 1));
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
    const text = this.text;
    const offsets = Int32Array.from(this.offsets);
    const end = this.endOffset;
    // Synthetic characters take the position of the next real one (or the block end).
    const resolved = new Int32Array(offsets.length + 1);
    resolved[offsets.length] = end;
    for (let i = offsets.length - 1; i >= 0; i--) resolved[i] = offsets[i]! >= 0 ? offsets[i]! : resolved[i + 1]!;
    const block: TextBlock = {
      text,
      kind,
      locate(index: number): Location {
        const i = Math.max(0, Math.min(index, text.length));
        // An end position maps to just after the previous real character.
        if (i > 0 && (i === text.length || offsets[i]! < 0) && offsets[i - 1]! >= 0) return locator.locate(offsets[i - 1]! + 1);
        return locator.locate(resolved[i]!);
      },
    };
    if (options.writable !== false) {
      block.sourceOffset = (index: number): number => (index === text.length ? end : (offsets[index] ?? -1));
    }
    return block;
  }

  /** Rewrite text/offsets: placeholders -> synthetic PLACEHOLDER, control tags -> nothing. */
  private neutraliseTemplates(match: TemplateMatcher): void {
    const spans = match(this.text);
    if (spans.length === 0) return;
    const src = this.text;
    const srcOffsets = this.offsets;
    this.text = '';
    this.offsets = [];
    let pos = 0;
    const copy = (from: number, to: number): void => {
      this.text += src.slice(from, to);
      for (let i = from; i < to; i++) this.offsets.push(srcOffsets[i]!);
    };
    for (const s of spans) {
      copy(pos, s.start);
      if (!s.control) {
        this.pushSynthetic(PLACEHOLDER);
      } else {
        const before = this.text.charAt(this.text.length - 1);
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
