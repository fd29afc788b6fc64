// Types of documents.mjs (the generators shared by the tests and scripts/bench-inputs.mjs).

export interface ZipOptions {
  /** The contents are already deflated (raw): write them as they are. */
  prePacked?: boolean;
  /** The uncompressed size to declare (a lying header); default the real one (0xfffffff0 when pre-packed). */
  declaredSize?: number;
}
/** A zip archive (deflated entries). */
export function buildZip(files: Record<string, string | Uint8Array>, options?: ZipOptions): Buffer;
/** word/document.xml with one paragraph (one run) per entry. */
export function docxXml(paragraphs: readonly string[]): string;
/** A .docx: a zip holding word/document.xml with one paragraph per entry. */
export function buildDocx(paragraphs: readonly string[]): Buffer;

export interface PdfOptions {
  /** A compressed stream object added to the file (not used by any page). */
  extraStream?: Uint8Array;
}
/** A PDF with one text line per string of `pages[k]` (Helvetica 11 pt, 14 pt leading). */
export function buildPdf(pages: readonly (readonly string[])[], options?: PdfOptions): Buffer;

/** A varied word: "delivery0", "install1", ... */
export function word(i: number): string;
/** A sentence of sales prose; about one in six makes a claim. */
export function sentence(i: number): string;
/** Repeat `unit(i)` until the text is `bytes` long (UTF-8), between `head` and `tail`. */
export function fill(bytes: number, unit: (i: number) => string, head?: string, tail?: string): string;
/** Input classes: name -> [extension, (bytes) => the file's content, about that size]. */
export const CLASSES: Record<string, [ext: string, generate: (bytes: number) => string | Buffer]>;
