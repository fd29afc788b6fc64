// Speed at scale (issue 5, part 5): worker threads, cache and shards never change the results.
// End-to-end on the built CLI, over ~60 generated proposals, emails, quotes and legal templates
// with nested configs, overrides and directives.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inShard, parseShard, shardOf } from '../../src/runner/shard.js';
import { corpus } from '../helpers/ci-corpus.js';
import { builtApi, cli, ensureBuilt, lintJson, ROOT, tempTree } from '../helpers/cli.js';

const EXT = ['--ext', 'md,txt,html'];
let dir: string;
let single: ReturnType<typeof lintJson>;

beforeAll(() => {
  ensureBuilt();
  dir = tempTree(corpus(60));
  single = lintJson(['--rewrites', ...EXT, '.'], { cwd: dir });
}, 300_000);

describe('--concurrency', { timeout: 180_000 }, () => {
  it('the generated set has findings of several kinds, suppressions and overrides at work', () => {
    expect(single.status).toBe(1);
    expect(single.results).toHaveLength(60);
    const ids = new Set(single.results.flatMap((r) => r.messages.map((m) => m.ruleId)));
    expect(ids.size).toBeGreaterThanOrEqual(4);
    // legal/** turns ci-always off; directives silence their lines.
    expect(
      single.results.filter((r) => r.filePath.includes('/legal/')).flatMap((r) => r.messages.map((m) => m.ruleId)),
    ).not.toContain('ci-always');
  });

  it('gives output identical to the single-threaded run (json, sarif, stylish)', () => {
    for (const c of ['2', '3', 'auto']) {
      const multi = cli(['--format', 'json', '--rewrites', '--concurrency', c, ...EXT, '.'], { cwd: dir });
      expect(multi.status).toBe(single.status);
      expect(multi.stdout).toBe(single.stdout);
    }
    for (const format of ['sarif', 'stylish', 'compact']) {
      const a = cli(['--format', format, ...EXT, '.'], { cwd: dir });
      const b = cli(['--format', format, '--concurrency', '2', ...EXT, '.'], { cwd: dir });
      expect(b.stdout, format).toBe(a.stdout);
    }
  });

  it('really uses worker threads in the built package', async () => {
    const api = await builtApi();
    const run = await api.lintFiles({
      cwd: dir,
      patterns: ['.'],
      extensions: ['.md', '.txt', '.html'],
      concurrency: 3,
    });
    // Three threads: the main thread and two workers.
    expect(run.stats.workers).toBe(2);
    const json = await api.formatters.format('json', run, { cwd: dir });
    expect(`${json}\n`).toBe(single.stdout.endsWith('\n') ? single.stdout : `${single.stdout}\n`);
  });

  // A run started from the snapshot starts its workers from it too, as processes (the tagger and
  // rule set already loaded); without the snapshot they are threads. Same report either way.
  it('starts worker processes from the snapshot, worker threads without it, with the same report', () => {
    const withSnapshot = existsSync(join(ROOT, 'dist', 'snapshot.blob'));
    const runs: Array<{ env: Record<string, string>; kind: string }> = [
      { env: { PITCHLINT_STATS: '1' }, kind: withSnapshot ? 'process' : 'thread' },
      { env: { PITCHLINT_STATS: '1', PITCHLINT_NO_SNAPSHOT: '1' }, kind: 'thread' },
    ];
    for (const { env, kind } of runs) {
      const r = cli(['--format', 'json', '--rewrites', '--concurrency', '3', ...EXT, '.'], { cwd: dir, env });
      expect(r.status).toBe(single.status);
      expect(r.stdout).toBe(single.stdout);
      expect(r.stderr).toContain(`; 2 worker ${kind}s (`);
    }
  });

  it('fails in one line when a worker process cannot read a rule folder, as a thread does', () => {
    const bad = join(dir, 'no-such-rules');
    for (const env of [{}, { PITCHLINT_NO_SNAPSHOT: '1' }] as Array<Record<string, string>>) {
      const r = cli(['--format', 'json', '--concurrency', '3', '--rules', bad, ...EXT, '.'], { cwd: dir, env });
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^pitchlint: .*no-such-rules/);
    }
  });

  it('writes a streamed report to --output-file whole, and leaves nothing behind when the run fails', () => {
    const out = join(dir, 'report-out', 'report.json');
    mkdirSync(join(dir, 'report-out'), { recursive: true });
    for (const format of ['json', 'sarif']) {
      const r = cli(['--format', format, '--rewrites', '-o', out, ...EXT, '.'], { cwd: dir });
      expect(r.status).toBe(single.status);
      const printed = cli(['--format', format, '--rewrites', ...EXT, '.'], { cwd: dir }).stdout;
      expect(`${readFileSync(out, 'utf8')}\n`, format).toBe(printed);
    }
    const bad = cli(['--format', 'json', '-o', out, '--config', 'no-such-config.yaml', ...EXT, '.'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(join(dir, 'report-out'))).toEqual(['report.json']);
    rmSync(join(dir, 'report-out'), { recursive: true });
  });

  it('rejects a bad value', () => {
    const r = cli(['--concurrency', 'lots', '.'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--concurrency');
  });
});

describe('--cache', { timeout: 180_000 }, () => {
  it('a warm cache returns identical results, and config or rule changes invalidate it', async () => {
    const tree = tempTree(corpus(24, 11));
    const cacheFile = join(tree, 'ci-cache', 'results.json');
    const args = ['--format', 'json', '--rewrites', '--cache', '--cache-location', cacheFile, ...EXT, '.'];
    const cold = cli(args, { cwd: tree });
    expect(existsSync(cacheFile)).toBe(true);
    const warm = cli(args, { cwd: tree });
    expect(warm.stdout).toBe(cold.stdout);
    expect(cli(['--format', 'json', '--rewrites', ...EXT, '.'], { cwd: tree }).stdout).toBe(cold.stdout);

    const api = await builtApi();
    const opts = { cwd: tree, patterns: ['.'], extensions: ['.md', '.txt', '.html'], cache: { location: cacheFile } };
    const hit = await api.lintFiles(opts);
    expect(hit.stats.cached).toBe(24);

    // A config change: the cached results must not be reused.
    writeFileSync(
      join(tree, '.pitchlintrc.yaml'),
      readFileSync(join(tree, '.pitchlintrc.yaml'), 'utf8').replace(
        'rules:\n  ci-best: error',
        'rules:\n  ci-best: error\n  ci-speed: error',
      ),
    );
    const partly = await api.lintFiles(opts);
    // emails/ has its own config (unchanged): only its files may come from the cache.
    const emails = partly.results.filter((r) => r.filePath.includes('/emails/')).length;
    expect(emails).toBeGreaterThan(0);
    expect(partly.stats.cached).toBe(emails);
    const afterConfig = cli(args, { cwd: tree });
    expect(afterConfig.stdout).toBe(cli(['--format', 'json', '--rewrites', ...EXT, '.'], { cwd: tree }).stdout);
    expect(afterConfig.stdout).not.toBe(cold.stdout);
    expect((await api.lintFiles(opts)).stats.cached).toBe(24);
  });

  it('a changed rule file invalidates the cache', async () => {
    const tree = tempTree(corpus(12, 5));
    const { CI_PACK } = await import('../helpers/ci-fixtures.js');
    // A private copy of the pack, so the test can edit a rule.
    const pack = join(tree, 'pack');
    mkdirSync(pack);
    for (const f of [
      'pack.yaml',
      'ci-guarantee.yaml',
      'ci-always.yaml',
      'ci-speed.yaml',
      'ci-best.yaml',
      'ci-forever.yaml',
      'ci-urgency.yaml',
    ]) {
      writeFileSync(join(pack, f), readFileSync(join(CI_PACK, f)));
    }
    for (const cfg of ['.pitchlintrc.yaml', 'emails/.pitchlintrc.yaml']) {
      writeFileSync(
        join(tree, cfg),
        readFileSync(join(tree, cfg), 'utf8').replace(/^extends: .*$/m, `extends: ${JSON.stringify(pack)}`),
      );
    }
    const args = ['--format', 'json', '--rewrites', '--cache', ...EXT, '.'];
    const cold = cli(args, { cwd: tree });
    expect(existsSync(join(tree, '.pitchlintcache'))).toBe(true);
    const rule = join(pack, 'ci-speed.yaml');
    writeFileSync(rule, readFileSync(rule, 'utf8').replace('severity: warning', 'severity: error'));
    const after = cli(args, { cwd: tree });
    expect(after.stdout).not.toBe(cold.stdout);
    expect(after.stdout).toBe(cli(['--format', 'json', '--rewrites', ...EXT, '.'], { cwd: tree }).stdout);
    rmSync(join(tree, '.pitchlintcache'));
  });

  it('a corrupt cache file is ignored', () => {
    const tree = tempTree(corpus(6, 3));
    writeFileSync(join(tree, '.pitchlintcache'), '{not json');
    const r = cli(['--format', 'json', '--rewrites', '--cache', ...EXT, '.'], { cwd: tree });
    expect(r.stdout).toBe(cli(['--format', 'json', '--rewrites', ...EXT, '.'], { cwd: tree }).stdout);
    expect(r.stderr).toMatch(/cache file .*\.pitchlintcache is not valid JSON; it was discarded and will be rebuilt/);
    expect(JSON.parse(readFileSync(join(tree, '.pitchlintcache'), 'utf8')).format).toBe(2);
  });
});

describe('--shard', { timeout: 180_000 }, () => {
  it('assigns every path to exactly one shard', () => {
    const paths = Array.from({ length: 500 }, (_, i) => `templates/t${i}.md`);
    for (const n of [1, 2, 3, 7]) {
      const counts = new Array<number>(n).fill(0);
      for (const p of paths) {
        const s = shardOf(p, n);
        counts[s - 1]!++;
        expect([...Array(n).keys()].filter((i) => inShard(p, { index: i + 1, count: n }))).toEqual([s - 1]);
      }
      for (const c of counts) expect(c).toBeGreaterThan(500 / n / 2);
    }
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/2', '3/2', '1', 'a/b', '1/0']) expect(() => parseShard(bad), bad).toThrow(/--shard/);
  });

  it('shards together lint every file exactly once, with the same findings', () => {
    const all = new Map(single.results.map((r) => [r.filePath, JSON.stringify(r)]));
    for (const n of [2, 3]) {
      const seen = new Map<string, string>();
      for (let i = 1; i <= n; i++) {
        const part = lintJson(['--rewrites', '--shard', `${i}/${n}`, ...EXT, '.'], { cwd: dir });
        for (const r of part.results) {
          expect(seen.has(r.filePath), r.filePath).toBe(false);
          seen.set(r.filePath, JSON.stringify(r));
        }
      }
      expect(seen).toEqual(all);
    }
  });
});
