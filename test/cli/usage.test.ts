// Usage errors, `pitchlint help [command]` and a closed output, through the built CLI as a user
// runs it: exit codes as documented (2 for usage), one `pitchlint:` line plus the usage, and never
// a stack trace.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, cli, ensureBuilt, tempTree } from '../helpers/cli.js';

ensureBuilt();

const STACK = /\n\s+at /;

describe('usage errors exit 2 with one line and the usage', () => {
  const cases: [string[], RegExp, string][] = [
    [['rewrite'], /^pitchlint: missing required argument 'file'$/, 'pitchlint rewrite [options] <file>'],
    [['explain'], /^pitchlint: missing required argument 'text'$/, 'pitchlint explain [options] <text...>'],
    [
      ['rules', 'explain'],
      /^pitchlint: missing required argument 'id'$/,
      'pitchlint rules explain [options] <id> [paths...]',
    ],
    [['rules', 'new'], /^pitchlint: missing required argument 'id'$/, 'pitchlint rules new [options] <id>'],
    [
      ['rules', 'docs'],
      /^pitchlint: required option '--out <dir>' not specified$/,
      'pitchlint rules docs [options] [paths...]',
    ],
    [['rules', 'bogus'], /^pitchlint: unknown command 'bogus'$/, 'pitchlint rules [options] [command]'],
    [['--bogus', 'fixtures'], /^pitchlint: unknown option '--bogus'$/, 'pitchlint [options] [command] [paths...]'],
    [['init', '--bogus'], /^pitchlint: unknown option '--bogus'$/, 'pitchlint init [options] [dir]'],
    [['rewrite', '--bogus', 'x.txt'], /^pitchlint: unknown option '--bogus'$/, 'pitchlint rewrite [options] <file>'],
    [
      ['rules', 'list', '--bogus'],
      /^pitchlint: unknown option '--bogus'$/,
      'pitchlint rules list [options] [paths...]',
    ],
    [
      ['--max-warnings', 'many', 'fixtures'],
      /^pitchlint: option '--max-warnings <n>' argument 'many' is invalid/,
      'pitchlint [options] [command] [paths...]',
    ],
  ];
  for (const [args, first, usage] of cases) {
    it(`pitchlint ${args.join(' ')}`, () => {
      const r = cli(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines[0]).toMatch(first);
      expect(lines[1]).toBe(`Usage: ${usage}`);
      expect(lines).toHaveLength(3);
      expect(lines[2]).toMatch(/^\(run pitchlint .*--help for more\)$/);
      expect(r.stderr).not.toMatch(STACK);
    });
  }

  it('`pitchlint rules` with no subcommand prints its help on standard error and exits 2', () => {
    const r = cli(['rules']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: pitchlint rules \[options\] \[command\]/);
    for (const sub of ['test', 'validate', 'list', 'explain', 'new', 'docs'])
      expect(r.stderr).toMatch(new RegExp(`^ {2}${sub} `, 'm'));
  });

  it('--help and --version still exit 0', () => {
    expect(cli(['--help']).status).toBe(0);
    expect(cli(['rules', '--help']).status).toBe(0);
    expect(cli(['--version']).status).toBe(0);
  });
});

describe('pitchlint help [command]', () => {
  it('help alone is --help', () => {
    const r = cli(['help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(cli(['--help']).stdout);
    expect(r.stdout).toMatch(/^ {2}help \[command\]/m);
  });
  it('help names a command, or a command of a command', () => {
    for (const words of [['rules'], ['rewrite'], ['rules', 'explain'], ['rules', 'new']]) {
      const r = cli(['help', ...words]);
      expect([words.join(' '), r.status]).toEqual([words.join(' '), 0]);
      expect(r.stdout).toBe(cli([...words, '--help']).stdout);
      expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^Usage: pitchlint ${words.join(' ')} `));
    }
  });
  it('an unknown command is a usage error, not a path that matched nothing', () => {
    for (const words of [['bogus'], ['rules', 'bogus']]) {
      const r = cli(['help', ...words]);
      expect(r.status).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(`pitchlint: unknown command 'bogus'`);
      expect(r.stderr).not.toMatch(/no files matching/);
    }
  });
});

/** Run the CLI with standard output (or error) piped, and close the pipe after the first chunk. */
function closeEarly(
  args: string[],
  cwd: string,
  which: 'stdout' | 'stderr',
): Promise<{ status: number | null; stderr: string; got: number }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let got = 0;
    const closing = child[which];
    const other = which === 'stdout' ? child.stderr : child.stdout;
    other.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    closing.on('data', (d: Buffer) => {
      got += d.length;
      closing.destroy();
    });
    child.on('close', (status) => done({ status, stderr, got }));
  });
}

describe('a closed output ends the run quietly', () => {
  // Enough findings that the report is far bigger than a pipe's buffer.
  const para =
    'We always deliver overnight, and we guarantee the lowest price in the region.\nYour crew will have it installed by Friday.\n\n';
  const files: Record<string, string> = {};
  for (let k = 0; k < 60; k++) files[`drafts/draft-${k}.txt`] = para.repeat(30);
  const dir = tempTree(files);

  it('`pitchlint drafts | head -1`: no stack trace, exit 0', async () => {
    const r = await closeEarly(['drafts'], dir, 'stdout');
    expect(r.got).toBeGreaterThan(0);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.status).toBe(0);
  }, 60_000);

  it('the same with the JSON format and through the rewrite command', async () => {
    for (const args of [
      ['--format', 'json', 'drafts'],
      ['rewrite', 'drafts/draft-0.txt'],
    ]) {
      const r = await closeEarly(args, dir, 'stdout');
      expect(r.stderr).not.toMatch(STACK);
      expect(r.status === 0 || r.got > 0).toBe(true);
    }
  }, 60_000);
});
