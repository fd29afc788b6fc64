// Positions stay exact on large files: the Markdown extractor streams top-level blocks and
// blocks may be slices of the file's text, so a generated file of a few MB, with markers at
// known lines and columns, must locate every marker where it was written, and every extracted
// character must come from the offset its block maps it to.
import { describe, expect, it } from 'vitest';
import { markdownAdapter } from '../../src/inputs/formats/markdown.js';
import { textAdapter } from '../../src/inputs/formats/text.js';
import type { InputAdapter, TextBlock } from '../../src/shared/types.js';

interface Planted {
  text: string;
  /** marker -> [line, column] (1-based) where it was written */
  markers: Map<string, [number, number]>;
}

/**
 * A document of about `bytes`, in pieces of several shapes (paragraphs hard-wrapped over lines,
 * list items, quotes, headings, emphasis and links around the marker), each piece carrying one
 * marker word "Mk<k>" at a known line and column. `eol` joins lines.
 */
function plant(bytes: number, eol: string, markdown: boolean): Planted {
  const lines: string[] = [];
  const markers = new Map<string, [number, number]>();
  const put = (prefix: string, k: number, rest: string): void => {
    const marker = `Mk${k}`;
    markers.set(marker, [lines.length + 1, prefix.length + 1]);
    lines.push(`${prefix}${marker} ${rest}`);
  };
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    const before = lines.length;
    const shape = k % 6;
    if (shape === 0 || !markdown) {
      lines.push(`Our crew reviewed order ${k} and the drawings for the site,`);
      put('', k, `says we always ship within ${k % 40} days of the survey.`);
      lines.push('');
    } else if (shape === 1) {
      lines.push(`- Item ${k}: the loading bay was checked.`);
      put('- ', k, 'is *always* installed by Friday.');
      lines.push('');
    } else if (shape === 2) {
      put('> ', k, `guarantees [the best](https://example.com/${k}) results.`);
      lines.push('> The quote was revised.', '');
    } else if (shape === 3) {
      put('## ', k, `never misses a deadline`);
      lines.push('');
    } else if (shape === 4) {
      lines.push(`1. Step ${k} of the install.`);
      put('   ', k, `responds within **15 minutes** (order ${k}).`);
      lines.push('');
    } else {
      put('', k, `uses \`code ${k}\` and _emphasis_ to ship on time.`);
      lines.push('');
    }
    for (let i = before; i < lines.length; i++) size += lines[i]!.length + eol.length;
  }
  return { text: lines.join(eol), markers };
}

async function blocksOf(adapter: InputAdapter, text: string, name: string): Promise<TextBlock[]> {
  return (await adapter.parse({ filePath: name, bytes: Buffer.from(text, 'utf8') }, {})).blocks;
}

function checkMarkers(blocks: TextBlock[], planted: Planted): number {
  let seen = 0;
  for (const block of blocks) {
    for (const m of block.text.matchAll(/\bMk\d+\b/g)) {
      const want = planted.markers.get(m[0]);
      const got = block.locate(m.index);
      expect([got.line, got.column], m[0]).toEqual(want);
      const end = block.locate(m.index + m[0].length);
      expect([end.line, end.column], `end of ${m[0]}`).toEqual([want![0], want![1] + m[0].length]);
      seen++;
    }
  }
  return seen;
}

/** Every character a block copies from the file is the file's character at its offset. */
function checkOffsets(blocks: TextBlock[], text: string): void {
  let checked = 0;
  for (const block of blocks) {
    const at = block.sourceOffset!;
    for (let i = 0; i < block.text.length; i += 3) {
      const o = at(i);
      if (o < 0) continue; // synthetic (a line break, a placeholder)
      if (text[o] !== block.text[i]) throw new Error(`"${block.text[i]}" at ${i} maps to "${text[o]}" at ${o}`);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(text.length / 10);
}

describe('large files keep exact positions', () => {
  for (const [eol, label] of [
    ['\n', 'LF'],
    ['\r\n', 'CRLF'],
  ] as const) {
    it(`Markdown, ${label}: every marker of a 1.5 MB file where it was written`, async () => {
      const planted = plant(1_500_000, eol, true);
      const blocks = await blocksOf(markdownAdapter, planted.text, 'big.md');
      expect(checkMarkers(blocks, planted)).toBe(planted.markers.size);
      checkOffsets(blocks, planted.text);
    }, 60_000);
  }

  for (const [eol, label] of [
    ['\n', 'LF'],
    ['\r', 'CR-only'],
  ] as const) {
    it(`plain text, ${label}: every marker of a 1.5 MB file where it was written`, async () => {
      const planted = plant(1_500_000, eol, false);
      const blocks = await blocksOf(textAdapter, planted.text, 'big.txt');
      expect(checkMarkers(blocks, planted)).toBe(planted.markers.size);
      checkOffsets(blocks, planted.text);
    }, 60_000);
  }

  it('a Markdown link defined after its use still reads as a link in a streamed file', async () => {
    const filler = Array.from({ length: 2000 }, (_, i) => `Paragraph ${i} was reviewed.`).join('\n\n');
    const text = `We [always ship][terms] on time.\n\n${filler}\n\n[terms]: https://example.com/terms\n`;
    const blocks = await blocksOf(markdownAdapter, text, 'late-definition.md');
    expect(blocks[0]!.text).toBe('We always ship on time.');
  });
});
