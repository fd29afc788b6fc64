// Sentence splitting over one block of prose. Deliberately our own and cheap: it runs over every
// block, and the boundaries must not depend on whether the NLP tagger ran (see prefilter tests).

/** Words whose trailing period does not end a sentence. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st vs etc inc ltd co corp llc dept est approx appt apt no nos vol ' +
    'fig jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'e.g i.e a.m p.m u.s u.k ave blvd rd min max qty ref ext tel hr hrs mo yr yrs wk wks pp cf al'
  ).split(' '),
);

export interface SentenceRange {
  start: number;
  end: number;
}

const TERMINATOR = /[.!?…]+["'”’)\]]*(?=\s|$)/g;

/**
 * The longest unit the engine is given, in UTF-16 units. Rules, guards and rewrites look across
 * a whole sentence for each candidate, so a run-on "sentence" of 50 KB (a file with no end
 * punctuation, unclosed Markdown emphasis, one huge table cell) cost time quadratic in its
 * length. A longer unit is cut at a clause break (";", ",", a dash) or a space before the limit;
 * real sentences are far shorter.
 */
export const MAX_UNIT = 1000;

/**
 * Split block text into trimmed sentence ranges [start, end). `lineBreaks` are the indexes of the
 * spaces that stand for a line break of the source (TextBlock.lineBreaks): people write chat
 * lines, bullet fragments, headlines and table rows without end punctuation, and a hedge on one
 * line must never qualify a claim on another. A hard-wrapped sentence stays one unit.
 */
export function splitSentences(text: string, lineBreaks?: readonly number[]): SentenceRange[] {
  const out: SentenceRange[] = [];
  let start = 0;
  let nextBreak = 0;
  let lineStart = 0;
  const breakUnitsBefore = (end: number): void => {
    if (!lineBreaks) return;
    for (; nextBreak < lineBreaks.length && lineBreaks[nextBreak]! < end; nextBreak++) {
      const at = lineBreaks[nextBreak]!;
      const from = Math.max(start, lineStart);
      lineStart = at + 1;
      if (at <= start || !endsUnitAtBreak(text, from, at)) continue;
      pushTrimmed(out, text, start, at);
      start = at + 1;
    }
  };
  TERMINATOR.lastIndex = 0;
  for (let m = TERMINATOR.exec(text); m; m = TERMINATOR.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && m[0].length === 1 && !endsSentence(text, m.index)) continue;
    breakUnitsBefore(m.index);
    pushTrimmed(out, text, start, end);
    start = end;
  }
  breakUnitsBefore(text.length);
  pushTrimmed(out, text, start, text.length);
  return out;
}

/**
 * Words that leave a line unfinished when they end it: the sentence goes on on the next line
 * ("... delivered to" / "Acme on Friday").
 */
const CONTINUES = new Set(
  (
    'a an the to of for with by from in on at into onto about over under after before than as and or but nor so ' +
    'if that which who whom whose when where while because our your their my his her its this these those we you ' +
    'they i he she it is are was were be been being will would can could shall should may might must have has had ' +
    'do does did not no any every each all some per via plus minus vs including such very more most less'
  ).split(' '),
);

/**
 * Whether the line break at `at` ends the line that began at `start`: the line is not left
 * unfinished (a trailing comma, hyphen or function word) and the next line opens a unit of its own
 * (a capital, a digit, a symbol or bullet), or the line is a label ending in a colon. A
 * lower-case next line always continues: hard wraps fall anywhere, even after a short line.
 */
function endsUnitAtBreak(text: string, start: number, at: number): boolean {
  let p = at - 1;
  while (p >= start && (text[p] === ' ' || text[p] === '\t')) p--;
  if (p < start) return false;
  const last = text[p]!;
  const next = text[at + 1];
  if (next === undefined) return false;
  if (last === ':') return true;
  if (last === ',' || last === '-' || last === '&' || last === '/' || last === '(' || last === '+') return false;
  let w = p;
  while (w >= start && /[\p{L}']/u.test(text[w]!)) w--;
  if (CONTINUES.has(text.slice(w + 1, p + 1).toLowerCase())) return false;
  return !/\p{Ll}/u.test(next);
}

const LETTER = /\p{L}/u;
const isWordChar = (c: string): boolean =>
  (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '.' || (c > '\x7f' && LETTER.test(c));

/** The letters and dots just before a period (at most 12 characters back): "Inc", "e.g", "a.m". */
function wordBefore(text: string, dot: number): string {
  let from = dot;
  while (from > 0 && dot - from < 12 && isWordChar(text[from - 1]!)) from--;
  return text.slice(from, dot);
}

/** The first character after the spaces that follow a period (sticky: no copy of the rest). */
const AFTER_DOT = /\s+(\S)/y;

function endsSentence(text: string, dot: number): boolean {
  const word = wordBefore(text, dot).toLowerCase().replace(/\.$/, '');
  if (word && (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word))) {
    // "Inc." or "a.m." at the very end of a sentence still ends it when a capital follows
    // and the abbreviation is not a title that always precedes a name.
    AFTER_DOT.lastIndex = dot + 1;
    const next = AFTER_DOT.exec(text);
    if (!next) return true;
    if (/^(mr|mrs|ms|dr|prof|st|no|vs|fig|e\.g|i\.e|approx|ref|cf)$/.test(word)) return false;
    return /[\p{Lu}]/u.test(next[1]!) && !/^\p{L}$/u.test(word);
  }
  return true;
}

function pushTrimmed(out: SentenceRange[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  while (end - start > MAX_UNIT) {
    const cut = cutPoint(text, start, start + MAX_UNIT);
    pushTrimmed(out, text, start, cut);
    start = cut;
    while (start < end && /\s/.test(text[start]!)) start++;
  }
  if (end > start) out.push({ start, end });
}

/**
 * Where to cut an over-long unit [start, limit): after the last clause break (";", ",", ":", a
 * dash) in its second half, else at its last space, else at the limit (not inside a surrogate pair).
 */
function cutPoint(text: string, start: number, limit: number): number {
  const half = start + (limit - start) / 2;
  let space = -1;
  for (let i = limit - 1; i > half; i--) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) continue;
    const p = text[i - 1];
    if (p === ';' || p === ',' || p === ':' || p === '—' || p === '–') return i;
    if (space < 0) space = i;
  }
  if (space > 0) return space;
  const c = text.charCodeAt(limit);
  return c >= 0xdc00 && c <= 0xdfff ? limit - 1 : limit;
}
