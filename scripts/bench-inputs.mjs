#!/usr/bin/env node
// Seconds per MB for each input class, at 100 KB, 1 MB and 10 MB: the linear-time check of the
// parsers (issue 17). Each class is the kind of input that used to be quadratic (one long run-on
// sentence, unclosed Markdown emphasis and links, one huge HTML paragraph, a file of entities, a
// huge CSV cell, unclosed `{{`, thousands of directives, an mbox of many messages) next to plain
// prose in every format. Every case runs the built CLI (`dist/`, run `npm run build` first) in a
// fresh process, with the default stylish report, and is timed from outside.
//
//   node scripts/bench-inputs.mjs                 # every class at 100 KB, 1 MB, 10 MB
//   node scripts/bench-inputs.mjs --sizes 0.1,1   # sizes in MB
//   node scripts/bench-inputs.mjs --only md-emphasis,html-entities
//
// The bar: seconds per MB flat from 100 KB to 10 MB, and well under a second per MB.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'pitchlint.js');

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const sizes = opt('--sizes', '0.1,1,10').split(',').map(Number);
const only = opt('--only', '')?.split(',').filter(Boolean) ?? [];
const format = opt('--format', 'stylish');

// A small vocabulary of sales prose; sentences vary by a counter so the engine's memo does not
// make repeated text free.
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
/** A sentence; about one in six makes a claim, as in real sales writing. */
function sentence(i) {
  const what = i % 6 === 0 ? CLAIMS[(i * 7) % CLAIMS.length] : NEUTRAL[i % NEUTRAL.length];
  return `${SUBJECTS[i % SUBJECTS.length]} ${what} for order ${i}.`;
}
/** Repeat `unit(i)` until the text is `bytes` long. */
function fill(bytes, unit, head = '', tail = '') {
  const parts = [head];
  let n = head.length + tail.length;
  for (let i = 0; n < bytes; i++) {
    const u = unit(i);
    parts.push(u);
    n += Buffer.byteLength(u);
  }
  parts.push(tail);
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// Minimal writers for the binary formats (no dependency): a stored/deflated zip and a PDF.

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
export function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    const packed = deflateRawSync(data);
    const nameBuf = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
export function docx(paragraphs) {
  const body = paragraphs
    .map(
      (p) => `<w:p><w:r><w:t xml:space="preserve">${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`,
    )
    .join('');
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'word/document.xml': `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  });
}
/** A PDF with one text line per entry of `pages[k]`, Helvetica 11 pt. */
export function pdf(pages) {
  const objs = [];
  const add = (s) => objs.push(s) && objs.length;
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const kids = [];
  for (const lines of pages) {
    const esc = (s) => s.replace(/[\\()]/g, '\\$&');
    const ops = ['BT', '/F1 11 Tf', '14 TL', '50 780 Td', ...lines.map((l) => `(${esc(l)}) '`), 'ET'].join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(ops, 'latin1')} >>\nstream\n${ops}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 ${Math.max(792, 40 + lines.length * 14)}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objs[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objs[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

// ---------------------------------------------------------------------------------------------
// Input classes: name -> [extension, (bytes) => file content].

const word = (i) => ['delivery', 'install', 'crew', 'quote', 'racking', 'support', 'order', 'site'][i % 8] + (i % 97);

export const CLASSES = {
  'txt-prose': ['.txt', (n) => fill(n, (i) => sentence(i) + (i % 5 === 4 ? '\n\n' : ' '))],
  // One run-on sentence, no end punctuation, a claim every few words.
  'txt-long-sentence': [
    '.txt',
    (n) => fill(n, (i) => (i % 4 === 0 ? `and we always ship ${word(i)} ` : `${word(i)}, `)),
  ],
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
  'docx-paragraphs': ['.docx', (n) => docx(Array.from({ length: Math.ceil(n / 45) }, (_, i) => sentence(i)))],
  'pdf-pages': [
    '.pdf',
    (n) => {
      const lines = Array.from({ length: Math.ceil(n / 60) }, (_, i) => sentence(i));
      const pages = [];
      for (let i = 0; i < lines.length; i += 50) pages.push(lines.slice(i, i + 50));
      return pdf(pages);
    },
  ],
};

const TIME = ['/usr/bin/time', '/bin/time'].find((t) => existsSync(t));

/** Wall and CPU seconds (user + system, from time(1) when there is one) and peak RSS of one run. */
function run(file) {
  const t = process.hrtime.bigint();
  const cmd = TIME
    ? [TIME, ['-f', 'PITCHLINT-TIME %U %S %M', cli, '--format', format, file]]
    : [cli, ['--format', format, file]];
  const r = spawnSync(cmd[0], cmd[1], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1' },
    timeout: Number(opt('--timeout', '600')) * 1000,
  });
  const wall = Number(process.hrtime.bigint() - t) / 1e9;
  const lines = (r.stderr ?? '').trim().split('\n');
  const m = /^PITCHLINT-TIME (\S+) (\S+) (\d+)/.exec(lines.at(-1) ?? '');
  if (m) lines.pop();
  const cpu = m ? Number(m[1]) + Number(m[2]) : wall;
  const status = m && r.status === null ? null : r.status;
  const lastErr = lines.at(-1) ?? '';
  return {
    wall,
    cpu,
    rssMb: m ? Number(m[3]) / 1024 : NaN,
    status,
    signal: r.signal,
    err: r.status === 2 || r.signal ? lastErr : '',
  };
}

const main = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pitchlint-bench-inputs-'));
  try {
    const header = [
      'class',
      ...sizes.map((s) => `CPU s/MB @ ${s < 1 ? `${s * 1000} KB` : `${s} MB`}`),
      'wall s/MB, peak RSS @ largest',
    ];
    console.log(`| ${header.join(' | ')} |`);
    console.log(`| ${header.map(() => '---').join(' | ')} |`);
    // Process start-up (about 0.2 s) is subtracted: a per-MB figure is about the work on the file.
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, 'Hello.\n');
    const starts = [run(empty), run(empty), run(empty)];
    const base = { cpu: Math.min(...starts.map((r) => r.cpu)), wall: Math.min(...starts.map((r) => r.wall)) };
    let worst = 0;
    for (const [name, [ext, gen]] of Object.entries(CLASSES)) {
      if (only.length && !only.includes(name)) continue;
      const cells = [];
      let last = '';
      for (const mb of sizes) {
        const file = join(dir, `${name}-${mb}${ext}`);
        const content = gen(Math.round(mb * 1e6));
        writeFileSync(file, content);
        const mbs = Buffer.byteLength(content) / 1e6;
        const r = run(file);
        const perMb = Math.max(0, r.cpu - base.cpu) / mbs;
        worst = Math.max(worst, perMb);
        const note = r.signal ? ` (killed: ${r.signal})` : r.err ? ` (exit ${r.status}: ${r.err.slice(0, 60)})` : '';
        cells.push(`${perMb.toFixed(3)}${note}`);
        last = `${(Math.max(0, r.wall - base.wall) / mbs).toFixed(3)}, ${r.rssMb.toFixed(0)} MiB`;
        rmSync(file);
      }
      console.log(`| ${name} | ${cells.join(' | ')} | ${last} |`);
    }
    console.log(
      `\n(start-up subtracted: ${base.cpu.toFixed(2)} s CPU, ${base.wall.toFixed(2)} s wall; --format ${format}; worst ${worst.toFixed(3)} CPU s/MB; ${new Date().toISOString()})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
