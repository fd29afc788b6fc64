#!/usr/bin/env node
// The speed benchmark (`npm run bench`): prints figures, asserts nothing.
//
//   npm run bench                   cold start; the distinct-sentence corpus (the headline), the
//                                   generated corpus it is made from, and ../shared/corpus
//   npm run bench -- --peers        each corpus paired with textlint+prh (installed by
//                                   ../shared/bench/peers-setup.sh), the ratio taken per round
//   npm run bench -- --against DIR  pair with another pitchlint build too (a package folder with
//                                   bin/ and dist/, e.g. a copy of main's): before/after figures
//   npm run bench -- --workers      --concurrency auto against 1, on all cores and on one (taskset)
//   npm run bench -- --memory 2000,16000   peak RSS against the number of files (--format json;
//                                   --memory-formats json,sarif for more)
//   npm run bench -- --only distinct,cold  some sections only (cold, distinct, generated, real)
//   npm run bench -- --files 200    a smaller generated corpus
//   npm run bench -- --runs 5       rounds per measurement (medians are printed)
//
// Each measurement runs the built CLI in a child process under GNU time (/usr/bin/time -v) for
// wall time and peak memory (RSS), so figures are what a user sees, start-up included. The
// machine is shared: commands that are compared run in turns (A B A B ...), and a ratio is taken
// within each round before its median, so load that drifts over a run hits both sides alike.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// ../shared next to the repository; BENCH_SHARED=/path when the build benchmarked lives elsewhere.
const shared = process.env.BENCH_SHARED ?? join(root, '..', 'shared');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const NFILES = Number(opt('--files', 2000));
const RUNS = Number(opt('--runs', 3));
const PEERS = args.includes('--peers');
const WORKERS = args.includes('--workers');
const MEMORY = opt('--memory') ? opt('--memory').split(',').map(Number) : undefined;
const MEMORY_FORMATS = (opt('--memory-formats') ?? 'json').split(',');
const ONLY = opt('--only')?.split(',');
const wanted = (section) => !ONLY || ONLY.includes(section);
const AGAINST = opt('--against') ? resolve(opt('--against')) : undefined;
const AGAINST_BIN = AGAINST && join(AGAINST, 'bin', 'pitchlint.js');
const AGAINST_LABEL = AGAINST && basename(AGAINST);
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
    const r = spawnSync(GNU_TIME, ['-v', cmd, ...cmdArgs], { cwd: options.cwd ?? root, env, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', options.discard ? 'ignore' : 'pipe', 'pipe'] });
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
  return { wall: median(runs.map((r) => r.wall)), rssMiB: Math.max(...runs.map((r) => r.rssMiB)), stdout: runs.at(-1).stdout ?? '' };
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
  const rounds = [];
  for (let i = 0; i < RUNS; i++) {
    const round = commands.map(([cmd, cmdArgs, options]) => timed(cmd, cmdArgs, options));
    round.forEach((r, k) => runs[k].push(r));
    rounds.push(round);
  }
  return { summaries: commands.map(([cmd, cmdArgs, options], k) => summarize(cmd, cmdArgs, runs[k], options)), rounds };
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
const WIDTHS = [34, 7, 11, 8, 8, 9, 9, 9];
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


console.log(`# pitchlint ${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version} bench — node ${process.version}, ${(await import('node:os')).cpus().length} cores, runs=${RUNS} (median wall, max RSS)`);

let coldStart = NaN;

// ---- cold start: one short email with findings ------------------------------------------------
const email = join(root, 'fixtures', 'email.txt');
if (wanted('cold')) {
  console.log('\n## cold start: one short email with findings (fixtures/email.txt)');
  const runs = Math.max(RUNS, 5);
  const snap = pitchlint(['--format', 'json', email], { runs });
  const before = AGAINST ? measure(AGAINST_BIN, ['--format', 'json', email], { runs }) : undefined;
  const launcher = measure(process.execPath, [BIN, '--format', 'json', email], { runs });
  const plain = pitchlint(['--format', 'json', email], { runs, env: { PITCHLINT_NO_SNAPSHOT: '1' } });
  const version = pitchlint(['--version'], { runs });
  console.log(`  pitchlint                 wall ${fmt(snap.wall)} s   rss ${fmt(snap.rssMiB, 1)} MiB   findings ${countFindings(snap.stdout)}   (bin/pitchlint.js as npm runs it: one Node, from the snapshot)`);
  console.log(`  node bin/pitchlint.js     wall ${fmt(launcher.wall)} s   rss ${fmt(launcher.rssMiB, 1)} MiB   (JavaScript launcher + snapshot child, as on Windows)`);
  console.log(`  pitchlint, no snapshot    wall ${fmt(plain.wall)} s   rss ${fmt(plain.rssMiB, 1)} MiB   (PITCHLINT_NO_SNAPSHOT=1)`);
  console.log(`  pitchlint --version       wall ${fmt(version.wall)} s`);
  if (before) console.log(`  pitchlint @ ${AGAINST_LABEL.padEnd(12)} wall ${fmt(before.wall)} s   rss ${fmt(before.rssMiB, 1)} MiB   findings ${countFindings(before.stdout)}`);
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

// ---- corpora, each against textlint+prh (and another pitchlint build) in paired turns -----------
// The generated corpus repeats its template sentences (13,164 distinct of 57,037), and pitchlint
// memoizes per sentence, so it flatters pitchlint; its distinct-sentence copy
// (../shared/bench/unique-corpus.mjs) is the headline figure, and ../shared/corpus is real text.
const gen = join(shared, 'bench', 'gen-corpus.mjs');
const uniq = join(shared, 'bench', 'unique-corpus.mjs');
const results = {};
const cleanup = [];
const corpora = [];
if (existsSync(gen)) {
  const dir = mkdtempSync(join(tmpdir(), `pitchlint-bench-${NFILES}-`));
  cleanup.push(dir);
  execFileSync(process.execPath, [gen, dir, String(NFILES)], { stdio: 'ignore' });
  const files = filesOf(dir, ['.md', '.txt']);
  if (wanted('distinct') && existsSync(uniq)) {
    const udir = mkdtempSync(join(tmpdir(), `pitchlint-bench-distinct-${NFILES}-`));
    cleanup.push(udir);
    execFileSync(process.execPath, [uniq, dir, udir], { stdio: 'ignore' });
    const ufiles = filesOf(udir, ['.md', '.txt']);
    corpora.push({ key: 'distinct', title: `distinct-sentence copy of the generated corpus (unique-corpus.mjs): the headline`, dir: udir, files: ufiles });
  }
  if (wanted('generated'))
    corpora.push({ key: 'generated', title: `generated corpus: ${files.length} sales emails, gen-corpus.mjs seed 20251122 (template sentences repeat)`, dir, files });
} else {
  console.log(`\n(generated corpora skipped: ${gen} not found)`);
}
const corpusDir = join(shared, 'corpus');
if (wanted('real') && existsSync(corpusDir)) {
  // textlint+prh reads Markdown and plain text; the other formats are timed for pitchlint alone below.
  corpora.push({ key: 'real', title: '../shared/corpus, text and Markdown files (real emails, proposals, quotes, web copy)', dir: corpusDir, files: filesOf(corpusDir, ['.md', '.txt']) });
}

for (const c of corpora) {
  const bytes = bytesOf(c.files);
  const rel = c.files.map((f) => relative(c.dir, f));
  console.log(`\n## ${c.title}\n   ${c.files.length} files, ${fmt(bytes / 1e6, 2)} MB`);
  const commands = [['pitchlint', PITCHLINT[0], [...PITCHLINT.slice(1), '--format', 'json', ...rel], { cwd: c.dir }]];
  if (AGAINST) commands.push([`pitchlint @ ${AGAINST_LABEL}`, AGAINST_BIN, ['--format', 'json', ...rel], { cwd: c.dir }]);
  const textlint = PEERS ? peerCommands(rel).find(([name]) => name === 'textlint+prh') : undefined;
  if (textlint) commands.push([textlint[0], textlint[1], textlint[2], { cwd: c.dir, anyStatus: true, env: textlint[3] }]);
  console.log(`   (${commands.length} commands in turns, ${RUNS} rounds; the ratio is taken per round, then its median)`);
  header();
  const { summaries, rounds } = measureInTurns(commands.map(([, cmd, cargs, options]) => [cmd, cargs, options]));
  commands.forEach(([name], k) => {
    results[`${c.key}:${name}`] = report(name, c.files.length, bytes, summaries[k], k === 0 || name.startsWith('pitchlint @') ? undefined : '-');
  });
  for (let k = 1; k < commands.length; k++) {
    const ratios = rounds.map((r) => r[k].wall / r[0].wall);
    const m = median(ratios);
    results[`${c.key}:ratio:${commands[k][0]}`] = m;
    console.log(`  pitchlint vs ${commands[k][0]}: ${ratios.map((x) => fmt(x)).join(', ')} per round -> median ${fmt(m)}x (its wall / pitchlint's)`);
  }
  const r = spawnSync(PITCHLINT[0], [...PITCHLINT.slice(1), '--format', 'json', ...rel], { cwd: c.dir, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, PITCHLINT_STATS: '1' } });
  for (const line of r.stderr.split('\n')) if (line.startsWith('pitchlint-stats: ')) console.log(`  ${line.slice('pitchlint-stats: '.length)}`);
}

if (wanted('real') && existsSync(corpusDir)) {
  const allFiles = filesOf(corpusDir, ['.md', '.txt', '.markdown', '.eml', '.mbox', '.html', '.htm', '.docx', '.pdf', '.csv']);
  console.log(`\n## ../shared/corpus, every format (pitchlint alone)`);
  header();
  report('every format', allFiles.length, bytesOf(allFiles), pitchlint(['--format', 'json', corpusDir]));
}

// ---- workers: --concurrency auto against one thread, on every core and on one (taskset) ---------
if (WORKERS && corpora.length) {
  const c = corpora.find((x) => x.key === 'distinct') ?? corpora[0];
  const bytes = bytesOf(c.files);
  console.log(`\n## workers: --concurrency auto vs 1 (${c.key} corpus, in turns, ${RUNS} rounds)`);
  const taskset = existsSync('/usr/bin/taskset') ? '/usr/bin/taskset' : undefined;
  const setups = [[`${availableParallelism()} cores`, []], ...(taskset ? [['1 core (taskset -c 0)', [taskset, '-c', '0']]] : [])];
  for (const [label, prefix] of setups) {
    const cmd = (conc) => {
      const full = [...prefix, ...PITCHLINT, '--format', 'json', '--concurrency', conc, '.'];
      return [full[0], full.slice(1), { cwd: c.dir }];
    };
    const { summaries, rounds } = measureInTurns([cmd('1'), cmd('auto'), cmd('2')]);
    header();
    ['--concurrency 1', '--concurrency auto', '--concurrency 2'].forEach((n, k) => report(`${label}: ${n}`, c.files.length, bytes, summaries[k]));
    for (const k of [1, 2]) {
      const ratios = rounds.map((r) => r[k].wall / r[0].wall);
      console.log(`  ${label}: ${k === 1 ? 'auto' : '2'} / 1 wall: ${ratios.map((x) => fmt(x)).join(', ')} -> median ${fmt(median(ratios))}`);
    }
  }
}

// ---- memory against the number of files -------------------------------------------------------
if (MEMORY && existsSync(gen)) {
  console.log(`\n## peak memory against the number of files (--format json to /dev/null, one run each)`);
  header();
  for (const n of MEMORY) {
    const dir = mkdtempSync(join(tmpdir(), `pitchlint-bench-mem-${n}-`));
    execFileSync(process.execPath, [gen, dir, String(n)], { stdio: 'ignore' });
    const files = filesOf(dir, ['.md', '.txt']);
    for (const format of MEMORY_FORMATS) {
      const m = measure(PITCHLINT[0], [...PITCHLINT.slice(1), '--format', format, '.'], { cwd: dir, runs: 1, discard: true });
      results[`memory:${n}:${format}`] = report(`${n} docs, --format ${format}`, files.length, bytesOf(files), m, '-');
      if (AGAINST) {
        const a = measure(AGAINST_BIN, ['--format', format, '.'], { cwd: dir, runs: 1, discard: true });
        report(`  @ ${AGAINST_LABEL}`, files.length, bytesOf(files), a, '-');
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- the bars of issue 13, in this run -----------------------------------------------------------
console.log('\n## targets (issue 13, this run; ratios are medians of per-round ratios)');
const mark = (ok) => (ok ? 'met' : 'NOT met');
for (const [key, bar] of [['distinct', 5], ['generated', 8]]) {
  const ratio = results[`${key}:ratio:textlint+prh`];
  if (ratio !== undefined) console.log(`  ${key}: single thread >= ${bar}x textlint+prh: ${fmt(ratio, 1)}x  ${mark(ratio >= bar)}`);
}
console.log(`  cold start <= 0.25 s: ${fmt(coldStart)} s  ${mark(coldStart <= 0.25)}`);
for (const [key, m] of Object.entries(results)) {
  if (key.startsWith('memory:') && key.endsWith(':json') && Number(key.split(':')[1]) >= 16000)
    console.log(`  peak RSS <= 150 MiB at ${key.split(':')[1]} docs, --format json: ${fmt(m.rss, 1)} MiB  ${mark(m.rss <= 150)}`);
}
for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });

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
