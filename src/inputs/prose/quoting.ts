// Which lines of an email body the sender wrote. Quoted replies, forwarded messages, signatures
// and legal disclaimers are someone else's words (or boilerplate) and are not linted.
// Works on lines of plain text, or on the blocks of an HTML body (one "line" per block).

/** "On Tue, 3 Jun 2025 at 10:02, Dana Smith <dana@x.com> wrote:" (possibly wrapped over 2-3 lines). */
const ATTRIBUTION = /^\s*(?:on\b.{0,200}\b(?:wrote|writes)\s*:|.{0,120}\b(?:wrote|a écrit|schrieb|escribió)\s*:)\s*$/i;
const ATTRIBUTION_START = /^\s*on\s+\S.*$/i;
const ENDS_IN_COLON = /:\s*$/;
/** ATTRIBUTION, tried only on lines that end in a colon (it backtracks on long lines). */
const isAttribution = (line: string): boolean => ENDS_IN_COLON.test(line) && ATTRIBUTION.test(line);
/** Outlook/Apple separators after which everything is quoted or forwarded. */
const SEPARATOR =
  /^\s*(?:-{2,}\s*(?:original message|forwarded message|weitergeleitete nachricht|message d'origine)\s*-{2,}|begin forwarded message:)/i;
/** A rule of underscores or dashes: a separator only when a "From:" header follows it. */
const RULE_LINE = /^\s*(?:_{10,}|-{5,})\s*$/;
/** Header lines of a quoted Outlook message block ("From: … Sent: … To: … Subject: …"). */
const HEADER = /^\s*\*?(?:from|sent|date|to|cc|subject|reply-to)\s*:\*?\s*\S/i;
const FROM_HEADER = /^\s*\*?from\s*:/i;
/** "-- " (RFC 3676 signature separator) and the common "--" variant. */
const SIG_DASHES = /^\s*--\s*$/;
/** A sign-off line: "Best regards," "Thanks!" "Cheers" "Sincerely," … alone on its line. */
const SIGN_OFF =
  /^\s*(?:(?:best|kind|warm|warmest|many|with)?\s*(?:regards|wishes|thanks)|best|cheers|thanks|thank you(?: (?:so|very) much)?|thx|sincerely(?: yours)?|yours(?: truly| sincerely| faithfully)?|respectfully|all the best|talk soon|speak soon|take care|looking forward to hearing from you|many thanks|sent from my \w+(?: \w+)?)\s*[,.!]?\s*$/i;
/** Boilerplate legal disclaimers and footers. */
const DISCLAIMER =
  /\b(?:this (?:e-?mail|message|communication|transmission)\b.{0,160}\b(?:confidential|privileged|intended (?:solely |only )?for)|confidentiality notice|legal disclaimer|if you (?:are not|have received this).{0,80}(?:intended recipient|in error)|intended (?:solely|only) for the (?:use of the )?(?:individual|person|addressee)|please consider the environment before printing)/i;

export interface QuoteOptions {
  /** Keep everything (the --include-quoted switch). */
  includeQuoted?: boolean | undefined;
  /** Each "line" is a whole block (HTML bodies): a disclaimer drops only its own block. */
  blocks?: boolean;
}

/** For each line: true when the sender wrote it and it should be linted. */
export function authoredLines(lines: readonly string[], options: QuoteOptions = {}): boolean[] {
  const keep = lines.map(() => true);
  if (options.includeQuoted) return keep;
  const dropFrom = (i: number): void => {
    keep.fill(false, i);
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*>/.test(line)) {
      keep[i] = false;
      continue;
    }
    const attribution = attributionAt(lines, i);
    if (attribution > 0) {
      keep.fill(false, i, i + attribution);
      // Interleaved replies ("> question" then the answer) keep the answers; a quote that is not
      // ">"-prefixed (HTML bodies, Outlook) runs to the end.
      const next = nextNonBlank(lines, i + attribution);
      if (next === -1 || !/^\s*>/.test(lines[next]!)) {
        dropFrom(i);
        break;
      }
      i += attribution - 1;
      continue;
    }
    const ruleBeforeHeader = RULE_LINE.test(line) && FROM_HEADER.test(lines[nextNonBlank(lines, i + 1)] ?? '');
    if (SEPARATOR.test(line) || ruleBeforeHeader || isQuotedHeaderBlock(lines, i) || SIG_DASHES.test(line)) {
      dropFrom(i);
      break;
    }
    if (SIGN_OFF.test(line) && isSignatureAfter(lines, i + 1)) {
      dropFrom(i);
      break;
    }
    if (DISCLAIMER.test(line)) {
      if (options.blocks) keep[i] = false;
      else dropParagraph(lines, keep, i);
    }
  }
  return keep;
}

/** Number of lines (1-3) an "On … wrote:" attribution starting at i spans, or 0. */
function attributionAt(lines: readonly string[], i: number): number {
  if (isAttribution(lines[i]!)) return 1;
  if (!ATTRIBUTION_START.test(lines[i]!)) return 0;
  let joined = lines[i]!;
  for (let n = 1; n < 3 && i + n < lines.length; n++) {
    joined += ' ' + lines[i + n]!.trim();
    if (isAttribution(joined)) return n + 1;
  }
  return 0;
}

/** "From: …" followed, within a few lines, by at least two more header lines (Sent:, To:, Subject:). */
function isQuotedHeaderBlock(lines: readonly string[], i: number): boolean {
  if (!FROM_HEADER.test(lines[i]!)) return false;
  let headers = 0;
  for (let k = i + 1; k < Math.min(lines.length, i + 8); k++) if (HEADER.test(lines[k]!)) headers++;
  return headers >= 2;
}

/** After a sign-off: only short signature-like lines (name, title, phone, links) or nothing. */
function isSignatureAfter(lines: readonly string[], from: number): boolean {
  let nonBlank = 0;
  for (let k = from; k < lines.length; k++) {
    const l = lines[k]!.trim();
    if (!l) continue;
    if (/^>/.test(l) || isAttribution(l) || SEPARATOR.test(l) || FROM_HEADER.test(l) || DISCLAIMER.test(l)) return true;
    if (/^p\.?\s?s\.?\b/i.test(l)) return false; // a P.S. is the sender's text
    if (++nonBlank > 8) return false;
    const words = l.split(/\s+/).length;
    if (words > 12 || (words >= 6 && /[.!?]$/.test(l))) return false; // a sentence, not a signature
  }
  return true;
}

function nextNonBlank(lines: readonly string[], from: number): number {
  for (let k = from; k < lines.length; k++) if (lines[k]!.trim()) return k;
  return -1;
}

/** Drop the blank-line-delimited paragraph around line i. */
function dropParagraph(lines: readonly string[], keep: boolean[], i: number): void {
  let a = i;
  while (a > 0 && lines[a - 1]!.trim()) a--;
  let b = i;
  while (b + 1 < lines.length && lines[b + 1]!.trim()) b++;
  keep.fill(false, a, b + 1);
}

const EMAIL_HEADER = /^(?:from|to|cc|bcc|subject|date|sent|reply-to)\s*:\s*\S/i;
const GREETING = /^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b[^.!?\n]{0,40}[,!:]?\s*$/i;

/**
 * Does a plain-text file look like an email? Header lines at the top (From:/To:/Subject:…), or a
 * greeting line near the top together with a sign-off, a quote or an attribution further down.
 */
export function looksLikeEmail(lines: readonly string[]): boolean {
  const top = lines.slice(0, 12).filter((l) => l.trim());
  if (top.slice(0, 6).filter((l) => EMAIL_HEADER.test(l)).length >= 2) return true;
  if (!top.slice(0, 3).some((l) => GREETING.test(l))) return false;
  return lines.some((l, i) => SIGN_OFF.test(l) || /^\s*>/.test(l) || attributionAt(lines, i) > 0 || SIG_DASHES.test(l));
}

/** Lines of the header block at the top of a pasted email (not prose; Subject: is kept). */
export function headerLineCount(lines: readonly string[]): number {
  let n = 0;
  while (n < lines.length && (EMAIL_HEADER.test(lines[n]!) || (n > 0 && /^[ \t]+\S/.test(lines[n]!) && EMAIL_HEADER.test(lines[n - 1]!)))) n++;
  return n >= 2 ? n : 0;
}
