// Writes that respect the file system (issue 17): baseline, cache and -o never replace a symlink
// or a non-regular file; I/O errors are one line naming the path (exit 2), never a stack trace.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  openSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { safeWriteFile, WriteError } from '../../src/shared/safe-write.js';
import { readStreamBounded, TooLargeError } from '../../src/shared/bounded-read.js';
import { BIN, ensureBuilt } from '../helpers/cli.js';

const scratch = (): string => mkdtempSync(join(tmpdir(), 'pitchlint-write-'));

describe('safeWriteFile', () => {
  it('replaces a regular file atomically, keeping its mode, and leaves no temporary file', async () => {
    const dir = scratch();
    const f = join(dir, 'report.json');
    writeFileSync(f, 'old');
    chmodSync(f, 0o640);
    await safeWriteFile(f, 'new');
    expect(readFileSync(f, 'utf8')).toBe('new');
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('writes the target of a symlink and keeps the link', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'baseline.json'), '{}');
    symlinkSync(join(dir, 'real', 'baseline.json'), join(dir, 'link.json'));
    await safeWriteFile(join(dir, 'link.json'), '{"a":1}');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.json'))).toBe(join(dir, 'real', 'baseline.json'));
    expect(readFileSync(join(dir, 'real', 'baseline.json'), 'utf8')).toBe('{"a":1}');
  });

  it('refuses a dangling symlink, a folder and a device, naming the path', async () => {
    const dir = scratch();
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
    const cases: Array<[string, RegExp]> = [
      [join(dir, 'dangling'), /symbolic link/],
      [dir, /it is a folder/],
      ['/dev/null', /device, not a regular file/],
    ];
    for (const [path, why] of cases) {
      const e = await safeWriteFile(path, 'x').catch((err: unknown) => err);
      expect(e).toBeInstanceOf(WriteError);
      expect((e as Error).message).toContain(path);
      expect((e as Error).message).toMatch(why);
    }
    expect(lstatSync(join(dir, 'dangling')).isSymbolicLink()).toBe(true);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('a missing folder is an error unless asked to create it', async () => {
    const dir = scratch();
    const f = join(dir, 'missing', 'dir', 'x.json');
    await expect(safeWriteFile(f, 'x')).rejects.toThrow(/its folder does not exist \(ENOENT\)/);
    await safeWriteFile(f, 'x', { mkdirs: true });
    expect(readFileSync(f, 'utf8')).toBe('x');
  });

  it.skipIf(!existsSync('/dev/full'))('a full device: one line, in place only when allowed', async () => {
    await expect(safeWriteFile('/dev/full', 'x')).rejects.toThrow(/device, not a regular file/);
    await expect(safeWriteFile('/dev/full', 'x', { allowSpecial: true })).rejects.toThrow(
      /cannot write \/dev\/full: no space left on the device \(ENOSPC\)/,
    );
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });
});

describe('bounded reads', () => {
  it('stops an endless stream after the limit', async () => {
    let produced = 0;
    async function* endless(): AsyncGenerator<Buffer> {
      for (;;) {
        produced += 4096;
        yield Buffer.alloc(4096);
      }
    }
    await expect(readStreamBounded(endless(), 100_000, 'standard input')).rejects.toThrow(TooLargeError);
    expect(produced).toBeLessThan(110_000);
  });
});

describe('the CLI', { timeout: 120_000 }, () => {
  beforeAll(() => ensureBuilt(), 300_000);
  const run = (args: string[], opts: { cwd?: string; stdio?: 'devfull' | 'devzero' } = {}) => {
    const stdin = opts.stdio === 'devzero' ? openSync('/dev/zero', 'r') : 'pipe';
    const stdout = opts.stdio === 'devfull' ? openSync('/dev/full', 'w') : 'pipe';
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: opts.cwd,
      stdio: [stdin, stdout, 'pipe'],
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 60_000,
    });
    return { status: r.status, stderr: r.stderr ?? '' };
  };
  const draft = (): string => {
    const dir = scratch();
    writeFileSync(join(dir, 'draft.txt'), 'We guarantee results in the first week.\n');
    return dir;
  };
  const oneLine = (stderr: string): void => {
    expect(stderr).not.toMatch(/internal error|this is a bug|\n\s+at /);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  };

  it('-o into a missing folder or a folder: one line naming the path, exit 2', () => {
    const dir = draft();
    for (const out of ['missing/dir/x.json', '.']) {
      const r = run(['-o', out, '--format', 'json', 'draft.txt'], { cwd: dir });
      expect(r.status).toBe(2);
      oneLine(r.stderr);
      expect(r.stderr).toMatch(/cannot write .*(folder does not exist|it is a folder)/);
    }
  });

  it.skipIf(!existsSync('/dev/full'))('--update-baseline --baseline /dev/full leaves the device alone', () => {
    const r = run(['--update-baseline', '--baseline', '/dev/full', 'draft.txt'], { cwd: draft() });
    expect(r.status).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain('/dev/full');
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it.skipIf(!existsSync('/dev/full'))('a report to a full disk: one line, exit 2', () => {
    const r = run(['draft.txt'], { cwd: draft(), stdio: 'devfull' });
    expect(r.status).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/cannot write to standard output: no space left/);
  });

  it.skipIf(!existsSync('/bin/bash'))('a closed pipe ends the run quietly, without a stack trace', () => {
    // `true` exits at once, long before pitchlint writes its report (src/cli/main.ts: exit 0, as ripgrep does).
    const r = spawnSync(
      '/bin/bash',
      ['-c', `set -o pipefail; sleep 0.2; "${process.execPath}" "${BIN}" draft.txt | true`],
      {
        cwd: draft(),
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        timeout: 60_000,
      },
    );
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/internal error|this is a bug|\n\s+at /);
  });

  it.skipIf(!existsSync('/dev/zero'))('standard input from /dev/zero stops with one line', () => {
    const r = run(['-'], { stdio: 'devzero' });
    expect(r.status).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/standard input is larger than 64 MiB, the limit/);
  });
});
