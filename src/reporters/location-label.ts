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

/** True when the plain "line:column" would mislead (a docx/pdf/csv position or decoded text). */
export function isNonLinePosition(loc: Location): boolean {
  return fullLabel(loc) !== `${loc.line}:${loc.column}`;
}
