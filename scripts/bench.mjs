#!/usr/bin/env node
// The speed benchmark (`npm run bench`): prints figures, asserts nothing.
//
//   npm run bench                 pitchlint on a generated 2,000-document corpus and ../shared/corpus
//   npm run bench -- --peers      the same corpus through textlint+prh, alex and write-good too
//                                 (installed by ../shared/bench/peers-setup.sh), with the ratios
//   npm run bench -- --files 200  a smaller generated corpus
//   npm run bench -- --runs 5     runs per measurement (the median is printed)
//
// Each measurement runs the built CLI in a child process under GNU time (/usr/bin/time -v) for
// wall time and peak memory (RSS), so figures are what a user sees, start-up included.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(root, '..', 'shared');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const NFILES = Number(opt('--files', 2000));
const RUNS = Number(opt('--runs', 3));
const PEERS = args.includes('--peers');
const PEERS_DIR = process.env.PEERS_DIR ?? '/tmp/peers';
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const BIN = join(root, 'bin', 'pitchlint.js');

if (!existsSync(join(root, 'dist', 'cli.js'))) {
  console.error('bench: build first (npm run build)');
  process.exit(2);
}

/** Run a command once; returns wall seconds and peak RSS in MiB (of the process tree's largest). */
function timed(cmd, cmdArgs, options = {}) {
  const env = { ...process.env, NO_COLOR: '1', ...options.env };
  if (GNU_TIME) {
    const r = spawnSync(GNU_TIME, ['-v', cmd, ...cmdArgs], { cwd: options.cwd ?? root, env, encoding: 'utf8', maxBuffer: 1 << 30 });
    const err = r.stderr ?? '';
    const wallText = /Elapsed \(wall clock\) time.*: (.+)/.exec(err)?.[1] ?? '0';
    const wall = wallText.split(':').reduce((s, x) => s * 60 + Number(x), 0);
    const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(err)?.[1] ?? 0);
    return { wall, rssMiB: rssKb / 1024, status: r.status, stdout: r.stdout };
  }
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, cmdArgs, { cwd: options.cwd ?? root, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { wall: Number(process.hrtime.bigint() - t) / 1e9, rssMiB: NaN, status: r.status, stdout: r.stdout };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

/** Median wall and max RSS over RUNS runs. */
function measure(cmd, cmdArgs, options = {}) {
  const runs = [];
  for (let i = 0; i < (options.runs ?? RUNS); i++) runs.push(timed(cmd, cmdArgs, options));
  const bad = runs.find((r) => r.status !== 0 && r.status !== 1 && !options.anyStatus);
  if (bad) throw new Error(`${cmd} ${cmdArgs.slice(0, 4).join(' ')} … exited ${bad.status}`);
  return { wall: median(runs.map((r) => r.wall)), rssMiB: Math.max(...runs.map((r) => r.rssMiB)), stdout: runs.at(-1).stdout };
}

function filesOf(dir, exts) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (exts.some((x) => e.name.endsWith(x))) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

const bytesOf = (files) => files.reduce((n, f) => n + statSync(f).size, 0);
const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const row = (cells, widths) => cells.map((c, i) => String(c).padStart(widths[i])).join(' ');
const WIDTHS = [28, 7, 11, 8, 8, 9, 9, 9];
const header = () => console.log(row(['run', 'files', 'bytes', 'wall_s', 'MB/s', 'files/s', 'rss_MiB', 'findings'], WIDTHS));

function countFindings(stdout) {
  try {
    return JSON.parse(stdout).reduce((n, r) => n + r.messages.length, 0);
  } catch {
    return NaN;
  }
}

function report(name, files, bytes, m, findings = countFindings(m.stdout)) {
  console.log(row([name, files, bytes, fmt(m.wall), fmt(bytes / 1e6 / m.wall, 3), fmt(files / m.wall, 1), fmt(m.rssMiB, 1), findings], WIDTHS));
  return { name, wall: m.wall, mbps: bytes / 1e6 / m.wall, rss: m.rssMiB, findings };
}

const supportsConcurrency = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' }).stdout.includes('--concurrency');

console.log(`# pitchlint ${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version} bench — node ${process.version}, ${(await import('node:os')).cpus().length} cores, runs=${RUNS} (median wall, max RSS)`);

// ---- cold start: one short email with findings ------------------------------------------------
const email = join(root, 'fixtures', 'email.txt');
{
  console.log('\n## cold start: one short email with findings (fixtures/email.txt)');
  const runs = Math.max(RUNS, 5);
  const snap = measure(process.execPath, [BIN, '--format', 'json', email], { runs });
  const plain = measure(process.execPath, [BIN, '--format', 'json', email], { runs, env: { PITCHLINT_NO_SNAPSHOT: '1' } });
  const version = measure(process.execPath, [BIN, '--version'], { runs });
  console.log(`  pitchlint (snapshot)      wall ${fmt(snap.wall)} s   rss ${fmt(snap.rssMiB, 1)} MiB   findings ${countFindings(snap.stdout)}`);
  console.log(`  pitchlint (no snapshot)   wall ${fmt(plain.wall)} s   rss ${fmt(plain.rssMiB, 1)} MiB`);
  console.log(`  pitchlint --version       wall ${fmt(version.wall)} s`);
  if (PEERS) {
    const emailMd = email; // peers lint .txt as text
    const peers = peerCommands([emailMd]);
    for (const [name, cmd, cargs, env] of peers) {
      const m = measure(cmd, cargs, { runs, anyStatus: true, env });
      console.log(`  ${name.padEnd(24)}  wall ${fmt(m.wall)} s   rss ${fmt(m.rssMiB, 1)} MiB   (pitchlint is ${fmt(m.wall / snap.wall, 1)}x faster)`);
    }
  }
}

// ---- generated corpus ------------------------------------------------------------------------
const gen = join(shared, 'bench', 'gen-corpus.mjs');
const results = {};
if (existsSync(gen)) {
  const dir = mkdtempSync(join(tmpdir(), `pitchlint-bench-${NFILES}-`));
  execFileSync(process.execPath, [gen, dir, String(NFILES)], { stdio: 'ignore' });
  const files = filesOf(dir, ['.md', '.txt']);
  const bytes = bytesOf(files);
  const rel = files.map((f) => relative(dir, f));
  console.log(`\n## generated corpus: ${files.length} sales emails (${fmt(bytes / 1e6, 2)} MB), gen-corpus.mjs seed 20251122`);
  header();
  results.single = report('pitchlint single-threaded', files.length, bytes, measure(process.execPath, [BIN, '--format', 'json', '.'], { cwd: dir }));
  if (supportsConcurrency) {
    results.workers = report('pitchlint --concurrency auto', files.length, bytes, measure(process.execPath, [BIN, '--format', 'json', '--concurrency', 'auto', '.'], { cwd: dir }));
  }
  if (PEERS) {
    for (const [name, cmd, cargs, env] of peerCommands(rel)) {
      const m = measure(cmd, cargs, { cwd: dir, anyStatus: true, env });
      results[name] = report(name, files.length, bytes, m, '-');
    }
    console.log('\n## ratios (throughput, single-threaded pitchlint vs peer)');
    for (const [name] of peerCommands([])) {
      if (results[name]) console.log(`  pitchlint / ${name}: ${fmt(results.single.mbps / results[name].mbps, 1)}x the MB/s`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
} else {
  console.log(`\n(generated corpus skipped: ${gen} not found)`);
}

// ---- the shared real corpus -------------------------------------------------------------------
const corpus = join(shared, 'corpus');
if (existsSync(corpus)) {
  const textFiles = filesOf(corpus, ['.md', '.txt', '.markdown']);
  const allFiles = filesOf(corpus, ['.md', '.txt', '.markdown', '.eml', '.mbox', '.html', '.htm', '.docx', '.pdf', '.csv']);
  console.log(`\n## ../shared/corpus (real emails, proposals, quotes, web copy)`);
  header();
  report('text and Markdown files', textFiles.length, bytesOf(textFiles), measure(process.execPath, [BIN, '--format', 'json', '--ext', 'md,txt,markdown', corpus]));
  report('every format', allFiles.length, bytesOf(allFiles), measure(process.execPath, [BIN, '--format', 'json', corpus]));
}

// ---- what the prefilter saves ----------------------------------------------------------------
{
  const r = spawnSync(process.execPath, [BIN, '--format', 'json', join(root, 'fixtures')], { encoding: 'utf8', env: { ...process.env, PITCHLINT_STATS: '1' } });
  const stats = /pitchlint-stats: (.*)/.exec(r.stderr)?.[1];
  if (stats) console.log(`\n## prefilter on fixtures/: ${stats}`);
}

function peerCommands(files) {
  const bin = join(PEERS_DIR, 'node_modules', '.bin');
  if (!existsSync(join(bin, 'textlint'))) {
    console.log(`  (peers not installed: run bash ../shared/bench/peers-setup.sh)`);
    return [];
  }
  const env = { NO_UPDATE_NOTIFIER: '1' };
  return [
    ['textlint+prh', join(bin, 'textlint'), ['--rules-base-directory', join(PEERS_DIR, 'node_modules'), '-c', join(shared, 'bench', 'textlintrc.json'), '-f', 'json', ...files], env],
    ['alex', join(bin, 'alex'), files, env],
    ['write-good', join(bin, 'write-good'), ['--parse', ...files], env],
  ];
}
