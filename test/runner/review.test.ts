// `pitchlint review FILE` end to end: the built CLI, answers on standard input. Accept, edit,
// suppress with a reason, skip; the file is written once at the end with its line breaks and
// markup; quit, the end of input and errors leave it untouched. Alternatives (soft/strict) are
// picked by number (in process, on the real pipeline's findings with alternatives added).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ALWAYS_RULE, BEST_RULE } from '../helpers/rules.js';
import { FileLinter } from '../../src/runner/file-linter.js';
import { reviewFile } from '../../src/runner/review.js';

const RULES = {
  'rules/always.yaml': ALWAYS_RULE,
  'rules/best.yaml': BEST_RULE,
};
const CONFIG = 'root: true\nextends: []\nrulesDirs: [rules]\n';

function tree(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'pitchlint-review-'));
  for (const [p, c] of Object.entries({ ...RULES, '.pitchlintrc.yaml': CONFIG, ...files })) {
    mkdirSync(dirname(join(d, p)), { recursive: true });
    writeFileSync(join(d, p), c);
  }
  return d;
}

const DRAFT = [
  '# Warehouse refit for Dayton {#refit}',
  '',
  'Hi {{first_name}}, our crews always finish on schedule.',
  'We are the best racking partner in the Midwest, and we always',
  'answer the phone. See [our record](https://example.com/always) for details.',
  '',
  '- We always clean up the site.',
  '',
].join('\n');

describe('pitchlint review (built CLI, answers on standard input)', () => {
  it('accepts, edits, suppresses with a reason and skips; writes once, keeping lines and markup', () => {
    const d = tree({ 'draft.md': DRAFT });
    const answers = [
      'a', // our crews always finish -> typically
      'e', // the two-line sentence: edited by hand, its line break kept
      'We are a trusted racking partner in the Midwest, and we reliably answer the phone.',
      'd', // the list item: suppressed with a reason
      'Quoted from the signed service agreement',
    ];
    const r = cli(['review', 'draft.md'], { cwd: d, input: `${answers.join('\n')}\n` });
    expect(r.stderr).toBe('pitchlint: draft.md: 1 accepted, 1 edited, 1 suppressed, 0 skipped; written\n');
    expect(r.status).toBe(0);
    // Each sentence is shown once, with its findings and its rewrite.
    expect(r.stdout).toContain('draft.md:3:30  (1 of 3)');
    expect(r.stdout).toContain('  rewrite: Hi {{first_name}}, our crews typically finish on schedule.');
    expect(r.stdout.match(/\(\d of 3\)/g)).toHaveLength(3);
    expect(readFileSync(join(d, 'draft.md'), 'utf8')).toBe(
      [
        '# Warehouse refit for Dayton {#refit}',
        '',
        'Hi {{first_name}}, our crews typically finish on schedule.',
        'We are a trusted racking partner in the Midwest, and we reliably',
        'answer the phone. See [our record](https://example.com/always) for details.',
        '',
        '- We always clean up the site. <!-- pitchlint-disable-line t-always -- Quoted from the signed service agreement -->',
        '',
      ].join('\n'),
    );
    // The draft now lints clean: the suppression has its reason.
    const after = cli(['--format', 'compact', 'draft.md'], { cwd: d });
    expect(after.stdout).toBe('');
    expect(after.status).toBe(0);
  });

  it('writes a directive line in a plain-text draft, with its CRLF line endings', () => {
    const d = tree({ 'note.txt': 'Hi Dana,\r\n\r\nOur team always answers\r\nwithin the hour.\r\n\r\nJo\r\n' });
    const r = cli(['review', 'note.txt'], { cwd: d, input: 'd\nThe hotline contract guarantees it\n' });
    expect(r.status).toBe(0);
    expect(readFileSync(join(d, 'note.txt'), 'utf8')).toBe(
      'Hi Dana,\r\n\r\n# pitchlint-disable-next-line t-always -- The hotline contract guarantees it\r\nOur team always answers\r\nwithin the hour.\r\n\r\nJo\r\n',
    );
    expect(cli(['--format', 'compact', 'note.txt'], { cwd: d }).stdout).toBe('');
  });

  it('re-asks when an answer cannot be applied in place, and when a suppression has no reason', () => {
    const d = tree({ 'draft.md': 'Our crews **always** finish on schedule.\n' });
    // An edit that would delete the emphasized word with its markers, then an empty reason, then skip.
    const r = cli(['review', 'draft.md'], { cwd: d, input: 'e\nOur crews finish on schedule.\nd\n\ns\n' });
    expect(r.stdout).toContain('cannot change the file there');
    expect(r.stdout).toContain('a suppression needs a reason');
    expect(r.stderr).toBe('pitchlint: draft.md: 0 accepted, 0 edited, 0 suppressed, 1 skipped; nothing to write\n');
    expect(readFileSync(join(d, 'draft.md'), 'utf8')).toBe('Our crews **always** finish on schedule.\n');
  });

  it('leaves the file untouched on quit, at the end of the answers, and for a format it cannot write', () => {
    const d = tree({ 'draft.md': DRAFT, 'page.html': '<p>We always ship on time.</p>' });
    const quit = cli(['review', 'draft.md'], { cwd: d, input: 'a\nq\n' });
    expect(quit.status).toBe(0);
    expect(quit.stderr).toBe('pitchlint: draft.md: quit; nothing was written\n');
    const eof = cli(['review', 'draft.md'], { cwd: d, input: 'a\n' });
    expect(eof.stderr).toBe('pitchlint: draft.md: quit; nothing was written\n');
    expect(readFileSync(join(d, 'draft.md'), 'utf8')).toBe(DRAFT);
    const html = cli(['review', 'page.html'], { cwd: d, input: 'a\n' });
    expect(html.status).toBe(2);
    expect(html.stderr).toMatch(
      /^pitchlint: page\.html: review edits Markdown and plain-text files; html files cannot be written back .*\n$/,
    );
    const missing = cli(['review', 'nope.md'], { cwd: d, input: '' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('pitchlint: nope.md: cannot read file (ENOENT)\n');
  });
});

describe('review: alternatives', () => {
  it('takes the soft or strict wording by its number', async () => {
    const d = tree({ 'draft.md': 'Intro line.\n\nOur crews always finish on schedule.\n' });
    const real = FileLinter.prototype.process;
    const spy = vi.spyOn(FileLinter.prototype, 'process').mockImplementation(async function (
      this: FileLinter,
      ...args
    ) {
      const p = await real.apply(this, args);
      for (const f of p.result.findings)
        f.alternatives = [
          { label: 'soft', text: 'Our crews usually finish on schedule.' },
          { label: 'strict', text: 'Our crews aim to finish on schedule.' },
        ];
      return p;
    });
    const said: string[] = [];
    const answers = ['2'];
    try {
      const r = await reviewFile(
        'draft.md',
        { cwd: d, rules: [] },
        { out: (t) => said.push(t), ask: async (p) => (said.push(p), answers.shift()) },
      );
      expect(r).toMatchObject({ code: 0, written: true, counts: { accepted: 1 } });
    } finally {
      spy.mockRestore();
    }
    expect(said.join('')).toContain(
      '  1 soft: Our crews usually finish on schedule.\n  2 strict: Our crews aim to finish on schedule.\n',
    );
    expect(readFileSync(join(d, 'draft.md'), 'utf8')).toBe('Intro line.\n\nOur crews aim to finish on schedule.\n');
  });
});
