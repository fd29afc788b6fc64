// Finding the suppression directives of a file. Markdown and HTML: directives live in HTML comments
// (found with the same parsers the adapters use, so a comment shown inside a code block is not a
// directive). Plain text: a directive is a line of its own (see syntax.ts).
import { LineIndex, lineEnd } from '../inputs/positions/line-index.js';
import {
  COMMENT_DIRECTIVE,
  DIRECTIVE_MARK,
  lineDirectiveText,
  parseDirectiveBody,
  type DirectiveKind,
} from '../inputs/prose/directive-syntax.js';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids; empty means every rule. */
  rules: string[];
  reason?: string;
  /** The directive as written (without comment markers), for messages. */
  text: string;
  /** Where the comment (or directive line) starts and ends; 1-based lines and columns. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
}

/** Formats whose findings carry source lines that directives can address. */
export const DIRECTIVE_FORMATS = new Set(['text', 'markdown', 'html']);

export async function parseDirectives(text: string, format: string): Promise<Directive[]> {
  if (!text.includes(DIRECTIVE_MARK)) return [];
  const pos = new LineIndex(text);
  switch (format) {
    case 'markdown':
      return fromComments(await markdownComments(text), pos);
    case 'html':
      return fromComments(await htmlComments(text), pos);
    case 'text':
      return fromLines(text, pos);
    default:
      return [];
  }
}

interface Comment {
  /** Offset of the comment's text (after `<!--`) and of its end (after `-->`). */
  bodyStart: number;
  body: string;
  start: number;
  end: number;
}

function fromComments(comments: Comment[], pos: LineIndex): Directive[] {
  const out: Directive[] = [];
  for (const c of comments) {
    if (!COMMENT_DIRECTIVE.test(c.body)) continue;
    const parsed = parseDirectiveBody(c.body);
    if (parsed) out.push(make(parsed, c.body.trim(), c.start, c.end, pos));
  }
  return out;
}

function fromLines(text: string, pos: LineIndex): Directive[] {
  const out: Directive[] = [];
  let start = 0;
  while (start <= text.length) {
    const { end, next } = lineEnd(text, start);
    const line = text.slice(start, end);
    if (line.includes(DIRECTIVE_MARK)) {
      const body = lineDirectiveText(line);
      const parsed = body === undefined ? undefined : parseDirectiveBody(body);
      if (parsed && body !== undefined) {
        const lead = /^[ \t]*/.exec(line)![0].length;
        out.push(make(parsed, body, start + lead, start + line.length, pos));
      }
    }
    start = next;
  }
  return out;
}

function make(
  parsed: ReturnType<typeof parseDirectiveBody> & object,
  text: string,
  start: number,
  end: number,
  pos: LineIndex,
): Directive {
  const a = pos.locate(start);
  const b = pos.locate(end);
  return {
    ...parsed,
    text,
    line: a.line,
    column: a.column,
    endLine: b.line,
    endColumn: b.column,
    offset: start,
    endOffset: end,
  };
}

const COMMENT = /<!--([\s\S]*?)-->/g;

/** HTML comments in Markdown: inside `html` nodes only (not in code blocks or inline code). */
async function markdownComments(text: string): Promise<Comment[]> {
  const { parseMarkdown } = await import('../inputs/formats/markdown.js');
  const comments: Comment[] = [];
  const visit = (node: {
    type: string;
    value?: string;
    position?: { start: { offset?: number } };
    children?: unknown[];
  }): void => {
    if (node.type === 'html' && node.value && node.position?.start.offset !== undefined) {
      const base = node.position.start.offset;
      for (const m of node.value.matchAll(COMMENT)) {
        comments.push({
          body: m[1]!,
          bodyStart: base + m.index + 4,
          start: base + m.index,
          end: base + m.index + m[0].length,
        });
      }
    }
    for (const c of node.children ?? []) visit(c as Parameters<typeof visit>[0]);
  };
  visit((await parseMarkdown(text)) as unknown as Parameters<typeof visit>[0]);
  return comments;
}

/** HTML comments as htmlparser2 sees them (not inside <script>, <style> or <textarea>). */
async function htmlComments(text: string): Promise<Comment[]> {
  const { Parser } = await import('htmlparser2');
  const comments: Comment[] = [];
  const parser: InstanceType<typeof Parser> = new Parser(
    {
      oncomment(data) {
        comments.push({
          body: data,
          bodyStart: parser.startIndex + 4,
          start: parser.startIndex,
          end: parser.endIndex + 1,
        });
      },
    },
    { decodeEntities: true },
  );
  parser.end(text);
  return comments;
}
