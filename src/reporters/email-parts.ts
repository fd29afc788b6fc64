// Where a MIME part's header is in an .eml or .mbox file. Positions in a base64 or
// quoted-printable part are line/column in its decoded text (see adapters/email.ts), which are
// not lines of the file; formats that point an editor or a pull-request view at a line (github,
// compact) use the line of the part's header instead and give the decoded position in words.
//
// Read here, synchronously and only for findings that need it, because the location carries the
// part number ("1.2 text/html") but not where the part is. Never throws: an unreadable or
// unparseable file, or a part that cannot be told apart from another, gives `undefined`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../shared/types.js';

interface Part {
  /** 1-based line of the part's Content-Type header (or its first header, or its boundary). */
  headerLine: number;
  encoding: string;
  charset: string;
  /** The raw body lines (latin1: one character per byte). */
  body: string[];
}

type Message = Map<string, Part>;

const HEADER = /^[!-9;-~]+:|^From /;

/** Lines of the file, bytes as latin1 so that line numbers match the file's. */
function fileLines(bytes: Buffer): string[] {
  return bytes
    .toString('latin1')
    .split('\n')
    .map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** Line index where the headers of a message start (a saved file can carry a stray line first). */
function headerStart(lines: string[], from: number, to: number): number {
  for (let i = from; i < Math.min(to, from + 8); i++) {
    if (HEADER.test(lines[i]!) && HEADER.test(lines[i + 1] ?? '')) return i;
  }
  return from;
}

function entity(lines: string[], from: number, to: number, nr: string, out: Message, depth: number): void {
  const headers: { name: string; value: string; line: number }[] = [];
  let i = from;
  for (; i < to && lines[i] !== ''; i++) {
    const l = lines[i]!;
    const last = headers.at(-1);
    if (/^[ \t]/.test(l) && last) last.value += ` ${l.trim()}`;
    else {
      const colon = l.indexOf(':');
      if (colon > 0)
        headers.push({ name: l.slice(0, colon).trim().toLowerCase(), value: l.slice(colon + 1).trim(), line: i });
    }
  }
  const get = (name: string): { value: string; line: number } | undefined => headers.find((h) => h.name === name);
  const ct = get('content-type');
  const type = (ct?.value.split(';')[0] ?? 'text/plain').trim().toLowerCase();
  const bodyFrom = i + 1;
  if (type.startsWith('multipart/')) {
    const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(ct?.value ?? '');
    const b = boundary?.[1] ?? boundary?.[2];
    if (!b || depth > 20) return;
    const delimiters: number[] = [];
    let end = to;
    for (let k = bodyFrom; k < to; k++) {
      const l = lines[k]!.trimEnd();
      if (l === `--${b}--`) {
        end = k;
        break;
      }
      if (l === `--${b}`) delimiters.push(k);
    }
    delimiters.forEach((d, k) => {
      const childTo = delimiters[k + 1] ?? end;
      entity(lines, d + 1, childTo, nr === '' ? String(k + 1) : `${nr}.${k + 1}`, out, depth + 1);
    });
    return;
  }
  const header = ct ?? headers[0];
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(ct?.value ?? '')?.[1] ?? 'utf-8';
  out.set(nr === '' ? '1' : nr, {
    // A part with no headers at all: its boundary line (from - 1, 0-based) is where it starts.
    headerLine: header ? header.line + 1 : from,
    encoding: (get('content-transfer-encoding')?.value ?? '7bit').toLowerCase(),
    charset,
    body: lines.slice(Math.min(bodyFrom, to), to),
  });
}

/** The messages of the file: one for an .eml, one per "From " separated message for an mbox. */
function messages(lines: string[], mbox: boolean): Message[] {
  const ranges: [number, number][] = [];
  if (mbox) {
    const starts: number[] = [];
    lines.forEach((l, i) => {
      if (l.startsWith('From ') && (i === 0 || lines[i - 1] === '')) starts.push(i);
    });
    starts.forEach((s, k) => ranges.push([s + 1, starts[k + 1] ?? lines.length]));
  } else {
    ranges.push([0, lines.length]);
  }
  return ranges.map(([from, to]) => {
    const m: Message = new Map();
    entity(lines, headerStart(lines, from, to), to, '', m, 0);
    return m;
  });
}

function decodeQuotedPrintable(s: string): Buffer {
  const soft = s.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft[i] === '=' ? /^[0-9A-Fa-f]{2}/.exec(soft.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else {
      bytes.push(soft.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** The part's decoded text, as the email adapter numbers its lines. */
function decodedText(part: Part): string {
  const raw = part.body.join('\n');
  const bytes =
    part.encoding === 'base64'
      ? Buffer.from(raw.replace(/\s+/g, ''), 'base64')
      : part.encoding === 'quoted-printable'
        ? decodeQuotedPrintable(raw)
        : Buffer.from(raw, 'latin1');
  try {
    return new TextDecoder(part.charset).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

/** Whether the finding's flagged words start at its decoded line/column in this part. */
function holds(part: Part, f: Finding): boolean {
  const word = /\S+/.exec(f.sentence.slice(f.span[0], f.span[1]))?.[0];
  if (!word) return false;
  const line = decodedText(part).split(/\r?\n/)[f.start.line - 1];
  return line !== undefined && line.slice(f.start.column - 1).startsWith(word);
}

/** Part number of a location's `part` ("1.2 text/html" -> "1.2"). */
export function partNumber(part: string): string {
  return part.trim().split(/\s+/)[0] ?? part;
}

export type PartHeaderLocator = (filePath: string, f: Finding) => number | undefined;

/**
 * A locator for one report: it reads each email file at most once. It returns the file line of
 * the header of the part a decoded finding is in, or undefined when that cannot be known.
 */
export function partHeaderLocator(cwd: string): PartHeaderLocator {
  const cache = new Map<string, Message[] | undefined>();
  return (filePath, f) => {
    if (!f.start.decoded || f.start.part === undefined) return undefined;
    const file = path.resolve(cwd, filePath);
    if (!cache.has(file)) {
      let parsed: Message[] | undefined;
      try {
        parsed = messages(fileLines(readFileSync(file)), /\.mbox$/i.test(file));
      } catch {
        parsed = undefined;
      }
      cache.set(file, parsed);
    }
    const found = cache.get(file);
    if (!found) return undefined;
    const nr = partNumber(f.start.part);
    const candidates = found.map((m) => m.get(nr)).filter((p): p is Part => p !== undefined);
    if (candidates.length === 1) return candidates[0]!.headerLine;
    // Several messages of an mbox have a part with this number: the one whose decoded text has
    // the flagged words at the finding's position.
    const matching = candidates.filter((p) => holds(p, f));
    return matching.length === 1 ? matching[0]!.headerLine : undefined;
  };
}
