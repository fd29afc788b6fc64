// Plain text: paragraphs are separated by blank lines; bullet and numbered lines start blocks of
// their own; hard-wrapped lines are joined so a sentence broken across lines is still one sentence.
// A .txt that looks like a pasted email gets the email treatment: its header lines, quoted
// replies, signatures and disclaimers are not linted (AdapterOptions.detectEmail: false turns
// that off, includeQuoted keeps the quotes).
import type { AdapterOptions, InputAdapter, InputDocument, InputFile, TextBlock } from '../../shared/types.js';
import { BlockBuilder, type BuildOptions, type Locator } from '../positions/block-builder.js';
import { LineIndex, lineEnd, sourceLines } from '../positions/line-index.js';
import { authoredLines, headerLineCount, looksLikeEmail } from '../prose/quoting.js';
import { decodeText } from '../source-text.js';
import { opaqueMatcher } from '../prose/templates.js';
import { isDirectiveLine } from '../prose/directive-syntax.js';
import { frontMatterLines } from '../prose/front-matter.js';

const LIST_ITEM = /^[ \t]*(?:[-*•◦▪–]|\d{1,3}[.)]|[a-z][.)])[ \t]+/;
const BLANK = /^[ \t]*$/;

/**
 * Split decoded text into blocks. `keepLine` (1-based line numbers) lets callers such as
 * plain-text email drop lines; `build` passes template/URL handling and writability through.
 */
export function textBlocks(
  text: string,
  lines: Locator,
  keepLine: (lineNo: number) => boolean = () => true,
  build: BuildOptions = {},
): TextBlock[] {
  const blocks: TextBlock[] = [];
  let builder = new BlockBuilder();
  const flush = (): void => {
    const b = builder.build('paragraph', lines, build);
    if (b) blocks.push(b);
    builder = new BlockBuilder();
  };
  let pos = 0;
  let lineNo = 0;
  while (pos <= text.length) {
    const { end: eol, next } = lineEnd(text, pos);
    const line = text.slice(pos, eol);
    lineNo++;
    if (!keepLine(lineNo) || BLANK.test(line)) {
      flush();
    } else {
      const bullet = LIST_ITEM.exec(line);
      if (bullet) {
        flush();
        builder.push(line.slice(bullet[0].length), pos + bullet[0].length);
      } else {
        if (builder.length > 0) builder.pushLineBreak();
        const lead = /^[ \t]*/.exec(line)![0].length;
        builder.push(line.slice(lead), pos + lead);
      }
    }
    pos = next;
  }
  flush();
  return blocks;
}

/** Split into lines without their line endings, numbered as textBlocks (and LineIndex) number them. */
export function splitLines(text: string): string[] {
  return sourceLines(text);
}

/** keepLine filter for an email body: header block at the top and quoted/signature lines dropped. */
export function emailLineFilter(
  lines: readonly string[],
  options: AdapterOptions,
  skipHeaders = true,
): (lineNo: number) => boolean {
  // The message's own header block is not a quoted "From: … Sent: …" block: classify after it.
  const headers = skipHeaders ? headerLineCount(lines) : 0;
  const keep = [
    ...lines.slice(0, headers).map((l) => /^subject\s*:/i.test(l)),
    ...authoredLines(lines.slice(headers), { includeQuoted: options.includeQuoted }),
  ];
  return (lineNo) => keep[lineNo - 1] ?? true;
}

export const textAdapter: InputAdapter = {
  name: 'text',
  extensions: ['.txt', '.text'],
  writable: true,
  async parse(file: InputFile, options: AdapterOptions): Promise<InputDocument> {
    const source = decodeText(file.bytes);
    const lines = new LineIndex(source.text);
    const build: BuildOptions = { opaque: opaqueMatcher(options), source: source.text };
    const split = splitLines(source.text);
    const isEmail = options.detectEmail !== false && looksLikeEmail(split);
    const authored = isEmail ? emailLineFilter(split, options) : undefined;
    // pitchlint-disable… directive lines are instructions to the linter, not prose; front matter
    // (a static site's page metadata) is not prose either.
    const front = frontMatterLines(source.text);
    const keep =
      front > 0 || split.some(isDirectiveLine)
        ? (n: number) => n > front && !isDirectiveLine(split[n - 1] ?? '') && (authored?.(n) ?? true)
        : authored;
    const doc: InputDocument = {
      filePath: file.filePath,
      format: 'text',
      blocks: textBlocks(source.text, lines, keep, build),
      source,
    };
    if (isEmail)
      doc.notices = [
        'looks like an email: quoted replies, signatures and disclaimers are not linted (--no-email-detection to lint everything)',
      ];
    return doc;
  },
};
