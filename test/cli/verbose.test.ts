// --verbose is wired to the stylish report's notes on how a file was read: without it a rep sees
// only the findings; with it, the notes too (an email detected in a .txt, a decoded MIME part).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMain } from '../authoring/helpers.js';

const EMAIL_TXT = join(ROOT, 'fixtures', 'email.txt');
const EML = join(ROOT, 'fixtures', 'email-reply.eml');

describe('--verbose', () => {
  it('without it, the stylish report has no notes', async () => {
    const r = await runMain([EMAIL_TXT, EML]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/guarantee-unbacked/);
    expect(r.out).not.toMatch(/note:/);
  }, 60_000);

  it('with it, each file shows how it was read, under its name', async () => {
    const r = await runMain(['--verbose', EMAIL_TXT, EML]);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    const notes = lines.filter((l) => /^\s+note: /.test(l));
    expect(notes.some((l) => /looks like an email/.test(l))).toBe(true);
    expect(notes.some((l) => /decoded text \(quoted-printable\)/.test(l))).toBe(true);
    // The findings are the same with and without it.
    const plain = await runMain([EMAIL_TXT, EML]);
    expect(lines.filter((l) => !/^\s+note: /.test(l))).toEqual(plain.out.split('\n'));
  }, 60_000);

  it('changes nothing in the machine formats', async () => {
    const a = await runMain(['--format', 'json', EMAIL_TXT]);
    const b = await runMain(['--format', 'json', '--verbose', EMAIL_TXT]);
    expect(b.out).toBe(a.out);
  }, 60_000);
});
