// mbox: several messages in one file, each starting with a "From " line at the start of the file
// or after a blank line. Each message is read like an .eml; positions are in the whole file.
import { InputError } from '../../shared/errors.js';
import type { AdapterOptions, InputAdapter, InputDocument, InputFile } from '../../shared/types.js';
import { messageBlocks, rawFile } from './email.js';
import { describe, sniff } from '../sniff.js';

/** Byte ranges [start, end) of the messages, "From " separator lines excluded. */
export function splitMbox(bytes: Uint8Array): [number, number][] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const starts: number[] = [];
  if (buf.subarray(0, 5).toString('latin1') === 'From ') starts.push(0);
  for (let i = buf.indexOf('\nFrom '); i !== -1; i = buf.indexOf('\nFrom ', i + 1)) {
    // mboxrd/mboxo: a separator follows an empty line (or starts the file).
    const prev = buf[i - 1] === 13 ? i - 2 : i - 1;
    if (prev < 0 || buf[prev] === 10) starts.push(i + 1);
  }
  return starts.map((s, k) => {
    const eol = buf.indexOf('\n', s);
    const body = eol === -1 ? buf.length : eol + 1;
    return [body, k + 1 < starts.length ? starts[k + 1]! : buf.length];
  });
}

export const mboxAdapter: InputAdapter = {
  name: 'mbox',
  extensions: ['.mbox'],
  writable: false,
  async parse(file: InputFile, options: AdapterOptions): Promise<InputDocument> {
    const kind = sniff(file.bytes);
    if (kind !== 'other') throw new InputError(`not an mbox file (${describe(kind)})`);
    const ranges = splitMbox(file.bytes);
    if (ranges.length === 0) throw new InputError('not an mbox file (no "From " line starts a message)');
    const raw = rawFile(file.bytes);
    const doc: InputDocument = { filePath: file.filePath, format: 'mbox', blocks: [], notices: [] };
    // Character offset of a byte offset. The offsets asked for only grow, and each is at a line
    // start (an ASCII byte), so the characters are counted from the previous one on: decoding
    // the file from its start for every message was quadratic (20,000 messages: minutes).
    let atByte = 0;
    let atChar = 0;
    const offset = (byte: number): number => {
      if (!raw.utf8) return byte;
      if (byte < atByte) [atByte, atChar] = [0, 0];
      atChar += Buffer.from(file.bytes.buffer, file.bytes.byteOffset + atByte, byte - atByte).toString('utf8').length;
      atByte = byte;
      return atChar;
    };
    for (const [k, [start, end]] of ranges.entries()) {
      const { blocks, notices } = await messageBlocks(
        file.bytes.subarray(start, end),
        raw,
        offset(start),
        options,
        offset(end),
      );
      doc.blocks.push(...blocks);
      doc.notices!.push(...notices.map((n) => `message ${k + 1}: ${n}`));
    }
    if (doc.notices!.length === 0) delete doc.notices;
    return doc;
  },
};
