import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxAdapter } from '../../src/inputs/formats/docx.js';
import { PLACEHOLDER as P } from '../../src/inputs/positions/placeholder.js';
import { InputError } from '../../src/shared/errors.js';
import type { InputDocument, Location, TextBlock } from '../../src/shared/types.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));
const parse = (bytes: Buffer | Uint8Array): Promise<InputDocument> => docxAdapter.parse({ filePath: 'proposal.docx', bytes: Buffer.from(bytes) }, {});
const at = (b: TextBlock, word: string): Location => b.locate(b.text.indexOf(word));

/** A minimal .docx around a document.xml body. */
async function docx(body: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('docx adapter (fixtures/proposal.docx, made with LibreOffice)', () => {
  it('extracts paragraphs, headings, list items and table cells', async () => {
    const doc = await parse(fixture('proposal.docx'));
    expect(docxAdapter.writable).toBe(false);
    expect(doc.format).toBe('docx');
    expect(doc.blocks.slice(0, 16).map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Rack Installation Proposal'],
      ['paragraph', `Prepared for ${P} by Northwind Rack Systems, 3 March 2025.`],
      ['heading', 'Summary'],
      ['paragraph', 'Thank you for inviting us to quote for the Harbor Logistics data room. We guarantee 99.99% uptime for every rack we install. Installation will be completed by March 28.'],
      ['paragraph', 'We typically deliver racks within 48 hours of the site survey, subject to site access.'],
      ['heading', 'Scope of work'],
      ['list-item', 'Supply and install twelve 42U racks with cable management.'],
      ['list-item', 'Our team always responds within 15 minutes during the install window.'],
      ['list-item', 'Our target response time after handover is four business hours.'],
      ['heading', 'Pricing'],
      ['table-cell', 'Item'],
      ['table-cell', 'Terms'],
      ['table-cell', 'Racks and install'],
      ['table-cell', 'Fixed price, the lowest in the region, guaranteed.'],
      ['table-cell', 'Support'],
      ['table-cell', 'Quoted separately; usually 8% of the install price per year.'],
    ]);
  });

  it('does not lint tracked deletions or comments, but lints tracked insertions', async () => {
    const text = (await parse(fixture('proposal.docx'))).blocks.map((b) => b.text).join('\n');
    expect(text).not.toContain('deliver overnight'); // w:del
    expect(text).not.toContain('Legal says'); // comment
    expect(text).toContain('subject to site access'); // w:ins
  });

  it('locates by paragraph number and column', async () => {
    const doc = await parse(fixture('proposal.docx'));
    const summary = doc.blocks.find((b) => b.text.startsWith('Thank you'))!;
    expect(at(summary, 'guarantee')).toEqual({ line: 4, column: 75, paragraph: 4 });
    expect(at(summary, 'Installation')).toEqual({ line: 4, column: 126, paragraph: 4 });
    const cell = doc.blocks.find((b) => b.text.startsWith('Fixed price'))!;
    expect(at(cell, 'guaranteed')).toEqual({ line: 14, column: 40, paragraph: 14 });
    // Columns count what Word shows: the deleted sentence before "We typically" takes no room.
    expect(at(doc.blocks.find((b) => b.text.startsWith('We typically'))!, 'typically')).toEqual({ line: 5, column: 4, paragraph: 5 });
    const terms = doc.blocks.find((b) => b.text.startsWith('Warranty'))!;
    expect(at(terms, 'respond')).toEqual({ line: 22, column: 61, paragraph: 22 });
  });

  it('counts empty paragraphs, tabs and breaks; skips field codes', async () => {
    const doc = await parse(
      await docx(
        '<w:p/><w:p><w:r><w:t>Call</w:t><w:tab/><w:t>us</w:t><w:br/><w:t xml:space="preserve">any time </w:t></w:r>' +
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD always </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
          '<w:r><w:t>«Name»</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p>' +
          '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>We deliver &amp; install.</w:t></w:r></w:p>',
      ),
    );
    expect(doc.blocks.map((b) => b.text)).toEqual([`Call us any time ${P}.`, 'We deliver & install.']);
    expect(at(doc.blocks[0]!, 'any')).toEqual({ line: 2, column: 9, paragraph: 2 });
    expect(at(doc.blocks[1]!, 'install')).toEqual({ line: 3, column: 14, paragraph: 3 });
  });

  it('gives one-line errors for files that are not .docx', async () => {
    await expect(parse(fixture('proposal.pdf'))).rejects.toThrow(new InputError('not a valid .docx (this is a PDF file)'));
    await expect(parse(Buffer.from('plain words'))).rejects.toThrow('not a valid .docx (not a zip archive)');
    const zip = fixture('proposal.docx');
    await expect(parse(zip.subarray(0, 2000))).rejects.toThrow('not a valid .docx (zip could not be read)');
    const other = await new JSZip().file('hello.txt', 'hi').generateAsync({ type: 'nodebuffer' });
    await expect(parse(other)).rejects.toThrow('not a valid .docx (no word/document.xml in the zip)');
  });
});
