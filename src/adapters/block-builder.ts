// Builds a TextBlock from pieces of source text, remembering where every character came from,
// so that findings in the extracted prose map back to exact positions in the original file.
import type { BlockKind, Location, TextBlock } from '../types.js';
import type { LineIndex } from './line-index.js';

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

  /**
   * Append characters that are not in the source (a space standing for a line break that was
   * removed, or a neutral word standing for inline code). They map to the next real character.
   */
  pushSynthetic(text: string): this {
    for (let i = 0; i < text.length; i++) this.offsets.push(-1);
    this.text += text;
    return this;
  }

  get length(): number {
    return this.text.length;
  }

  get content(): string {
    return this.text;
  }

  /** Build the block; returns undefined when it holds no words. */
  build(kind: BlockKind, lines: LineIndex): TextBlock | undefined {
    if (!/[\p{L}\p{N}]/u.test(this.text)) return undefined;
    const text = this.text;
    const offsets = Int32Array.from(this.offsets);
    const end = this.endOffset;
    // Synthetic characters take the position of the next real one (or the block end).
    const resolved = new Int32Array(offsets.length + 1);
    resolved[offsets.length] = end;
    for (let i = offsets.length - 1; i >= 0; i--) resolved[i] = offsets[i]! >= 0 ? offsets[i]! : resolved[i + 1]!;
    return {
      text,
      kind,
      locate(index: number): Location {
        const i = Math.max(0, Math.min(index, text.length));
        // An end position maps to just after the previous real character.
        if (i > 0 && (i === text.length || offsets[i]! < 0) && offsets[i - 1]! >= 0) return lines.locate(offsets[i - 1]! + 1);
        return lines.locate(resolved[i]!);
      },
      sourceOffset(index: number): number {
        if (index === text.length) return end;
        return offsets[index] ?? -1;
      },
    };
  }
}
