// Word .docx: read word/document.xml (jszip + htmlparser2 in XML mode). Each paragraph (w:p) is a
// block: headings, list items and table cells keep their kind. What Word shows with all changes
// accepted is linted: tracked insertions yes, tracked deletions (w:del, w:moveFrom) and comments
// no; field codes (w:instrText) are not prose. Location: line = paragraph number (1-based, every
// body paragraph counts, empty ones and those in tables too), column = 1-based character in the
// paragraph's visible text (a tab or line break counts as one), `paragraph` set. Not writable.
import { Parser } from 'htmlparser2';
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
import { describe, sniff } from '../sniff.js';
import { opaqueMatcher } from '../prose/templates.js';
import { LIMITS, LimitError, megabytes } from '../limits.js';
import { guardDepth } from './html.js';

interface StyleInfo {
  heading: boolean;
  list: boolean;
}

/** Paragraph styles that make a heading or a list item (resolved through w:basedOn). */
type StyleLookup = (id: string) => StyleInfo;

function readStyles(xml: string | undefined): StyleLookup {
  const raw = new Map<string, { name: string; outline: boolean; list: boolean; basedOn?: string }>();
  if (xml) {
    let cur: { id: string; name: string; outline: boolean; list: boolean; basedOn?: string } | undefined;
    const p = new Parser(
      {
        onopentag(tag, a) {
          if (tag === 'w:style')
            cur =
              a['w:type'] === 'paragraph' && a['w:styleid']
                ? { id: a['w:styleid'], name: '', outline: false, list: false }
                : undefined;
          else if (!cur) return;
          else if (tag === 'w:name') cur.name = a['w:val'] ?? '';
          else if (tag === 'w:basedon') cur.basedOn = a['w:val'];
          else if (tag === 'w:outlinelvl' && Number(a['w:val']) < 9) cur.outline = true;
          else if (tag === 'w:numpr') cur.list = true;
        },
        onclosetag(tag) {
          if (tag === 'w:style' && cur) raw.set(cur.id, cur);
          if (tag === 'w:style') cur = undefined;
        },
      },
      { xmlMode: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
    );
    p.end(xml);
  }
  const resolved = new Map<string, StyleInfo>();
  const resolve = (id: string, depth = 0): StyleInfo => {
    const hit = resolved.get(id);
    if (hit) return hit;
    const s = raw.get(id);
    const name = (s?.name ?? id).toLowerCase();
    const base = s?.basedOn && depth < 10 ? resolve(s.basedOn, depth + 1) : { heading: false, list: false };
    const info = {
      heading:
        /^(?:heading\s*\d|title|subtitle)$/.test(name) ||
        /^(?:heading\d|title|subtitle)$/i.test(id) ||
        !!s?.outline ||
        base.heading,
      list: /^list/.test(name) || !!s?.list || base.list,
    };
    resolved.set(id, info);
    return info;
  };
  return (id) => resolve(id);
}

/** Elements whose text is not in the accepted document, or not prose. */
const SKIP = new Set([
  'w:del',
  'w:movefrom',
  'w:deltext',
  'w:delinstrtext',
  'w:instrtext',
  'mc:fallback',
  'w:comment',
  'w:footnotereference',
  'w:endnotereference',
]);

interface Para {
  number: number;
  builder: BlockBuilder;
  column: number;
  style?: string;
  list: boolean;
  heading: boolean;
  inTable: boolean;
}

export function docxBlocks(xml: string, styles: StyleLookup, build: BuildOptions): TextBlock[] {
  const blocks: TextBlock[] = [];
  const stack: Para[] = [];
  let paragraphs = 0;
  let skip = 0;
  let table = 0;
  let inT = false;
  let inTabs = false;
  // Open complex fields (w:fldChar begin … separate … end): true while in the field's code.
  const fields: boolean[] = [];
  const cur = (): Para | undefined => stack[stack.length - 1];
  // One visible character (or run of text) at the current column of the current paragraph.
  const emit = (text: string, asSpace = false): void => {
    const p = cur();
    if (!p || skip > 0 || fields.includes(true)) return;
    if (asSpace) p.builder.pushAt(' ', p.column, p.column + 1);
    else p.builder.push(text, p.column);
    p.column += text.length;
  };

  const parser = new Parser(
    {
      onopentag(tag, a) {
        if (SKIP.has(tag)) skip++;
        const p = cur();
        switch (tag) {
          case 'w:tbl':
            table++;
            break;
          case 'w:p':
            if (paragraphs >= LIMITS.docxParagraphs)
              throw new LimitError(`more than ${LIMITS.docxParagraphs} paragraphs`);
            stack.push({
              number: ++paragraphs,
              builder: new BlockBuilder(),
              column: 0,
              list: false,
              heading: false,
              inTable: table > 0,
            });
            break;
          case 'w:pstyle':
            if (p) {
              const s = styles(a['w:val'] ?? '');
              p.heading ||= s.heading;
              p.list ||= s.list;
            }
            break;
          case 'w:numpr':
            if (p) p.list = true;
            break;
          case 'w:outlinelvl':
            if (p && Number(a['w:val']) < 9) p.heading = true;
            break;
          case 'w:t':
            inT = true;
            break;
          case 'w:tab':
          case 'w:br':
          case 'w:cr':
            // w:tab also defines tab stops inside w:pPr/w:tabs: only count it inside a run.
            if (!inTabs) emit(' ', true);
            break;
          case 'w:tabs':
            inTabs = true;
            break;
          case 'w:nobreakhyphen':
            emit('-');
            break;
          case 'w:sym':
            emit(String.fromCodePoint(parseInt(a['w:char'] ?? '20', 16) & 0xffff || 0x20));
            break;
          case 'w:fldchar':
            if (a['w:fldchartype'] === 'begin') fields.push(true);
            else if (a['w:fldchartype'] === 'separate' && fields.length) fields[fields.length - 1] = false;
            else if (a['w:fldchartype'] === 'end') fields.pop();
            break;
        }
      },
      ontext(text) {
        if (inT) emit(text);
      },
      onclosetag(tag) {
        if (SKIP.has(tag)) skip--;
        if (tag === 'w:t') inT = false;
        else if (tag === 'w:tabs') inTabs = false;
        else if (tag === 'w:tbl') table--;
        else if (tag === 'w:p') {
          const p = stack.pop();
          if (!p) return;
          const kind: BlockKind = p.heading ? 'heading' : p.list ? 'list-item' : p.inTable ? 'table-cell' : 'paragraph';
          const n = p.number;
          const block = p.builder.build(kind, { locate: (o) => ({ line: n, column: o + 1, paragraph: n }) }, build);
          if (block) blocks.push(block);
        }
      },
    },
    { xmlMode: true, lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true },
  );
  guardDepth(parser);
  parser.end(xml);
  // Blocks of text boxes close before their anchor paragraph: restore document order.
  return blocks.sort((x, y) => x.locate(0).line - y.locate(0).line);
}

/** Entries the zip says it holds (end of central directory record); undefined when not found. */
export function zipEntryCount(bytes: Uint8Array): number | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = buf.lastIndexOf(EOCD);
  if (at < 0 || at < buf.length - 22 - 0xffff || at + 22 > buf.length) return undefined;
  const total = buf.readUInt16LE(at + 10);
  // 0xffff: a zip64 archive, which no Word document needs.
  return total === 0xffff ? Infinity : total;
}

const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

type ZipEntry = { internalStream(type: 'uint8array'): ZipStream; _data?: { uncompressedSize?: number } };
interface ZipStream {
  on(event: 'data', f: (chunk: Uint8Array) => void): ZipStream;
  on(event: 'error', f: (e: Error) => void): ZipStream;
  on(event: 'end', f: () => void): ZipStream;
  resume(): ZipStream;
  pause(): ZipStream;
}

/**
 * Inflate one part as UTF-8, counting the bytes against `budget`: a part that would inflate past
 * it (a zip bomb: a 4 MB document.xml that inflates to gigabytes) stops at the limit.
 */
function inflatePart(entry: unknown, budget: { left: number }): Promise<string> {
  const e = entry as ZipEntry;
  const tooBig = (): LimitError => new LimitError(`inflates to more than ${megabytes(LIMITS.zipInflated)}`);
  const declared = e._data?.uncompressedSize;
  if (typeof declared === 'number' && declared > budget.left) return Promise.reject(tooBig());
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let done = false;
    const stream = e.internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        if (done) return;
        budget.left -= chunk.length;
        if (budget.left < 0) {
          done = true;
          stream.pause();
          reject(tooBig());
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (err) => {
        if (done) return;
        done = true;
        reject(new InputError(`not a valid .docx (${err.message.split('\n')[0]})`));
      })
      .on('end', () => {
        if (done) return;
        done = true;
        resolve(Buffer.concat(chunks).toString('utf8'));
      })
      .resume();
  });
}

export const docxAdapter: InputAdapter = {
  name: 'docx',
  extensions: ['.docx'],
  writable: false,
  async parse(file: InputFile, options: AdapterOptions): Promise<InputDocument> {
    const kind = sniff(file.bytes);
    if (kind !== 'zip')
      throw new InputError(`not a valid .docx (${kind === 'other' ? 'not a zip archive' : describe(kind)})`);
    // The entry count from the end of central directory record, before JSZip reads every entry.
    const entries = zipEntryCount(file.bytes);
    if (entries !== undefined && entries > LIMITS.zipEntries)
      throw new LimitError(`a zip of more than ${LIMITS.zipEntries} entries`);
    const { default: JSZip } = await import('jszip');
    let zip: InstanceType<typeof JSZip>;
    try {
      zip = await JSZip.loadAsync(file.bytes);
    } catch {
      throw new InputError('not a valid .docx (zip could not be read)');
    }
    if (Object.keys(zip.files).length > LIMITS.zipEntries)
      throw new LimitError(`a zip of more than ${LIMITS.zipEntries} entries`);
    const main = zip.file('word/document.xml');
    if (!main) throw new InputError('not a valid .docx (no word/document.xml in the zip)');
    const budget = { left: LIMITS.zipInflated };
    const xml = await inflatePart(main, budget);
    const styles = zip.file('word/styles.xml');
    const stylesXml = styles ? await inflatePart(styles, budget) : undefined;
    const blocks = docxBlocks(xml, readStyles(stylesXml), { opaque: opaqueMatcher(options), writable: false });
    return { filePath: file.filePath, format: 'docx', blocks };
  },
};
