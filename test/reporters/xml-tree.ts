// A small strict-ish XML reader for the tests: htmlparser2 in xmlMode tokenises, and this
// rejects what htmlparser2 would silently repair (unclosed or mismatched tags, stray text
// outside the root, bare '&'), so "it parses" means the output is well-formed.
import { Parser } from 'htmlparser2';

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

// Characters XML 1.0 does not allow anywhere (also not as references).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|&#x?0*(?:[0-8]|1[1-2]|1[4-9]|2\d|3[01]);/;

// A start tag as the reporters write it: double-quoted attributes with no raw '<' or '"' inside.
const START_TAG = /^<[A-Za-z_][\w.:-]*(?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*\s*\/?>$/;

export function parseXml(xml: string): XmlNode {
  if (!xml.startsWith('<?xml ')) throw new Error('no XML declaration');
  if (INVALID_XML.test(xml)) throw new Error('character not allowed in XML 1.0');
  const bare = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(xml);
  if (bare) throw new Error(`unescaped & at ${bare.index}`);
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const selfClosed = new Set<XmlNode>();
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        const node: XmlNode = { name, attrs, children: [], text: '' };
        stack.at(-1)!.children.push(node);
        stack.push(node);
        const raw = xml.slice(parser.startIndex, parser.endIndex + 1);
        if (!START_TAG.test(raw)) throw new Error(`malformed start tag ${raw}`);
        if (raw.endsWith('/>')) selfClosed.add(node);
      },
      ontext(text) {
        const top = stack.at(-1)!;
        if (top === root && text.trim() !== '') throw new Error(`text outside the root: ${text}`);
        top.text += text;
      },
      onclosetag(name, implied) {
        const node = stack.pop()!;
        if (node.name !== name) throw new Error(`</${name}> closes <${node.name}>`);
        if (implied && !selfClosed.has(node)) throw new Error(`<${name}> is never closed`);
      },
    },
    { xmlMode: true },
  );
  parser.write(xml);
  parser.end();
  if (root.children.length !== 1) throw new Error('expected exactly one root element');
  return root.children[0]!;
}

/** Every descendant element called `name`, in document order. */
export function all(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const c of node.children) {
    if (c.name === name) out.push(c);
    out.push(...all(c, name));
  }
  return out;
}
