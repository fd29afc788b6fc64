// The default reporter, written for the rep who wrote the draft, to be read in seconds: per
// file, each flagged sentence once with its flagged words marked, under it one line per finding
// (position, severity, message, rule id), then the one rewrite for the whole sentence. Wrapped
// to the terminal's width when there is one. A summary line counts the problems by severity and
// the ones --fix can fix, and says where to read why a rule flags what it flags.
import { Chalk, type ChalkInstance } from 'chalk';

// Text made only of characters that are one column wide and a grapheme cluster of their own
// (printable ASCII, Latin, Greek, most punctuation, arrows, math, box drawing: also this
// reporter's own marks, "↳ … →") is as wide as it is long. string-width is loaded for other text
// only: loading it creates an Intl.Segmenter (~100 ms of a cold start, which a start-up snapshot
// cannot hold) and its first call compiles a \p{RGI_Emoji} expression. A plain require(), so the
// bundler inlines it and initializes the module on first use. test/reporters/stylish.test.ts
// checks every character of the class against string-width.
export const ONE_COLUMN =
  /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u03ff\u2010-\u2029\u202f-\u205e\u20a0-\u20c0\u2100-\u214f\u2190-\u22ff\u2500-\u257f\u2716]*$/;
let stringWidthFull: ((s: string) => number) | undefined;
const stringWidth = (s: string): number => {
  if (ONE_COLUMN.test(s)) return s.length;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  stringWidthFull ??= (require('string-width') as { default: (s: string) => number }).default;
  return stringWidthFull(s);
};
import type { FileResult, Finding, FormatContext, Formatter, Severity } from '../shared/types.js';
import { plural, printable, relativePath, totals } from './common.js';
import { fullLabel } from './location-label.js';
import { changedSpans } from './marks.js';

/** Sentences longer than this are cut around the flagged words so they stay readable. */
export const MAX_SENTENCE = 160;

const ELLIPSIS = '…';
const SENTENCE_INDENT = '  ';
const DETAIL_INDENT = '    ';
const REWRITE_LABEL = '↳ rewrite:';
/** Below this many columns for text, wrapping does more harm than good. */
const MIN_TEXT_WIDTH = 20;

type Span = [number, number];

function severityColor(c: ChalkInstance, s: Severity): ChalkInstance {
  return s === 'error' ? c.red : s === 'warning' ? c.yellow : c.cyan;
}

/** Avoid cutting a surrogate pair in half (the half would print as garbage). */
function snap(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return i > 0 && i < text.length && code >= 0xdc00 && code <= 0xdfff ? i - 1 : i;
}

/**
 * The part of the sentence to show and the spans within it: the whole sentence when short, else
 * a `max` window around the flagged words (from the first when they are further apart than
 * that), with ellipses where text was cut. Spans outside the window are dropped, cut ones clipped.
 */
export function excerptSpans(sentence: string, spans: Span[], max = MAX_SENTENCE): { text: string; spans: Span[] } {
  const clamp = (n: number): number => Math.max(0, Math.min(n, sentence.length));
  const fixed = spans.map(([a, b]): Span => [clamp(a), Math.max(clamp(a), clamp(b))]);
  if (sentence.length <= max) return { text: sentence, spans: fixed };
  const s = Math.min(...fixed.map((x) => x[0]), sentence.length);
  const e = Math.max(s, ...fixed.map((x) => x[1]));
  const room = Math.max(0, max - (e - s));
  let from = Math.max(0, s - Math.floor(room / 2));
  let to = Math.min(sentence.length, from + max);
  from = snap(sentence, Math.max(0, to - max));
  to = snap(sentence, to);
  const head = from > 0 ? ELLIPSIS : '';
  const tail = to < sentence.length ? ELLIPSIS : '';
  const shift = head.length - from;
  const shown = fixed.filter(([a]) => a >= from && a < to).map(([a, b]): Span => [a + shift, Math.min(b, to) + shift]);
  return { text: head + sentence.slice(from, to) + tail, spans: shown };
}

/** One span's excerpt (kept for callers that mark a single phrase). */
export function excerpt(sentence: string, span: Span, max = MAX_SENTENCE): { text: string; span: Span } {
  const { text, spans } = excerptSpans(sentence, [span], max);
  return { text, span: spans[0] ?? [text.length, text.length] };
}

/**
 * Line breaks for `text` in `width` columns: [start, end) of each line, breaking after spaces
 * (the spaces themselves dropped), and inside a word only when it is wider than a line.
 * No wrapping when width is 0 or too small to be useful.
 */
export function wrap(text: string, width: number): Span[] {
  if (width < MIN_TEXT_WIDTH || stringWidth(text) <= width) return [[0, text.length]];
  const lines: Span[] = [];
  let start = 0;
  while (start < text.length) {
    // The longest prefix that fits, by display width, in whole code points.
    let end = start;
    let used = 0;
    while (end < text.length) {
      const cp = text.codePointAt(end)!;
      const ch = String.fromCodePoint(cp);
      const w = stringWidth(ch);
      if (used + w > width) break;
      used += w;
      end += ch.length;
    }
    if (end >= text.length) {
      lines.push([start, text.length]);
      break;
    }
    // Prefer to break at the last space within the line (or right after it).
    let cut = text[end] === ' ' ? end : text.lastIndexOf(' ', end - 1) + 1;
    if (cut <= start) cut = Math.max(end, start + 1);
    let lineEnd = cut;
    while (lineEnd > start && text[lineEnd - 1] === ' ') lineEnd--;
    lines.push([start, lineEnd]);
    start = cut;
    while (text[start] === ' ') start++;
  }
  return lines;
}

/** Parts of `spans` inside [a, b), relative to a. */
function within(spans: Span[], a: number, b: number): Span[] {
  return spans.map(([s, e]): Span => [Math.max(s, a) - a, Math.min(e, b) - a]).filter(([s, e]) => e > s);
}

/** Merge overlapping spans, sorted. */
function merged(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const [s, e] of [...spans].sort((x, y) => x[0] - y[0])) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

interface MarkStyle {
  color: boolean;
  /** Style of marked text when colour is on. */
  mark: (s: string) => string;
  /** Character of the mark line under marked text when colour is off. */
  char: string;
}

/**
 * `text` wrapped to `width` columns after `first` (first line) or `rest` (other lines), with
 * `spans` marked: styled when colour is on, else a line of `char` under each marked stretch
 * (only under lines that have one).
 */
function markedLines(text: string, spans: Span[], first: string, rest: string, width: number, st: MarkStyle): string[] {
  const out: string[] = [];
  const all = merged(spans);
  const avail = width > 0 ? width - stringWidth(first) : 0;
  for (const [i, [a, b]] of wrap(text, avail).entries()) {
    const prefix = i === 0 ? first : rest;
    const line = text.slice(a, b);
    const marks = within(all, a, b);
    if (st.color) {
      let s = '';
      let pos = 0;
      for (const [ms, me] of marks) {
        s += line.slice(pos, ms) + st.mark(line.slice(ms, me));
        pos = me;
      }
      out.push(prefix + s + line.slice(pos));
      continue;
    }
    out.push(prefix + line);
    if (marks.length === 0) continue;
    let under = ' '.repeat(stringWidth(rest));
    let pos = 0;
    for (const [ms, me] of marks) {
      under +=
        ' '.repeat(stringWidth(line.slice(pos, ms))) + st.char.repeat(Math.max(1, stringWidth(line.slice(ms, me))));
      pos = me;
    }
    out.push(under);
  }
  return out;
}

/** The findings of one sentence, in file order. */
interface Group {
  sentence: string;
  findings: Finding[];
  /** rule id and span of each finding, to spot a repeated sentence without rescanning. */
  seen: Set<string>;
}

const findingKey = (f: Finding): string => `${f.ruleId}\u0000${f.span[0]}\u0000${f.span[1]}`;

/**
 * Findings of the same sentence follow one another in file order with spans that do not go
 * back; a span that goes back, or a rule flagging the same words again, is a second copy of the
 * sentence (a repeated line), shown on its own.
 */
function sameSentence(g: Group, f: Finding): boolean {
  const prev = g.findings.at(-1)!;
  if (g.sentence !== f.sentence || f.span[0] < prev.span[0]) return false;
  return !g.seen.has(findingKey(f));
}

function groups(findings: Finding[]): Group[] {
  const out: Group[] = [];
  for (const f of findings) {
    const last = out.at(-1);
    if (last && sameSentence(last, f)) {
      last.findings.push(f);
      last.seen.add(findingKey(f));
    } else out.push({ sentence: f.sentence, findings: [f], seen: new Set([findingKey(f)]) });
  }
  return out;
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

interface Columns {
  label: number;
  severity: number;
}

function findingLine(f: Finding, cols: Columns, width: number, c: ChalkInstance): string[] {
  const label = fullLabel(f.start);
  const sev = f.severity;
  const head = `${DETAIL_INDENT}${label.padEnd(cols.label)}  ${sev.padEnd(cols.severity)}  `;
  const message = printable(f.message);
  const rule = f.ruleId;
  const text = `${message}  ${rule}`;
  const lead = `${DETAIL_INDENT}${c.dim(label.padEnd(cols.label))}  ${severityColor(c, sev)(sev.padEnd(cols.severity))}  `;
  const cont = ' '.repeat(stringWidth(head));
  const avail = width > 0 ? width - stringWidth(head) : 0;
  // The message wraps under itself (as in Vale's table); the rule id ends the last line, dimmed.
  return wrap(text, avail).map(([a, b], i) => {
    const part = text.slice(a, b);
    // The rule id is dimmed where it ends the text (a rule id longer than a line is left plain).
    const styled = b === text.length && part.endsWith(rule) ? part.slice(0, -rule.length) + c.dim(rule) : part;
    return (i === 0 ? lead : cont) + styled;
  });
}

function sentenceBlock(g: Group, cols: Columns, ctx: FormatContext, c: ChalkInstance): string[] {
  const color = c.level > 0;
  const width = ctx.width ?? 0;
  // An empty span (a finding at a point) still gets one mark.
  const flagged = g.findings.map((f): Span => (f.span[1] > f.span[0] ? f.span : [f.span[0], f.span[0] + 1]));
  const { text, spans } = excerptSpans(printable(g.sentence), flagged);
  const lines = markedLines(text, spans, SENTENCE_INDENT, SENTENCE_INDENT, width, {
    color,
    mark: (s) => c.bold.underline(s),
    char: '^',
  });
  for (const f of g.findings) lines.push(...findingLine(f, cols, width, c));
  // One rewrite for the sentence: every finding of it carries the same whole-sentence rewrite.
  const rewrites = unique(g.findings.map((f) => f.rewrite).filter((r): r is string => r !== undefined));
  const label = c.green(REWRITE_LABEL);
  const rest = ' '.repeat(stringWidth(`${DETAIL_INDENT}${REWRITE_LABEL} `));
  for (const r of rewrites) {
    if (r === '') {
      lines.push(`${DETAIL_INDENT}${label} (remove the sentence)`);
      continue;
    }
    // Changed words are marked in colour only: without colour the rewrite stays copyable as is.
    const changed = color ? changedSpans(g.sentence, r) : [];
    lines.push(
      ...markedLines(printable(r), changed, `${DETAIL_INDENT}${label} `, rest, width, {
        color,
        mark: (s) => c.bold.green(s),
        char: '+',
      }),
    );
  }
  // No rewrite: the rules' advice, once each.
  if (rewrites.length === 0) {
    const advice = unique(g.findings.map((f) => f.suggestion).filter((s): s is string => Boolean(s)));
    const arrow = `${DETAIL_INDENT}${c.green('→')} `;
    for (const s of advice)
      lines.push(
        ...markedLines(printable(s), [], arrow, ' '.repeat(DETAIL_INDENT.length + 2), width, {
          color,
          mark: (x) => x,
          char: ' ',
        }),
      );
  }
  const missing = unique(g.findings.flatMap((f) => f.missingFacts ?? []));
  if (missing.length) lines.push(`${DETAIL_INDENT}${c.dim('missing facts:')} ${missing.map(printable).join('; ')}`);
  return lines;
}

function fileBlock(r: FileResult, ctx: FormatContext, c: ChalkInstance): string[] {
  const lines = [c.underline(printable(relativePath(ctx.cwd, r.filePath)))];
  // Notes about how the file was read (decoded parts, skipped quotes) are for --verbose.
  if (ctx.verbose) for (const n of r.notices) lines.push(`${SENTENCE_INDENT}${c.dim(`note: ${printable(n)}`)}`);
  if (r.fatal !== undefined) lines.push(`${SENTENCE_INDENT}${c.red('error')}  ${printable(r.fatal)}`);
  // Columns line up within a file (padded on the plain text: colour codes have no width).
  const cols: Columns = {
    label: Math.max(0, ...r.findings.map((f) => stringWidth(fullLabel(f.start)))),
    severity: Math.max(0, ...r.findings.map((f) => f.severity.length)),
  };
  for (const g of groups(r.findings)) lines.push(...sentenceBlock(g, cols, ctx, c));
  return lines;
}

/** The summary lines, each with its style; wrapped to the width (continuations indented). */
function summary(results: FileResult[], c: ChalkInstance, width: number): string[] {
  const t = totals(results);
  const lines: [string, ChalkInstance][] = [];
  const paint = t.errors > 0 ? c.red.bold : t.warnings > 0 ? c.yellow.bold : c.cyan.bold;
  if (t.problems > 0) {
    const fixable = results.reduce((n, r) => n + r.findings.filter((f) => f.fix !== undefined).length, 0);
    const parts = `${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${plural(t.suggestions, 'suggestion')}`;
    const fix = fixable > 0 ? `, ${fixable} fixable with --fix` : '';
    lines.push([`✖ ${plural(t.problems, 'problem')} (${parts})${fix}`, paint]);
  }
  if (t.fatal > 0) lines.push([`✖ ${plural(t.fatal, 'file')} could not be read`, c.red.bold]);
  if (t.problems > 0) lines.push(['Run `pitchlint rules explain <rule-id>` for why.', c.dim]);
  const cont = '  ';
  return lines.flatMap(([text, style]) =>
    wrap(text, width > 0 ? width - cont.length : 0).map(
      ([a, b], i) => `${i > 0 ? cont : ''}${style(text.slice(a, b))}`,
    ),
  );
}

export const stylish: Formatter = (results, ctx) => {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const shown = results.filter((r) => r.findings.length > 0 || r.fatal !== undefined);
  // Like ESLint: a clean run prints nothing at all.
  if (shown.length === 0) return '';
  const blocks = shown.map((r) => fileBlock(r, ctx, c).join('\n'));
  return `\n${blocks.join('\n\n')}\n\n${summary(results, c, ctx.width ?? 0).join('\n')}\n`;
};

export default stylish;
