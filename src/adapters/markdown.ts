// Markdown: prose from paragraphs, headings, list items, table cells and block quotes, with every
// character mapped to its offset in the file. Code (fenced, indented, inline), HTML, front matter,
// link destinations, autolinks/bare URLs and images are not prose. Inline code, URLs and images
// inside a sentence become a synthetic PLACEHOLDER so the sentence still reads as one sentence.
import type { Nodes, Parent, PhrasingContent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { AdapterOptions, BlockKind, InputAdapter, InputDocument, InputFile, TextBlock } from '../types.js';
import { BlockBuilder, type BuildOptions, type Locator } from './block-builder.js';
import { LineIndex } from './line-index.js';
import { pushAligned } from './source-align.js';
import { decodeText } from './source-text.js';
import { opaqueMatcher } from './templates.js';

const BREAKING_TAG = /^<\/?(?:br|hr|img|p|div|li|ul|ol|td|th|tr|table|h[1-6]|blockquote)\b/i;

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, {
    extensions: [gfm(), frontmatter(['yaml', 'toml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])],
  });
}

/** Extract the prose blocks of a Markdown document. */
export function markdownBlocks(text: string, lines: Locator, build: BuildOptions = {}): TextBlock[] {
  const blocks: TextBlock[] = [];

  const start = (n: Nodes): number => n.position?.start.offset ?? 0;
  const end = (n: Nodes): number => n.position?.end.offset ?? 0;


  const inline = (b: BlockBuilder, node: PhrasingContent): void => {
    switch (node.type) {
      case 'text':
        pushAligned(b, node.value, text, start(node), end(node));
        return;
      case 'inlineCode':
      case 'image':
      case 'imageReference':
        b.placeholder();
        return;
      case 'link':
        // Autolinks (<https://…>) and GFM bare URLs/www./emails do not start with "[".
        if (text[start(node)] !== '[') b.placeholder();
        else node.children.forEach((c) => inline(b, c));
        return;
      case 'break':
        b.pushSynthetic(' ');
        return;
      case 'html':
        // <br>, <p>, <td>… separate words; <b>, <span>, comments do not.
        if (BREAKING_TAG.test(node.value)) b.gap();
        return;
      case 'footnoteReference':
        return;
      default:
        if ('children' in node) (node as Parent).children.forEach((c) => inline(b, c as PhrasingContent));
    }
  };

  const leaf = (node: Parent, kind: BlockKind): void => {
    const b = new BlockBuilder();
    node.children.forEach((c) => inline(b, c as PhrasingContent));
    const block = b.build(kind, lines, build);
    if (block) blocks.push(block);
  };

  /** Walk block content; `paragraphKind` is how paragraphs in this container are labelled. */
  const flow = (node: Nodes, paragraphKind: BlockKind): void => {
    switch (node.type) {
      case 'paragraph':
        leaf(node, paragraphKind);
        return;
      case 'heading':
        leaf(node, 'heading');
        return;
      case 'tableCell':
        leaf(node, 'table-cell');
        return;
      case 'blockquote':
        node.children.forEach((c) => flow(c, 'blockquote'));
        return;
      case 'listItem':
        node.children.forEach((c) => flow(c, 'list-item'));
        return;
      case 'root':
      case 'list':
      case 'table':
      case 'tableRow':
      case 'footnoteDefinition':
        node.children.forEach((c) => flow(c as Nodes, paragraphKind));
        return;
      default:
        // code, html, yaml, toml, definition, thematicBreak: not prose.
        return;
    }
  };

  flow(parseMarkdown(text), 'paragraph');
  return blocks;
}

export const markdownAdapter: InputAdapter = {
  name: 'markdown',
  extensions: ['.md', '.markdown'],
  writable: true,
  async parse(file: InputFile, options: AdapterOptions): Promise<InputDocument> {
    const source = decodeText(file.bytes);
    const lines = new LineIndex(source.text);
    return { filePath: file.filePath, format: 'markdown', blocks: markdownBlocks(source.text, lines, { opaque: opaqueMatcher(options) }), source };
  },
};
