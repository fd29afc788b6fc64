// Helpers shared by several reporters: paths, totals and terminal-safe text.
import path from 'node:path';
import type { FileResult, Severity } from '../shared/types.js';

/** The absolute path of a result (json, checkstyle), whatever form the engine passed. */
export function absolutePath(cwd: string, filePath: string): string {
  return path.resolve(cwd, filePath);
}

/** The path relative to cwd as a person would type it (stylish, compact). */
export function relativePath(cwd: string, filePath: string): string {
  return path.relative(cwd, path.resolve(cwd, filePath)) || path.basename(filePath);
}

/** Relative path with "/" separators: what GitHub, JUnit viewers and SARIF URIs expect. */
export function posixRelativePath(cwd: string, filePath: string): string {
  return relativePath(cwd, filePath).split(path.sep).join('/');
}

export interface Totals {
  errors: number;
  warnings: number;
  suggestions: number;
  problems: number;
  fatal: number;
}

export function totals(results: FileResult[]): Totals {
  const t: Totals = { errors: 0, warnings: 0, suggestions: 0, problems: 0, fatal: 0 };
  for (const r of results) {
    t.errors += r.errorCount;
    t.warnings += r.warningCount;
    t.suggestions += r.suggestionCount;
    if (r.fatal !== undefined) t.fatal++;
  }
  t.problems = t.errors + t.warnings + t.suggestions;
  return t;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'suggestion'];

// C0/C1 controls and DEL: a document (or a file name) could carry terminal escape sequences.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Text safe to print on one terminal line. Replaces code unit for code unit (whitespace with a
 * space, other controls with U+FFFD), so indices into the string (finding.span) stay valid.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => (c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f' ? ' ' : '\uFFFD'));
}
