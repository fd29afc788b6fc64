// The package as users get it: `npm pack` writes the tarball the registry would serve, it is
// installed into an empty folder with its dependencies from the npm registry, and the installed
// `pitchlint` prints its version and lints a draft. This catches a `files` list that leaves out
// what the CLI needs at run time (dist/, rules/, schema/), a bin that does not start outside the
// repository, and dependencies that only the repository's devDependencies provided.
// It packs the built tree (`npm test` builds first) with --ignore-scripts, so it does not rebuild.
// Without the npm registry (offline machines) it skips, saying why.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('PITCHLINT_') && !k.startsWith('npm_') && k !== 'FORCE_COLOR') env[k] = v;
  env.NO_COLOR = '1';
  return env;
}

/** Run a command without blocking the test worker (npm install can take minutes). */
function run(cmd: string, args: string[], cwd: string, timeout: number): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('error', (e) => (stderr += String(e)));
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ status: code ?? -1, stdout, stderr });
    });
  });
}

/** Why the test cannot run here, or undefined when it can. */
function unavailable(): string | undefined {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) return 'dist/ is not built (npm test builds it)';
  const ping = spawnSync(NPM, ['ping', '--fetch-timeout=5000', '--fetch-retries=0'], { cwd: tmpdir(), env: cleanEnv(), encoding: 'utf8', timeout: 15_000 });
  if (ping.status !== 0) return 'the npm registry cannot be reached (npm ping failed), so the tarball\'s dependencies cannot be installed';
  return undefined;
}

const reason = unavailable();
if (reason) console.warn(`test/package/pack.test.ts skipped: ${reason}`);

describe.skipIf(reason !== undefined)('the packed package, installed into an empty folder', () => {
  const work = mkdtempSync(join(tmpdir(), 'pitchlint-pack-'));
  const project = join(work, 'project');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('npm pack writes pitchlint-<version>.tgz, which installs with its dependencies from the registry', async () => {
    const pack = await run(NPM, ['pack', '--ignore-scripts', '--pack-destination', work], ROOT, 120_000);
    expect(pack.status, pack.stderr).toBe(0);
    const tarballs = readdirSync(work).filter((f) => /^pitchlint-\d+\.\d+\.\d+.*\.tgz$/.test(f));
    expect(tarballs).toHaveLength(1);
    const tarball = tarballs[0] ?? '';

    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'a-sales-team', version: '1.0.0', private: true }, null, 2)}\n`);
    const install = await run(NPM, ['install', '--no-audit', '--no-fund', join('..', tarball)], project, 400_000);
    expect(install.status, install.stderr).toBe(0);
    expect(existsSync(join(project, 'node_modules', '.bin', 'pitchlint'))).toBe(true);
    // What the CLI needs at run time came in the tarball, and the docs its messages point to.
    for (const path of ['dist/cli.js', 'dist/builtins.json', 'rules/recommended/pack.yaml', 'schema/rule.schema.json', 'README.md', 'docs/writing-rules.md'])
      expect(existsSync(join(project, 'node_modules', 'pitchlint', path)), path).toBe(true);
    // The repository's own test files and fixtures did not.
    expect(existsSync(join(project, 'node_modules', 'pitchlint', 'test'))).toBe(false);
    expect(existsSync(join(project, 'node_modules', 'pitchlint', 'fixtures'))).toBe(false);
  }, 500_000);

  it('npx pitchlint --version prints the package version', async () => {
    const r = await run('npx', ['--no-install', 'pitchlint', '--version'], project, 60_000);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('0.1.0');
  }, 60_000);

  it('lints a draft: the finding, its position and rule, and exit code 1', async () => {
    writeFileSync(
      join(project, 'reply.txt'),
      'Hi Dana,\n\nThanks for the call today. The new line is guaranteed to cut your scrap rate in half.\nWe typically deliver within 48 hours of the proof.\n\nBest regards,\nSam\n',
    );
    const r = await run('npx', ['--no-install', 'pitchlint', 'reply.txt'], project, 60_000);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('reply.txt');
    expect(r.stdout).toMatch(/3:44\s+error\s+"guaranteed" promises an outcome with no terms behind it\.\s+guarantee-unbacked/);
    expect(r.stdout).toMatch(/✖ \d+ problems? \([1-9]\d* errors?/);
    expect(r.stdout).not.toMatch(/^\s+4:\d+/m); // the hedged sentence on line 4 is not flagged

    const json = await run('npx', ['--no-install', 'pitchlint', '--format', 'json', 'reply.txt'], project, 60_000);
    expect(json.status).toBe(1);
    const results = JSON.parse(json.stdout) as { filePath: string; messages: { ruleId: string; line: number; severity: number }[] }[];
    expect(results).toHaveLength(1);
    expect(results[0]?.filePath).toBe(join(project, 'reply.txt'));
    expect(results[0]?.messages.some((m) => m.line === 3 && m.severity === 2)).toBe(true);
    expect(results[0]?.messages.every((m) => m.line === 3)).toBe(true);
  }, 60_000);

  it('lints a Markdown draft with a pack and a config of the project, as a team would', async () => {
    writeFileSync(join(project, '.pitchlintrc.yaml'), 'extends: [recommended, finance]\nrules:\n  absolute-always-never: error\n');
    writeFileSync(join(project, 'offer.md'), '# Offer\n\nWe **always** answer within the hour.\n\nYour capital is protected, with risk-free returns.\n');
    const r = await run('npx', ['--no-install', 'pitchlint', '--format', 'compact', 'offer.md'], project, 60_000);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('offer.md:3:6: ');
    expect(r.stdout).toContain('[error/absolute-always-never]');
    expect(r.stdout).toMatch(/offer\.md:5:\d+: .*\[\w+\/finance-/);
  }, 60_000);
});
