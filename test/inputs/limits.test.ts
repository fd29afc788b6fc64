// Resource limits (issue 17, docs/configuration.md "Limits"): a file over a limit is skipped with
// one line and the run goes on; nesting past the Markdown limit hides nothing.
import { createDeflate, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/api.js';
import { docxAdapter, zipEntryCount } from '../../src/inputs/formats/docx.js';
import { checkPdfStreams } from '../../src/inputs/formats/pdf.js';
import { LIMITS, LimitError } from '../../src/inputs/limits.js';
import { InputError } from '../../src/shared/errors.js';
import { buildPdf, buildZip, docxXml } from '../fuzz/formats.js';

/** Deflate `total` bytes of `byte` in 1 MB steps (never holding the inflated data). */
async function deflateMany(total: number, byte: number, raw: boolean): Promise<Buffer> {
  const z = raw ? createDeflateRaw({ level: 9 }) : createDeflate({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((r) => z.on('end', r));
  const chunk = Buffer.alloc(1 << 20, byte);
  for (let n = 0; n < total; n += chunk.length) if (!z.write(chunk)) await new Promise((r) => z.once('drain', r));
  z.end();
  await done;
  return Buffer.concat(out);
}

const rssMb = (): number => process.memoryUsage().rss / 2 ** 20;

describe('docx limits', () => {
  it('a document.xml that inflates past the limit is skipped in one line, without inflating it', async () => {
    const packed = await deflateMany(LIMITS.zipInflated + (8 << 20), 0x20, true);
    const zip = buildZip({ 'word/document.xml': packed }, { prePacked: true, declaredSize: 1000 });
    const before = rssMb();
    const r = await lintText(zip, { filePath: 'bomb.docx' });
    expect(r.fatal).toBe('inflates to more than 200 MB');
    expect(rssMb() - before).toBeLessThan(400);
  }, 60_000);

  it('an honest size header over the limit is refused before inflating', async () => {
    const packed = await deflateMany(LIMITS.zipInflated + (1 << 20), 0x20, true);
    const zip = buildZip({ 'word/document.xml': packed }, { prePacked: true });
    await expect(docxAdapter.parse({ filePath: 'x.docx', bytes: zip }, {})).rejects.toThrow(LimitError);
  }, 60_000);

  it('a zip of too many entries is refused from its directory record', async () => {
    const files: Record<string, string> = { 'word/document.xml': docxXml(['We always ship on time.']) };
    for (let i = 0; i < LIMITS.zipEntries + 1; i++) files[`junk/${i}.txt`] = '';
    const zip = buildZip(files);
    expect(zipEntryCount(zip)).toBe(LIMITS.zipEntries + 2);
    const r = await lintText(zip, { filePath: 'many.docx' });
    expect(r.fatal).toBe(`a zip of more than ${LIMITS.zipEntries} entries`);
  });

  it('100,000 unclosed paragraphs (elements nested that deep) are skipped quickly', async () => {
    const xml = `<?xml version="1.0"?><w:document xmlns:w="w"><w:body>${'<w:p>'.repeat(100_000)}</w:body></w:document>`;
    const t = performance.now();
    const r = await lintText(buildZip({ 'word/document.xml': xml }), { filePath: 'deep.docx' });
    expect(r.fatal).toBe(`elements nested more than ${LIMITS.elementDepth} deep`);
    expect(performance.now() - t).toBeLessThan(5_000);
  });

  it('a normal document still reads', async () => {
    const zip = buildZip({ 'word/document.xml': docxXml(['Intro.', 'We always ship on time.']) });
    const r = await lintText(zip, { filePath: 'ok.docx' });
    expect(r.fatal).toBeUndefined();
    expect(r.findings.map((f) => [f.start.line, f.ruleId])).toEqual([[2, 'absolute-always-never']]);
  });
});

describe('pdf limits', () => {
  it('a flate bomb is refused before pdf.js inflates it', async () => {
    const bomb = await deflateMany(LIMITS.pdfInflated + (8 << 20), 0x20, false);
    const pdf = buildPdf([['We always ship on time.']], { extraStream: bomb });
    expect(() => checkPdfStreams(pdf)).toThrow('a PDF whose streams inflate to more than 200 MB');
    const t = performance.now();
    const r = await lintText(pdf, { filePath: 'bomb.pdf' });
    expect(r.fatal).toBe('a PDF whose streams inflate to more than 200 MB');
    expect(performance.now() - t).toBeLessThan(10_000);
  }, 60_000);

  it('a small compressed stream passes, and the text is linted', async () => {
    const packed = await deflateMany(1 << 20, 0x20, false);
    const pdf = buildPdf([['We always ship on time.']], { extraStream: packed });
    expect(() => checkPdfStreams(pdf)).not.toThrow();
    const r = await lintText(pdf, { filePath: 'ok.pdf' });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['absolute-always-never']);
  });

  it('truncated and damaged PDFs give one line each, never a rejection nobody handles', async () => {
    const pdf = buildPdf([['We always ship on time.', 'Our crew never misses a deadline.'], ['Page two.']]);
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown): void => void unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      for (const cut of [0.2, 0.4, 0.6, 0.8, 0.95]) {
        const r = await lintText(pdf.subarray(0, Math.floor(pdf.length * cut)), { filePath: 'cut.pdf' });
        if (r.fatal !== undefined) expect(r.fatal).not.toContain('\n');
      }
      // A page object cut inside its dictionary, with the rest of the file intact.
      const text = pdf.toString('latin1');
      const at = text.indexOf('/Type /Page ');
      const broken = Buffer.from(text.slice(0, at + 12) + text.slice(text.indexOf('>>', at) + 2), 'latin1');
      const r = await lintText(broken, { filePath: 'broken.pdf' });
      if (r.fatal !== undefined) expect(r.fatal).not.toContain('\n');
      await new Promise((res) => setTimeout(res, 50));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });
});

describe('nesting', () => {
  it('a Markdown list nested 10,000 deep hides nothing after it', async () => {
    const text = `Intro.\n\n${'- '.repeat(10_000)}deep item\n\nAfter the list, our crew always arrives on time.\n`;
    const r = await lintText(text, { filePath: 'deep.md' });
    expect(r.fatal).toBeUndefined();
    expect(r.findings.map((f) => [f.start.line, f.start.column, f.ruleId])).toEqual([[5, 26, 'absolute-always-never']]);
  });

  it('a Markdown quote nested 10,000 deep: its text is read, and what follows too', async () => {
    const text = `${'> '.repeat(10_000)}we always ship\n\nOur crew never misses a deadline.\n`;
    const r = await lintText(text, { filePath: 'deepq.md' });
    const found = r.findings.map((f) => [
      f.start.line,
      text.split('\n')[f.start.line - 1]!.slice(f.start.column - 1, f.end.column - 1),
    ]);
    expect(found).toEqual([
      [1, 'always'],
      [3, 'never'],
    ]);
  });

  it('an indented list 300 levels deep: the paragraph after it is linted', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- level ${i}`);
    const text = `${lines.join('\n')}\n\nWe always ship on time.\n`;
    const r = await lintText(text, { filePath: 'deep.md' });
    expect(r.findings.map((f) => f.start.line)).toEqual([302]);
  });

  it('HTML nested past the element limit is skipped in one line', async () => {
    const r = await lintText(`<p>We always ship.</p>${'<div>'.repeat(5_000)}x`, { filePath: 'deep.html' });
    expect(r.fatal).toBe(`elements nested more than ${LIMITS.elementDepth} deep`);
  });

  it('a LimitError is an InputError (one line, the run goes on)', () => {
    expect(new LimitError('x')).toBeInstanceOf(InputError);
    expect(deflateRawSync(Buffer.from('x')).length).toBeGreaterThan(0);
  });
});
