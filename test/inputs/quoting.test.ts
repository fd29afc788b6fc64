import { describe, expect, it } from 'vitest';
import { authoredLines, looksLikeEmail } from '../../src/inputs/prose/quoting.js';
import { textAdapter } from '../../src/inputs/formats/text.js';
import type { AdapterOptions, InputDocument } from '../../src/shared/types.js';

/** The lines kept by authoredLines, joined. */
function kept(body: string, includeQuoted = false): string {
  const lines = body.split('\n');
  const keep = authoredLines(lines, { includeQuoted });
  return lines.filter((_, i) => keep[i]).join('\n').trim();
}

const parseTxt = (text: string, options: AdapterOptions = {}): Promise<InputDocument> =>
  textAdapter.parse({ filePath: 'reply.txt', bytes: Buffer.from(text) }, options);

describe('quoted replies, signatures and disclaimers', () => {
  it('drops a Gmail-style reply below the new text', () => {
    const body = [
      'Hi Sam,',
      '',
      'We will have the racks installed by Friday.',
      '',
      'On Mon, 3 Mar 2025 at 09:12, Sam Lee <sam@example.org> wrote:',
      '> We guarantee 100% uptime, right?',
      '> Thanks',
    ].join('\n');
    expect(kept(body)).toBe('Hi Sam,\n\nWe will have the racks installed by Friday.');
    expect(kept(body, true)).toContain('We guarantee 100% uptime');
  });

  it('handles an attribution wrapped over two lines', () => {
    const body = 'Sounds good, we can start Monday.\n\nOn Mon, Mar 3, 2025 at 9:12 AM Sam Lee <\nsam@example.org> wrote:\n> can you always deliver overnight?';
    expect(kept(body)).toBe('Sounds good, we can start Monday.');
  });

  it('keeps answers interleaved with > quotes', () => {
    const body = 'On Monday, Sam wrote:\n> Can you install on Friday?\nYes, the crew is booked for Friday.\n> And the cabling?\nCabling follows the next week.';
    expect(kept(body)).toBe('Yes, the crew is booked for Friday.\nCabling follows the next week.');
  });

  it('drops an Outlook header block and everything below it', () => {
    const body = [
      'Dana, the revised quote is attached.',
      '',
      '________________________________',
      'From: Dana Whitfield <dana@example.org>',
      'Sent: Tuesday, March 4, 2025 9:12 AM',
      'To: Marco Ruiz',
      'Subject: Quote',
      '',
      'Your competitor promised zero downtime.',
    ].join('\n');
    expect(kept(body)).toBe('Dana, the revised quote is attached.');
    const noRule = body.replace('________________________________\n', '');
    expect(kept(noRule)).toBe('Dana, the revised quote is attached.');
  });

  it('drops -----Original Message----- and forwarded messages', () => {
    expect(kept('See below.\n-----Original Message-----\nFrom: x\nWe always deliver.')).toBe('See below.');
    expect(kept('FYI.\n\n---------- Forwarded message ---------\nFrom: Sales <s@x.com>\nWe guarantee it.')).toBe('FYI.');
    expect(kept('FYI.\n\nBegin forwarded message:\n\nWe guarantee it.')).toBe('FYI.');
  });

  it('drops signatures after "-- " and after a sign-off', () => {
    expect(kept('We can start Monday.\n\n-- \nMarco Ruiz\nAlways on time since 1998')).toBe('We can start Monday.');
    expect(kept('We can start Monday.\n\nBest regards,\nMarco Ruiz\nSenior Account Executive\n+1 555 0100')).toBe('We can start Monday.');
    expect(kept('We can start Monday.\n\nThanks!\nMarco')).toBe('We can start Monday.');
  });

  it('keeps text after a sign-off word that is not a signature', () => {
    const body = 'Thanks,\nwe reviewed the floor plan and the racks fit in the north room without any changes.';
    expect(kept(body)).toBe(body);
    expect(kept('Thanks!\nMarco\n\nP.S. We always answer within the hour.')).toBe('Thanks!\nMarco\n\nP.S. We always answer within the hour.');
  });

  it('drops legal disclaimers', () => {
    const body = [
      'The crew arrives at 8am.',
      '',
      'CONFIDENTIALITY NOTICE: This email and any attachments are confidential and intended solely for the',
      'addressee. We guarantee nothing.',
      '',
      'One more thing: parking is on level 2.',
    ].join('\n');
    expect(kept(body)).toBe('The crew arrives at 8am.\n\n\nOne more thing: parking is on level 2.');
  });

  it('recognises pasted emails', () => {
    expect(looksLikeEmail(['From: Marco <m@x.com>', 'To: Dana <d@x.com>', 'Subject: Racks', '', 'Hi'])).toBe(true);
    expect(looksLikeEmail(['Hi Dana,', '', 'The racks ship Friday.', '', 'Best regards,', 'Marco'])).toBe(true);
    expect(looksLikeEmail(['# Proposal', '', 'We ship Friday.', '', 'Regards from the whole team at the plant'])).toBe(false);
    expect(looksLikeEmail(['Hi there,', 'this is a plain note without any closing.'])).toBe(false);
  });
});

describe('plain-text emails in .txt', () => {
  const email = [
    'From: Marco Ruiz <marco@example.com>', // 1
    'To: Dana Whitfield <dana@example.org>', // 2
    'Subject: Re: racks', // 3
    '', // 4
    'Hi Dana,', // 5
    '', // 6
    'We will have the racks installed by Friday.', // 7
    '', // 8
    'Best regards,', // 9
    'Marco', // 10
    '', // 11
    'On Tue, Mar 4, 2025 at 9:12 AM Dana Whitfield <dana@example.org> wrote:', // 12
    '> We guarantee 100% uptime.', // 13
    '',
  ].join('\n');

  it('lints only the new text, with exact positions', async () => {
    const doc = await parseTxt(email);
    expect(doc.blocks.map((b) => b.text)).toEqual(['Subject: Re: racks', 'Hi Dana,', 'We will have the racks installed by Friday.']);
    const b = doc.blocks[2]!;
    expect(b.locate(b.text.indexOf('Friday'))).toMatchObject({ line: 7, column: 37 });
    expect(doc.source?.text).toBe(email); // still writable
    expect(doc.notices?.[0]).toMatch(/looks like an email/);
  });

  it('includeQuoted and detectEmail: false bring the quote back', async () => {
    const quoted = await parseTxt(email, { includeQuoted: true });
    expect(quoted.blocks.some((b) => b.text.includes('We guarantee 100% uptime'))).toBe(true);
    const off = await parseTxt(email, { detectEmail: false });
    expect(off.blocks.some((b) => b.text.includes('We guarantee 100% uptime'))).toBe(true);
    expect(off.blocks.some((b) => b.text.includes('From: Marco'))).toBe(true);
    expect(off.notices).toBeUndefined();
  });

  it('leaves ordinary text files alone', async () => {
    const doc = await parseTxt('Scope\n\nWe install twelve racks.\n> not a quote marker here\n');
    expect(doc.blocks.map((b) => b.text)).toEqual(['Scope', 'We install twelve racks. > not a quote marker here']);
    expect(doc.notices).toBeUndefined();
  });
});
