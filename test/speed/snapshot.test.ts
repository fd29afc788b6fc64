// The start-up snapshot must be invisible except in speed: same output, same exit code.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers/cli.js';

const hasSnapshot = existsSync(join(ROOT, 'dist', 'snapshot.blob'));

describe.skipIf(!hasSnapshot)('start-up snapshot', () => {
  it('is used by the portable launcher, and PITCHLINT_NO_SNAPSHOT turns it off', () => {
    const args = ['--format', 'json', 'fixtures/email.txt'];
    expect(cli(args, { env: { PITCHLINT_STATS: '1' } }).stderr).toMatch(/started from the snapshot/);
    expect(cli(args, { env: { PITCHLINT_STATS: '1', PITCHLINT_NO_SNAPSHOT: '1' } }).stderr).toMatch(
      /started without the snapshot/,
    );
  });

  it('gives the same JSON report and exit code as the plain bundle', () => {
    const args = ['--format', 'json', 'fixtures/'];
    const snap = cli(args);
    const plain = cli(args, { env: { PITCHLINT_NO_SNAPSHOT: '1' } });
    expect(snap.status).toBe(plain.status);
    expect(snap.stderr).toBe(plain.stderr);
    expect(JSON.parse(snap.stdout)).toEqual(JSON.parse(plain.stdout));
  });

  it('passes pitchlint options that node would take for its own (-c, -v) through', () => {
    const r = cli(['-c', 'no-such-config.yaml', 'fixtures/email.txt']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no-such-config\.yaml: cannot read configuration file/);
  });

  it('reads standard input', () => {
    const r = cli(['--format', 'json', '--stdin-filename', 'x.txt', '-'], {
      input: 'We guarantee overnight delivery on every order.\n',
    });
    expect(JSON.parse(r.stdout)[0].messages.length).toBeGreaterThan(0);
  });
});

/** bin/pitchlint.js run as a program (its shell part), as npm's bin link runs it. */
function sh(bin: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(bin, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!hasSnapshot || process.platform === 'win32')(
  'bin/pitchlint.js run as a program (the shell launcher)',
  () => {
    const args = ['--format', 'json', 'fixtures/email.txt', 'fixtures/proposal.md'];
    const plain = () => cli(args, { env: { PITCHLINT_NO_SNAPSHOT: '1' } });

    it('starts from the snapshot, with the same report and exit code as the portable launcher', () => {
      const expected = plain();
      expect(sh(join(ROOT, 'bin', 'pitchlint.js'), args, { PITCHLINT_STATS: '1' }).stderr).toMatch(
        /started from the snapshot/,
      );
      const r = sh(join(ROOT, 'bin', 'pitchlint.js'), args);
      expect(r.status).toBe(expected.status);
      expect(r.stderr).toBe(expected.stderr);
      expect(JSON.parse(r.stdout)).toEqual(JSON.parse(expected.stdout));
    });

    it('finds the package through a symlink, as in node_modules/.bin', () => {
      const dir = mkdtempSync(join(tmpdir(), 'pitchlint-bin-'));
      try {
        symlinkSync(join(ROOT, 'bin', 'pitchlint.js'), join(dir, 'pitchlint'));
        const r = sh(join(dir, 'pitchlint'), args);
        expect(JSON.parse(r.stdout)).toEqual(JSON.parse(plain().stdout));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('still works when NODE_OPTIONS carries a V8 flag, which the snapshot would refuse', () => {
      const r = sh(join(ROOT, 'bin', 'pitchlint.js'), args, { NODE_OPTIONS: '--max-old-space-size=512' });
      expect(r.stderr).not.toMatch(/snapshot/i);
      expect(JSON.parse(r.stdout)).toEqual(JSON.parse(plain().stdout));
    });

    it('answers --version and usage errors like the portable launcher', () => {
      expect(sh(join(ROOT, 'bin', 'pitchlint.js'), ['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
      const bad = sh(join(ROOT, 'bin', 'pitchlint.js'), ['-c', 'no-such-config.yaml', 'fixtures/email.txt']);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/no-such-config\.yaml: cannot read configuration file/);
    });
  },
);
