// The default reporter, written for the person who wrote the draft: each finding with the
// sentence it is in, the flagged words marked, and what to write instead.
import { Chalk, type ChalkInstance } from 'chalk';
import stringWidthFull from 'string-width';

// Printable ASCII is one column a character; string-width's Unicode tables cost ~50 ms to warm
// up, a tenth of a rep's cold start, so they are consulted only for other text.
const stringWidth = (s: string): number => (/^[\x20-\x7e]*$/.test(s) ? s.length : stringWidthFull(s));
import type { FileResult, Finding, FormatContext, Formatter, Severity } from '../shared/types.js';
import { plural, printable, relativePath, totals } from './common.js';
import { fullLabel } from './location-label.js';
import { rewriteLines } from './marks.js';

/** Sentences longer than this are cut around the span so the line fits a terminal. */
export const MAX_SENTENCE = 160;

const ELLIPSIS = '…';
const INDENT = '    ';

function severityColor(c: ChalkInstance, s: Severity): ChalkInstance {
  return s === 'error' ? c.red : s === 'warning' ? c.yellow : c.cyan;
}

/** Avoid cutting a surrogate pair in half (the half would print as garbage). */
function snap(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return i > 0 && i < text.length && code >= 0xdc00 && code <= 0xdfff ? i - 1 : i;
}

/**
 * The part of the sentence to show and the span within it: the whole sentence when short,
 * else a MAX_SENTENCE window centred on the span, with ellipses where text was cut.
 */
export function excerpt(
  sentence: string,
  span: [number, number],
  max = MAX_SENTENCE,
): { text: string; span: [number, number] } {
  const s = Math.max(0, Math.min(span[0], sentence.length));
  const e = Math.max(s, Math.min(span[1], sentence.length));
  if (sentence.length <= max) return { text: sentence, span: [s, e] };
  const room = Math.max(0, max - (e - s));
  let from = Math.max(0, s - Math.floor(room / 2));
  let to = Math.min(sentence.length, from + max);
  from = snap(sentence, Math.max(0, to - max));
  to = snap(sentence, to);
  const head = from > 0 ? ELLIPSIS : '';
  const tail = to < sentence.length ? ELLIPSIS : '';
  const spanEnd = Math.min(e, to);
  return {
    text: head + sentence.slice(from, to) + tail,
    span: [head.length + s - from, head.length + spanEnd - from],
  };
}

/** The sentence with the span highlighted; without colour, a caret line under the span. */
function sentenceLines(f: Finding, c: ChalkInstance, color: boolean): string[] {
  const { text, span } = excerpt(printable(f.sentence), f.span);
  const [s, e] = span;
  const before = text.slice(0, s);
  const flagged = text.slice(s, e);
  const after = text.slice(e);
  if (color) return [INDENT + before + c.bold.underline(flagged) + after];
  const carets = ' '.repeat(stringWidth(before)) + '^'.repeat(Math.max(1, stringWidth(flagged)));
  return [INDENT + text, INDENT + carets];
}

function fileBlock(r: FileResult, ctx: FormatContext, c: ChalkInstance): string[] {
  const lines = [c.underline(printable(relativePath(ctx.cwd, r.filePath)))];
  for (const n of r.notices) lines.push(`  ${c.dim(printable(n))}`);
  if (r.fatal !== undefined) lines.push(`  ${c.red('error')}  ${printable(r.fatal)}`);
  // Pad on the plain text (colour codes have no width) so messages line up within a file.
  const labels = r.findings.map((f) => fullLabel(f.start));
  const labelWidth = Math.max(0, ...labels.map((l) => stringWidth(l)));
  const sevWidth = Math.max(0, ...r.findings.map((f) => f.severity.length));
  r.findings.forEach((f, i) => {
    const label = (labels[i] ?? '').padEnd(labelWidth);
    const sev = severityColor(c, f.severity)(f.severity.padEnd(sevWidth));
    lines.push(`  ${c.dim(label)}  ${sev}  ${printable(f.message)}  ${c.dim(f.ruleId)}`);
    lines.push(...sentenceLines(f, c, c.level > 0));
    if (f.suggestion) lines.push(`${INDENT}${c.green('→')} ${printable(f.suggestion)}`);
    // The rewrite with its changed words marked (issue 3: fixes/marks.ts).
    if (f.rewrite !== undefined) {
      lines.push(
        ...rewriteLines(f.sentence, f.rewrite, {
          indent: INDENT,
          label: c.green('↳ rewrite:'),
          mark: (w) => c.bold.green(w),
          color: c.level > 0,
          printable,
        }),
      );
    }
    if (f.missingFacts?.length)
      lines.push(`${INDENT}${c.dim('missing facts:')} ${f.missingFacts.map(printable).join('; ')}`);
  });
  return lines;
}

function summary(results: FileResult[], c: ChalkInstance): string[] {
  const t = totals(results);
  const lines: string[] = [];
  const paint = t.errors > 0 ? c.red.bold : t.warnings > 0 ? c.yellow.bold : c.cyan.bold;
  if (t.problems > 0) {
    const parts = `${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${plural(t.suggestions, 'suggestion')}`;
    lines.push(paint(`✖ ${plural(t.problems, 'problem')} (${parts})`));
  }
  if (t.fatal > 0) lines.push(c.red.bold(`✖ ${plural(t.fatal, 'file')} could not be read`));
  return lines;
}

export const stylish: Formatter = (results, ctx) => {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const shown = results.filter((r) => r.findings.length > 0 || r.fatal !== undefined);
  // Like ESLint: a clean run prints nothing at all.
  if (shown.length === 0) return '';
  const blocks = shown.map((r) => fileBlock(r, ctx, c).join('\n'));
  return `\n${blocks.join('\n\n')}\n\n${summary(results, c).join('\n')}\n`;
};

export default stylish;
