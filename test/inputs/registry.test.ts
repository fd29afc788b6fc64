import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adapterForFile, adapterNameFor, DEFAULT_EXTENSIONS, loadAdapter } from '../../src/inputs/registry.js';
import { InputError } from '../../src/shared/errors.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));

describe('adapter registry', () => {
  it('lints every supported format by default', () => {
    expect(DEFAULT_EXTENSIONS).toEqual(['.txt', '.md', '.markdown', '.eml', '.mbox', '.html', '.htm', '.docx', '.pdf', '.csv']);
  });

  it('maps extensions to adapters, case-insensitively', async () => {
    const names = ['a.txt', 'a.md', 'a.MARKDOWN', 'a.eml', 'a.mbox', 'a.html', 'a.HTM', 'a.docx', 'a.pdf', 'a.csv', 'a.unknown'].map(adapterNameFor);
    expect(names).toEqual(['text', 'markdown', 'markdown', 'email', 'mbox', 'html', 'html', 'docx', 'pdf', 'csv', 'text']);
    for (const name of new Set(names)) {
      const adapter = await loadAdapter(name);
      expect(adapter.name).toBe(name);
      expect(adapter.extensions.length).toBeGreaterThan(0);
    }
    expect((await adapterForFile('x.DOCX')).name).toBe('docx');
  });

  it('declares which formats --fix can write', async () => {
    const writable = Object.fromEntries(
      await Promise.all(['text', 'markdown', 'email', 'mbox', 'html', 'docx', 'pdf', 'csv'].map(async (n) => [n, (await loadAdapter(n)).writable])),
    );
    expect(writable).toEqual({ text: true, markdown: true, email: false, mbox: false, html: false, docx: false, pdf: false, csv: false });
  });

  // Content that does not match the extension: a one-line InputError naming what the file is.
  const cases: [string, string, string][] = [
    ['renamed.docx', 'proposal.pdf', 'not a valid .docx (this is a PDF file)'],
    ['renamed.pdf', 'proposal.docx', 'not a PDF (this is a zip archive (e.g. .docx, .xlsx))'],
    ['renamed.txt', 'proposal.pdf', 'binary file, not text (this is a PDF file)'],
    ['renamed.md', 'proposal.docx', 'binary file, not text (this is a zip archive (e.g. .docx, .xlsx))'],
    ['renamed.html', 'proposal.pdf', 'binary file, not text (this is a PDF file)'],
    ['renamed.csv', 'proposal.docx', 'binary file, not text (this is a zip archive (e.g. .docx, .xlsx))'],
    ['renamed.eml', 'proposal.pdf', 'not an email (this is a PDF file)'],
    ['renamed.mbox', 'proposal.docx', 'not an mbox file (this is a zip archive (e.g. .docx, .xlsx))'],
    ['renamed.docx', 'quote.csv', 'not a valid .docx (not a zip archive)'],
    ['renamed.pdf', 'quote.csv', 'not a PDF (no %PDF header)'],
  ];
  it.each(cases)('%s holding %s fails with a clear one-line error', async (name, content, message) => {
    const adapter = await adapterForFile(name);
    const err = await adapter.parse({ filePath: name, bytes: fixture(content) }, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe(message);
    expect((err as Error).message).not.toContain('\n');
  });

  it('refuses binary and UTF-16 text in .txt', async () => {
    const text = await loadAdapter('text');
    await expect(text.parse({ filePath: 'a.txt', bytes: Buffer.from([1, 2, 0, 4]) }, {})).rejects.toThrow('binary file, not text');
    await expect(text.parse({ filePath: 'a.txt', bytes: Buffer.from('\ufeffhi', 'utf16le') }, {})).rejects.toThrow(/UTF-16 text, save it as UTF-8/);
  });
});
