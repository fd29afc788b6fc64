// The server commands on the command line: usage errors and an unusable port get one clear line
// and exit code 2, never a stack trace.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers.js';

const run = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 20_000,
    input: '',
    env: { ...process.env, NO_COLOR: '1' },
  });

describe('server commands on the command line', () => {
  it('list themselves in --help', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    for (const c of ['lsp', 'serve', 'mcp']) expect(r.stdout).toMatch(new RegExp(`^  ${c} \\[options\\]`, 'm'));
  });

  it('reject bad options with exit code 2', () => {
    for (const args of [
      ['serve', '--port', 'abc'],
      ['serve', '--port', '70000'],
      ['lsp', '--bogus'],
      ['mcp', '--bogus'],
    ]) {
      const r = run(args);
      expect([args.join(' '), r.status]).toEqual([args.join(' '), 2]);
      expect(r.stderr).toMatch(/^pitchlint: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('serve: a port in use is one line and exit code 2', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as { port: number }).port;
    try {
      const r = run(['serve', '--port', String(port)]);
      expect(r.status).toBe(2);
      expect(r.stderr.trim()).toBe(`pitchlint: port ${port} is in use; pick another with --port, or 0 for a free one`);
    } finally {
      taken.close();
    }
  });
});
