// Parse a YAML file keeping positions, so that every error names the file, line and column.
import { LineCounter, parseDocument, isMap, isScalar, type Document } from 'yaml';
import { ConfigError } from './errors.js';
import { MAX_YAML_ALIASES } from './limits.js';

export interface YamlSource {
  file: string;
  /** The file's text, as read. */
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  value: unknown;
}

export function parseYaml(text: string, file: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    // An unclosed quote is noticed at the end of the file; point at the quote that opened it.
    const quote = err.code === 'MISSING_CHAR' && /quote/i.test(err.message) ? unclosedQuote(text) : undefined;
    if (quote) {
      const pos = lines.linePos(quote.offset);
      throw new ConfigError(
        `invalid YAML: the ${quote.char} quote opened here is never closed (add the closing ${quote.char})`,
        `${file}:${pos.line}:${pos.col}`,
      );
    }
    const pos = lines.linePos(err.pos[0]);
    const what = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError(`invalid YAML: ${what}`, `${file}:${pos.line}:${pos.col}`);
  }
  let value: unknown;
  try {
    // An alias bomb (aliases of aliases of lists) would expand to billions of nodes.
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message))
      throw new ConfigError(
        `invalid YAML: too many alias expansions (more than ${MAX_YAML_ALIASES}; a YAML alias bomb?); write the values out instead of using *aliases`,
        `${file}:1:1`,
      );
    throw new ConfigError(`invalid YAML: ${(e as Error).message}`, `${file}:1:1`);
  }
  return { file, text, doc, lines, value };
}

/** The first quoted value (after "key: " or "- ") whose line does not close it. */
function unclosedQuote(text: string): { offset: number; char: string } | undefined {
  let offset = 0;
  for (const line of text.split('\n')) {
    const m = /^(\s*(?:-\s+)?(?:[^\s#'"][^:#]*:\s+)?)(['"])/.exec(line);
    if (m && !/^\s*#/.test(line)) {
      const q = m[2]!;
      const rest = line.slice(m[0].length);
      const closed = q === "'" ? /(^|[^'])'(?!')|^'$/.test(rest.replace(/''/g, '')) : /(^|[^\\])"/.test(rest);
      if (!closed) return { offset: offset + m[1]!.length, char: q };
    }
    offset += line.length + 1;
  }
  return undefined;
}

/** [line, col] of the node at a JSON path (e.g. ['examples', 'flag', 2]); falls back upward. */
export function positionOf(src: YamlSource, path: ReadonlyArray<string | number>, preferKey = false): [number, number] {
  for (let n = path.length; n >= 0; n--) {
    const p = path.slice(0, n);
    const range = nodeRange(src, p, preferKey && n === path.length);
    if (range !== undefined) {
      const pos = src.lines.linePos(range);
      return [pos.line, pos.col];
    }
  }
  return [1, 1];
}

/** "file:line:col" of the node at a JSON path (e.g. ['examples', 'flag', 2]); falls back upward. */
export function whereIs(src: YamlSource, path: ReadonlyArray<string | number>, preferKey = false): string {
  const [line, col] = positionOf(src, path, preferKey);
  return `${src.file}:${line}:${col}`;
}

/**
 * "file:line:col" of the character at `offset` within a string value (a bad tag inside a
 * pattern, a lookahead inside a regex). Exact for one-line plain and quoted scalars whose text
 * holds no escapes; otherwise the start of the value.
 */
export function whereInString(src: YamlSource, path: ReadonlyArray<string | number>, offset: number): string {
  const node = src.doc.getIn(path as Array<string | number>, true) as
    { range?: [number, number, number]; type?: string; value?: unknown } | undefined;
  if (node && isScalar(node) && node.range && typeof node.value === 'string') {
    const quote = node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE' ? 1 : node.type === 'PLAIN' ? 0 : -1;
    if (quote >= 0) {
      const raw = src.text.slice(node.range[0] + quote, node.range[1] - quote);
      if (raw === node.value && !raw.includes('\n')) {
        const pos = src.lines.linePos(node.range[0] + quote + offset);
        return `${src.file}:${pos.line}:${pos.col}`;
      }
    }
  }
  return whereIs(src, path);
}

function nodeRange(src: YamlSource, path: ReadonlyArray<string | number>, key: boolean): number | undefined {
  if (key && path.length > 0) {
    const parent =
      path.length === 1 ? src.doc.contents : src.doc.getIn(path.slice(0, -1) as Array<string | number>, true);
    if (isMap(parent)) {
      const pair = parent.items.find((it) => isScalar(it.key) && it.key.value === path.at(-1));
      const k = pair?.key as { range?: [number, number, number] } | undefined;
      if (k?.range) return k.range[0];
    }
  }
  const node = path.length === 0 ? src.doc.contents : src.doc.getIn(path as Array<string | number>, true);
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range?.[0];
}

/** Line of each top-level key. */
export function topLevelKeyLines(src: YamlSource): Record<string, number> {
  const out: Record<string, number> = {};
  const root = src.doc.contents;
  if (!isMap(root)) return out;
  for (const it of root.items) {
    const k = it.key as { value?: unknown; range?: [number, number, number] };
    if (isScalar(it.key) && typeof k.value === 'string' && k.range) out[k.value] = src.lines.linePos(k.range[0]).line;
  }
  return out;
}
