// Documents of every format, generated: the one home of the writers for the binary containers
// (zip/docx and PDF) and of the hostile input classes (a run-on sentence, unclosed emphasis, one
// huge HTML paragraph, ...). Plain JavaScript so that both the tests (test/fuzz/formats.ts,
// test/inputs) and the Node scripts (scripts/bench-inputs.mjs) import it; documents.d.mts types it.
import { deflateRawSync } from 'node:zlib';

// ---------------------------------------------------------------------------------------------
// Binary writers.

const CRC_TABLE = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A zip archive (deflated entries); see documents.d.mts for the options. */
export function buildZip(files, options = {}) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  const names = Object.keys(files);
  for (const name of names) {
    const data = Buffer.from(files[name]);
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

const xmlEscape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** word/document.xml with one paragraph (one run) per entry. */
export function docxXml(paragraphs) {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
}

/** A .docx: a zip holding word/document.xml with one paragraph per entry. */
export function buildDocx(paragraphs) {
  return buildZip({ 'word/document.xml': docxXml(paragraphs) });
}

/** A PDF with one text line per string of `pages[k]` (Helvetica 11 pt, 14 pt leading). */
export function buildPdf(pages, options = {}) {
  const objs = [];
  const add = (s) => objs.push(Buffer.isBuffer(s) ? s : Buffer.from(s, 'latin1'));
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const kids = [];
  const esc = (s) => s.replace(/[\\()]/g, '\\$&');
  for (const lines of pages) {
    const ops = ['BT', '/F1 11 Tf', '14 TL', '50 780 Td', ...lines.map((l) => `(${esc(l)}) '`), 'ET'].join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(ops, 'latin1')} >>\nstream\n${ops}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 ${Math.max(792, 40 + lines.length * 14)}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
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
  const parts = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let size = parts[0].length;
  const offsets = [];
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
// Input classes at a given size: the shapes of input that used to take quadratic time, next to
// plain prose in every format.

// A small vocabulary of sales prose (written for these tests); sentences vary by a counter so the
// engine's memo does not make repeated text free.
const SUBJECTS = ['We', 'Our crew', 'The team', 'Our installers', 'Support', 'The new release'];
const CLAIMS = [
  'always ships on time',
  'will have it installed by Friday',
  'guarantees the best results in the region',
  'responds within 15 minutes',
  'never misses a deadline',
  'usually delivers within two days',
  'can review the draft next week',
];
const NEUTRAL = [
  'reviewed the drawings',
  'sent the revised quote',
  'booked the site survey',
  'checked the loading bay',
  'updated the parts list',
];
const WORDS = ['delivery', 'install', 'crew', 'quote', 'racking', 'support', 'order', 'site'];

/** A varied word: "delivery0", "install1", ... */
export const word = (i) => `${WORDS[i % WORDS.length]}${i % 97}`;

/** A sentence; about one in six makes a claim, as in real sales writing. */
export function sentence(i) {
  const what = i % 6 === 0 ? CLAIMS[(i * 7) % CLAIMS.length] : NEUTRAL[i % NEUTRAL.length];
  return `${SUBJECTS[i % SUBJECTS.length]} ${what} for order ${i}.`;
}

/** Repeat `unit(i)` until the text is `bytes` long (UTF-8), between `head` and `tail`. */
export function fill(bytes, unit, head = '', tail = '') {
  const parts = [head];
  let n = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let i = 0; n < bytes; i++) {
    const u = unit(i);
    parts.push(u);
    n += Buffer.byteLength(u);
  }
  parts.push(tail);
  return parts.join('');
}

/** Input classes: name -> [extension, (bytes) => the file's content, about that size]. */
export const CLASSES = {
  'txt-prose': ['.txt', (n) => fill(n, (i) => sentence(i) + (i % 5 === 4 ? '\n\n' : ' '))],
  // One run-on sentence, no end punctuation, a claim every few words.
  'txt-long-sentence': [
    '.txt',
    (n) => fill(n, (i) => (i % 4 === 0 ? `and we always ship ${word(i)} ` : `${word(i)}, `)),
  ],
  'txt-cr-lines': ['.txt', (n) => fill(n, (i) => `we always ship ${word(i)}\r`)],
  'txt-placeholders': ['.txt', (n) => fill(n, (i) => `{{ ${word(i)} we always deliver `)],
  'txt-directives': [
    '.txt',
    (n) =>
      fill(
        n,
        (i) => `# pitchlint-disable-next-line absolute-always-never -- reason ${i}\nWe always ship ${word(i)}.\n\n`,
      ),
  ],
  'md-prose': [
    '.md',
    (n) =>
      fill(n, (i) => (i % 6 === 0 ? `## Section ${i}\n\n` : '') + `- ${sentence(i)}\n` + (i % 3 === 2 ? '\n' : '')),
  ],
  'md-emphasis': ['.md', (n) => fill(n, (i) => `*we always ${word(i)} _ships ** `)],
  'md-links': ['.md', (n) => fill(n, (i) => `[we always ${word(i)} ![x `)],
  'md-nested': ['.md', (n) => fill(n, (i) => `${'> '.repeat(i % 50)}- ${sentence(i)}\n`)],
  'html-prose': [
    '.html',
    (n) => fill(n, (i) => `<p>${sentence(i)} <b>${word(i)}</b></p>\n`, '<html><body>', '</body></html>'),
  ],
  'html-paragraph': ['.html', (n) => fill(n, (i) => `${sentence(i)} `, '<p>', '</p>')],
  'html-entities': [
    '.html',
    (n) => fill(n, (i) => (i % 6 === 0 ? `we always ${word(i)} ` : '&amp;&nbsp;&#8212;'), '<p>', '</p>'),
  ],
  'csv-rows': ['.csv', (n) => fill(n, (i) => `${i},"${sentence(i)}",${i * 3}\n`, 'Item,Description,Price\n')],
  'csv-cell': ['.csv', (n) => fill(n, (i) => `${sentence(i)} ""quoted"" `, 'Item,Description\n1,"', '"\n')],
  'eml-body': [
    '.eml',
    (n) =>
      fill(
        n,
        (i) => sentence(i) + (i % 5 === 4 ? '\n\n' : '\n'),
        'From: a@example.com\nTo: b@example.com\nSubject: Your quote\n\n',
      ),
  ],
  mbox: [
    '.mbox',
    (n) =>
      fill(
        n,
        (i) =>
          `From a@example.com Mon Jan  1 00:00:00 2024\nFrom: a@example.com\nSubject: Re ${i}\n\n${sentence(i)}\n\n`,
      ),
  ],
  'docx-paragraphs': ['.docx', (n) => buildDocx(Array.from({ length: Math.ceil(n / 45) }, (_, i) => sentence(i)))],
  'pdf-pages': [
    '.pdf',
    (n) => {
      const lines = Array.from({ length: Math.ceil(n / 60) }, (_, i) => sentence(i));
      const pages = [];
      for (let i = 0; i < lines.length; i += 50) pages.push(lines.slice(i, i + 50));
      return buildPdf(pages);
    },
  ],
};
