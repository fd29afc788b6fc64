// Resource limits of the input parsers (docs/configuration.md, "Limits"): a hostile file (a zip
// bomb, a PDF flate bomb, a list nested ten thousand deep) is skipped with one line, and the run
// goes on. Each limit is far above what real sales writing needs.
import { InputError } from '../shared/errors.js';

const MB = 1024 * 1024;

export const LIMITS = {
  /** .docx: entries in the zip's central directory. */
  zipEntries: 10_000,
  /** .docx: bytes the parts pitchlint reads (document.xml, styles.xml) may inflate to, together. */
  zipInflated: 200 * MB,
  /** .docx: paragraphs (w:p), empty ones included. */
  docxParagraphs: 500_000,
  /** .pdf: bytes all the streams of the file may inflate to, together. */
  pdfInflated: 200 * MB,
  /** .pdf: pages read. */
  pdfPages: 5_000,
  /** HTML, docx (XML): open elements nested deeper skip the file. */
  elementDepth: 1_000,
  /** Markdown: containers (lists, quotes, elements) nested deeper are read as plain paragraphs (their markers as text). */
  nesting: 100,
  /** Characters of one block of prose (a paragraph, a cell); longer blocks are cut into blocks of this size. */
  blockChars: 1_000_000,
} as const;
// The time limit is the per-file budget of the whole pipeline (shared/budget.ts), which the
// parsers that work in steps (PDF pages) check between steps.

/** A file over a limit: reported in one line ("inflates to more than 200 MB"), the run goes on. */
export class LimitError extends InputError {
  override name = 'LimitError';
}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / MB)} MB`;
}
