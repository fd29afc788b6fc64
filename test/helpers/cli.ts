// The one home of the helpers that run the built CLI as a user would (the e2e, CLI, reporter,
// speed and teams/CI tests): the CLI (rebuilt first when dist/ is older than src/), its JSON
// report, temporary trees, positions in a text, and the built API.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** PITCHLINT_TEST_BIN: run another build of the CLI (e.g. a private one while others rebuild dist/). */
export const BIN = process.env.PITCHLINT_TEST_BIN
  ? resolve(process.env.PITCHLINT_TEST_BIN)
  : join(ROOT, 'bin', 'pitchlint.js');
const DIST = process.env.PITCHLINT_TEST_BIN ? join(dirname(BIN), 'dist') : join(ROOT, 'dist');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function cli(
  args: string[],
  options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {},
): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export interface JsonMessage {
  ruleId: string | null;
  severity: number;
  level?: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  category?: string;
  sentence?: string;
  suggestion?: string;
  fatal?: boolean;
}
export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
}

export function lintJson(
  args: string[],
  options: Parameters<typeof cli>[1] = {},
): { status: number; results: JsonResult[]; stderr: string; stdout: string } {
  const r = cli(['--format', 'json', ...args], options);
  let results: JsonResult[];
  try {
    results = JSON.parse(r.stdout) as JsonResult[];
  } catch {
    throw new Error(`not JSON (exit ${r.status}): ${r.stdout.slice(0, 500)}\n${r.stderr}`);
  }
  return { status: r.status, results, stderr: r.stderr, stdout: r.stdout };
}

export { tempTree, writeTree } from './tree.js';

/** The 1-based line and column of the first occurrence of `needle` in `text` (after a marker). */
export function positionOf(text: string, needle: string, after = ''): { line: number; column: number } {
  const from = after ? text.indexOf(after) : 0;
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, at).replace(/^\ufeff/, '');
  const lines = before.split(/\r\n|\n|\r/);
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Build dist/ when it is missing or older than src/ (npm test builds first, so this is for running
 * the tests on their own). One test file builds at a time; the others wait for it.
 */
export function ensureBuilt(): void {
  if (process.env.PITCHLINT_TEST_BIN) return;
  const stale = (): boolean =>
    !existsSync(join(DIST, 'cli.js')) ||
    !existsSync(join(DIST, 'worker.js')) ||
    newest(join(ROOT, 'src')) > statSync(join(DIST, 'cli.js')).mtimeMs;
  if (!stale()) return;
  const lock = join(tmpdir(), 'pitchlint-ci-build.lock');
  const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 180_000) rmSync(lock, { recursive: true, force: true });
      sleep(200);
      if (!stale()) return;
    }
  }
  try {
    if (!stale()) return;
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--no-types'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The built API (dist/api.js), where --concurrency really starts worker threads. */
export async function builtApi(): Promise<typeof import('../../src/api.js')> {
  return (await import(pathToFileURL(join(DIST, 'api.js')).href)) as typeof import('../../src/api.js');
}
