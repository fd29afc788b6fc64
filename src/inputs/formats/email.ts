// Email (.eml): the Subject and the body the sender wrote. mailparser does the MIME work
// (multipart, quoted-printable, base64, charsets); quoting.ts drops quoted replies, forwards,
// signatures and disclaimers. Positions: when a part's decoded text is found verbatim in the file
// (7bit/8bit bodies), line/column are exact in the file; otherwise (quoted-printable, base64,
// other charsets) they are line/column in the part's decoded text, with `part` and `decoded`.
// Not writable.
import type { AdapterOptions, InputAdapter, InputDocument, InputFile, Location, TextBlock } from '../../shared/types.js';
import { InputError } from '../../shared/errors.js';
import type { BuildOptions, Locator } from '../positions/block-builder.js';
import { LineIndex } from '../positions/line-index.js';
import { BlockBuilder } from '../positions/block-builder.js';
import { authoredLines } from '../prose/quoting.js';
import { describe, sniff } from '../sniff.js';
import { opaqueMatcher } from '../prose/templates.js';
import { emailLineFilter, splitLines, textBlocks } from './text.js';

/** The parts of mailparser's (internal, version-pinned) MIME tree that we read. */
interface MailNode {
  contentType?: string;
  encoding?: string;
  charset?: string;
  isAttachment?: boolean;
  textContent?: string;
  children: MailNode[];
}

interface ParsedMail {
  tree: MailNode | undefined;
  subject: string | undefined;
}

/** The whole file as text, for locating bodies and headers in it. */
export interface RawFile {
  text: string;
  lines: LineIndex;
  /** How the bytes were decoded: UTF-8 when valid, else one character per byte. */
  utf8: boolean;
}

export function rawFile(bytes: Uint8Array): RawFile {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, lines: new LineIndex(text), utf8: true };
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes); // one char per byte: lines still line up
    return { text, lines: new LineIndex(text), utf8: false };
  }
}

const HEADER_LINE = /^[!-9;-~]+:|^From /;

/**
 * Where the message headers start (some saved files carry a stray tool line first), or an
 * InputError when the content is not a message: two header lines must appear near the top.
 */
export function headerStart(raw: string): number {
  if (raw.slice(0, 8192).includes('\u0000')) throw new InputError('not an email (binary content)');
  const lines = raw.slice(0, 4096).split('\n').slice(0, 8);
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    if (HEADER_LINE.test(lines[i]!) && HEADER_LINE.test(lines[i + 1] ?? '')) return offset;
    offset += lines[i]!.length + 1;
  }
  throw new InputError('not an email (no message headers at the start of the file)');
}

async function parseMime(bytes: Uint8Array): Promise<ParsedMail> {
  // Bundled as CommonJS, the named export may only be on `default`.
  const mod = (await import('mailparser')) as unknown as { MailParser?: typeof import('mailparser').MailParser; default?: { MailParser: typeof import('mailparser').MailParser } };
  const MailParser = (mod.MailParser ?? mod.default?.MailParser)!;
  const parser = new MailParser({ skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true });
  parser.on('data', (d: { type: string; release?: () => void }) => d.release?.()); // attachments: not read
  await new Promise<void>((resolve, reject) => {
    parser.on('end', () => resolve());
    parser.on('error', (e: Error) => reject(new InputError(`not a readable email (${e.message.split('\n')[0]})`)));
    parser.end(Buffer.from(bytes));
  });
  const p = parser as unknown as { tree?: MailNode; headers: Map<string, unknown> };
  const subject = p.headers.get('subject');
  return { tree: p.tree, subject: typeof subject === 'string' ? subject : undefined };
}

interface Part {
  node: MailNode;
  /** IMAP-style part number, e.g. "1.2". */
  nr: string;
}

/** The parts that hold what the sender wrote: text/plain preferred over HTML in alternatives. */
function bodyParts(node: MailNode, nr: string): Part[] {
  const type = (node.contentType ?? 'text/plain').toLowerCase();
  const child = (i: number): string => (nr === '' ? String(i + 1) : `${nr}.${i + 1}`);
  if (type === 'multipart/alternative') {
    const text = node.children.findIndex((c) => c.contentType === 'text/plain' && !c.isAttachment && /\S/.test(c.textContent ?? ''));
    if (text >= 0) return [{ node: node.children[text]!, nr: child(text) }];
    // No usable plain text: take the richest alternative (last one, per RFC 2046) that has text.
    for (let i = node.children.length - 1; i >= 0; i--) {
      const found = bodyParts(node.children[i]!, child(i));
      if (found.length) return found;
    }
    return [];
  }
  // An attached (forwarded) message is someone else's words; mailparser hands it over as an
  // attachment, so it is not linted even with includeQuoted.
  if (type === 'message/rfc822') return [];
  if (type.startsWith('multipart/')) return node.children.flatMap((c, i) => bodyParts(c, child(i)));
  if ((type === 'text/plain' || type === 'text/html') && !node.isAttachment && node.textContent) return [{ node, nr: nr || '1' }];
  return [];
}

/**
 * Map every index of `decoded` to an offset in `file` (from `from`), when the decoded text is in
 * the file verbatim except for CR before LF and (headers) folding whitespace. Undefined otherwise.
 */
export function mapVerbatim(decoded: string, file: string, from: number, folding = false, limit = file.length): Int32Array | undefined {
  const lead = decoded.search(/\S/);
  if (lead < 0) return undefined;
  const probe = decoded.slice(lead, lead + 40).split(/\r?\n/)[0]!;
  const found = file.indexOf(probe, from);
  if (found < 0 || found >= limit) return undefined;
  // Leading blank lines may be CRLF in the file: try each possible start.
  for (let back = lead; back <= lead * 2; back++) {
    if (found - back < from) break;
    const map = walk(decoded, file, found - back, folding);
    if (map) return map;
  }
  return undefined;
}

function walk(decoded: string, file: string, at: number, folding: boolean): Int32Array | undefined {
  const map = new Int32Array(decoded.length + 1);
  let f = at;
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded[i]!;
    if (c === '\n' && file[f] === '\r' && file[f + 1] === '\n') {
      map[i] = f; // the line break starts at the CR: an end position there is the line's end
      f += 2;
      continue;
    }
    if (folding && c === ' ' && /^\r?\n[ \t]/.test(file.slice(f, f + 3))) {
      // Header folding: line break + whitespace unfolds to one space.
      f += file[f] === '\r' ? 2 : 1;
      while (/[ \t]/.test(file[f + 1] ?? '')) f++;
    }
    if (file[f] !== c) return undefined;
    map[i] = f++;
  }
  map[decoded.length] = f;
  return map;
}

/** A locator for offsets in decoded text: exact file positions via `map`, else decoded ones. */
function partLocator(decoded: string, raw: RawFile, map: Int32Array | undefined, part: string): Locator {
  if (map) {
    return {
      locate: (o) => {
        const { line, column } = raw.lines.locate(map[Math.max(0, Math.min(o, decoded.length))]!);
        return { line, column };
      },
    };
  }
  const lines = new LineIndex(decoded);
  return {
    locate: (o): Location => {
      const { line, column } = lines.locate(o);
      return { line, column, part, decoded: true };
    },
  };
}

export interface MessageResult {
  blocks: TextBlock[];
  notices: string[];
}

/** Blocks of one message whose raw text starts at `base` in the file. */
export async function messageBlocks(bytes: Uint8Array, raw: RawFile, base: number, options: AdapterOptions, limit = raw.text.length): Promise<MessageResult> {
  const mail = await parseMime(bytes);
  const build: BuildOptions = { opaque: opaqueMatcher(options), writable: false };
  const blocks: TextBlock[] = [];
  const notices: string[] = [];
  const headerEnd = /\r?\n\r?\n/.exec(raw.text.slice(base, limit))?.index;
  const bodyStart = headerEnd === undefined ? raw.text.length : base + headerEnd;

  if (mail.subject) {
    const subject = subjectBlock(mail.subject, raw, base, bodyStart, build);
    if (subject.block) blocks.push(subject.block);
    if (subject.decoded) notices.push('the Subject header is encoded: its columns count characters of the decoded subject');
  }

  let searchFrom = bodyStart;
  for (const { node, nr } of mail.tree ? bodyParts(mail.tree, '') : []) {
    const decoded = node.textContent ?? '';
    const type = node.contentType ?? 'text/plain';
    const part = `${nr} ${type}`;
    const map = node.encoding === 'binary' ? mapVerbatim(decoded, raw.text, searchFrom, false, limit) : undefined;
    if (map) searchFrom = map[decoded.length]!;
    else notices.push(`positions in part ${part} are line/column in its decoded text (${node.encoding === 'binary' ? node.charset ?? 'converted' : node.encoding})`);
    const locator = partLocator(decoded, raw, map, part);
    if (type === 'text/html') {
      const { htmlBlocks } = await import('./html.js');
      const { emailHtmlSkip } = await import('./email-html.js');
      const found = htmlBlocks(decoded, locator, { ...build, skip: options.includeQuoted ? undefined : emailHtmlSkip });
      const keep = authoredLines(found.map((b) => b.text), { includeQuoted: options.includeQuoted, blocks: true });
      blocks.push(...found.filter((_, i) => keep[i]));
    } else {
      blocks.push(...textBlocks(decoded, locator, emailLineFilter(splitLines(decoded), options, false), build));
    }
  }
  return { blocks, notices };
}

/** The Subject block: exact positions when the raw header holds the subject verbatim. */
function subjectBlock(subject: string, raw: RawFile, base: number, bodyStart: number, build: BuildOptions): { block?: TextBlock; decoded: boolean } {
  const header = /^subject:[ \t]*/im.exec(raw.text.slice(base, bodyStart));
  const valueStart = header ? base + header.index + header[0].length : -1;
  const map = header ? mapVerbatim(subject, raw.text, valueStart, true) : undefined;
  const exact = map !== undefined && map[0] === valueStart;
  const b = new BlockBuilder();
  b.push(subject, 0);
  const headerLine = header ? raw.lines.locate(valueStart).line : 1;
  const locator: Locator = exact
    ? { locate: (o) => ({ line: raw.lines.locate(map![o]!).line, column: raw.lines.locate(map![o]!).column }) }
    : { locate: (o) => ({ line: headerLine, column: o + 1, part: 'Subject', decoded: true }) };
  return { block: b.build('subject', locator, build), decoded: !exact };
}

export const emailAdapter: InputAdapter = {
  name: 'email',
  extensions: ['.eml'],
  writable: false,
  async parse(file: InputFile, options: AdapterOptions): Promise<InputDocument> {
    const kind = sniff(file.bytes);
    if (kind !== 'other') throw new InputError(`not an email (${describe(kind)})`);
    const raw = rawFile(file.bytes);
    const start = headerStart(raw.text);
    const bytes = raw.utf8 ? Buffer.from(raw.text.slice(start), 'utf8') : file.bytes.subarray(start);
    const { blocks, notices } = await messageBlocks(start ? bytes : file.bytes, raw, start, options);
    const doc: InputDocument = { filePath: file.filePath, format: 'email', blocks };
    if (notices.length) doc.notices = notices;
    return doc;
  },
};
