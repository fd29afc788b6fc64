// Parse a YAML file keeping positions, so that every error names the file, line and column.
import { LineCounter, parseDocument, isMap, isScalar, type Document } from 'yaml';
import { ConfigError } from '../errors.js';

export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  value: unknown;
}

export function parseYaml(text: string, file: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const pos = lines.linePos(err.pos[0]);
    const what = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError(`invalid YAML: ${what}`, `${file}:${pos.line}:${pos.col}`);
  }
  return { file, doc, lines, value: doc.toJS() };
}

/** "file:line:col" of the node at a JSON path (e.g. ['examples', 'flag', 2]); falls back upward. */
export function whereIs(src: YamlSource, path: Array<string | number>, preferKey = false): string {
  for (let n = path.length; n >= 0; n--) {
    const p = path.slice(0, n);
    const range = nodeRange(src, p, preferKey && n === path.length);
    if (range !== undefined) {
      const pos = src.lines.linePos(range);
      return `${src.file}:${pos.line}:${pos.col}`;
    }
  }
  return `${src.file}:1:1`;
}

function nodeRange(src: YamlSource, path: Array<string | number>, key: boolean): number | undefined {
  if (key && path.length > 0) {
    const parent = path.length === 1 ? src.doc.contents : src.doc.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((it) => isScalar(it.key) && it.key.value === path.at(-1));
      const k = pair?.key as { range?: [number, number, number] } | undefined;
      if (k?.range) return k.range[0];
    }
  }
  const node = path.length === 0 ? src.doc.contents : src.doc.getIn(path, true);
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
