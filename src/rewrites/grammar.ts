// Keeping rewrites grammatical and minimal. An operation says what changes (edits on the original
// sentence); polish() then repairs the seams around each edit only: a/an agreement, doubled or
// stranded spaces and punctuation, a capital at the start of the sentence. The result is turned
// back into one minimal edit, snapped to whole words, so a fix never touches text it does not
// have to (Markdown markup around the sentence stays as it is).
import { articleFor } from './language.js';

export interface Edit {
  start: number;
  end: number;
  text: string;
}

const WORD = /[\p{L}\p{N}'’]/u;
const isWordChar = (c: string | undefined): boolean => !!c && WORD.test(c);

/** Sort edits and drop any that overlap an earlier one (same start: the longer one wins). */
export function nonOverlapping(edits: Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Edit[] = [];
  for (const e of sorted) {
    const last = out.at(-1);
    if (last && ((e.start === last.start && e.end === last.end) || e.start < last.end)) continue;
    out.push(e);
  }
  return out;
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let pos = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** Start of the token before `i` (skipping whitespace), or i when there is none. */
function tokenStartBefore(text: string, i: number): number {
  let j = i;
  while (j > 0 && /\s/.test(text[j - 1]!)) j--;
  if (j === 0) return 0;
  if (isWordChar(text[j - 1])) {
    while (j > 0 && (isWordChar(text[j - 1]) || (text[j - 1] === '-' && isWordChar(text[j - 2])))) j--;
  } else j--;
  return j;
}

/** End of the token after `i` (skipping whitespace), or i when there is none. */
function tokenEndAfter(text: string, i: number): number {
  let j = i;
  while (j < text.length && /\s/.test(text[j]!)) j++;
  if (j >= text.length) return text.length;
  if (isWordChar(text[j])) {
    while (j < text.length && (isWordChar(text[j]) || (text[j] === '-' && isWordChar(text[j + 1])))) j++;
  } else j++;
  return j;
}

/** The region polish may touch around an edit: one token of context each side, plus a/an before. */
function seam(text: string, e: Edit): [number, number] {
  const a = tokenStartBefore(text, e.start);
  let z = tokenEndAfter(text, e.end);
  // Punctuation after: take the word after it too (", the new layout" -> capitalize "the").
  if (z > e.end && !isWordChar(text[z - 1])) z = tokenEndAfter(text, z);
  while (z < text.length && /[ \t]/.test(text[z]!)) z++;
  return [a, z];
}

export interface PolishOptions {
  /** Whether a word that becomes the first of the sentence keeps its case (names, "I"). */
  keepsCase?: (word: string) => boolean;
}

const LEADING_CONJUNCTION = /^(?:and|so|but|or|then|&)[ \t]+/i;

/** Repair the seams of a region of the rewritten text. */
function polishRegion(t: string, atStart: boolean, atEnd: boolean, originalLead = '', originalText = ''): string {
  let s = t;
  s = s.replace(/[ \t]{2,}/g, ' ');
  s = s.replace(/[ \t]+([,.;:!?)\]])/g, '$1');
  s = s.replace(/([([])[ \t]+/g, '$1');
  s = s.replace(/\([ \t]*\)/g, '').replace(/[ \t]{2,}/g, ' ');
  // A comma, semicolon or colon followed by more punctuation: the first one goes.
  s = s.replace(/[,;:][ \t]*([,;:.!?])/g, '$1');
  s = s.replace(/([!?])[ \t]*\.(?![.])/g, '$1');
  // A doubled word created by an edit ("typically typically").
  s = s.replace(/\b([\p{L}]{3,})([ \t]+)\1\b/giu, '$1');
  if (atStart) {
    // Punctuation the edit left at the start goes; what the sentence began with stays ("- 100% bonus").
    s = originalLead + s.replace(/^[\s,;:—–-]+/, '');
    // A conjunction the edit left first ("[Act now] and click here" -> "and click here"): it
    // joined the dropped words to the rest, so it goes with them.
    if (!LEADING_CONJUNCTION.test(originalText.replace(/^[\s,;:—–-]+/, ''))) s = s.replace(LEADING_CONJUNCTION, '');
  }
  if (atEnd) s = s.replace(/[ \t]+$/, '');
  // a/an agreement.
  s = s.replace(
    /(^|[^\p{L}\p{N}])(a|an|A|An|AN)([ \t]+)([\p{L}\p{N}][\p{L}\p{N}'’-]*)/gu,
    (whole, pre: string, art: string, sp: string, word: string) => {
      const want = articleFor(word);
      if (art.toLowerCase() === want) return whole;
      const fixed = art === 'AN' ? want.toUpperCase() : art[0] === 'A' ? want[0]!.toUpperCase() + want.slice(1) : want;
      return pre + fixed + sp + word;
    },
  );
  return s;
}

/** Capitalize the first letter of the sentence (after opening quotes or brackets). */
export function capitalizeStart(s: string): string {
  const m = /^([\s"'“‘([*_•-]*)(\p{Ll})/u.exec(s);
  return m ? m[1]! + m[2]!.toUpperCase() + s.slice(m[0].length) : s;
}

/**
 * The sentence with the edits applied and their seams repaired, as one minimal edit on the
 * original (or undefined when nothing changes).
 */
export function polishEdits(original: string, edits: Edit[]): Edit | undefined {
  const list = nonOverlapping(edits);
  if (list.length === 0) return undefined;
  // Regions: each edit grown to its seam; overlapping regions merge.
  const regions: Array<{ a: number; z: number; edits: Edit[] }> = [];
  for (const e of list) {
    const [a, z] = seam(original, e);
    const last = regions.at(-1);
    if (last && a <= last.z) {
      last.z = Math.max(last.z, z);
      last.edits.push(e);
    } else regions.push({ a: Math.min(a, e.start), z: Math.max(z, e.end), edits: [e] });
  }
  let out = '';
  let pos = 0;
  // A sentence keeps a capital start unless it began with a small letter (a fragment).
  const firstChar = /[\p{L}\p{N}]/u.exec(original)?.[0] ?? '';
  const startsUpper = firstChar !== '' && firstChar === firstChar.toUpperCase();
  for (const r of regions) {
    const local = r.edits.map((e) => ({ start: e.start - r.a, end: e.end - r.a, text: e.text }));
    const before = original.slice(pos, r.a);
    const atStart = /^[\s"'“‘([*_]*$/.test(out + before);
    const atEnd = r.z >= original.length;
    const lead = atStart ? (/^[\s,;:—–-]*/.exec(original.slice(r.a, r.z))?.[0] ?? '') : '';
    let text = polishRegion(
      applyEdits(original.slice(r.a, r.z), local),
      atStart,
      atEnd,
      lead && r.edits[0]!.start >= lead.length + r.a ? lead : '',
      original.slice(r.a, r.z),
    );
    // A sentence that started with a capital keeps one (a fragment that did not, does not get one).
    if (atStart && startsUpper) text = capitalizeStart(text);
    out += before + text;
    pos = r.z;
  }
  out += original.slice(pos);
  if (/^\s/.test(out) && !/^\s/.test(original)) out = out.trimStart();
  if (startsUpper) out = capitalizeStart(out);
  if (out === original) return undefined;
  return minimalEdit(original, out);
}

/** The smallest edit turning `a` into `b`, grown to whole words. */
export function minimalEdit(a: string, b: string): Edit {
  let p = 0;
  const max = Math.min(a.length, b.length);
  while (p < max && a[p] === b[p]) p++;
  let q = 0;
  while (q < max - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  // Snap to word boundaries (in both strings), so a fix replaces whole words.
  while (p > 0 && isWordChar(a[p - 1]) && (isWordChar(a[p]) || isWordChar(b[p]))) p--;
  while (q > 0 && isWordChar(a[a.length - q]) && (isWordChar(a[a.length - q - 1]) || isWordChar(b[b.length - q - 1])))
    q--;
  return { start: p, end: a.length - q, text: b.slice(p, b.length - q) };
}
