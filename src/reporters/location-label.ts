// How a finding's position reads to a person. Formats without lines (docx, pdf, csv) reuse
// line/column for their own coordinates, so printing a bare "12:34" for them would send the
// reader to the wrong place; the label names the unit instead.
import type { Location } from '../shared/types.js';

/** "3:14", "¶12:34" (docx), "p3 l14:5" (pdf) or "row 4 [Notes]:12" (csv). */
export function positionLabel(loc: Location): string {
  if (loc.paragraph !== undefined) return `¶${loc.paragraph}:${loc.column}`;
  if (loc.page !== undefined) return `p${loc.page} l${loc.line}:${loc.column}`;
  if (loc.row !== undefined) {
    const field = loc.field !== undefined ? ` [${loc.field}]` : '';
    return `row ${loc.row}${field}:${loc.column}`;
  }
  return `${loc.line}:${loc.column}`;
}

/**
 * "(decoded part 1.2)" when the position is in decoded email text (base64, quoted-printable),
 * where it does not match what an editor shows for the raw file; "" otherwise.
 */
export function decodedNote(loc: Location): string {
  if (!loc.decoded || loc.part === undefined) return '';
  // `part` is "1.2 text/html": the number is what a reader needs to find the part.
  const id = loc.part.trim().split(/\s+/)[0] ?? loc.part;
  return `(decoded part ${id})`;
}

/** Position label plus the decoded note, as one phrase. */
export function fullLabel(loc: Location): string {
  const note = decodedNote(loc);
  return note ? `${positionLabel(loc)} ${note}` : positionLabel(loc);
}

/**
 * The format's own coordinates in words, for after a message: "paragraph 12", "page 3",
 * "row 2, field Notes", "decoded part 1.2, line 3, column 9"; "" for a plain line:column.
 * `full` adds the column (and the line on a pdf page) for readers that get no line:column.
 */
export function placeWords(loc: Location, full = false): string {
  const col = full ? `, column ${loc.column}` : '';
  if (loc.paragraph !== undefined) return `paragraph ${loc.paragraph}${col}`;
  if (loc.page !== undefined)
    return full ? `page ${loc.page}, line ${loc.line}, column ${loc.column}` : `page ${loc.page}`;
  if (loc.row !== undefined) return loc.field !== undefined ? `row ${loc.row}, field ${loc.field}` : `row ${loc.row}`;
  if (loc.decoded && loc.part !== undefined) {
    if (loc.part === 'Subject') return `decoded Subject header, column ${loc.column}`;
    const id = loc.part.trim().split(/\s+/)[0] ?? loc.part;
    return `decoded part ${id}, line ${loc.line}, column ${loc.column}`;
  }
  return '';
}

/**
 * The line (and column, when it is one) of the file itself where a finding is, for tools that
 * open the file at a line (GitHub annotations, editors reading compact output). undefined for
 * docx and pdf, which have no lines; for decoded email text, the line of the part's header
 * (`partHeaderLine`, see email-parts.ts), or undefined when it is not known.
 */
export function fileAnchor(loc: Location, partHeaderLine?: number): { line: number; column?: number } | undefined {
  if (loc.paragraph !== undefined || loc.page !== undefined) return undefined;
  if (loc.decoded && loc.part !== undefined) {
    // The Subject's line is the header's own line; only its columns count decoded characters.
    if (loc.part === 'Subject') return { line: loc.line };
    return partHeaderLine !== undefined ? { line: partHeaderLine } : undefined;
  }
  return { line: loc.line, column: loc.column };
}
