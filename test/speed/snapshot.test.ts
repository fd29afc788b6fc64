// The start-up snapshot must be invisible except in speed: same output, same exit code.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../e2e/helpers.js';

const hasSnapshot = existsSync(join(ROOT, 'dist', 'snapshot.blob'));

describe.skipIf(!hasSnapshot)('start-up snapshot', () => {
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
    const r = cli(['--format', 'json', '--stdin-filename', 'x.txt', '-'], { input: 'We guarantee overnight delivery on every order.\n' });
    expect(JSON.parse(r.stdout)[0].messages.length).toBeGreaterThan(0);
  });
});
