// Generators of hostile input for every format, for the fuzz suite (fuzz.test.ts) and the limit
// tests: fast-check arbitraries built from pieces of sales prose, each format's markup (balanced
// and not), awkward characters (CR, CRLF, U+2028, surrogates, NUL, BOM, tabs), template
// placeholders and directives. The writers of the binary containers (zip/docx and PDF) live in
// documents.mjs, shared with scripts/bench-inputs.mjs; they are re-exported here.
import fc from 'fast-check';
import { buildDocx, buildPdf } from './documents.mjs';

export { buildDocx, buildPdf, buildZip, docxXml, type PdfOptions, type ZipOptions } from './documents.mjs';

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
