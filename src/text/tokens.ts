// The lexical tokenizer: cheap, regex-based, run on every sentence. The NLP tagger only ever sees
// the few sentences that this pass says can match a rule (see engine/prefilter.ts).

export interface Token {
  /** The token as written. */
  text: string;
  /** Lower-cased, curly quotes straightened, clitics expanded ('ll -> will, n't -> not). */
  norm: string;
  /** Offsets within the sentence. */
  start: number;
  end: number;
  /** Word, number (incl. 40%, $1,200, 24/7 parts) or punctuation. */
  type: 'word' | 'number' | 'punct';
  /** Written with a capital first letter. */
  capitalized: boolean;
}

// Words with inner apostrophes, periods (U.S.) and ampersands; numbers with separators and %;
// single punctuation. Hyphens split words ("risk-free" -> risk, free) so "same day" and
// "same-day" tokenize alike; the hyphen itself is not a token.
const TOKEN =
  /[$€£¥]?\d+(?:[.,:]\d+)*(?:%|[kKmMbB]\b)?|[\p{L}\p{M}]+(?:['’][\p{L}]+)*(?:\.(?=[\p{L}]\.))?|[^\s\p{L}\p{N}-]/gu;

const CLITIC = /^([\p{L}]+?)(n['’]t|['’](?:ll|re|ve|d|s|m))$/iu;

const CLITIC_NORM: Record<string, string> = {
  "n't": 'not',
  "'ll": 'will',
  "'re": 'are',
  "'ve": 'have',
  "'d": 'would',
  "'s": "'s",
  "'m": 'am',
};

const NEGATED_STEM: Record<string, string> = { wo: 'will', ca: 'can', sha: 'shall', ai: 'is' };

export function normalizeWord(w: string): string {
  const lower = w.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/** Whether a token is written with a capital first letter (ASCII answered without a string). */
function isCapitalized(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  const first = text.charAt(0);
  return first !== first.toLowerCase();
}

function push(out: Token[], text: string, start: number, norm: string, type: Token['type']): void {
  out.push({ text, norm, start, end: start + text.length, type, capitalized: isCapitalized(text) });
}

const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

export function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(sentence); m; m = TOKEN.exec(sentence)) {
    const text = m[0];
    const start = m.index;
    const c = text.charCodeAt(0);
    // a digit or a currency sign ($ € £ ¥) opens a number
    if ((c >= 48 && c <= 57) || c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5) {
      push(out, text, start, text.toLowerCase(), 'number');
      continue;
    }
    if (!isAsciiLetter(c) && !/[\p{L}]/u.test(text)) {
      push(out, text, start, text === '’' || text === '‘' ? "'" : text, 'punct');
      continue;
    }
    const cl = text.includes("'") || text.includes('’') ? CLITIC.exec(text) : null;
    if (cl && cl[1] && cl[2]) {
      const stem = cl[1];
      const clitic = normalizeWord(cl[2]);
      const stemNorm = normalizeWord(stem);
      const isNeg = clitic === "n't";
      push(out, stem, start, isNeg ? (NEGATED_STEM[stemNorm] ?? stemNorm) : stemNorm, 'word');
      push(out, cl[2], start + stem.length, CLITIC_NORM[clitic] ?? clitic, 'word');
      continue;
    }
    push(out, text, start, normalizeWord(text), 'word');
  }
  return out;
}

/** Tokens of a rule phrase, normalized the same way as text ("same-day" == "same day"). */
export function phraseTokens(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.norm);
}
