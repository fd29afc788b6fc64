// CSV quotes: only the free-text columns are prose (descriptions, notes, terms…), chosen by header
// name patterns; each non-empty cell is one block. Positions are exact in the file (quoted and
// multi-line cells included) and carry `row` (1-based, the header is row 1) and `field`.
// Not writable: an edit may need the cell re-quoted.
import { InputError } from '../../shared/errors.js';
import { compileSafeRegex } from '../../rules/regex-safety.js';
import type {
  AdapterOptions,
  InputAdapter,
  InputDocument,
  InputFile,
  Location,
  TextBlock,
} from '../../shared/types.js';
import { BlockBuilder, type BuildOptions } from '../positions/block-builder.js';
import { LineIndex } from '../positions/line-index.js';
import { decodeText } from '../source-text.js';
import { opaqueMatcher } from '../prose/templates.js';

/** Default header patterns of free-text columns (case-insensitive globs). */
export const DEFAULT_CSV_COLUMNS = [
  '*description*',
  '*desc',
  '*notes*',
  '*note',
  '*terms*',
  '*conditions*',
  '*comment*',
  '*details*',
  'scope*',
  '*summary*',
  '*message*',
  '*remark*',
  '*narrative*',
  '*explanation*',
];

/**
 * "/regex/" is a case-insensitive regular expression; anything else a glob (* and ?), whole name.
 * Both run on RE2 (compileSafeRegex): a configured column pattern cannot backtrack.
 */
export function columnMatcher(patterns: readonly string[]): (header: string) => boolean {
  const res = patterns.map((p) => {
    const m = /^\/(.+)\/$/.exec(p);
    if (m) return compileSafeRegex(m[1]!, 'i', `csvColumns "${p}"`);
    const glob = p
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*+/g, '.*')
      .replace(/\?/g, '.');
    return compileSafeRegex(`^${glob}$`, 'i', `csvColumns "${p}"`);
  });
  return (header) => res.some((re) => re.test(header.trim()));
}

/** The delimiter used in the first line (outside quotes): comma, semicolon, tab or pipe. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
    ['|', 0],
  ]);
  let quoted = false;
  for (const c of text.slice(0, 4096)) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/**
 * Offsets in `raw` of every character of each field value, found by walking the raw record with
 * the values csv-parse produced (quoted fields: the doubled "" maps to its first quote).
 */
export function fieldOffsets(raw: string, values: string[], delimiter: string): (number[] | undefined)[] {
  const out: (number[] | undefined)[] = [];
  let p = 0;
  for (const v of values) {
    const offsets: number[] = [];
    if (raw[p] === '"') {
      let q = p + 1;
      for (const c of v) {
        if (c === '"' && raw[q] === '"' && raw[q + 1] === '"') {
          offsets.push(q);
          q += 2;
        } else if (raw[q] === c) offsets.push(q++);
        else return [...out, undefined];
      }
      p = raw.indexOf(delimiter, q + 1);
    } else {
      if (raw.slice(p, p + v.length) !== v) return [...out, undefined];
      for (let i = 0; i < v.length; i++) offsets.push(p + i);
      p += v.length;
      p = raw.indexOf(delimiter, p);
    }
    out.push(offsets);
    if (p < 0) break;
    p += delimiter.length;
  }
  return out;
}

export const csvAdapter: InputAdapter = {
  name: 'csv',
  extensions: ['.csv'],
  writable: false,
  async parse(file: InputFile, options: AdapterOptions): Promise<InputDocument> {
    const source = decodeText(file.bytes);
    const text = source.text;
    const lines = new LineIndex(text);
    const delimiter = detectDelimiter(text);
    const { parse } = await import('csv-parse/sync');
    let records: { record: string[]; raw: string }[];
    try {
      records = parse(text, {
        delimiter,
        info: true,
        raw: true,
        relax_column_count: true,
        skip_empty_lines: true,
      }) as typeof records;
    } catch (e) {
      throw new InputError(`not a valid CSV (${(e as Error).message.split('\n')[0]})`);
    }
    const doc: InputDocument = { filePath: file.filePath, format: 'csv', blocks: [] };
    const header = records[0]?.record ?? [];
    const patterns = options.csvColumns ?? DEFAULT_CSV_COLUMNS;
    const isText = columnMatcher(patterns);
    const columns = header.map((h, i) => (isText(h) ? i : -1)).filter((i) => i >= 0);
    if (records.length > 0 && columns.length === 0) {
      doc.notices = [`no free-text columns: no header matches ${patterns.join(', ')} (set csvColumns)`];
    }
    const build: BuildOptions = { opaque: opaqueMatcher(options), writable: false };
    let cursor = 0;
    for (const [r, { record, raw }] of records.entries()) {
      const at = text.indexOf(raw, cursor);
      if (at < 0) continue; // cannot happen with csv-parse's raw; skip rather than guess
      cursor = at + raw.length;
      if (r === 0) continue;
      const offsets = fieldOffsets(raw, record, delimiter);
      for (const c of columns) {
        const value = record[c];
        const map = offsets[c];
        if (!value || !map) continue;
        const block = cellBlock(value, map, at, r + 1, header[c]!, lines, build);
        if (block) doc.blocks.push(block);
      }
    }
    return doc;
  },
};

function cellBlock(
  value: string,
  offsets: number[],
  at: number,
  row: number,
  field: string,
  lines: LineIndex,
  build: BuildOptions,
): TextBlock | undefined {
  const b = new BlockBuilder();
  // Characters go in as runs of consecutive offsets (one push per run, not per character: a
  // string built one character at a time from a huge cell took thirty bytes per character).
  let from = -1; // index in value where the pending run starts (-1: none)
  let start = 0; // its offset in the record
  let lastSpace = false; // whether the pending run ends in whitespace
  const flush = (to: number): void => {
    if (from >= 0) b.push(value.slice(from, to), start + at);
    from = -1;
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\r' || c === '\n') {
      flush(i);
      b.gap(); // a line break inside a cell joins like a wrapped line
      continue;
    }
    const space = /\s/.test(c);
    if (space && (from >= 0 ? lastSpace : b.endsWithSpace())) {
      flush(i);
      continue;
    }
    lastSpace = space;
    if (from >= 0 && offsets[i] === start + (i - from)) continue;
    flush(i);
    from = i;
    start = offsets[i]!;
  }
  flush(value.length);
  const locator = {
    locate: (o: number): Location => {
      const { line, column } = lines.locate(o);
      return { line, column, row, field };
    },
  };
  return b.build('cell', locator, build);
}
