import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownAdapter } from '../../src/inputs/formats/markdown.js';
import { PLACEHOLDER } from '../../src/inputs/positions/placeholder.js';
import type { InputDocument, TextBlock } from '../../src/shared/types.js';

const parse = (text: string | Buffer): Promise<InputDocument> =>
  markdownAdapter.parse({ filePath: 'proposal.md', bytes: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8') }, {});

/** Location of the first occurrence of `word` in the block. */
function at(block: TextBlock, word: string, nth = 0) {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = block.text.indexOf(word, i + 1);
  if (i < 0) throw new Error(`"${word}" not in "${block.text}"`);
  const loc = block.locate(i);
  return { line: loc.line, column: loc.column };
}

function find(doc: InputDocument, needle: string): TextBlock {
  const b = doc.blocks.find((x) => x.text.includes(needle));
  if (!b) throw new Error(`no block with "${needle}": ${JSON.stringify(doc.blocks.map((x) => x.text))}`);
  return b;
}

const PROPOSAL = [
  '---', //                                                         1
  'title: Rack installation proposal', //                           2
  'customer: Northwind Storage', //                                 3
  '---', //                                                         4
  '# Proposal for *Northwind* racks', //                            5
  '', //                                                            6
  'Our crew will **always** arrive on site before 8am, and we', //  7
  'deliver _guaranteed_ results on every [install](https://example.com/install "How we install").', // 8
  '', //                                                            9
  '- We typically deliver within 48 hours.', //                     10
  '- Setup is `npm run setup` and never fails.', //                 11
  '  1. Nested item: zero downtime.', //                            12
  '', //                                                            13
  '> Earlier note: we aim to respond within one business day.', //  14
  '', //                                                            15
  '<!-- internal: we guarantee 100% uptime -->', //                 16
  '', //                                                            17
  '```', //                                                         18
  'we always deliver overnight', //                                 19
  '```', //                                                         20
  '', //                                                            21
  '| Item | Terms |', //                                             22
  '| ---- | ----- |', //                                             23
  '| Racks | Delivered **overnight**, every time |', //             24
  '', //                                                            25
  'Questions? See <https://example.com/faq> or www.example.com today.', // 26
  '', //                                                            27
  'Prices: 5 \\* 10 racks &amp; cabling, AT&T lines.', //          28
  '',
].join('\n');

describe('markdown adapter', () => {
  it('is a writable markdown adapter', () => {
    expect(markdownAdapter.name).toBe('markdown');
    expect(markdownAdapter.writable).toBe(true);
    expect(markdownAdapter.extensions).toEqual(['.md', '.markdown']);
  });

  it('extracts prose blocks with their kinds, skipping code, HTML and front matter', async () => {
    const doc = await parse(PROPOSAL);
    expect(doc.format).toBe('markdown');
    expect(doc.source?.text).toBe(PROPOSAL);
    const summary = doc.blocks.map((b) => [b.kind, b.text]);
    expect(summary).toEqual([
      ['heading', 'Proposal for Northwind racks'],
      ['paragraph', 'Our crew will always arrive on site before 8am, and we deliver guaranteed results on every install.'],
      ['list-item', 'We typically deliver within 48 hours.'],
      ['list-item', `Setup is ${PLACEHOLDER} and never fails.`],
      ['list-item', 'Nested item: zero downtime.'],
      ['blockquote', 'Earlier note: we aim to respond within one business day.'],
      ['table-cell', 'Item'],
      ['table-cell', 'Terms'],
      ['table-cell', 'Racks'],
      ['table-cell', 'Delivered overnight, every time'],
      ['paragraph', `Questions? See ${PLACEHOLDER} or ${PLACEHOLDER} today.`],
      ['paragraph', 'Prices: 5 * 10 racks & cabling, AT&T lines.'],
    ]);
    const all = doc.blocks.map((b) => b.text).join('\n');
    expect(all).not.toContain('100% uptime');
    expect(all).not.toContain('overnight\n');
    expect(all).not.toContain('Rack installation proposal');
    expect(all).not.toContain('example.com');
  });

  it('maps words inside emphasis, links and wrapped lines to exact line/column', async () => {
    const doc = await parse(PROPOSAL);
    const p = find(doc, 'Our crew');
    expect(at(p, 'always')).toEqual({ line: 7, column: 17 });
    expect(at(p, 'arrive')).toEqual({ line: 7, column: 26 });
    expect(at(p, 'deliver')).toEqual({ line: 8, column: 1 });
    expect(at(p, 'guaranteed')).toEqual({ line: 8, column: 10 });
    expect(at(p, 'install')).toEqual({ line: 8, column: 40 });
    // The last character of "always" is just before the closing **.
    const i = p.text.indexOf('always');
    expect(p.locate(i + 'always'.length - 1)).toMatchObject({ line: 7, column: 22 });
    expect(p.sourceOffset!(i + 'always'.length - 1) + 1).toBe(PROPOSAL.indexOf('always**') + 6);
    expect(p.sourceOffset!(i)).toBe(PROPOSAL.indexOf('always'));
    // The joining space of the wrapped line is synthetic.
    expect(p.sourceOffset!(p.text.indexOf(' deliver'))).toBe(-1);
    expect(at(find(doc, 'Northwind'), 'Northwind')).toEqual({ line: 5, column: 17 });
  });

  it('maps list items, quotes, table cells, escapes and entities', async () => {
    const doc = await parse(PROPOSAL);
    expect(at(find(doc, 'typically'), 'within')).toEqual({ line: 10, column: 24 });
    expect(at(find(doc, 'never fails'), 'never')).toEqual({ line: 11, column: 32 });
    expect(at(find(doc, 'zero downtime'), 'zero')).toEqual({ line: 12, column: 19 });
    expect(at(find(doc, 'Earlier note'), 'respond')).toEqual({ line: 14, column: 27 });
    expect(at(find(doc, 'Delivered'), 'overnight')).toEqual({ line: 24, column: 23 });
    expect(at(find(doc, 'Delivered'), 'every')).toEqual({ line: 24, column: 36 });
    const prices = find(doc, 'Prices');
    expect(at(prices, '*')).toEqual({ line: 28, column: 12 }); // the escaped char, after "\"
    expect(at(prices, '10')).toEqual({ line: 28, column: 14 });
    expect(at(prices, '&')).toEqual({ line: 28, column: 23 }); // &amp; maps to its "&"
    expect(at(prices, 'cabling')).toEqual({ line: 28, column: 29 });
    expect(at(prices, 'AT&T')).toEqual({ line: 28, column: 38 });
    expect(at(find(doc, 'Questions'), 'today')).toEqual({ line: 26, column: 61 });
  });

  it('keeps exact positions in CRLF files', async () => {
    const doc = await parse(PROPOSAL.replace(/\n/g, '\r\n'));
    expect(doc.source?.eol).toBe('\r\n');
    const p = find(doc, 'Our crew');
    expect(p.text).toBe('Our crew will always arrive on site before 8am, and we deliver guaranteed results on every install.');
    expect(at(p, 'always')).toEqual({ line: 7, column: 17 });
    expect(at(p, 'deliver')).toEqual({ line: 8, column: 1 });
    expect(at(find(doc, 'Delivered'), 'overnight')).toEqual({ line: 24, column: 23 });
  });

  it('keeps exact positions in files with a BOM', async () => {
    const doc = await parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('We **guarantee** it.\n\nSecond line here.\n')]));
    expect(doc.source?.bom).toBe(true);
    expect(at(doc.blocks[0]!, 'guarantee')).toEqual({ line: 1, column: 6 });
    expect(doc.blocks[0]!.sourceOffset!(3)).toBe(5); // offsets are in the text without the BOM
    expect(at(doc.blocks[1]!, 'Second')).toEqual({ line: 3, column: 1 });
  });

  it('counts columns in UTF-16 code units', async () => {
    const doc = await parse('Réponse 🚀 rapide: we **always** deliver.\n');
    expect(at(doc.blocks[0]!, 'always')).toEqual({ line: 1, column: 25 });
  });

  it('separates list items and table cells into blocks, and lines joined by hard breaks', async () => {
    const doc = await parse('* one item here\n* two item here\n\nLine one  \nline two\\\nline three\n');
    expect(doc.blocks.map((b) => b.text)).toEqual(['one item here', 'two item here', 'Line one line two line three']);
    expect(at(doc.blocks[2]!, 'three')).toEqual({ line: 6, column: 6 });
  });

  it('drops HTML blocks, inline HTML tags and indented code but keeps the words apart', async () => {
    const doc = await parse('<div>\nwe always deliver\n</div>\n\nFast<br>delivery and <b>care</b>.\n\n    indented code always\n');
    expect(doc.blocks.map((b) => b.text)).toEqual(['Fast delivery and care.']);
    expect(at(doc.blocks[0]!, 'care')).toEqual({ line: 5, column: 25 });
  });

  it('handles TOML front matter and task lists', async () => {
    const doc = await parse('+++\nguarantee = "always"\n+++\n\n- [x] Ship racks by Friday\n');
    expect(doc.blocks.map((b) => b.text)).toEqual(['Ship racks by Friday']);
    expect(at(doc.blocks[0]!, 'Friday')).toEqual({ line: 5, column: 21 });
  });

  it('refuses binary content', async () => {
    await expect(parse(Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]))).rejects.toThrow(/binary/);
  });
});

/** Line/column of the nth occurrence of `needle` in `src` (what a finding on it must report). */
function srcPos(src: string, needle: string, nth = 0) {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = src.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`"${needle}" not in source`);
  const before = src.slice(0, i).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Every occurrence of `word` in the block locates where the same occurrence is in the source. */
function expectWordsAt(block: TextBlock, src: string, word: string, count = 1) {
  for (let n = 0; n < count; n++) expect(at(block, word, n), `${word} #${n}`).toEqual(srcPos(src, word, n));
}

const kindsAndTexts = (doc: InputDocument) => doc.blocks.map((b) => [b.kind, b.text]);

describe('markdown adapter: front matter', () => {
  it('skips YAML and TOML front matter, fences with trailing blanks, empty front matter and CRLF', async () => {
    for (const src of [
      '---\ntitle: we always deliver\n---\nWe deliver on time.\n',
      '---  \ntitle: we always deliver\n---\t\nWe deliver on time.\n',
      '+++\nguarantee = "always"\n+++\nWe deliver on time.\n',
      '---\n---\nWe deliver on time.\n',
      '---\r\ntitle: we always deliver\r\n---\r\nWe deliver on time.\r\n',
    ]) {
      const doc = await parse(src);
      expect(kindsAndTexts(doc), JSON.stringify(src)).toEqual([['paragraph', 'We deliver on time.']]);
      expectWordsAt(doc.blocks[0]!, src, 'time');
    }
  });

  it('is only front matter at the very start, with exactly three markers and a closing fence', async () => {
    // After a blank line, or with four dashes: a setext heading, as CommonMark reads it.
    expect(kindsAndTexts(await parse('\n---\ntitle: x\n---\nBody.\n'))).toEqual([['heading', 'title: x'], ['paragraph', 'Body.']]);
    expect(kindsAndTexts(await parse('----\ntitle: x\n----\nBody.\n'))).toEqual([['heading', 'title: x'], ['paragraph', 'Body.']]);
    // Never closed: a thematic break, then prose.
    const open = '---\nWe always deliver.\n';
    const doc = await parse(open);
    expect(kindsAndTexts(doc)).toEqual([['paragraph', 'We always deliver.']]);
    expectWordsAt(doc.blocks[0]!, open, 'always');
    // Mixed fences do not close each other.
    expect(kindsAndTexts(await parse('+++\na = 1\n---\nBody.\n'))).toEqual([['heading', '+++ a = 1'], ['paragraph', 'Body.']]);
  });
});

describe('markdown adapter: tables', () => {
  const TABLE = [
    '| Item | Terms |',
    '| :--- | ----: |',
    '| **Racks** | Delivered _overnight_, `every` time |',
    '| Cables \\| ties | [always](https://e.com "we always deliver") on &amp; off |',
    'Extra row | no pipes at the ends | third cell |',
    '',
  ].join('\n');

  it('makes one block per cell, inline markup removed, escaped pipes kept, excess cells linted', async () => {
    const doc = await parse(TABLE);
    expect(kindsAndTexts(doc)).toEqual([
      ['table-cell', 'Item'],
      ['table-cell', 'Terms'],
      ['table-cell', 'Racks'],
      ['table-cell', `Delivered overnight, ${PLACEHOLDER} time`],
      ['table-cell', 'Cables | ties'],
      ['table-cell', 'always on & off'],
      ['table-cell', 'Extra row'],
      ['table-cell', 'no pipes at the ends'],
      ['table-cell', 'third cell'],
    ]);
  });

  it('maps cell words to the exact line and column', async () => {
    const doc = await parse(TABLE);
    expectWordsAt(find(doc, 'Racks'), TABLE, 'Racks');
    expectWordsAt(find(doc, 'Delivered'), TABLE, 'overnight');
    expectWordsAt(find(doc, 'Delivered'), TABLE, 'time');
    const pipe = find(doc, 'Cables');
    expect(at(pipe, '|')).toEqual({ line: 4, column: 11 }); // the pipe after its backslash
    expectWordsAt(pipe, TABLE, 'ties');
    const link = find(doc, 'always on');
    expectWordsAt(link, TABLE, 'always'); // link text, not the title
    expect(at(link, 'off')).toEqual(srcPos(TABLE, 'off'));
    expect(at(link, '&')).toEqual(srcPos(TABLE, '&amp;'));
    expectWordsAt(find(doc, 'third'), TABLE, 'third');
  });

  it('maps cells of a table that starts on the first line of a list item', async () => {
    const src = '- | we always | ship |\n  |---|---|\n  | never | late |\n';
    const doc = await parse(src);
    expect(doc.blocks.map((b) => b.text)).toEqual(['we always', 'ship', 'never', 'late']);
    expectWordsAt(doc.blocks[0]!, src, 'always');
    expectWordsAt(doc.blocks[3]!, src, 'late');
  });

  it('maps cells of a table inside a block quote and a list item', async () => {
    const src = '> | a | b |\n> |---|---|\n> | we always | deliver |\n\n- item\n\n  | x | y |\n  |---|---|\n  | never | fails |\n';
    const doc = await parse(src);
    expect(kindsAndTexts(doc).filter(([k]) => k === 'table-cell').map(([, t]) => t)).toEqual(['a', 'b', 'we always', 'deliver', 'x', 'y', 'never', 'fails']);
    expectWordsAt(find(doc, 'we always'), src, 'always');
    expectWordsAt(find(doc, 'deliver'), src, 'deliver');
    expectWordsAt(find(doc, 'fails'), src, 'fails');
  });
});

describe('markdown adapter: block quotes', () => {
  it('joins lazy continuation lines and lines with ">" prefixes, nested quotes apart', async () => {
    const src = ['> We always arrive', 'on time, and we', '>   never miss', '> > a nested **guaranteed**', '> > slot, and', '> lazily continued.', ''].join('\n');
    const doc = await parse(src);
    expect(kindsAndTexts(doc)).toEqual([
      ['blockquote', 'We always arrive on time, and we never miss'],
      ['blockquote', 'a nested guaranteed slot, and lazily continued.'],
    ]);
    for (const w of ['always', 'on', 'never', 'miss']) expectWordsAt(doc.blocks[0]!, src, w);
    for (const w of ['guaranteed', 'slot', 'lazily']) expectWordsAt(doc.blocks[1]!, src, w);
    // The joining space of a wrapped line is synthetic; the next word is the next real character.
    const q = doc.blocks[0]!;
    expect(q.sourceOffset!(q.text.indexOf(' on time'))).toBe(-1);
    expect(q.locate(q.text.indexOf(' on time'))).toMatchObject({ line: 1, column: 19 });
  });

  it('keeps lists and headings inside quotes with their kinds', async () => {
    const src = '> # Quoted heading\n> - quoted item\n>   continued\n';
    const doc = await parse(src);
    expect(kindsAndTexts(doc)).toEqual([
      ['heading', 'Quoted heading'],
      ['list-item', 'quoted item continued'],
    ]);
    expectWordsAt(doc.blocks[1]!, src, 'continued');
  });
});

describe('markdown adapter: inline markup', () => {
  it('maps words inside nested emphasis and strikethrough', async () => {
    const src = 'We ***always*** ship, *really **never** late*, ~~maybe~~ __surely__ _snake_case_ words.\n';
    const doc = await parse(src);
    expect(doc.blocks[0]!.text).toBe('We always ship, really never late, maybe surely snake_case words.');
    for (const w of ['always', 'ship', 'really', 'never', 'late', 'maybe', 'surely', 'snake_case', 'words']) expectWordsAt(doc.blocks[0]!, src, w);
  });

  it('maps escapes to the escaped character and keeps a backslash that escapes nothing', async () => {
    const src = 'Save 5\\* now \\_really\\_ \\\\ and C:\\path \\# today.\n';
    const doc = await parse(src);
    const b = doc.blocks[0]!;
    expect(b.text).toBe('Save 5* now _really_ \\ and C:\\path # today.');
    expect(at(b, '*')).toEqual(srcPos(src, '*'));
    expect(at(b, '_')).toEqual(srcPos(src, '_'));
    expect(at(b, 'really')).toEqual(srcPos(src, 'really'));
    expect(b.sourceOffset!(b.text.indexOf('\\ and'))).toBe(src.indexOf('\\\\') + 1); // "\\": the second one
    expect(b.sourceOffset!(b.text.indexOf('\\path'))).toBe(src.indexOf('\\path')); // not an escape
    expectWordsAt(b, src, 'today');
  });

  it('maps decoded character references to their "&", astral ones included', async () => {
    const src = 'Fast &amp; safe &#x1F680; &copy; 2025, &bogus; stays.\n';
    const b = (await parse(src)).blocks[0]!;
    expect(b.text).toBe('Fast & safe 🚀 © 2025, &bogus; stays.');
    const rocket = b.text.indexOf('🚀');
    expect(b.sourceOffset!(rocket)).toBe(src.indexOf('&#x1F680;'));
    expect(b.sourceOffset!(rocket + 1)).toBe(src.indexOf('&#x1F680;')); // both UTF-16 units
    expect(at(b, '©')).toEqual(srcPos(src, '&copy;'));
    expect(at(b, '&bogus;')).toEqual(srcPos(src, '&bogus;'));
    expectWordsAt(b, src, 'stays');
  });

  it('lints link text of inline, full, collapsed and shortcut reference links, never destinations or titles', async () => {
    const src = [
      'See [our *always* on plan](https://e.com/always "always fast") and [the full terms][terms],',
      'the [collapsed][] one and the [shortcut] one, but not [undefined refs][no such].',
      '',
      '[terms]: https://e.com/terms "guaranteed terms"',
      '[collapsed]: <https://e.com/c>',
      '[shortcut]: /s',
      '',
    ].join('\n');
    const doc = await parse(src);
    expect(kindsAndTexts(doc)).toEqual([
      ['paragraph', 'See our always on plan and the full terms, the collapsed one and the shortcut one, but not [undefined refs][no such].'],
    ]);
    const b = doc.blocks[0]!;
    for (const w of ['always', 'plan', 'full', 'collapsed', 'shortcut', 'undefined']) expectWordsAt(b, src, w);
    expect(at(b, 'terms')).toEqual(srcPos(src, 'terms]')); // the link text, not the label or the URL
  });

  it('replaces inline code, images, autolinks and bare URLs with the placeholder', async () => {
    const src = 'Run `npm i` or ``a ` b``, see ![always](a.png), <https://e.com/x>, www.e.com/y. and mail me@e.com (https://e.com/z) today.\n';
    const b = (await parse(src)).blocks[0]!;
    const P = PLACEHOLDER;
    expect(b.text).toBe(`Run ${P} or ${P}, see ${P}, ${P}, ${P}. and mail ${P} ( ${P}) today.`); // GFM: as before
    expectWordsAt(b, src, 'today');
    expectWordsAt(b, src, 'mail');
    expect(b.text).not.toContain('always');
  });

  it('ends bare URLs as GFM does: trailing punctuation stays, balanced parentheses belong to the URL', async () => {
    const src = 'Visit https://e.com/a_(b). Or (www.e.com/x_), mail a.b@e.co.uk; see https://e.com/q?x=1&amp;y=2 now, or https://e.com.\n';
    const b = (await parse(src)).blocks[0]!;
    const P = PLACEHOLDER;
    expect(b.text).toBe(`Visit ${P}. Or ( ${P}_), mail ${P}; see ${P} now, or ${P}.`);
    expectWordsAt(b, src, 'Or');
    expectWordsAt(b, src, 'now');
    expect(at(b, '_')).toEqual(srcPos(src, '_)'));
  });

  it('keeps words glued to a URL by markup apart from it', async () => {
    const b = (await parse('Send it to <b>sales</b>me@e.com or **www.e.com**now.\n')).blocks[0]!;
    expect(b.text).toBe(`Send it to sales ${PLACEHOLDER} or ${PLACEHOLDER}now.`);
  });

  it('drops inline HTML and comments, also across lines in a quote', async () => {
    const src = '> Fast<span class="x"\n> title="y">delivery</span> and <!-- a\n> comment --> care.\n';
    const doc = await parse(src);
    expect(doc.blocks[0]!.text).toBe('Fastdelivery and  care.'); // a comment vanishes, its spaces stay
    expectWordsAt(doc.blocks[0]!, src, 'care');
    expectWordsAt(doc.blocks[0]!, src, 'delivery');
  });

  it('drops footnote references and lints footnote definitions as prose', async () => {
    const src = 'We deliver fast.[^1] Always[^note].\n\n[^1]: We guarantee\n    next-day delivery.\n[^note]: Terms apply.\n';
    const doc = await parse(src);
    expect(kindsAndTexts(doc)).toEqual([
      ['paragraph', 'We deliver fast. Always.'],
      ['paragraph', 'We guarantee next-day delivery.'],
      ['paragraph', 'Terms apply.'],
    ]);
    expectWordsAt(doc.blocks[1]!, src, 'guarantee');
    expectWordsAt(doc.blocks[1]!, src, 'next-day');
    expectWordsAt(doc.blocks[2]!, src, 'Terms');
    // An undefined footnote is just text.
    expect((await parse('See [^2] here.\n')).blocks[0]!.text).toBe('See [^2] here.');
  });
});

describe('markdown adapter: layout', () => {
  it('maps nested and tab-indented list items, ATX headings with closing #s and setext headings', async () => {
    const src = ['# Terms we always keep ##', '', '-\tTab item never late', '  1. nested one', '     wrapped line', '     - deeper **still**', '', 'Setext title', '------------', ''].join('\n');
    const doc = await parse(src);
    expect(kindsAndTexts(doc)).toEqual([
      ['heading', 'Terms we always keep'],
      ['list-item', 'Tab item never late'],
      ['list-item', 'nested one wrapped line'],
      ['list-item', 'deeper still'],
      ['heading', 'Setext title'],
    ]);
    expectWordsAt(doc.blocks[0]!, src, 'keep');
    expectWordsAt(doc.blocks[1]!, src, 'never');
    expectWordsAt(doc.blocks[2]!, src, 'wrapped');
    expectWordsAt(doc.blocks[3]!, src, 'still');
    expectWordsAt(doc.blocks[4]!, src, 'title');
  });

  it('handles task list checks like GFM', async () => {
    const doc = await parse('- [ ] open task\n- [X]\ttabbed\n- [x]\n  next line\n- [x]not a task\n- plain [x] item\n');
    // Not a task: "[x]" is then a bracket template placeholder (templates.ts).
    expect(doc.blocks.map((b) => b.text)).toEqual(['open task', 'tabbed', 'next line', `${PLACEHOLDER}not a task`, `plain ${PLACEHOLDER} item`]);
  });

  it('keeps positions with CRLF, lone CR, tabs and trailing spaces', async () => {
    const src = 'One\tline  \r\ntwo always\rthree \\\r\nfour never\r\n';
    const b = (await parse(src)).blocks[0]!;
    expect(b.text).toBe('One\tline two always three  four never'); // the space before "\\" stays
    expect(at(b, 'always')).toEqual({ line: 2, column: 5 });
    expect(at(b, 'three')).toEqual({ line: 3, column: 1 });
    expect(at(b, 'never')).toEqual({ line: 4, column: 6 });
  });

  it('gives suppression directives the offset of every HTML comment outside code', async () => {
    const { parseMarkdown } = await import('../../src/inputs/formats/markdown.js');
    const src = '<!-- a -->\n\n> text <!-- b --> more\n\n    <!-- code -->\n\n`<!-- code -->` and <!--c-->\n';
    const tree = await parseMarkdown(src);
    const comments = tree.children.map((n) => [n.value.trim(), n.position.start.offset]);
    expect(comments).toEqual([
      ['<!-- a -->', 0],
      ['<!-- b -->', src.indexOf('<!-- b')],
      ['<!--c-->', src.indexOf('<!--c')],
    ]);
  });
});

describe('markdown adapter: every extracted character maps back to itself', () => {
  // Property: a real (non-synthetic) character of a block sits at its source offset, except a
  // decoded character reference, which maps to its "&"; real characters keep their source order;
  // locate() agrees with sourceOffset(); nothing is taken from front matter or a fenced block.
  const piece = fc.constantFrom(
    'we', 'always', 'deliver', ' ', ' ', '  ', '\t', '\n', '\n\n', '\r\n', '\r', '**', '*', '_', '__', '~~', '`x`', '``a ` b``', '[link](http://e.com "we")',
    '[ref]', '[ref][r]', '[r][]', '\n[r]: http://r "always"\n', '![img *we*](i.png)', '<b>', '</b>', '<br>', '<!-- c -->', '<span\ntitle="x">', '&amp;', '&#38;',
    '&#x1F680;', '&copy;', '&bogus;', '\\*', '\\', '\\\n', '> ', '> > ', '- ', '* ', '1. ', '   ', '    ', '# ', '## ', ' ##', '===', '---', '- [x] ',
    '| a | b |\n|---|---|\n| c \\| d | **e** |\n', '> | a |\n> |---|\n> | b |\n', '```\ncode\n```\n', '\n~~~\nfence\n~~~\n', '\n    indented code\n',
    'https://e.com/x', 'www.e.com', 'a@b.co', '<https://a.b>', '{{name}}', '[First Name]', 'é', '🚀', '[^1]', '\n[^1]: note\n',
  );
  const FRONT = fc.constantFrom('', '---\nsecret: always\n---\n', '+++\nsecret = "always"\n+++\n', '---\r\nsecret: always\r\n---\r\n');
  it('holds for generated documents', async () => {
    await fc.assert(
      fc.asyncProperty(FRONT, fc.array(piece, { maxLength: 40 }), async (front, parts) => {
        const src = front + parts.join('');
        const doc = await parse(src);
        for (const b of doc.blocks) {
          let last = -1;
          for (let i = 0; i < b.text.length; i++) {
            const o = b.sourceOffset!(i);
            if (o < 0) continue;
            if (src[o] !== b.text[i]) {
              expect(src[o], `${JSON.stringify(b.text)}[${i}] in ${JSON.stringify(src)}`).toBe('&');
              expect(src.slice(o)).toMatch(/^&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/);
            }
            expect(o, 'source order').toBeGreaterThanOrEqual(last);
            last = o;
            expect(b.locate(i).offset).toBe(o);
            expect(o, 'not from front matter').toBeGreaterThanOrEqual(front.length);
          }
        }
        const all = doc.blocks.map((b) => b.text).join('\n');
        expect(all).not.toMatch(/secret|fence|\{\{/);
      }),
      { numRuns: 500 },
    );
  });
});
