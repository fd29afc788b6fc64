import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutPage, pdfAdapter, type PdfItem } from '../../src/inputs/formats/pdf.js';
import { PLACEHOLDER as P } from '../../src/inputs/positions/placeholder.js';
import type { InputDocument, Location, TextBlock } from '../../src/shared/types.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));
const parse = (bytes: Buffer): Promise<InputDocument> => pdfAdapter.parse({ filePath: 'proposal.pdf', bytes }, {});
const at = (b: TextBlock, word: string): Location => b.locate(b.text.indexOf(word));
const find = (doc: InputDocument, start: string): TextBlock => {
  const b = doc.blocks.find((x) => x.text.startsWith(start));
  if (!b) throw new Error(`no block starting "${start}": ${JSON.stringify(doc.blocks.map((x) => x.text))}`);
  return b;
};

describe('pdf adapter (fixtures/proposal.pdf, exported by LibreOffice)', () => {
  it('extracts paragraphs per page in reading order, joining wrapped lines', async () => {
    const doc = await parse(fixture('proposal.pdf'));
    expect(pdfAdapter.writable).toBe(false);
    expect(doc.format).toBe('pdf');
    const texts = doc.blocks.map((b) => b.text);
    expect(texts.slice(0, 6)).toEqual([
      'Rack Installation Proposal',
      `Prepared for ${P} by Northwind Rack Systems, 3 March 2025.`,
      'Summary',
      'Thank you for inviting us to quote for the Harbor Logistics data room. We guarantee 99.99% uptime for every rack we install. Installation will be completed by March 28.',
      'We typically deliver racks within 48 hours of the site survey, subject to site access.',
      'Scope of work',
    ]);
    expect(doc.blocks.map((b) => b.kind).slice(0, 9)).toEqual(['heading', 'paragraph', 'heading', 'paragraph', 'paragraph', 'heading', 'list-item', 'list-item', 'list-item']);
    expect(texts).toContain('Supply and install twelve 42U racks with cable management.');
    // Table cells on one baseline are separate blocks; a wrapped cell stays one block.
    expect(texts).toContain('Fixed price, the lowest in the region, guaranteed.');
    expect(texts).toContain('Quoted separately; usually 8% of the install price per year.');
  });

  it('locates by page, line on the page and column', async () => {
    const doc = await parse(fixture('proposal.pdf'));
    const summary = find(doc, 'Thank you');
    expect(at(summary, 'Thank')).toEqual({ page: 1, line: 4, column: 1 });
    expect(at(summary, 'guarantee')).toEqual({ page: 1, line: 4, column: 75 });
    expect(at(summary, '99.99%')).toEqual({ page: 1, line: 5, column: 1 });
    expect(at(summary, 'Installation')).toEqual({ page: 1, line: 5, column: 42 });
    expect(at(find(doc, 'Our team'), 'always')).toEqual({ page: 1, line: 9, column: 12 });
    expect(at(find(doc, 'Fixed price'), 'guaranteed')).toEqual({ page: 1, line: 13, column: 58 });
    expect(at(find(doc, 'Warranty'), 'respond')).toEqual({ page: 2, line: 5, column: 61 });
  });

  it('splits lines into table-cell segments at wide gaps and drops spacer widths', () => {
    const items: PdfItem[] = [
      { str: 'Plan', x: 50, y: 700, width: 30, size: 12 },
      { str: ' ', x: 80, y: 700, width: 100, size: 12 },
      { str: 'Always on', x: 180, y: 700, width: 60, size: 12 },
      { str: 'next', x: 50, y: 686, width: 30, size: 12 },
    ];
    const { pageText, lines } = layoutPage(items);
    expect(pageText).toBe('Plan Always on\nnext\n');
    expect(lines.map((l) => l.map((s) => s.text))).toEqual([['Plan', 'Always on'], ['next']]);
  });

  it('gives one-line errors for files that are not PDFs', async () => {
    await expect(parse(fixture('proposal.docx'))).rejects.toThrow('not a PDF (this is a zip archive (e.g. .docx, .xlsx))');
    await expect(parse(Buffer.from('hello'))).rejects.toThrow('not a PDF (no %PDF header)');
    await expect(parse(Buffer.from('%PDF-1.7\nthis is not really a pdf\n'))).rejects.toThrow(/^not a valid PDF \(|^the PDF has no/);
  });
});
