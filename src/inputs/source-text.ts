// Decoding of text files: UTF-8 only, BOM remembered, binary refused with a one-line reason.
import { isUtf8 } from 'node:buffer';
import { InputError } from '../shared/errors.js';
import type { SourceText } from '../shared/types.js';
import { describe, sniff } from './sniff.js';


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
  // Validated first (simdutf), then decoded: several times faster than a fatal TextDecoder.
  if (!isUtf8(bytes)) throw new InputError('not valid UTF-8 text (save it as UTF-8)');
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  return { text, bom, encoding: 'utf8', eol: dominantEol(text) };
}

/** The line ending most lines use (CRLF or LF), counted without building arrays. */
function dominantEol(text: string): '\n' | '\r\n' {
  let lf = 0;
  let crlf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** Re-encode text for writing back: same BOM; line endings are the caller's (edits keep them). */
export function encodeText(source: SourceText, text: string): Buffer {
  return Buffer.from((source.bom ? '\ufeff' : '') + text, 'utf8');
}
