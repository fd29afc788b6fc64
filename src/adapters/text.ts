// Plain text: paragraphs are separated by blank lines; bullet and numbered lines start blocks of
// their own; hard-wrapped lines are joined so a sentence broken across lines is still one sentence.
import type { AdapterOptions, InputAdapter, InputDocument, InputFile, TextBlock } from '../types.js';
import { BlockBuilder } from './block-builder.js';
import { LineIndex } from './line-index.js';
import { decodeText } from './source-text.js';

const LIST_ITEM = /^[ \t]*(?:[-*•◦▪–]|\d{1,3}[.)]|[a-z][.)])[ \t]+/;
const BLANK = /^[ \t]*$/;

/** Split decoded text into blocks. `lineFilter` lets callers (plain-text email) drop lines. */
export function textBlocks(text: string, lines: LineIndex, keepLine: (lineNo: number) => boolean = () => true): TextBlock[] {
  const blocks: TextBlock[] = [];
  let builder = new BlockBuilder();
  const flush = (): void => {
    const b = builder.build('paragraph', lines);
    if (b) blocks.push(b);
    builder = new BlockBuilder();
  };
  let pos = 0;
  let lineNo = 0;
  while (pos <= text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol === -1) eol = text.length;
    let line = text.slice(pos, eol);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    lineNo++;
    if (!keepLine(lineNo) || BLANK.test(line)) {
      flush();
    } else {
      const bullet = LIST_ITEM.exec(line);
      if (bullet) {
        flush();
        builder.push(line.slice(bullet[0].length), pos + bullet[0].length);
      } else {
        if (builder.length > 0) builder.pushSynthetic(' ');
        const lead = /^[ \t]*/.exec(line)![0].length;
        builder.push(line.slice(lead), pos + lead);
      }
    }
    if (eol === text.length) break;
    pos = eol + 1;
  }
  flush();
  return blocks;
}

export const textAdapter: InputAdapter = {
  name: 'text',
  extensions: ['.txt', '.text'],
  writable: true,
  async parse(file: InputFile, _options: AdapterOptions): Promise<InputDocument> {
    const source = decodeText(file.bytes);
    const lines = new LineIndex(source.text);
    return { filePath: file.filePath, format: 'text', blocks: textBlocks(source.text, lines), source };
  },
};
