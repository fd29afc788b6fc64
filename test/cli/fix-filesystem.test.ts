// --fix and the file system, through the built CLI: a symlink's target is fixed and the link
// kept; read-only and hard-linked files are refused and unchanged; temp files a killed run left
// are removed by the next run; CR-only files keep their line breaks and list markers;
// `--fix-type directive` is a usage error. An I/O error while writing is one line and exit 2.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ALWAYS_RULE } from '../helpers/rules.js';

function project(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'pitchlint-fixfs-'));
  writeFileSync(join(d, '.pitchlintrc.yaml'), 'root: true\nextends: []\nrulesDirs: [rules]\n');
  spawnSync('mkdir', ['-p', join(d, 'rules')]);
  writeFileSync(join(d, 'rules', 'always.yaml'), ALWAYS_RULE);
  for (const [p, c] of Object.entries(files)) writeFileSync(join(d, p), c);
  return d;
}

const DRAFT = '# Plan\n\nOur crews always finish on schedule.\n';
const FIXED = '# Plan\n\nOur crews typically finish on schedule.\n';

describe('--fix and the file system (built CLI)', () => {
  it('fixes the target of a symlink and keeps the link', () => {
    const d = project({ 'real.md': DRAFT });
    symlinkSync('real.md', join(d, 'link.md'));
    const r = cli(['--fix', 'link.md'], { cwd: d });
    expect(r.status).toBe(0);
    expect(lstatSync(join(d, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(d, 'link.md'))).toBe('real.md');
    expect(readFileSync(join(d, 'real.md'), 'utf8')).toBe(FIXED);
  });

  it('refuses read-only and hard-linked files, naming each, and changes nothing', () => {
    const d = project({ 'ro.md': DRAFT, 'a.md': DRAFT });
    chmodSync(join(d, 'ro.md'), 0o444);
    linkSync(join(d, 'a.md'), join(d, 'b.md'));
    const r = cli(['--fix', 'ro.md', 'a.md'], { cwd: d });
    expect(r.stderr).toContain('pitchlint: ro.md: read-only; not changed\n');
    expect(r.stderr).toContain('pitchlint: a.md: has 2 hard links; not changed');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(d, 'ro.md'), 'utf8')).toBe(DRAFT);
    expect(statSync(join(d, 'ro.md')).mode & 0o777).toBe(0o444);
    expect(readFileSync(join(d, 'b.md'), 'utf8')).toBe(DRAFT);
    expect(statSync(join(d, 'a.md')).nlink).toBe(2);
    // Still reported: nothing was fixed.
    expect(r.stdout).toContain('t-always');
  });

  it('removes the temp files a killed run left, and only those', () => {
    const d = project({ 'draft.md': DRAFT });
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    const stale = `.draft.md.pitchlint-${dead}-1f2e3d4c.tmp`;
    writeFileSync(join(d, stale), 'half a draft');
    writeFileSync(join(d, '.notes.tmp'), 'mine');
    const r = cli(['--fix', 'draft.md'], { cwd: d });
    expect(r.stderr).toContain(`pitchlint: removed ${stale}, left behind by an interrupted run\n`);
    expect(readdirSync(d).sort()).toEqual(['.notes.tmp', '.pitchlintrc.yaml', 'draft.md', 'rules']);
    expect(readFileSync(join(d, 'draft.md'), 'utf8')).toBe(FIXED);
  });

  it('keeps CR-only line breaks, hard wraps and list markers', () => {
    const text = '- Our crews always\r  finish on schedule.\r- We always call\rahead.\r';
    const d = project({ 'cr.txt': text });
    const r = cli(['--fix', 'cr.txt'], { cwd: d });
    expect(r.status).toBe(0);
    const out = readFileSync(join(d, 'cr.txt'), 'utf8');
    // Only words changed: every CR, wrap, indentation and marker is where it was.
    expect(out).not.toBe(text);
    expect(out.replace(/typically/g, 'always')).toBe(text);
  });

  it('refuses --fix-type directive with one line (exit 2)', () => {
    const d = project({ 'draft.md': DRAFT });
    const r = cli(['--fix', '--fix-type', 'directive', 'draft.md'], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^pitchlint: --fix-type: "directive" findings .* have no automatic fix; edit the directive by hand\n$/,
    );
    expect(readFileSync(join(d, 'draft.md'), 'utf8')).toBe(DRAFT);
  });
});

describe('--fix: an I/O error while writing', () => {
  it('is one line naming the file, and the run exits 2', async () => {
    vi.resetModules();
    vi.doMock('../../src/fix/write.js', async (orig) => ({
      ...(await orig<typeof import('../../src/fix/write.js')>()),
      writeFixed: async () => ({ written: false, reason: 'could not be written (ENOSPC)', ioError: true }),
    }));
    const { runMain } = await import('../authoring/helpers.js');
    const d = project({ 'draft.md': DRAFT });
    const r = await runMain(['--fix', '--format', 'compact', join(d, 'draft.md')]);
    vi.doUnmock('../../src/fix/write.js');
    expect(r.err).toMatch(/pitchlint: .*draft\.md: could not be written \(ENOSPC\)\n/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(2);
    expect(readFileSync(join(d, 'draft.md'), 'utf8')).toBe(DRAFT);
  });
});
