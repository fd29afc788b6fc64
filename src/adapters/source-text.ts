// Decoding of text files: UTF-8 only, BOM remembered, binary refused with a one-line reason.
import { InputError } from '../errors.js';
import type { SourceText } from '../types.js';
import { describe, sniff } from './sniff.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** True when the bytes look like a binary file (NUL bytes in the first 8 KiB). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

export function decodeText(bytes: Uint8Array): SourceText {
  const kind = sniff(bytes);
  if (kind !== 'other') throw new InputError(`binary file, not text (${describe(kind)})`);
  if (looksBinary(bytes)) throw new InputError('binary file, not text');
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new InputError('not valid UTF-8 text (save it as UTF-8)');
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return { text, bom, encoding: 'utf8', eol: crlf > lf ? '\r\n' : '\n' };
}

/** Re-encode text for writing back: same BOM; line endings are the caller's (edits keep them). */
export function encodeText(source: SourceText, text: string): Buffer {
  return Buffer.from((source.bom ? '\ufeff' : '') + text, 'utf8');
}
