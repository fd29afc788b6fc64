import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { columnMatcher, csvAdapter, fieldOffsets } from '../../src/inputs/formats/csv.js';
import { PLACEHOLDER as P } from '../../src/inputs/positions/placeholder.js';
import type { AdapterOptions, InputDocument, Location, TextBlock } from '../../src/shared/types.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));
const parse = (bytes: Buffer | string, options: AdapterOptions = {}): Promise<InputDocument> =>
  csvAdapter.parse({ filePath: 'quote.csv', bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes) }, options);
const at = (b: TextBlock, word: string): Location => b.locate(b.text.indexOf(word));

describe('csv adapter (fixtures/quote.csv)', () => {
  it('lints only the free-text columns, one block per cell', async () => {
    const doc = await parse(fixture('quote.csv'));
    expect(csvAdapter.writable).toBe(false);
    expect(doc.blocks.every((b) => b.kind === 'cell')).toBe(true);
    expect(doc.blocks.map((b) => [b.locate(0).row, b.locate(0).field, b.text])).toEqual([
      [2, 'Description', 'Steel 42U rack with "tool-free" rails. Guaranteed to fit every server on the market.'],
      [2, 'Delivery Notes', 'We typically deliver within 48 hours of the site survey.'],
      [2, 'Terms', 'Net 30'],
      [3, 'Description', 'Factory-tested Cat6A cable.'],
      [3, 'Delivery Notes', 'Ships with the racks. We always deliver overnight, no matter where the site is.'],
      [3, 'Terms', 'Net 30'],
      [4, 'Description', `Installation by our certified crew for ${P}; the best installers in the country.`],
      [4, 'Delivery Notes', 'Install dates are confirmed after the survey.'],
      [4, 'Terms', '50% on order, 50% on completion. Prices are locked forever.'],
      [5, 'Description', 'Business-hours support with a four-hour response target.'],
      [5, 'Terms', 'Renews yearly unless cancelled'],
    ]);
  });

  it('maps cells to exact line/column, through quotes, "" escapes and line breaks', async () => {
    const doc = await parse(fixture('quote.csv'));
    const rack = doc.blocks[0]!;
    expect(at(rack, 'rails')).toEqual({ line: 2, column: 86, row: 2, field: 'Description' });
    expect(at(rack, 'Guaranteed')).toEqual({ line: 2, column: 93, row: 2, field: 'Description' });
    const overnight = doc.blocks[4]!;
    expect(at(overnight, 'Ships')).toEqual({ line: 3, column: 84, row: 3, field: 'Delivery Notes' });
    expect(at(overnight, 'always')).toEqual({ line: 4, column: 4, row: 3, field: 'Delivery Notes' });
    const terms = doc.blocks[8]!;
    expect(at(terms, 'forever')).toEqual({ line: 5, column: 251, row: 4, field: 'Terms' });
  });

  it('takes column patterns from options: globs and /regex/', async () => {
    const doc = await parse(fixture('quote.csv'), { csvColumns: ['item', '/^deliv/'] });
    expect(doc.blocks.map((b) => b.locate(0).field)).toEqual(['Item', 'Delivery Notes', 'Item', 'Delivery Notes', 'Item', 'Delivery Notes', 'Item']);
    expect(columnMatcher(['*notes*'])('Delivery Notes')).toBe(true);
    expect(columnMatcher(['notes'])('Delivery Notes')).toBe(false);
  });

  it('detects ; delimiters, keeps BOM positions, and notes when no column matches', async () => {
    const doc = await parse('\ufeffSKU;Notes\nA1;We guarantee it\n');
    expect(at(doc.blocks[0]!, 'guarantee')).toEqual({ line: 2, column: 7, row: 2, field: 'Notes' });
    const none = await parse('SKU,Price\nA1,3\n');
    expect(none.blocks).toEqual([]);
    expect(none.notices?.[0]).toMatch(/^no free-text columns/);
  });

  it('finds field offsets in a raw record', () => {
    expect(fieldOffsets('a,"b ""c""",d', ['a', 'b "c"', 'd'], ',')).toEqual([[0], [3, 4, 5, 7, 8], [12]]);
  });

  it('gives a one-line error for broken CSV and binary content', async () => {
    await expect(parse('Notes\n"unclosed quote\n')).rejects.toThrow(/^not a valid CSV \(/);
    await expect(parse(Buffer.from([0x50, 0x4b, 3, 4, 0, 0]))).rejects.toThrow('binary file, not text (this is a zip archive (e.g. .docx, .xlsx))');
  });
});
