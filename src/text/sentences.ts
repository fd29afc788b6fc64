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

/** Split block text into trimmed sentence ranges [start, end). */
export function splitSentences(text: string): SentenceRange[] {
  const out: SentenceRange[] = [];
  let start = 0;
  TERMINATOR.lastIndex = 0;
  for (let m = TERMINATOR.exec(text); m; m = TERMINATOR.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && m[0].length === 1 && !endsSentence(text, m.index)) continue;
    pushTrimmed(out, text, start, end);
    start = end;
  }
  pushTrimmed(out, text, start, text.length);
  return out;
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

function endsSentence(text: string, dot: number): boolean {
  const word = wordBefore(text, dot).toLowerCase().replace(/\.$/, '');
  if (word && (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word))) {
    // "Inc." or "a.m." at the very end of a sentence still ends it when a capital follows
    // and the abbreviation is not a title that always precedes a name.
    const next = /^\s+(\S)/.exec(text.slice(dot + 1));
    if (!next) return true;
    if (/^(mr|mrs|ms|dr|prof|st|no|vs|fig|e\.g|i\.e|approx|ref|cf)$/.test(word)) return false;
    return /[\p{Lu}]/u.test(next[1]!) && !/^\p{L}$/u.test(word);
  }
  return true;
}

function pushTrimmed(out: SentenceRange[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}
