// Ignore files like ESLint: a file named on the command line that .pitchlintignore or the config's
// `ignore:` matches is skipped with a warning (a pre-commit hook names files, so both must hold
// for named files too), and --no-ignore lints it. Files found by walking a folder are skipped
// silently, as before.
import { describe, expect, it } from 'vitest';
import { runMain, tempTree } from '../authoring/helpers.js';

const CLAIM = 'Installation is guaranteed to pass inspection.\n';
const WARNING = 'File ignored because of a matching ignore pattern. Use --no-ignore to override.';

function tree(): string {
  return tempTree({
    '.pitchlintignore': '# drafts nobody sends\nold/\n*.bak.md\n',
    '.pitchlintrc.yaml': 'ignore:\n  - "archive/**"\n',
    'old/draft.md': CLAIM,
    'archive/2019.md': CLAIM,
    'notes.bak.md': CLAIM,
    'live.md': 'We typically deliver within two business days.\n',
  });
}

/** The files the warnings name, by the end of their path (they are shown relative to the cwd). */
const warned = (err: string, names: string[]): string[] =>
  err
    .split('\n')
    .filter((l) => l.includes(WARNING))
    .map((l) => names.find((n) => l.startsWith('pitchlint: warning: ') && l.includes(`/${n}: ${WARNING}`)) ?? l);

describe('ignore patterns and named files', () => {
  it('.pitchlintignore: a named file is skipped with the warning, exit 0', async () => {
    const dir = tree();
    const r = await runMain(['--format', 'compact', `${dir}/old/draft.md`, `${dir}/notes.bak.md`]);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe('');
    expect(warned(r.err, ['old/draft.md', 'notes.bak.md'])).toEqual(['notes.bak.md', 'old/draft.md']);
    expect(r.err).toMatch(
      new RegExp(`^pitchlint: warning: \\S*old/draft\\.md: ${WARNING.replace(/[.-]/g, '\\$&')}$`, 'm'),
    );
    expect(r.err).not.toMatch(/no files matching/);
  }, 60_000);

  it("the config's ignore: a named file is skipped with the warning (it was skipped silently)", async () => {
    const dir = tree();
    const r = await runMain(['--format', 'compact', `${dir}/archive/2019.md`, `${dir}/live.md`]);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/2019\.md/);
    expect(warned(r.err, ['archive/2019.md'])).toEqual(['archive/2019.md']);
  }, 60_000);

  it('--no-ignore lints them', async () => {
    const dir = tree();
    const r = await runMain([
      '--format',
      'compact',
      '--no-ignore',
      `${dir}/old/draft.md`,
      `${dir}/archive/2019.md`,
      `${dir}/notes.bak.md`,
    ]);
    expect(r.code).toBe(1);
    for (const f of ['old/draft.md', 'archive/2019.md', 'notes.bak.md'])
      expect(r.out).toMatch(new RegExp(`${f.replace('.', '\\.')}:1:17: .*guarantee-unbacked`));
    expect(r.err).not.toMatch(/File ignored/);
  }, 60_000);

  it('walking a folder skips ignored files without a warning; --no-ignore walks into them', async () => {
    const dir = tree();
    const walked = await runMain(['--format', 'compact', dir]);
    expect(walked.code).toBe(0);
    expect(walked.out.trim()).toBe('');
    expect(walked.err).not.toMatch(/File ignored/);
    const all = await runMain(['--format', 'compact', '--no-ignore', dir]);
    expect(all.code).toBe(1);
    expect(all.out.trim().split('\n')).toHaveLength(3);
  }, 60_000);
});
