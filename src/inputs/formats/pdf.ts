// PDF: the text layer, per page, in reading order (pdfjs-dist, legacy build, worker in-process).
// Text items are grouped into lines by baseline, lines into segments at wide horizontal gaps
// (table columns), and segments into paragraphs by column, spacing, font size and bullets.
// Location: `page`, line = text line on that page (1-based, top to bottom), column = 1-based
// character in that line as extracted. Not writable.
import { InputError } from '../../shared/errors.js';
import type {
  AdapterOptions,
  BlockKind,
  InputAdapter,
  InputDocument,
  InputFile,
  TextBlock,
} from '../../shared/types.js';
import { BlockBuilder, type BuildOptions } from '../positions/block-builder.js';
import { LineIndex } from '../positions/line-index.js';
import { describe, sniff } from '../sniff.js';
import { opaqueMatcher } from '../prose/templates.js';
import { LIMITS, LimitError, megabytes } from '../limits.js';
import { checkFileBudget } from '../../shared/budget.js';
import { constants as zlib, inflateSync } from 'node:zlib';

/** A positioned piece of text, as pdfjs reports it. */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface Segment {
  /** Offset of the segment's first character in the page text. */
  start: number;
  text: string;
  x: number;
  y: number;
  size: number;
  /** Where each item starts: offset in `text` and x on the page (to find a bullet's text indent). */
  xs: { at: number; x: number }[];
}

const BULLET = /^(?:[•◦▪‣●○■□➢►✓✔-]|\d{1,2}[.)]|[a-z][.)])\s+/;

/** Lines of a page (top to bottom) and their segments, with the page text they index into. */
export function layoutPage(items: PdfItem[]): { pageText: string; lines: Segment[][] } {
  const visible = items.filter((i) => i.str.length > 0);
  // Group by baseline: sort top-down, then cluster baselines closer than 40% of the font size.
  const sorted = [...visible].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfItem[][] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - it.y) < 0.4 * Math.max(row[0]!.size, it.size, 1)) row.push(it);
    else rows.push([it]);
  }
  let pageText = '';
  const lines: Segment[][] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    const segs: Segment[] = [];
    let lineText = '';
    let prevStr = '';
    let seg: Segment | undefined;
    let prevEnd = -Infinity;
    let spacer = false; // a whitespace-only item since the last text item
    for (const it of row) {
      if (!it.str.trim()) {
        // Spacer items can be as wide as a table column gap: they mark a space, not a width.
        spacer = true;
        continue;
      }
      const gap = it.x - prevEnd;
      if (seg && gap > 1.5 * it.size) {
        // A column gap (table cell, two-column layout): a new segment.
        segs.push(seg);
        seg = undefined;
        lineText += ' ';
        prevStr = ' ';
      } else if (
        seg &&
        (spacer || gap > 0.15 * it.size) &&
        // The last item's last character (reading lineText's would copy the whole line each time).
        !/\s$/.test(prevStr) &&
        !/^\s/.test(it.str)
      ) {
        lineText += ' ';
        seg.text += ' ';
      }
      spacer = false;
      seg ??= { start: pageText.length + lineText.length, text: '', x: it.x, y: it.y, size: it.size, xs: [] };
      seg.xs.push({ at: seg.text.length, x: it.x });
      seg.text += it.str;
      lineText += it.str;
      prevStr = it.str;
      prevEnd = Math.max(prevEnd, it.x + it.width);
    }
    if (seg) segs.push(seg);
    if (segs.length === 0) continue;
    lines.push(segs);
    pageText += lineText + '\n';
  }
  return { pageText, lines };
}

/** Paragraph blocks of one page. */
export function pageBlocks(page: number, items: PdfItem[], build: BuildOptions): TextBlock[] {
  const { pageText, lines } = layoutPage(items);
  const index = new LineIndex(pageText);
  const locator = { locate: (o: number) => ({ ...pick(index.locate(o)), page }) };
  const body = bodySize(lines);
  const blocks: TextBlock[] = [];
  // Open paragraphs, one per text column, continued by the next line's segment at the same x.
  interface Open {
    b: BlockBuilder;
    /** x where continuation lines start (a list item's text indent, past its bullet). */
    x: number;
    y: number;
    size: number;
    kind: BlockKind;
  }
  let open: Open[] = [];
  const close = (p: Open): void => {
    const block = p.b.build(p.kind, locator, build);
    if (block) blocks.push(block);
  };
  for (const segs of lines) {
    const next: Open[] = [];
    for (const s of segs) {
      const bullet = BULLET.exec(s.text);
      const heading = s.size > body * 1.15;
      const cont = bullet
        ? undefined
        : open.find((p) => {
            const dy = p.y - s.y;
            return (
              Math.abs(p.x - s.x) < 2 &&
              dy > 0 &&
              dy < 1.45 * Math.max(p.size, s.size) &&
              Math.abs(p.size - s.size) < 0.5
            );
          });
      let text = s.text;
      let start = s.start;
      let textX = s.x;
      if (bullet) {
        text = text.slice(bullet[0].length);
        start += bullet[0].length;
        // Continuation lines of a list item align with its text, not with the bullet.
        textX = s.xs.find((p) => p.at === bullet[0].length)?.x ?? s.x;
      }
      const lead = text.length - text.trimStart().length;
      text = text.trimEnd().slice(lead);
      start += lead;
      if (cont) {
        open = open.filter((p) => p !== cont);
        if (/\p{L}-$/u.test(cont.b.content.slice(-2)) && /^\p{Ll}/u.test(text))
          cont.b.dropLast(); // "deliv-" + "ery"
        else cont.b.pushSynthetic(' ');
        cont.b.push(text, start);
        cont.y = s.y;
        next.push(cont);
      } else {
        const kind: BlockKind = heading ? 'heading' : bullet ? 'list-item' : 'paragraph';
        next.push({ b: new BlockBuilder().push(text, start), x: textX, y: s.y, size: s.size, kind });
      }
    }
    // Paragraphs not continued on this line end here.
    for (const p of open) close(p);
    open = next;
  }
  for (const p of open) close(p);
  return blocks;
}

function pick(l: { line: number; column: number }): { line: number; column: number } {
  return { line: l.line, column: l.column };
}

/** The most common font size (by characters): body text. */
function bodySize(lines: Segment[][]): number {
  const count = new Map<number, number>();
  for (const segs of lines)
    for (const s of segs) count.set(Math.round(s.size), (count.get(Math.round(s.size)) ?? 0) + s.text.length);
  let best = 0;
  let n = -1;
  for (const [size, c] of count) if (c > n) [best, n] = [size, c];
  return best || 10;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | undefined;

/** pdfjs with its worker running in this thread (no worker file, no network, no eval). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsPromise;
}

/**
 * Check what the file's streams inflate to before pdf.js sees them: pdf.js inflates a stream
 * whole, so a flate bomb (a few MB that inflate to gigabytes) took 34 s and 5.9 GB. Every
 * `stream … endstream` whose data is zlib is inflated with a cap on its output (the rest of the
 * budget); a stream inflated twice over (two FlateDecode filters) is followed once more.
 */
export function checkPdfStreams(bytes: Uint8Array, budget: number = LIMITS.pdfInflated): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let left = budget;
  const tooBig = (): LimitError => new LimitError(`a PDF whose streams inflate to more than ${megabytes(budget)}`);
  for (let at = buf.indexOf('stream'); at >= 0; at = buf.indexOf('stream', at + 6)) {
    // "stream" followed by CRLF or LF (not "endstream").
    if (at >= 3 && buf.toString('latin1', at - 3, at) === 'end') continue;
    let start = at + 6;
    if (buf[start] === 13) start++;
    if (buf[start] !== 10) continue;
    start++;
    const end = buf.indexOf('endstream', start);
    if (end < 0) break;
    let data: Buffer = buf.subarray(start, end);
    for (let depth = 0; depth < 4 && isZlib(data); depth++) {
      let out: Buffer;
      try {
        out = inflateSync(data, { maxOutputLength: Math.max(1, left), finishFlush: zlib.Z_SYNC_FLUSH });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig();
        break; // not deflate data after all, or damaged: pdf.js says what it makes of it
      }
      left -= out.length;
      if (left <= 0) throw tooBig();
      data = out;
    }
    at = end;
  }
}

/** A zlib header: CM 8 (deflate), a window of at most 32 KB, and the header checksum. */
function isZlib(b: Buffer): boolean {
  return b.length >= 2 && (b[0]! & 0x0f) === 8 && b[0]! >> 4 <= 7 && ((b[0]! << 8) | b[1]!) % 31 === 0;
}

/** pdf.js exception names: what a rejection it raises asynchronously looks like. */
const PDFJS_ERRORS = new Set([
  'FormatError',
  'InvalidPDFException',
  'MissingPDFException',
  'UnexpectedResponseException',
  'UnknownErrorException',
  'PasswordException',
  'AbortException',
  'ResponseException',
]);

function fromPdfJs(reason: unknown): boolean {
  const r = reason as { name?: unknown; stack?: unknown } | null;
  return (
    !!r &&
    ((typeof r.name === 'string' && PDFJS_ERRORS.has(r.name)) ||
      (typeof r.stack === 'string' && r.stack.includes('pdfjs-dist')))
  );
}

let parsing = 0;
let asyncFailure: Error | undefined;
/**
 * pdf.js rejects some promises nobody awaits (a truncated file: "End of file inside
 * dictionary"); Node would end the run with a stack trace. While a PDF is parsed, such a
 * rejection from pdf.js is kept and reported as the file's one-line error.
 */
function onRejection(reason: unknown): void {
  if (parsing > 0 && fromPdfJs(reason)) {
    asyncFailure ??= reason as Error;
    return;
  }
  // Not ours: behave as Node does without a handler.
  setImmediate(() => {
    throw reason;
  });
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  if (parsing++ === 0) {
    asyncFailure = undefined;
    process.on('unhandledRejection', onRejection);
  }
  try {
    const out = await work();
    // Let rejections raised during the last step surface.
    await new Promise((r) => setImmediate(r));
    const failed = asyncFailure;
    if (failed) throw new InputError(`not a valid PDF (${(failed.message || String(failed)).split('\n')[0]})`);
    return out;
  } finally {
    if (--parsing === 0) {
      process.off('unhandledRejection', onRejection);
      asyncFailure = undefined;
    }
  }
}

export const pdfAdapter: InputAdapter = {
  name: 'pdf',
  extensions: ['.pdf'],
  writable: false,
  async parse(file: InputFile, options: AdapterOptions): Promise<InputDocument> {
    const head = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, Math.min(file.bytes.byteLength, 1024));
    if (!head.includes('%PDF-')) {
      const kind = sniff(file.bytes);
      throw new InputError(`not a PDF (${kind === 'other' ? 'no %PDF header' : describe(kind)})`);
    }
    checkPdfStreams(file.bytes);
    const pdfjs = await loadPdfJs();
    return guarded(() => readPdf(pdfjs, file, options));
  },
};

async function readPdf(pdfjs: PdfJs, file: InputFile, options: AdapterOptions): Promise<InputDocument> {
  const task = pdfjs.getDocument({
    data: new Uint8Array(file.bytes), // pdfjs takes ownership of (detaches) the buffer it gets
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as Error).name;
    if (name === 'PasswordException') throw new InputError('PDF is password-protected');
    throw new InputError(`not a valid PDF (${(e as Error).message.split('\n')[0]})`);
  }
  const build: BuildOptions = { opaque: opaqueMatcher(options), writable: false };
  const blocks: TextBlock[] = [];
  const empty: number[] = [];
  try {
    if (doc.numPages > LIMITS.pdfPages) throw new LimitError(`more than ${LIMITS.pdfPages} pages`);
    for (let n = 1; n <= doc.numPages; n++) {
      checkFileBudget();
      let content: Awaited<ReturnType<Awaited<ReturnType<typeof doc.getPage>>['getTextContent']>>;
      try {
        const page = await doc.getPage(n);
        content = await page.getTextContent();
        page.cleanup();
      } catch (e) {
        if (e instanceof InputError) throw e;
        throw new InputError(`not a valid PDF (page ${n}: ${((e as Error).message ?? String(e)).split('\n')[0]})`);
      }
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const [a, b, , , x, y] = it.transform as number[];
        items.push({ str: it.str, x: x!, y: y!, width: it.width, size: Math.hypot(a!, b!) || it.height || 10 });
      }
      const found = pageBlocks(n, items, build);
      if (found.length === 0) empty.push(n);
      blocks.push(...found);
    }
  } finally {
    await doc.destroy().catch(() => undefined);
  }
  const result: InputDocument = { filePath: file.filePath, format: 'pdf', blocks };
  if (empty.length === doc.numPages && doc.numPages > 0)
    result.notices = ['the PDF has no text layer (scanned?): nothing to lint'];
  return result;
}
