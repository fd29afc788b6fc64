// Generators of hostile input for every format, for the fuzz suite (fuzz.test.ts) and the limit
// tests: fast-check arbitraries built from pieces of sales prose, each format's markup (balanced
// and not), awkward characters (CR, CRLF, U+2028, surrogates, NUL, BOM, tabs), template
// placeholders and directives, plus writers for the binary containers (zip/docx and PDF).
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';

// ---------------------------------------------------------------------------------------------
// Binary writers.

const CRC_TABLE = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

export interface ZipOptions {
  /** The contents are already deflated (raw): write them as they are. */
  prePacked?: boolean;
  /** The uncompressed size to declare (a lying header); default the real one (0 when pre-packed). */
  declaredSize?: number;
}

/** A zip archive (deflated entries). */
export function buildZip(files: Record<string, string | Uint8Array>, options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const names = Object.keys(files);
  for (const name of names) {
    const data = Buffer.from(files[name]!);
    const packed = options.prePacked ? data : deflateRawSync(data);
    const size = options.declaredSize ?? (options.prePacked ? 0xfffffff0 : data.length);
    const crc = options.prePacked ? 0 : crc32(data);
    const nameBuf = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(names.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(names.length, 0xffff), 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** word/document.xml with one paragraph (one run) per entry. */
export function docxXml(paragraphs: readonly string[]): string {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
}

export function buildDocx(paragraphs: readonly string[]): Buffer {
  return buildZip({ 'word/document.xml': docxXml(paragraphs) });
}

export interface PdfOptions {
  /** A compressed stream object added to the file (not used by any page). */
  extraStream?: Uint8Array;
}

/** A PDF with one text line per string of `pages[k]` (Helvetica 11 pt, 14 pt leading). */
export function buildPdf(pages: readonly (readonly string[])[], options: PdfOptions = {}): Buffer {
  const objs: Buffer[] = [];
  const add = (s: string | Buffer): number => objs.push(Buffer.isBuffer(s) ? s : Buffer.from(s, 'latin1'));
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const kids: number[] = [];
  for (const lines of pages) {
    const esc = (s: string): string => s.replace(/[\\()]/g, '\\$&');
    const ops = ['BT', '/F1 11 Tf', '14 TL', '50 780 Td', ...lines.map((l) => `(${esc(l)}) '`), 'ET'].join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(ops, 'latin1')} >>\nstream\n${ops}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  if (options.extraStream) {
    const data = Buffer.from(options.extraStream);
    add(
      Buffer.concat([
        Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
        data,
        Buffer.from('\nendstream', 'latin1'),
      ]),
    );
  }
  objs[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pagesObj} 0 R >>`, 'latin1');
  objs[pagesObj - 1] = Buffer.from(
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`,
    'latin1',
  );
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let size = parts[0]!.length;
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(size);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), o, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    size += chunk.length;
  });
  let tail = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) tail += `${String(o).padStart(10, '0')} 00000 n \n`;
  tail += `trailer\n<< /Size ${objs.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${size}\n%%EOF\n`;
  parts.push(Buffer.from(tail, 'latin1'));
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------------
// Text pieces.

/** Sentences with and without claims (written for these tests). */
export const SENTENCES = [
  'We always ship on time.',
  'Our crew will have the racks installed by Friday.',
  'Results are guaranteed within the first month.',
  'We typically deliver within two business days.',
  'Support responds within 15 minutes, every time.',
  'This is the best price in the region.',
  'Prices are locked forever',
  'Thanks for your time today',
  'The quote covers labour and parts.',
  'Install usually takes a day, weather permitting.',
  'we never miss a deadline',
  'Same-day delivery on every order!',
];

/** Awkward characters: line endings of every kind, separators, surrogates, controls, a BOM. */
const ODD = [
  '\r\n',
  '\r',
  '\n',
  '\n\n',
  '\u2028',
  '\u2029',
  '\t',
  '\u00a0',
  '😀',
  '\ud800',
  '\u0000',
  '\ufeff',
  '\u200b',
  'é',
  '—',
  '…',
  '  ',
];

const TEMPLATE = [
  '{{',
  '}}',
  '{{name}}',
  '{% if x %}',
  '{%',
  '%FIRST%',
  '[Customer Name]',
  '«Field»',
  '<%= x %>',
  '{first_name}',
];
const DIRECTIVE = [
  '# pitchlint-disable-next-line -- reason\n',
  '<!-- pitchlint-disable-next-line absolute-always-never -- why -->\n',
  '// pitchlint-disable-line\n',
  '<!-- pitchlint-disable -->',
  '<!-- pitchlint-enable -->',
  'pitchlint-disable-file',
];

const MARKDOWN = [
  '*',
  '**',
  '_',
  '`',
  '```\n',
  '~~~\n',
  '[',
  ']',
  '](',
  ')',
  '![',
  '> ',
  '- ',
  '1. ',
  '# ',
  '## ',
  '|',
  '| --- |',
  '---\n',
  '+++\n',
  '{#always}',
  '<div>',
  '</div>',
  '<!--',
  '-->',
  '[^1]',
  '[^1]: ',
  '&amp;',
  '&#x',
  '\\',
  '    ',
  'https://example.com/a_b',
  'x@example.com',
  '[ ] ',
  '[x] ',
];
const HTML = [
  '<p>',
  '</p>',
  '<b>',
  '</b>',
  '<div>',
  '</div>',
  '<br>',
  '<li>',
  '<ul>',
  '<script>',
  '</script>',
  '<style>',
  '<code>',
  '</code>',
  '<!--',
  '-->',
  '&amp;',
  '&nbsp;',
  '&#8212;',
  '&#x',
  '&',
  '<',
  '>',
  '<a href="x">',
  '</a>',
  '<td>',
  '<table>',
  '<span style="display:none">',
  '</span>',
  '<h2 id="always">',
  '</h2>',
];
const CSV = [',', '"', '""', ';', '\t', '|', '\n', '\r\n'];
const EMAIL = [
  '> ',
  'On Mon, Jan 1, 2024, A wrote:\n',
  '-- \n',
  'From: a@example.com\n',
  'Sent: Monday\n',
  'Best regards,\n',
  '=20',
  '=\n',
  'Subject: x\n',
];

function pieces(
  markup: readonly string[],
  weights = { sentence: 6, markup: 4, odd: 1, template: 1, directive: 1 },
): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: weights.sentence, arbitrary: fc.constantFrom(...SENTENCES).map((s) => s + ' ') },
    { weight: weights.markup, arbitrary: fc.constantFrom(...markup) },
    { weight: weights.odd, arbitrary: fc.constantFrom(...ODD) },
    { weight: weights.template, arbitrary: fc.constantFrom(...TEMPLATE) },
    { weight: weights.directive, arbitrary: fc.constantFrom(...DIRECTIVE) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
}

const text = (markup: readonly string[], max = 60): fc.Arbitrary<string> =>
  fc.array(pieces(markup), { maxLength: max }).map((a) => a.join(''));

/** A file of the format: its name and bytes. */
export interface Case {
  name: string;
  bytes: Buffer;
  /** For docx and pdf: the text written into each paragraph / each page's lines. */
  paragraphs?: string[];
  pages?: string[][];
}

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

/** Prose without characters the binary containers cannot carry as they are. */
const plain = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...SENTENCES) },
      { weight: 1, arbitrary: fc.constantFrom('{{x}}', '&', '<b>', '(', ')', '\\', 'é', '—', '  ') },
    ),
    { maxLength: 6 },
  )
  .map((a) => a.join(' '));

export const FORMATS: Record<string, fc.Arbitrary<Case>> = {
  txt: text([...EMAIL.slice(0, 3), '- ', '* ', '1. ']).map((s) => ({ name: 'case.txt', bytes: utf8(s) })),
  md: text(MARKDOWN).map((s) => ({ name: 'case.md', bytes: utf8(s) })),
  html: text(HTML).map((s) => ({ name: 'case.html', bytes: utf8(s) })),
  csv: fc
    .tuple(fc.constantFrom('Item,Description,Notes\n', 'Description;Terms\r\n', 'a\tnotes\n', ''), text(CSV, 40))
    .map(([h, s]) => ({ name: 'case.csv', bytes: utf8(h + s) })),
  eml: fc
    .tuple(
      fc.constantFrom(
        '',
        'Content-Type: text/plain; charset=utf-8\n',
        'Content-Transfer-Encoding: quoted-printable\n',
        'Content-Type: text/html\n',
      ),
      text([...EMAIL, ...HTML.slice(0, 6)]),
      text(EMAIL, 10),
    )
    .map(([h, body, subject]) => ({
      name: 'case.eml',
      bytes: utf8(`From: a@example.com\nTo: b@example.com\nSubject: ${subject.replace(/[\r\n]/g, ' ')}\n${h}\n${body}`),
    })),
  mbox: fc.array(text(EMAIL, 20), { minLength: 1, maxLength: 5 }).map((msgs) => ({
    name: 'case.mbox',
    bytes: utf8(
      msgs
        .map(
          (m, i) => `From a@example.com Mon Jan  1 00:00:0${i} 2024\nFrom: a@example.com\nSubject: m${i}\n\n${m}\n\n`,
        )
        .join(''),
    ),
  })),
  docx: fc
    .array(plain, { minLength: 1, maxLength: 8 })
    .map((paragraphs) => ({ name: 'case.docx', bytes: buildDocx(paragraphs), paragraphs })),
  pdf: fc
    .array(
      fc.array(
        plain.map((s) => s.replace(/[^\x20-\x7e]/g, ' ')),
        { minLength: 1, maxLength: 6 },
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((pages) => ({ name: 'case.pdf', bytes: buildPdf(pages), pages })),
};

/** Byte-level damage to any file: truncation, a cut, overwritten bytes. */
export const damage = (c: Case): fc.Arbitrary<Case> =>
  fc
    .tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 }), fc.uint8Array({ minLength: 1, maxLength: 8 }))
    .map(([a, b, kind, noise]) => {
      const n = c.bytes.length;
      if (n === 0 || kind === 0) return c;
      const i = a % n;
      const j = b % n;
      let bytes: Buffer;
      if (kind === 1) bytes = c.bytes.subarray(0, i);
      else if (kind === 2)
        bytes = Buffer.concat([c.bytes.subarray(0, Math.min(i, j)), c.bytes.subarray(Math.max(i, j))]);
      else bytes = Buffer.concat([c.bytes.subarray(0, i), Buffer.from(noise), c.bytes.subarray(i + noise.length)]);
      return { name: c.name, bytes };
    });
