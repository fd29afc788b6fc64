import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emailAdapter } from '../../src/inputs/formats/email.js';
import { mboxAdapter } from '../../src/inputs/formats/mbox.js';
import { PLACEHOLDER as P } from '../../src/inputs/positions/placeholder.js';
import { InputError } from '../../src/shared/errors.js';
import type { AdapterOptions, InputDocument, Location, TextBlock } from '../../src/shared/types.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));
const parse = (bytes: Buffer | string, options: AdapterOptions = {}): Promise<InputDocument> =>
  emailAdapter.parse({ filePath: 'mail.eml', bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes) }, options);

function find(doc: InputDocument, needle: string): TextBlock {
  const b = doc.blocks.find((x) => x.text.includes(needle));
  if (!b) throw new Error(`no block with "${needle}": ${JSON.stringify(doc.blocks.map((x) => x.text))}`);
  return b;
}
const at = (b: TextBlock, word: string): Location => b.locate(b.text.indexOf(word));
const allText = (doc: InputDocument): string => doc.blocks.map((b) => b.text).join('\n');

describe('email adapter: multipart reply (fixtures/email-reply.eml)', () => {
  it('lints the subject and the new text, not the quote, signature or disclaimer', async () => {
    const doc = await parse(fixture('email-reply.eml'));
    expect(emailAdapter.writable).toBe(false);
    expect(doc.format).toBe('email');
    expect(doc.source).toBeUndefined();
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['subject', 'Re: Rack installation - we guarantee a Friday finish'],
      ['paragraph', 'Hi Dana,'],
      [
        'paragraph',
        'Thanks for the quick turnaround on the floor plan. We will have the racks installed by Friday, and our crew always cleans up the same day.',
      ],
      [
        'paragraph',
        `We typically deliver cabling within 48 hours of the site survey, so the survey is the next thing to book. I’ve attached the revised quote for ${P}.`,
      ],
    ]);
    expect(allText(doc)).not.toMatch(/100% uptime|deliver overnight|Senior Account|confidential/);
  });

  it('gives the subject exact file positions and the quoted-printable body decoded ones', async () => {
    const doc = await parse(fixture('email-reply.eml'));
    expect(at(doc.blocks[0]!, 'guarantee')).toEqual({ line: 3, column: 37 });
    const body = find(doc, 'racks installed');
    expect(at(body, 'Friday')).toEqual({ line: 3, column: 88, part: '1 text/plain', decoded: true });
    expect(doc.notices).toEqual([
      'positions in part 1 text/plain are line/column in its decoded text (quoted-printable)',
    ]);
  });

  it('includeQuoted brings back the quote, signature and disclaimer', async () => {
    const text = allText(await parse(fixture('email-reply.eml'), { includeQuoted: true }));
    expect(text).toContain('We guarantee 100% uptime');
    expect(text).toContain('Senior Account Executive');
    expect(text).toContain('confidential');
  });

  it('falls back to the HTML part when there is no text/plain alternative', async () => {
    const raw = fixture('email-reply.eml').toString('latin1');
    const htmlOnly = raw.replace(
      /--000000000000a1b2c3d4e5f60718\r\nContent-Type: text\/plain[\s\S]*?(?=--000000000000a1b2c3d4e5f60718\r\nContent-Type: text\/html)/,
      '',
    );
    const doc = await parse(Buffer.from(htmlOnly, 'latin1'));
    expect(doc.blocks.map((b) => b.text)).toEqual([
      'Re: Rack installation - we guarantee a Friday finish',
      'Hi Dana,',
      'Thanks for the quick turnaround on the floor plan. We will have the racks installed by Friday, and our crew always cleans up the same day.',
      `We typically deliver cabling within 48 hours of the site survey, so the survey is the next thing to book. I’ve attached the revised quote for ${P}.`,
    ]);
    expect(at(doc.blocks[2]!, 'always')).toEqual({ part: '1 text/html', decoded: true, line: 3, column: 115 });
  });
});

describe('email adapter: HTML email (fixtures/email-html.eml)', () => {
  it('reads the 8bit HTML body with exact file positions and no Outlook quote', async () => {
    const doc = await parse(fixture('email-html.eml'));
    expect(doc.notices).toBeUndefined();
    expect(doc.blocks.map((b) => b.kind)).toEqual([
      'subject',
      'paragraph',
      'paragraph',
      'paragraph',
      'list-item',
      'list-item',
    ]);
    const text = allText(doc);
    expect(text).not.toMatch(/Guaranteed lowest price|zero downtime|Best regards|Priya Natarajan|Quote BP-2291\n/);
    const install = find(doc, 'single weekend');
    expect(at(install, 'finish')).toEqual({ line: 16, column: 1 });
    expect(at(install, 'Monday')).toEqual({ line: 16, column: 44 });
    expect(install.text).toContain('Monday’s meetings'); // &rsquo; decoded
    expect(at(find(doc, 'calibrated'), 'typically')).toEqual({ line: 17, column: 23 });
    expect(at(find(doc, 'displays'), '75"')).toEqual({ line: 20, column: 11 });
  });

  it('includeQuoted keeps the quoted Outlook message', async () => {
    const doc = await parse(fixture('email-html.eml'), { includeQuoted: true });
    expect(allText(doc)).toContain('promised zero downtime');
  });
});

describe('email adapter: plain 7bit bodies have exact file positions', () => {
  const mail = [
    'From: Marco <marco@example.com>', // 1
    'To: Dana <dana@example.org>', // 2
    'Subject: Racks', // 3
    '', // 4
    'Dana, we will have the racks', // 5
    'installed by Friday.', // 6
    '', // 7
    '> We guarantee 100% uptime.', // 8
    '',
  ].join('\r\n');

  it('maps to the raw file, CRLF included', async () => {
    const doc = await parse(mail);
    expect(doc.notices).toBeUndefined();
    expect(doc.blocks.map((b) => b.text)).toEqual(['Racks', 'Dana, we will have the racks installed by Friday.']);
    const b = doc.blocks[1]!;
    expect(at(b, 'racks')).toEqual({ line: 5, column: 24 });
    expect(at(b, 'Friday')).toEqual({ line: 6, column: 14 });
    expect(b.locate(b.text.length)).toEqual({ line: 6, column: 21 });
  });

  it('decodes base64 and encoded-word subjects, and says positions are decoded', async () => {
    const body = Buffer.from('We always deliver overnight.\n\n-- \nMarco\n').toString('base64');
    const doc = await parse(
      `From: a@b.c\r\nSubject: =?UTF-8?B?${Buffer.from('Délai garanti').toString('base64')}?=\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${body}\r\n`,
    );
    expect(doc.blocks.map((b) => b.text)).toEqual(['Délai garanti', 'We always deliver overnight.']);
    expect(at(doc.blocks[0]!, 'garanti')).toEqual({ line: 2, column: 7, part: 'Subject', decoded: true });
    expect(at(doc.blocks[1]!, 'always')).toEqual({ line: 1, column: 4, part: '1 text/plain', decoded: true });
    expect(doc.notices).toHaveLength(2);
  });

  it('skips attachments and attached (forwarded) messages', async () => {
    const doc = await parse(
      [
        'From: a@b.c',
        'Subject: Files',
        'Content-Type: multipart/mixed; boundary=B',
        '',
        '--B',
        'Content-Type: text/plain',
        '',
        'Quote attached.',
        '',
        '--B',
        'Content-Type: text/plain; name=terms.txt',
        'Content-Disposition: attachment; filename=terms.txt',
        '',
        'We guarantee everything.',
        '',
        '--B',
        'Content-Type: message/rfc822',
        '',
        'From: x@y.z',
        'Subject: old',
        '',
        'We always deliver overnight.',
        '',
        '--B--',
        '',
      ].join('\r\n'),
    );
    expect(doc.blocks.map((b) => b.text)).toEqual(['Files', 'Quote attached.']);
  });

  it('refuses files that are not emails, with a one-line InputError', async () => {
    await expect(parse('Just some notes\nabout racks\n')).rejects.toThrow(InputError);
    await expect(parse('Just some notes\nabout racks\n')).rejects.toThrow(/^not an email/);
    await expect(parse(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0, 0, 1]))).rejects.toThrow(
      'not an email (this is a PDF file)',
    );
    await expect(parse(Buffer.from([0x46, 0x72, 0x6f, 0x6d, 0x3a, 0x20, 0, 0, 1]))).rejects.toThrow(
      'not an email (binary content)',
    );
  });

  it('tolerates a stray line before the headers', async () => {
    const doc = await parse('saved by tool v1\nFrom: a@b.c\nSubject: Hello there\n\nWe ship Friday.\n');
    expect(doc.blocks.map((b) => b.text)).toEqual(['Hello there', 'We ship Friday.']);
    expect(at(doc.blocks[1]!, 'Friday')).toEqual({ line: 5, column: 9 });
  });
});

describe('mbox adapter (fixtures/followups.mbox)', () => {
  it('reads every message with positions in the whole file', async () => {
    const doc = await mboxAdapter.parse({ filePath: 'followups.mbox', bytes: fixture('followups.mbox') }, {});
    expect(doc.format).toBe('mbox');
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['subject', 'Following up on the rack quote'],
      ['paragraph', 'Hi Dana,'],
      [
        'paragraph',
        'Just checking in on quote Q-2025-0318. We can hold the install slot until Friday, and we guarantee the price until the end of the month.',
      ],
      ['subject', 'Re: Site survey'],
      ['paragraph', 'Dana, the survey is booked for Tuesday. We usually need about two hours on site.'],
    ]);
    expect(at(doc.blocks[2]!, 'guarantee')).toEqual({ line: 14, column: 22 });
    expect(at(doc.blocks[3]!, 'Site')).toEqual({ line: 22, column: 14 });
    expect(at(doc.blocks[4]!, 'usually')).toEqual({ line: 29, column: 44 });
    expect(doc.notices).toBeUndefined();
  });

  it('keeps exact columns after multi-byte text in many earlier messages', async () => {
    // Each message carries accented and CJK text before its claim, so a character offset counted
    // from the wrong byte would shift the columns of every later message.
    const message = (i: number): string =>
      `From crew@example.com Mon Jan  1 00:00:00 2024\nFrom: crew@example.com\nSubject: Devis n° ${i}\n\n` +
      `Bonjour Zoë — 見積もり ${i}. Our crew always installs the racks.\n\n`;
    const count = 4_000;
    const text = Array.from({ length: count }, (_, i) => message(i)).join('');
    const doc = await mboxAdapter.parse({ filePath: 'many.mbox', bytes: Buffer.from(text, 'utf8') }, {});
    const bodies = doc.blocks.filter((b) => b.kind === 'paragraph');
    expect(bodies).toHaveLength(count);
    const lines = text.split('\n');
    for (const k of [0, 1, count / 2, count - 1]) {
      const { line, column } = at(bodies[k]!, 'always');
      expect(lines[line - 1]!.slice(column - 1, column - 1 + 'always'.length)).toBe('always');
      expect(line).toBe(k * 6 + 5);
    }
  });

  it('refuses a file without "From " separators', async () => {
    await expect(
      mboxAdapter.parse({ filePath: 'x.mbox', bytes: Buffer.from('Subject: hi\n\nbody\n') }, {}),
    ).rejects.toThrow(/not an mbox file/);
  });
});
