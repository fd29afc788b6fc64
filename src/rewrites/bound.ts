// Range-bounded fixes, as ESLint applies them: the one home of the bound. The rewrite stage
// (stage.ts) cuts every fix it builds down to the words that change, and checks it, so each
// output (JSON, SARIF, the editor, --fix) carries the same edit; the fixer and review check the
// edits they apply with it again. A fix is refused (no fix: the rewrite stays a suggestion)
// when one of its edits would
//   - remove or add a line break (a hard-wrapped sentence stays wrapped: CRLF, CR-only, LF,
//     U+2028/U+2029 and the spaces around a break are kept byte for byte),
//   - change a line's indentation or its list, quote or heading marker, or leave a line with
//     nothing but its marker,
//   - touch markup or a merge field: emphasis and link brackets, a link's destination, inline
//     code, tags, attribute blocks such as {#anchor}, {{x}}, {x}, [[x]], %X%, «x», URLs, emails,
//   - fall outside the sentence of the finding it fixes.
// The bytes between the edits are the file's own; the replacement keeps the file's line breaks
// wherever the rewrite has a plain space between unchanged words.
import { diffArrays } from 'diff';
import type { Fix } from '../shared/types.js';

/** A line break, the blanks around it and the quote markers that continue the paragraph. */
const BREAK_RE = /[ \t]*(?:\r\n|[\r\n\u2028\u2029])(?:[ \t]*>)*[ \t]*/y;
const LINE_BREAK = /[\r\n\u2028\u2029]/;
const LINE_BREAK_G = /\r\n|[\r\n\u2028\u2029]/g;
const BLANKS_RE = /[ \t\u00a0]+/y;
const WORD_RE = /[\p{L}\p{N}]+/uy;

/** Indentation plus list, quote and heading markers at the start of a line. */
const LINE_PREFIX = /^[ \t]*(?:(?:>|[-*+•]|\d{1,9}[.)]|#{1,6})(?=[ \t]|$)[ \t]*)*/;

/** Characters that are markup in the formats that can be written back. */
const MARKUP_CHARS = /[*_~`[\]{}<>|\\«»]/;

/** Spans no edit may cut into: merge fields, anchors, code, tags, link destinations, URLs, emails. */
const PROTECTED: RegExp[] = [
  /\{\{[\s\S]*?\}\}/g,
  /\{[^{}\r\n]*\}/g,
  /\[\[[^\]\r\n]*\]\]/g,
  /(?<![\w%])%[A-Za-z_][\w.-]*%/g,
  /«[^«»\r\n]*»/g,
  /<%[\s\S]*?%>/g,
  /`[^`\r\n]*`/g,
  /<[^<>\r\n]*>/g,
  /\]\([^)\r\n]*\)/g,
  /\]\[[^\]\r\n]*\]/g,
  /\b(?:https?:\/\/|www\.)[^\s<>()]+/g,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
];

export function tokenize(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  const at = (re: RegExp): number => {
    re.lastIndex = i;
    return re.test(s) ? re.lastIndex : -1;
  };
  while (i < s.length) {
    let j = at(BREAK_RE);
    if (j < 0) j = at(BLANKS_RE);
    if (j < 0) j = at(WORD_RE);
    if (j < 0) j = i + (s.codePointAt(i)! > 0xffff ? 2 : 1);
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

const isBreak = (t: string): boolean => LINE_BREAK.test(t);
const isBlank = (t: string): boolean => /^[ \t\u00a0]+$/.test(t);

export type Bounded = { ok: true; fix: Fix | undefined } | { ok: false; reason: string };

/** Start of the line holding `i`, and the end of the line holding `j` (before its break). */
function lineStartOf(text: string, i: number): number {
  let a = i;
  while (a > 0 && !LINE_BREAK.test(text[a - 1]!)) a--;
  return a;
}
function lineEndOf(text: string, j: number): number {
  let z = j;
  while (z < text.length && !LINE_BREAK.test(text[z]!)) z++;
  return z;
}

/** The protected spans that lie in text[from, to). */
function protectedSpans(text: string, from: number, to: number): Array<[number, number]> {
  const slice = text.slice(from, to);
  const spans: Array<[number, number]> = [];
  for (const re of PROTECTED) {
    re.lastIndex = 0;
    for (const m of slice.matchAll(re)) spans.push([from + m.index, from + m.index + m[0].length]);
  }
  return spans;
}

interface Piece {
  start: number;
  end: number;
  text: string;
}

/**
 * Bound `fix` to the words that change in `text`; `sentence` is the source range of the
 * finding's sentence when it is known. Returns the minimal fix (undefined: nothing changes),
 * or why it cannot be applied.
 */
export function boundFix(text: string, fix: Fix, sentence?: readonly [number, number]): Bounded {
  const [a, b] = fix.range;
  if (!(a >= 0 && b >= a && b <= text.length)) return { ok: false, reason: 'its range is outside the file' };
  const old = tokenize(text.slice(a, b));
  const neu = tokenize(fix.text);
  const parts = diffArrays(old, neu, {
    comparator: (l: string, r: string) => l === r || (isBreak(l) && isBlank(r)) || (isBlank(l) && isBreak(r)),
  });
  // Walk the diff: kept tokens are the file's bytes (a kept break stays a break); changed runs
  // become the pieces to edit.
  const pieces: Piece[] = [];
  let pos = a;
  let oi = 0;
  let ni = 0;
  let pending: Piece | undefined;
  const flush = (): void => {
    if (pending && (pending.start !== pending.end || pending.text !== '')) pieces.push(pending);
    pending = undefined;
  };
  for (const part of parts) {
    const n = part.count ?? part.value.length;
    if (part.added) {
      const added = neu.slice(ni, ni + n);
      ni += n;
      if (added.some(isBreak)) return { ok: false, reason: 'the rewrite would add a line break' };
      pending ??= { start: pos, end: pos, text: '' };
      pending.text += added.join('');
    } else if (part.removed) {
      const removed = old.slice(oi, oi + n);
      oi += n;
      if (removed.some(isBreak)) return { ok: false, reason: "the rewrite would join the sentence's lines" };
      const len = removed.join('').length;
      pending ??= { start: pos, end: pos, text: '' };
      pending.end = pos + len;
      pos += len;
    } else {
      flush();
      const kept = old.slice(oi, oi + n).join('');
      oi += n;
      ni += n;
      pos += kept.length;
    }
  }
  flush();
  if (pieces.length === 0) return { ok: true, fix: undefined };
  const start = pieces[0]!.start;
  const end = pieces.at(-1)!.end;

  if (sentence) {
    let s0 = sentence[0];
    let s1 = sentence[1];
    // A removed sentence takes the blanks before or after it with it.
    while (s0 > 0 && /[ \t]/.test(text[s0 - 1]!)) s0--;
    while (s1 < text.length && /[ \t]/.test(text[s1]!)) s1++;
    if (start < s0 || end > s1) return { ok: false, reason: "an edit would fall outside the finding's sentence" };
  }

  const ls = lineStartOf(text, start);
  const le = lineEndOf(text, end);
  const spans = protectedSpans(text, ls, le);
  for (const p of pieces) {
    const removed = text.slice(p.start, p.end);
    if (MARKUP_CHARS.test(removed)) return { ok: false, reason: 'an edit would change markup' };
    for (const [ms, me] of spans) {
      const cuts = p.start === p.end ? ms < p.start && p.start < me : p.start < me && p.end > ms;
      if (cuts) return { ok: false, reason: 'an edit would change markup, a link or a merge field' };
    }
  }

  // Line structure: same lines, same markers, no line emptied.
  let replacement = '';
  let cursor = start;
  for (const p of pieces) {
    replacement += text.slice(cursor, p.start) + p.text;
    cursor = p.end;
  }
  const before = text.slice(ls, le);
  const after = text.slice(ls, start) + replacement + text.slice(end, le);
  const linesBefore = before.split(LINE_BREAK_G);
  const linesAfter = after.split(LINE_BREAK_G);
  if (linesBefore.length !== linesAfter.length) return { ok: false, reason: 'the rewrite would change line breaks' };
  for (let i = 0; i < linesBefore.length; i++) {
    const lb = linesBefore[i]!;
    const la = linesAfter[i]!;
    const pb = LINE_PREFIX.exec(lb)![0];
    const pa = LINE_PREFIX.exec(la)![0];
    if (pb !== pa) return { ok: false, reason: "an edit would change a line's indentation or marker" };
    if (lb.slice(pb.length).trim() !== '' && la.slice(pa.length).trim() === '')
      return { ok: false, reason: 'the rewrite would leave a line empty' };
  }
  return { ok: true, fix: { range: [start, end], text: replacement, ...(fix.kind ? { kind: fix.kind } : {}) } };
}
