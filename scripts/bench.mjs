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
// How a user runs the command: npm's bin link executes bin/pitchlint.js as a program (its shell
// part starts Node once); `node bin/pitchlint.js` (Windows) adds a launcher process.
const PITCHLINT = process.platform === 'win32' ? [process.execPath, BIN] : [BIN];
const pitchlint = (cmdArgs, options) => measure(PITCHLINT[0], [...PITCHLINT.slice(1), ...cmdArgs], options);

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

/** Median wall and max RSS of some runs of one command. */
function summarize(cmd, cmdArgs, runs, options = {}) {
  const bad = runs.find((r) => r.status !== 0 && r.status !== 1 && !options.anyStatus);
  if (bad) throw new Error(`${cmd} ${cmdArgs.slice(0, 4).join(' ')} … exited ${bad.status}`);
  return { wall: median(runs.map((r) => r.wall)), rssMiB: Math.max(...runs.map((r) => r.rssMiB)), stdout: runs.at(-1).stdout };
}

/** Median wall and max RSS over RUNS runs. */
function measure(cmd, cmdArgs, options = {}) {
  const runs = [];
  for (let i = 0; i < (options.runs ?? RUNS); i++) runs.push(timed(cmd, cmdArgs, options));
  return summarize(cmd, cmdArgs, runs, options);
}

/**
 * Several commands measured in turns (run 1 of each, then run 2 of each, ...): on a shared
 * machine whose speed drifts, every command then sees the same stretches of it, and the ratios
 * between them hold better than when each command's runs are taken in one block.
 */
function measureInTurns(commands) {
  const runs = commands.map(() => []);
  for (let i = 0; i < RUNS; i++) commands.forEach(([cmd, cmdArgs, options], k) => runs[k].push(timed(cmd, cmdArgs, options)));
  return commands.map(([cmd, cmdArgs, options], k) => summarize(cmd, cmdArgs, runs[k], options));
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

let coldStart = NaN;

// ---- cold start: one short email with findings ------------------------------------------------
const email = join(root, 'fixtures', 'email.txt');
{
  console.log('\n## cold start: one short email with findings (fixtures/email.txt)');
  const runs = Math.max(RUNS, 5);
  const snap = pitchlint(['--format', 'json', email], { runs });
  const launcher = measure(process.execPath, [BIN, '--format', 'json', email], { runs });
  const plain = pitchlint(['--format', 'json', email], { runs, env: { PITCHLINT_NO_SNAPSHOT: '1' } });
  const version = pitchlint(['--version'], { runs });
  console.log(`  pitchlint                 wall ${fmt(snap.wall)} s   rss ${fmt(snap.rssMiB, 1)} MiB   findings ${countFindings(snap.stdout)}   (bin/pitchlint.js as npm runs it: one Node, from the snapshot)`);
  console.log(`  node bin/pitchlint.js     wall ${fmt(launcher.wall)} s   rss ${fmt(launcher.rssMiB, 1)} MiB   (JavaScript launcher + snapshot child, as on Windows)`);
  console.log(`  pitchlint, no snapshot    wall ${fmt(plain.wall)} s   rss ${fmt(plain.rssMiB, 1)} MiB   (PITCHLINT_NO_SNAPSHOT=1)`);
  console.log(`  pitchlint --version       wall ${fmt(version.wall)} s`);
  coldStart = snap.wall;
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
  // With workers: one thread per core (`auto` leaves a core free, so on two cores it is one thread).
  const cores = (await import('node:os')).availableParallelism();
  const peers = PEERS ? peerCommands(rel) : [];
  const commands = [
    ['pitchlint single-threaded', PITCHLINT[0], [...PITCHLINT.slice(1), '--format', 'json', '.'], { cwd: dir }],
    ...(supportsConcurrency ? [[`pitchlint --concurrency ${cores}`, PITCHLINT[0], [...PITCHLINT.slice(1), '--format', 'json', '--concurrency', String(cores), '.'], { cwd: dir }]] : []),
    ...peers.map(([name, cmd, cargs, env]) => [name, cmd, cargs, { cwd: dir, anyStatus: true, env }]),
  ];
  if (PEERS) console.log(`  (the ${commands.length} commands run in turns, ${RUNS} rounds)`);
  const measured = measureInTurns(commands.map(([, cmd, cargs, options]) => [cmd, cargs, options]));
  commands.forEach(([name], k) => {
    const isPeer = k >= commands.length - peers.length;
    const key = k === 0 ? 'single' : !isPeer ? 'workers' : name;
    results[key] = report(name, files.length, bytes, measured[k], isPeer ? '-' : undefined);
  });
  {
    const r = spawnSync(PITCHLINT[0], [...PITCHLINT.slice(1), '--format', 'json', '.'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, PITCHLINT_STATS: '1' } });
    for (const line of r.stderr.split('\n')) if (line.startsWith('pitchlint-stats: ')) console.log(`  ${line.slice('pitchlint-stats: '.length)}`);
  }
  if (PEERS) {
    console.log('\n## ratios (throughput, single-threaded pitchlint vs peer)');
    for (const [name] of peerCommands([])) {
      if (results[name]) console.log(`  pitchlint / ${name}: ${fmt(results.single.mbps / results[name].mbps, 1)}x the MB/s`);
    }
  }
  // The targets, in this run.
  console.log('\n## targets (issue 7, this run)');
  const mark = (ok) => (ok ? 'met' : 'NOT met');
  const textlint = results['textlint+prh'];
  if (textlint) console.log(`  throughput >= 5x textlint+prh: ${fmt(results.single.mbps / textlint.mbps, 1)}x (${fmt(results.single.mbps, 2)} vs ${fmt(textlint.mbps, 3)} MB/s)  ${mark(results.single.mbps >= 5 * textlint.mbps)}`);
  console.log(`  cold start <= 0.35 s: ${fmt(coldStart)} s  ${mark(coldStart <= 0.35)}`);
  if (Number.isFinite(results.single.rss)) {
    const mb = (results.single.rss * 2 ** 20) / 1e6;
    console.log(`  peak memory <= 150 MB single-threaded: ${fmt(mb, 1)} MB (${fmt(results.single.rss, 1)} MiB)  ${mark(mb <= 150)}`);
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
  report('text and Markdown files', textFiles.length, bytesOf(textFiles), pitchlint(['--format', 'json', '--ext', 'md,txt,markdown', corpus]));
  report('every format', allFiles.length, bytesOf(allFiles), pitchlint(['--format', 'json', corpus]));
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
