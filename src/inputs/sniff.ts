// What a file really is, from its first bytes, so that a renamed file gets a clear one-line
// error ("this is a PDF file") instead of a parser's stack trace.
export type ContentKind = 'pdf' | 'zip' | 'ole' | 'gzip' | 'png' | 'jpeg' | 'gif' | 'utf16' | 'other';

const LABEL: Record<ContentKind, string> = {
  pdf: 'a PDF file',
  zip: 'a zip archive (e.g. .docx, .xlsx)',
  ole: 'a legacy Office file (.doc/.xls), save it as .docx',
  gzip: 'a gzip archive',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  utf16: 'UTF-16 text, save it as UTF-8',
  other: 'binary data',
};

export function sniff(bytes: Uint8Array): ContentKind {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7)) return 'zip';
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'ole';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 4).toString('latin1') === 'GIF8') return 'gif';
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return 'utf16';
  return 'other';
}

/** "this is a PDF file" — for error messages about content that does not match the extension. */
export function describe(kind: ContentKind): string {
  return `this is ${LABEL[kind]}`;
}
