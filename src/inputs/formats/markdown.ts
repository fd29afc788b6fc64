// Markdown: prose from paragraphs, headings, list items, table cells and block quotes, with every
// character mapped to its offset in the file. Code (fenced, indented, inline), HTML, front matter,
// link destinations, autolinks/bare URLs and images are not prose. Inline code, URLs and images
// inside a sentence become a synthetic PLACEHOLDER so the sentence still reads as one sentence.
//
// Parsed with markdown-it (CommonMark + GFM tables and strikethrough; front matter, task list
// items and footnotes handled here). markdown-it gives blocks their line range but inline tokens
// no position, so positions are recovered in two steps:
//   1. the block's content string (what the inline parser reads: lines without container
//      prefixes, trimmed) is mapped onto the source lines (source-align.ts: ContentMap);
//   2. the inline tokens are walked in order with a cursor in the content string: text is found
//      where the cursor is, markup is stepped over exactly (delimiters by their markup, links,
//      images, autolinks and code spans by re-running markdown-it's own rule on them).
// Bare URLs and email addresses are found in each run of text as GFM finds them (linkify-it's
// rules differ from GFM's), so they become placeholders exactly as before; templates.ts catches
// any left in the finished block.
import type MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import type {
  AdapterOptions,
  BlockKind,
  InputAdapter,
  InputDocument,
  InputFile,
  TextBlock,
} from '../../shared/types.js';
import { BlockBuilder, type BuildOptions, type Locator } from '../positions/block-builder.js';
import { LineIndex } from '../positions/line-index.js';
import { ContentMap, mapLine, tableCells } from '../positions/source-align.js';
import { decodeText } from '../source-text.js';
import { opaqueMatcher } from '../prose/templates.js';
import { LIMITS } from '../limits.js';
import { frontMatterLines } from '../prose/front-matter.js';

/** An attribute block at the end of a heading: {#anchor}, {.class}, {#id .class key=value}. */
const HEADING_ATTRIBUTES = /[ \t]*\{[#.][^{}\n]*\}[ \t]*$/;
const BREAKING_TAG = /^<\/?(?:br|hr|img|p|div|li|ul|ol|td|th|tr|table|h[1-6]|blockquote)\b/i;
/** A GFM task list check at the start of a list item: "[ ]", "[x]" and a space, tab or line end. */
const TASK_CHECK = /^\[[ \txX]\](?:\n|[ \t]+[^])/;

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

/** What the parse shares with our rules (markdown-it's env). */
interface Env {
  /** Lines taken by front matter at the top of the file (0: none). */
  frontMatterLines: number;
  /** Labels of GFM footnote definitions (lower case). */
  footnotes?: Set<string>;
  references?: unknown;
  /**
   * Takes the tokens of each top-level block as soon as it is parsed (they are dropped right
   * after): see streamTopLevel.
   */
  onBlock?: ((tokens: Token[]) => void) | undefined;
  /** True when markdown-it parses a normalised copy of the file (it had CR or NUL characters). */
  copied?: boolean;
}

let parser: MarkdownIt | undefined;
let loading: Promise<MarkdownIt> | undefined;

/** Load markdown-it once (it stays out of runs that lint no Markdown). */
export function loadMarkdownParser(): Promise<MarkdownIt> {
  loading ??= import('markdown-it').then((m) => (parser = createParser(m.default)));
  return loading;
}

function createParser(Md: typeof MarkdownIt): MarkdownIt {
  // html: raw HTML is recognised (and dropped), as CommonMark does. No linkify: bare URLs and
  // emails are found as GFM finds them (literalAutolinks below).
  const md = new Md('default', { html: true, linkify: false, typographer: false });
  // Links are never rendered: accept every destination (CommonMark does) and skip the work of
  // normalising them.
  md.validateLink = () => true;
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (url) => url;
  // Keep escapes and entities as their own tokens (markdown-it merges them into the text).
  md.core.ruler.disable('text_join');
  // Inline content is parsed when the extractor reaches it (Extractor.leaf), and its tokens are
  // dropped right after: holding every inline token of a large file (markdown-it's core 'inline'
  // step) was most of the 611 MiB a 20 MB file took.
  md.core.ruler.disable('inline');
  // markdown-it's normalize step copies the whole file (it replaces every "\n" with "\n"), and
  // building that copy of a large file took more memory than the file: copy only when there is
  // a CR or a NUL to replace. Text tokens are then slices of the file's own text.
  md.core.ruler.at('normalize', (state) => {
    if (!/[\r\0]/.test(state.src)) return;
    state.src = state.src.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
    (state.env as Env).copied = true;
  });
  md.block.ruler.before('table', 'front_matter', frontMatterRule);
  md.block.ruler.before('reference', 'footnote_def', footnoteDefinitionRule, { alt: ['paragraph', 'reference'] });
  md.inline.ruler.after('image', 'footnote_ref', footnoteReferenceRule);
  recordTableRows(md);
  keepDeepContainers(md);
  streamTopLevel(md);
  return md;
}

// ---------------------------------------------------------------------------------------------
// Memory: markdown-it returns the token list of the whole document, and for a large file that
// list (with the state arrays of every line) was the largest live item. When the env has an
// onBlock sink, the top level is tokenized here instead, as markdown-it's own loop does
// (ParserBlock.tokenize), but each top-level block's tokens go to the sink as soon as its rule
// returns, and are dropped: at most one top-level block (a paragraph, a whole list, a table) is
// held at a time. A block rule only reads the tokens it pushes itself, so nothing is lost.

function streamTopLevel(md: MarkdownIt): void {
  const tokenize = md.block.tokenize.bind(md.block);
  md.block.tokenize = (state: StateBlock, startLine: number, endLine: number): void => {
    const sink = (state.env as Env).onBlock;
    if (!sink || state.level !== 0 || state.parentType !== 'root') {
      tokenize(state, startLine, endLine);
      return;
    }
    const rules = md.block.ruler.getRules('') as unknown as BlockRule[];
    let line = startLine;
    let hasEmptyLines = false;
    while (line < endLine) {
      state.line = line = state.skipEmptyLines(line);
      if (line >= endLine || state.sCount[line]! < state.blkIndent) break;
      const prevLine = state.line;
      let ok = false;
      for (const rule of rules) if ((ok = rule(state, line, endLine, false))) break;
      if (!ok || state.line <= prevLine) state.line = prevLine + 1; // (never seen) step on
      state.tight = !hasEmptyLines;
      if (state.isEmpty(state.line - 1)) hasEmptyLines = true;
      line = state.line;
      if (line < endLine && state.isEmpty(line)) {
        hasEmptyLines = true;
        line++;
        state.line = line;
      }
      if (state.tokens.length > 0) {
        sink(state.tokens);
        state.tokens.length = 0;
      }
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Nesting: markdown-it stops at maxNesting (100 levels) by skipping to the end of the range it is
// tokenizing, and for a list that range is the rest of the file: a list or quote nested past the
// limit hid everything after it. Past the limit, lines are read without containers instead (each
// becomes a paragraph, its markers as text), so no recursion goes deeper and nothing is hidden.

/** Block rules that open a container (and recurse). */
const CONTAINERS = new Set(['blockquote', 'list', 'footnote_def']);

function keepDeepContainers(md: MarkdownIt): void {
  const ruler = md.block.ruler as unknown as { __rules__?: { name: string; enabled: boolean; fn: BlockRule }[] };
  const flat = (ruler.__rules__ ?? []).filter((r) => r.enabled && !CONTAINERS.has(r.name)).map((r) => r.fn);
  if (flat.length === 0) return;
  const tokenize = md.block.tokenize.bind(md.block);
  md.block.tokenize = (state: StateBlock, startLine: number, endLine: number): void => {
    if (state.level < LIMITS.nesting) {
      tokenize(state, startLine, endLine);
      return;
    }
    let line = startLine;
    while (line < endLine) {
      state.line = line = state.skipEmptyLines(line);
      if (line >= endLine || state.sCount[line]! < state.blkIndent) break;
      const before = state.line;
      let ok = false;
      for (const rule of flat) if ((ok = rule(state, line, endLine, false))) break;
      if (!ok || state.line <= before) state.line = before + 1; // (never seen) step on
      line = state.line;
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Front matter: YAML (---) or TOML (+++) fences on the very first line, closed by the same fence
// on a line of its own; the fences may be followed by spaces or tabs. No closing fence: no front
// matter (the "---" is then a thematic break, as in micromark's frontmatter extension).

function frontMatterRule(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  const lines = (state.env as Env).frontMatterLines;
  if (!lines || startLine !== 0 || state.blkIndent !== 0 || state.parentType !== 'root') return false;
  if (silent) return true;
  const token = state.push('front_matter', '', 0);
  token.map = [0, lines];
  token.hidden = true;
  state.line = lines;
  return true;
}

// ---------------------------------------------------------------------------------------------
// GFM footnotes. A definition "[^label]: text" is a container whose content (continued by lines
// indented four columns) is prose; a reference "[^label]" to a defined label is dropped.
// Adapted from markdown-it-footnote (MIT), without inline footnotes and without moving the
// definitions to the end of the document.

function footnoteDefinitionRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const max = state.eMarks[startLine]!;
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  if (start + 4 > max || state.src.charCodeAt(start) !== 0x5b || state.src.charCodeAt(start + 1) !== 0x5e) return false;
  let pos = start + 2;
  while (pos < max && pos - start < 1002) {
    const c = state.src.charCodeAt(pos);
    if (c === 0x5d || c === 0x5b || c === 0x20 || c === 0x09) break;
    pos++;
  }
  if (
    pos === start + 2 ||
    state.src.charCodeAt(pos) !== 0x5d ||
    pos + 1 >= max ||
    state.src.charCodeAt(pos + 1) !== 0x3a
  )
    return false;
  if (silent) return true;
  const env = state.env as Env;
  (env.footnotes ??= new Set()).add(state.src.slice(start + 2, pos).toLowerCase());
  pos += 2;

  const open = state.push('footnote_definition_open', '', 1);
  open.map = [startLine, startLine];
  const oldBMark = state.bMarks[startLine]!;
  const oldTShift = state.tShift[startLine]!;
  const oldSCount = state.sCount[startLine]!;
  const oldParentType = state.parentType;
  const afterColon = pos;
  const initial = state.sCount[startLine]! + pos - start;
  let offset = initial;
  while (pos < max) {
    const c = state.src.charCodeAt(pos);
    if (c === 0x09) offset += 4 - (offset % 4);
    else if (c === 0x20) offset++;
    else break;
    pos++;
  }
  state.tShift[startLine] = pos - afterColon;
  state.sCount[startLine] = offset - initial;
  state.bMarks[startLine] = afterColon;
  state.blkIndent += 4;
  state.parentType = 'footnote' as typeof state.parentType;
  if (state.sCount[startLine]! < state.blkIndent) state.sCount[startLine]! += state.blkIndent;
  state.md.block.tokenize(state, startLine, endLine);
  state.parentType = oldParentType;
  state.blkIndent -= 4;
  state.tShift[startLine] = oldTShift;
  state.sCount[startLine] = oldSCount;
  state.bMarks[startLine] = oldBMark;
  open.map[1] = state.line;
  state.push('footnote_definition_close', '', -1);
  return true;
}

function footnoteReferenceRule(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  const max = state.posMax;
  const labels = (state.env as Env).footnotes;
  if (!labels || start + 3 > max || state.src.charCodeAt(start) !== 0x5b || state.src.charCodeAt(start + 1) !== 0x5e)
    return false;
  let pos = start + 2;
  while (pos < max) {
    const c = state.src.charCodeAt(pos);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x5b) return false;
    if (c === 0x5d) break;
    pos++;
  }
  if (pos === start + 2 || pos >= max) return false;
  if (!labels.has(state.src.slice(start + 2, pos).toLowerCase())) return false;
  pos++;
  if (!silent) state.push('footnote_ref', '', 0).markup = state.src.slice(start, pos);
  state.pos = pos;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Table rows: markdown-it splits the row's text into cells after the container prefix ("> ",
// list indentation); remember where that text starts (the column, on tr_open.meta).

function recordTableRows(md: MarkdownIt): void {
  const rules = (md.block.ruler as unknown as { __rules__?: { name: string; fn: BlockRule; alt: string[] }[] })
    .__rules__;
  const table = rules?.find((r) => r.name === 'table');
  if (!table) return; // rows then start after a guessed prefix (see rowStart)
  const original = table.fn;
  const wrapped: BlockRule = (state, startLine, endLine, silent) => {
    const from = state.tokens.length;
    const ok = original(state, startLine, endLine, silent);
    if (ok && !silent) {
      for (let i = from; i < state.tokens.length; i++) {
        const t = state.tokens[i]!;
        if (t.type !== 'tr_open' || !t.map) continue;
        const pos = state.bMarks[t.map[0]]! + state.tShift[t.map[0]]!;
        t.meta = { column: pos - (pos === 0 ? 0 : state.src.lastIndexOf('\n', pos - 1) + 1) };
      }
    }
    return ok;
  };
  md.block.ruler.at('table', wrapped, { alt: table.alt });
}

// ---------------------------------------------------------------------------------------------

/** Start and end (before the line ending) of every line, as LineIndex and markdown-it count them. */
function lineBounds(text: string): { starts: number[]; ends: number[] } {
  const starts = [0];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      ends.push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  ends.push(text.length);
  return { starts, ends };
}

/** An HTML node (block or inline) with its source offset: what suppression directives read. */
export interface MarkdownHtml {
  type: 'html';
  value: string;
  position: { start: { offset: number } };
}

/** Walks markdown-it's tokens and extracts prose blocks (and, on request, HTML nodes). */
class Extractor {
  readonly blocks: TextBlock[] = [];
  readonly html: MarkdownHtml[] = [];
  private readonly starts: number[];
  private readonly ends: number[];
  private readonly env: Env;
  private b = new BlockBuilder();

  constructor(
    private readonly md: MarkdownIt,
    private readonly text: string,
    private readonly locator: Locator,
    private readonly build: BuildOptions,
    private readonly collectHtml: boolean,
  ) {
    ({ starts: this.starts, ends: this.ends } = lineBounds(text));
    this.env = { frontMatterLines: frontMatterLines(text) };
  }

  run(): this {
    const env = this.env;
    try {
      // A link's reference definition, or a footnote's, may come after the link: when the file
      // has any ("]:"), a first pass collects them (its tokens are dropped as they come).
      if (this.text.includes(']:')) {
        env.onBlock = () => undefined;
        this.md.parse(this.text, env);
      }
      env.onBlock = (tokens) => this.walk(tokens);
      this.md.parse(this.text, env);
    } finally {
      env.onBlock = undefined;
    }
    return this;
  }

  // What walk() keeps from one top-level block to the next (balanced within a block anyway).
  private readonly kinds: BlockKind[] = [];
  private cells: { text: string; chars: Int32Array }[] = [];
  private cell = 0;

  /** The tokens of one top-level block. */
  private walk(tokens: Token[]): void {
    const kinds = this.kinds;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      switch (t.type) {
        case 'blockquote_open':
          kinds.push('blockquote');
          break;
        case 'list_item_open':
          kinds.push('list-item');
          break;
        case 'blockquote_close':
        case 'list_item_close':
          kinds.pop();
          break;
        case 'tr_open':
          this.cells = t.map ? this.rowCells(t.map[0], (t.meta as { column?: number } | null)?.column) : [];
          this.cell = 0;
          break;
        case 'tr_close':
          // Cells beyond the header's count: markdown-it drops them, but the writer wrote them
          // (and micromark kept them): parse and lint them too.
          for (; this.cell < this.cells.length; this.cell++) {
            const extra = this.cells[this.cell]!;
            const parsed = this.md.parseInline(extra.text, this.env)[0];
            if (parsed) this.leaf(parsed, this.cellMap(parsed, extra), 'table-cell', false);
          }
          break;
        case 'html_block':
          if (this.collectHtml && t.map) this.htmlBlock(t);
          break;
        case 'inline': {
          const parent = tokens[i - 1]?.type;
          if (parent === 'paragraph_open') {
            // A task list check is only looked for in the first paragraph of a list item.
            const task = tokens[i - 2]?.type === 'list_item_open';
            this.leaf(t, this.linesMap(t), kinds[kinds.length - 1] ?? 'paragraph', task);
          } else if (parent === 'heading_open') {
            this.leaf(t, this.linesMap(t), 'heading', false);
          } else if (parent === 'th_open' || parent === 'td_open') {
            this.leaf(t, this.cellMap(t, this.cells[this.cell++]), 'table-cell', false);
          }
          break;
        }
        default:
          // code_block, fence, hr, front_matter, footnote definitions (their paragraphs are
          // walked like any other): nothing of their own.
          break;
      }
    }
  }

  /** ContentMap of a paragraph or heading: content line k is on source line map[0] + k. */
  private linesMap(t: Token): ContentMap {
    const map = new ContentMap();
    const c = t.content;
    let line = t.map?.[0] ?? 0;
    let cs = 0;
    for (;;) {
      let ce = c.indexOf('\n', cs);
      if (ce < 0) ce = c.length;
      if (line < this.starts.length) mapLine(map, c, cs, ce, this.text, this.starts[line]!, this.ends[line]!);
      if (ce === c.length) break;
      cs = ce + 1;
      line++;
    }
    return map;
  }

  private rowCells(line: number, column: number | undefined): { text: string; chars: Int32Array }[] {
    const start = this.starts[line];
    const end = this.ends[line];
    if (start === undefined || end === undefined) return [];
    // Without the recorded column, the row starts after the container prefix ("> ", indentation).
    let at = start + (column ?? 0);
    if (column === undefined) while (at < end && /[ \t>]/.test(this.text[at]!)) at++;
    return tableCells(this.text, at, end);
  }

  private cellMap(t: Token, cell: { text: string; chars: Int32Array } | undefined): ContentMap {
    const map = new ContentMap();
    if (cell && cell.text === t.content) map.addChars(0, cell.chars);
    else map.addChars(0, new Int32Array(t.content.length).fill(-1)); // (never seen) synthetic
    return map;
  }

  private htmlBlock(t: Token): void {
    const line = t.map![0];
    const first = t.content.split('\n', 1)[0]!;
    const start = this.starts[line] ?? 0;
    const end = this.ends[line] ?? start;
    let at = end - first.length;
    if (at < start || !this.text.startsWith(first, at))
      at = Math.max(start, this.text.indexOf(first.trimStart(), start));
    this.html.push({ type: 'html', value: t.content.replace(/\n$/, ''), position: { start: { offset: at } } });
  }

  /** One prose block from an inline token. */
  private leaf(t: Token, map: ContentMap, kind: BlockKind, task: boolean): void {
    const content = t.content;
    if (content.length === 0) return;
    const b = this.b;
    // A task list item's check and the space after it are not prose; nor is the line break
    // after it when nothing but a space or a tab follows the check.
    let skip = 0;
    if (task && TASK_CHECK.test(content)) {
      const eol = /^.{3}([ \t]*)\n/.exec(content);
      skip = eol && !eol[1]!.endsWith('  ') ? eol[0].length : 4;
    }
    // A heading's attribute block ("## Always on time {#always}", "{.class}", kramdown and
    // Pandoc style) names an anchor, it is not prose.
    const attrs = kind === 'heading' ? HEADING_ATTRIBUTES.exec(content) : null;
    let children: Token[] = t.children ?? [];
    if (children.length === 0) this.md.inline.parse(content, this.md, this.env, (children = []));
    this.inline(children, content, map, skip, attrs ? attrs.index : content.length);
    // When markdown-it parses a normalised copy of the file (CR or NUL in it), the text tokens
    // are slices of that copy, which a block must not keep alive (see BuildOptions.copy).
    const block = b.build(kind, this.locator, this.env.copied ? { ...this.build, copy: true } : this.build);
    if (block) this.blocks.push(block);
    this.b = new BlockBuilder();
  }

  /**
   * Walk inline tokens with a cursor `p` in the content string. Each token's markup is stepped
   * over where it is; text is looked for at the cursor (or, defensively, after it). Consecutive
   * text, escapes and entities form one run (an mdast text node), in which bare URLs and email
   * addresses are found as GFM does (they become placeholders, like autolinks).
   */
  private inline(children: Token[], content: string, map: ContentMap, skip: number, stop: number): void {
    const b = this.b;
    let state: StateInline | undefined;
    /** End of the construct (link, image, autolink, code span) that starts at `at`. */
    const constructEnd = (at: number): number => {
      state ??= new this.md.inline.State(content, this.md, this.env, []);
      state.pos = at;
      this.md.inline.skipToken(state);
      return state.pos;
    };
    const find = (s: string, from: number): number => (content.startsWith(s, from) ? from : content.indexOf(s, from));

    // The current text run: pieces with where they come from.
    const run: Piece[] = [];
    let inLink = 0;
    const add = (piece: Piece): void => {
      // A task list check and the space after it are not prose.
      if (piece.at < skip) {
        if (piece.kind !== COPY_PIECE || piece.at + piece.text.length <= skip) return;
        piece = { kind: COPY_PIECE, at: skip, text: piece.text.slice(skip - piece.at) };
      }
      // Nothing from `stop` on (a heading's attribute block).
      if (piece.at >= stop) return;
      if (piece.kind === COPY_PIECE && piece.at + piece.text.length > stop)
        piece = { kind: COPY_PIECE, at: piece.at, text: piece.text.slice(0, stop - piece.at) };
      if (piece.text) run.push(piece);
    };
    /** Push the run; `beforeBreak`: spaces and tabs at the end of a line are not part of it. */
    const flush = (beforeBreak: boolean): void => {
      if (run.length === 0) return;
      if (beforeBreak) {
        const last = run[run.length - 1]!;
        if (last.kind === COPY_PIECE) last.text = last.text.replace(/[ \t]+$/, '');
      }
      const value = run.length === 1 ? run[0]!.text : run.map((r) => r.text).join('');
      const links = inLink > 0 ? [] : literalAutolinks(value);
      let pos = 0; // position in value
      let li = 0;
      for (const piece of run) {
        const text = piece.text;
        const from = pos;
        pos += text.length;
        let k = 0; // next character of the piece to push
        while (k < text.length) {
          const link = links[li];
          if (link && link[1] <= from + k) {
            li++;
            continue;
          }
          if (link && link[0] <= from + k) {
            // A bare URL: the placeholder at its start, its characters skipped.
            if (link[0] === from + k) b.placeholder();
            k = Math.min(text.length, link[1] - from);
            continue;
          }
          const stop = link ? Math.min(text.length, link[0] - from) : text.length;
          this.pushPiece(piece, map, k, stop);
          k = stop;
        }
      }
      run.length = 0;
    };

    const linkStarts: number[] = [];
    let p = 0;
    for (let j = 0; j < children.length; j++) {
      const t = children[j]!;
      switch (t.type) {
        case 'text': {
          const at = find(t.content, p);
          if (at < 0) {
            flush(false);
            b.pushSynthetic(t.content); // (never seen) text that is not in the content
            break;
          }
          p = at + t.content.length;
          add({ kind: COPY_PIECE, at, text: t.content });
          continue;
        }
        case 'text_special': {
          const at = find(t.markup, p);
          if (at < 0) {
            flush(false);
            b.pushSynthetic(t.content);
            break;
          }
          p = at + t.markup.length;
          if (t.content === t.markup)
            add({ kind: COPY_PIECE, at, text: t.content }); // a backslash before a letter stays
          else if (t.info === 'escape')
            add({ kind: COPY_PIECE, at: at + 1, text: t.content }); // "\*": the "*"
          else add({ kind: ENTITY_PIECE, at, end: p, text: t.content }); // every unit maps to the "&"
          continue;
        }
        case 'softbreak':
        case 'hardbreak': {
          // Spaces and tabs at the end of a line go, but not those before a "\" line break.
          flush(content.charCodeAt(p) !== 0x5c);
          while (content.charCodeAt(p) === 0x20) p++;
          if (content.charCodeAt(p) === 0x5c && content.charCodeAt(p + 1) === 0x0a) p++;
          const nl = content.indexOf('\n', p);
          const at = nl < 0 ? p : nl;
          p = at + 1;
          while (content.charCodeAt(p) === 0x20 || content.charCodeAt(p) === 0x09) p++;
          if (at >= skip) b.pushLineBreak();
          continue;
        }
        default:
          break;
      }
      flush(false);
      switch (t.type) {
        case 'code_inline': {
          const at = find(t.markup, p);
          if (at >= 0) p = codeSpanEnd(content, at, t.markup.length);
          b.placeholder();
          break;
        }
        case 'html_inline': {
          const at = find(t.content, p);
          if (at >= 0) {
            p = at + t.content.length;
            const offset = map.at(at);
            if (this.collectHtml && offset >= 0)
              this.html.push({ type: 'html', value: t.content, position: { start: { offset } } });
          }
          // <br>, <p>, <td>… separate words; <b>, <span>, comments do not.
          if (BREAKING_TAG.test(t.content)) b.gap();
          break;
        }
        case 'image': {
          const at = find('![', p);
          if (at >= 0) p = constructEnd(at);
          b.placeholder();
          break;
        }
        case 'link_open': {
          if (t.info === 'auto') {
            // <https://…>, <name@example.com>: not prose.
            const at = find('<', p);
            if (at >= 0) p = constructEnd(at);
            while (j + 1 < children.length && children[j]!.type !== 'link_close') j++;
            b.placeholder();
            break;
          }
          // The link text is prose; its destination and title are stepped over at link_close.
          const at = find('[', p);
          linkStarts.push(at);
          inLink++;
          if (at >= 0) p = at + 1;
          break;
        }
        case 'link_close': {
          const at = linkStarts.pop();
          inLink = Math.max(0, inLink - 1);
          if (at !== undefined && at >= 0) p = Math.max(p, constructEnd(at));
          break;
        }
        case 'footnote_ref': {
          const at = find(t.markup, p);
          if (at >= 0) p = at + t.markup.length;
          break;
        }
        default:
          // Emphasis, strong, strikethrough: their markup is where the cursor is.
          if (t.markup && content.startsWith(t.markup, p)) p += t.markup.length;
          break;
      }
    }
    flush(false);
  }

  /** Push characters [from, to) of a piece of a text run. */
  private pushPiece(piece: Piece, map: ContentMap, from: number, to: number): void {
    if (piece.kind === COPY_PIECE) {
      map.push(this.b, piece.at + from, piece.text.slice(from, to));
      return;
    }
    // A character reference: every unit of its value maps to the "&".
    const text = piece.text.slice(from, to);
    const o = map.at(piece.at);
    if (o >= 0) this.b.pushAt(text, o, Math.max(o, map.at(piece.end - 1)) + 1);
    else this.b.pushSynthetic(text);
  }
}

const COPY_PIECE = 0;
const ENTITY_PIECE = 1;
/** Part of a text run: content[at, at + text.length), or a decoded reference content[at, end). */
type Piece =
  | { kind: typeof COPY_PIECE; at: number; text: string }
  | { kind: typeof ENTITY_PIECE; at: number; end: number; text: string };

// ---------------------------------------------------------------------------------------------
// GFM literal autolinks (www.example.com, https://…, name@example.com, mailto:, xmpp:) in a text
// run, found as mdast-util-gfm-autolink-literal finds them: each pattern in turn, on the text
// left between earlier finds. Returns [start, end) ranges, sorted.

const PUNCTUATION_OR_SYMBOL = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/;
/** Each pattern, what its length function keeps of a match, and a cheap test the text must pass. */
const LITERALS: [RegExp, (m: RegExpExecArray) => number, RegExp][] = [
  [/(?<![\da-z])(https?:\/\/|www(?=\.))([\w-]*\.[\w\-.]*)([^\t\n\r ]*)/gi, urlLength, /https?:\/\/|www\./i],
  [/(?<![\w+\-.@])xmpp:([\w+\-.]+)@([\w-]+(?:\.[\w-]+)+)(\/(?:[\w\-/]|\.(?=[\dA-Za-z]))*)?/g, xmppLength, /@/],
  [/(?<![\w+\-.@])mailto:([\w+\-.]+)@([\w-]+(?:\.[\w-]+)+)/g, emailLength, /@/],
  [/(?<![\w+\-.]|(?:^|[^\d@A-Za-z])(?:mailto|xmpp):)([\w+\-.]+)@([\w-]+(?:\.[\w-]+)+)/g, emailLength, /@/],
];

export function literalAutolinks(value: string): [number, number][] {
  // Fast exit: every pattern needs one of these.
  if (!/[.@]/.test(value)) return [];
  let pieces: [number, number][] = [[0, value.length]];
  const found: [number, number][] = [];
  for (const [re, length, needs] of LITERALS) {
    if (!needs.test(value)) continue;
    const next: [number, number][] = [];
    for (const [a, z] of pieces) {
      const input = value.slice(a, z);
      let start = 0;
      re.lastIndex = 0;
      for (let m = re.exec(input); m; m = re.exec(input)) {
        const n = length(m);
        if (n <= 0) {
          re.lastIndex = m.index + 1;
          continue;
        }
        if (m.index > start) next.push([a + start, a + m.index]);
        found.push([a + m.index, a + m.index + n]);
        start = m.index + m[0].length;
        re.lastIndex = start;
      }
      if (start < input.length) next.push([a + start, z]);
    }
    pieces = next;
  }
  return found.sort((x, y) => x[0] - y[0]);
}

/** Length of the link in a URL match (0: not a link): trailing punctuation stays text. */
function urlLength(m: RegExpExecArray): number {
  const input = m.input;
  const prev = input.charAt(m.index - 1);
  if (m.index > 0 && !WHITESPACE.test(prev) && !PUNCTUATION_OR_SYMBOL.test(prev)) return 0;
  let protocol = m[1]!;
  let domain = m[2]!;
  if (/^w/i.test(protocol)) {
    domain = protocol + domain;
    protocol = '';
  }
  if (PUNCTUATION_OR_SYMBOL.test(domain.charAt(0)) || !correctDomain(domain)) return 0;
  return protocol.length + urlPathEnd(domain + m[3]!);
}

function emailLength(m: RegExpExecArray): number {
  return /[\d\-_]$/.test(m[2]!) ? 0 : m[0].length;
}

function xmppLength(m: RegExpExecArray): number {
  const resource = m[3];
  if (
    /[\d\-_]$/.test(m[2]!) ||
    (resource && (!/[A-Za-z]$/.test(resource) || m.input.charAt(m.index + m[0].length) === '@'))
  )
    return 0;
  return m[0].length;
}

function correctDomain(domain: string): boolean {
  const parts = domain.split('.');
  const last = parts[parts.length - 1];
  const before = parts[parts.length - 2];
  if (parts.length < 2) return false;
  if (last && (/_/.test(last) || !/[\dA-Za-z]/.test(last))) return false;
  if (before && (/_/.test(before) || !/[\dA-Za-z]/.test(before))) return false;
  return true;
}

/**
 * Length of a URL (after its protocol) as micromark's GFM autolink literal path ends it: at a
 * "<", or before trailing punctuation ("." "," ")" unbalanced, "*", "_", "~", "&amp;"…) that is
 * followed by nothing else.
 */
function urlPathEnd(url: string): number {
  let open = 0;
  let close = 0;
  for (let i = 0; i < url.length; i++) {
    const c = url[i]!;
    if (c === '(') open++;
    else if (c === ')' && close < open) close++;
    else if (PATH_PUNCTUATION.includes(c)) {
      if (isTrail(url, i)) return i;
      if (c === ')') close++;
    }
  }
  return url.length;
}

const PATH_PUNCTUATION = '!"&\')*,.:;<?]_~';
const TRAIL_PUNCTUATION = '!"\')*,.:;?_~';

/** True when url[i..] is trailing punctuation (see urlPathEnd). */
function isTrail(url: string, i: number): boolean {
  while (i < url.length) {
    const c = url[i]!;
    if (TRAIL_PUNCTUATION.includes(c)) i++;
    else if (c === '&') {
      // A character reference: "&" letters ";".
      let k = i + 1;
      while (k < url.length && /[A-Za-z]/.test(url[k]!)) k++;
      if (k === i + 1 || url[k] !== ';') return false;
      i = k + 1;
    } else if (c === ']') {
      i++;
      if (i >= url.length || url[i] === '(' || url[i] === '[') return true;
    } else return c === '<';
  }
  return true;
}

/** End of the code span whose opening backtick run (`length` long) starts at `at`. */
function codeSpanEnd(content: string, at: number, length: number): number {
  let end = at + length;
  for (;;) {
    const start = content.indexOf('`', end);
    if (start < 0) return at + length;
    end = start + 1;
    while (content.charCodeAt(end) === 0x60) end++;
    if (end - start === length) return end;
  }
}

function parserOrThrow(): MarkdownIt {
  if (!parser) throw new Error('markdown parser not loaded: await loadMarkdownParser() first');
  return parser;
}

/** Extract the prose blocks of a Markdown document (after `await loadMarkdownParser()`). */
export function markdownBlocks(text: string, lines: Locator, build: BuildOptions = {}): TextBlock[] {
  return new Extractor(parserOrThrow(), text, lines, { source: text, ...build }, false).run().blocks;
}

/**
 * The HTML of a Markdown document (blocks and inline tags, not HTML shown in code), each with its
 * source offset, as children of a root node.
 */
export async function parseMarkdown(text: string): Promise<{ type: 'root'; children: MarkdownHtml[] }> {
  const md = await loadMarkdownParser();
  const x = new Extractor(md, text, new LineIndex(text), {}, true).run();
  return { type: 'root', children: x.html.sort((a, b) => a.position.start.offset - b.position.start.offset) };
}

export const markdownAdapter: InputAdapter = {
  name: 'markdown',
  extensions: ['.md', '.markdown'],
  writable: true,
  async parse(file: InputFile, options: AdapterOptions): Promise<InputDocument> {
    const source = decodeText(file.bytes);
    await loadMarkdownParser();
    const lines = new LineIndex(source.text);
    return {
      filePath: file.filePath,
      format: 'markdown',
      blocks: markdownBlocks(source.text, lines, { opaque: opaqueMatcher(options) }),
      source,
    };
  },
};
