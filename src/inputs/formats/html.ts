// HTML: visible prose only, with exact source positions. htmlparser2 reports every text run and
// every decoded entity with its source span, so each character maps back to the file.
// Not writable: an edit would have to re-escape '<' and '&' and could cut across inline tags.
import { Parser } from 'htmlparser2';
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
import { decodeText } from '../source-text.js';
import { opaqueMatcher } from '../prose/templates.js';
import { LIMITS, LimitError } from '../limits.js';
import { blankFrontMatter } from '../prose/front-matter.js';

/** Elements whose content is never prose. */
const SKIP = new Set([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'pre',
  'svg',
  'math',
  'object',
  'iframe',
  'canvas',
  'select',
  'textarea',
  'video',
  'audio',
  'map',
]);
/** Inline code-like elements: inside a sentence they stand as one placeholder word. */
const CODE = new Set(['code', 'kbd', 'samp', 'var']);
/** Elements that start and end a block (sentences never cross them). */
const BLOCK = new Set([
  'p',
  'div',
  'li',
  'td',
  'th',
  'tr',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'caption',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'br',
  'hr',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'nav',
  'main',
  'blockquote',
  'figure',
  'figcaption',
  'address',
  'center',
  'form',
  'fieldset',
  'legend',
  'details',
  'summary',
  'body',
  'html',
  'img',
  'button',
  'label',
  'option',
]);
const KIND: Record<string, BlockKind> = {
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  li: 'list-item',
  dt: 'list-item',
  dd: 'list-item',
  td: 'table-cell',
  th: 'table-cell',
  blockquote: 'blockquote',
};
const HIDDEN_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:\.0*)?(?:px|pt|em|rem|%)?\s*(?:!important)?\s*(?:;|$)|max-height\s*:\s*0(?:px)?\s*(?:!important)?\s*(?:;|$)|mso-hide\s*:\s*all|opacity\s*:\s*0(?:\.0*)?\s*(?:;|$))/i;
/** Invisible characters used as padding in email preheaders. */
// eslint-disable-next-line no-misleading-character-class -- the combining grapheme joiner is listed alone, on purpose
const INVISIBLE = /[\u00ad\u034f\u200b-\u200f\u2060\ufeff]/g;

export type SkipVerdict = 'element' | 'rest' | undefined;

export interface HtmlOptions extends BuildOptions {
  /** Extra element filter (emails: quoted replies, signatures); 'rest' stops extraction. */
  skip?: (name: string, attribs: Record<string, string>) => SkipVerdict;
}

export function isHidden(attribs: Record<string, string>): boolean {
  return (
    'hidden' in attribs ||
    attribs['aria-hidden']?.toLowerCase() === 'true' ||
    (attribs.style !== undefined && HIDDEN_STYLE.test(attribs.style))
  );
}

/** Extract the prose blocks of an HTML document; offsets are in `html`. */
export function htmlBlocks(html: string, locator: Locator, options: HtmlOptions = {}): TextBlock[] {
  const blocks: TextBlock[] = [];
  // One entry per open element: whether it hides its content, and the block kind it sets.
  const stack: { name: string; hides: boolean; code: boolean; kind?: BlockKind }[] = [];
  let hidden = 0; // number of open elements that hide their content
  let code = 0;
  let stopped = false;
  let builder = new BlockBuilder();

  const kindNow = (): BlockKind => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.kind) return stack[i]!.kind!;
    return 'paragraph';
  };
  const flush = (): void => {
    const b = builder.build(kindNow(), locator, options);
    if (b) blocks.push(b);
    builder = new BlockBuilder();
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (stopped) return;
        const verdict = options.skip?.(name, attribs);
        if (verdict === 'rest') {
          flush();
          stopped = true;
          return;
        }
        const hides = SKIP.has(name) || isHidden(attribs) || verdict === 'element';
        const isCode = CODE.has(name);
        if (BLOCK.has(name) && hidden === 0) flush();
        if (isCode && hidden === 0 && code === 0) builder.placeholder();
        stack.push({ name, hides, code: isCode, kind: KIND[name] });
        if (hides) hidden++;
        if (isCode) code++;
      },
      onclosetag(name) {
        if (stopped) return;
        // htmlparser2 closes implied and void elements itself, so the stack stays balanced.
        const top = stack[stack.length - 1];
        if (!top || top.name !== name) return;
        if (BLOCK.has(name) && hidden === 0) flush();
        stack.pop();
        if (top.hides) hidden--;
        if (top.code) code--;
      },
      ontext(text) {
        if (stopped || hidden > 0 || code > 0) return;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        if (end - start !== text.length || html.slice(start, end) !== text) {
          // A decoded character reference: all of it maps to the reference's "&".
          const t = text.replace(INVISIBLE, '').replace(/\s/g, ' ');
          if (t === ' ') builder.gap();
          else if (t) builder.pushAt(t, start, end);
          return;
        }
        pushVisible(builder, text, start);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  guardDepth(parser);
  parser.end(html);
  flush();
  return blocks;
}

/**
 * Stop a parse nested deeper than LIMITS.elementDepth: htmlparser2 keeps its open elements in an
 * array it shifts and unshifts, so every tag costs time in the depth (100,000 unclosed <w:p> or
 * <div> took minutes). The file is skipped with one line instead.
 */
export function guardDepth(parser: Parser): void {
  const p = parser as unknown as { stack?: unknown[]; onopentagname?: (start: number, end: number) => void };
  const stack = p.stack;
  const open = p.onopentagname;
  if (!Array.isArray(stack) || typeof open !== 'function') return;
  p.onopentagname = function (this: unknown, start: number, end: number): void {
    if (stack.length >= LIMITS.elementDepth)
      throw new LimitError(`elements nested more than ${LIMITS.elementDepth} deep`);
    open.call(this, start, end);
  };
}

/** Push a raw text run: whitespace runs collapse to one space, invisible padding is dropped. */
function pushVisible(b: BlockBuilder, text: string, start: number): void {
  // eslint-disable-next-line no-misleading-character-class -- as INVISIBLE above
  const re = /(\s+)|([\u00ad\u034f\u200b-\u200f\u2060\ufeff]+)|([^\s\u00ad\u034f\u200b-\u200f\u2060\ufeff]+)/g;
  for (const m of text.matchAll(re)) {
    if (m[1] !== undefined) {
      if (b.length > 0 && !b.endsWithSpace()) b.pushAt(' ', start + m.index);
    } else if (m[3] !== undefined) {
      b.push(m[3], start + m.index);
    }
  }
}

export const htmlAdapter: InputAdapter = {
  name: 'html',
  extensions: ['.html', '.htm'],
  writable: false,
  async parse(file: InputFile, options: AdapterOptions): Promise<InputDocument> {
    const source = decodeText(file.bytes);
    const lines = new LineIndex(source.text);
    const locator: Locator = { locate: (o) => withoutOffset(lines.locate(o)) };
    // Front matter (a static site's page metadata) is blanked: not prose, and offsets unchanged.
    const blocks = htmlBlocks(blankFrontMatter(source.text), locator, {
      opaque: opaqueMatcher(options),
      writable: false,
    });
    return { filePath: file.filePath, format: 'html', blocks };
  },
};

/** Location.offset is only for writable formats. */
export function withoutOffset<T extends { offset?: number }>(loc: T): T {
  delete loc.offset;
  return loc;
}
