#!/usr/bin/env node
// Benchmark at scale (issue 5): lint a generated set of realistic documents single-threaded and
// with --concurrency auto, without a cache, filling a cold --cache and with a warm one. Prints
// files/s, MB/s and peak memory (RSS of the whole CLI process, worker threads included) for each,
// the speed-ups, and checks that every run printed the same report.
//
//   node scripts/bench-scale.mjs [FILES]        (default 2000; RUNS=3 repeats each run, median kept)
//
// Needs the shared corpus generator at ../shared/bench/gen-corpus.mjs (skipped without it) and a
// built dist/ (npm run build). Peak memory comes from GNU time (/usr/bin/time -v) when present,
// else from process.resourceUsage() in a wrapper that runs the CLI in-process.
// PITCHLINT_BIN / PITCHLINT_DIST: benchmark another build than bin/pitchlint.js and dist/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const generator = join(root, '..', 'shared', 'bench', 'gen-corpus.mjs');
const N = Number(process.argv[2] ?? process.env.FILES ?? 2000);
const RUNS = Math.max(1, Number(process.env.RUNS ?? 1));
const bin = resolve(process.env.PITCHLINT_BIN ?? join(root, 'bin', 'pitchlint.js'));
const dist = resolve(process.env.PITCHLINT_DIST ?? join(root, 'dist'));

if (!existsSync(generator)) {
  console.log(`bench-scale: skipped (${generator} not found; it comes with the shared benchmark folder)`);
  process.exit(0);
}
if (!existsSync(join(dist, 'cli.js')) || !existsSync(join(dist, 'worker.js'))) {
  console.error('bench-scale: build first (npm run build)');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'pitchlint-bench-scale-'));
const corpus = join(work, 'corpus');
const gen = spawnSync(process.execPath, [generator, corpus, String(N)], { encoding: 'utf8' });
if (gen.status !== 0) {
  console.error(`bench-scale: corpus generator failed: ${gen.stderr}`);
  process.exit(2);
}
const docs = readdirSync(corpus).filter((f) => /\.(md|txt)$/.test(f));
const bytes = docs.reduce((n, f) => n + statSync(join(corpus, f)).size, 0);

const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' }).stderr.includes('Maximum resident');
const wrapper = join(work, 'rss-wrapper.mjs');
writeFileSync(
  wrapper,
  `import { main } from ${JSON.stringify(pathToFileURL(join(dist, 'cli.js')).href)};\n` +
    `const code = await main(['node', 'pitchlint', ...process.argv.slice(2)]);\n` +
    `process.stderr.write('\\nMAXRSS_KB=' + process.resourceUsage().maxRSS + '\\n');\n` +
    `process.exitCode = code;\n`,
);

const cacheFile = join(work, 'cache', '.pitchlintcache');
const SCENARIOS = [
  { name: 'single-threaded, no cache', args: [] },
  { name: '--concurrency auto, no cache', args: ['--concurrency', 'auto'] },
  { name: 'single-threaded, cold --cache', args: ['--cache', '--cache-location', cacheFile], clearCache: true },
  { name: 'single-threaded, warm --cache', args: ['--cache', '--cache-location', cacheFile] },
  { name: '--concurrency auto, cold --cache', args: ['--concurrency', 'auto', '--cache', '--cache-location', cacheFile], clearCache: true },
  { name: '--concurrency auto, warm --cache', args: ['--concurrency', 'auto', '--cache', '--cache-location', cacheFile] },
];

function runOnce(args, out) {
  const cliArgs = ['--format', 'json', '--output-file', out, '--no-progress', ...args, '.'];
  const [cmd, argv] = gnuTime
    ? ['/usr/bin/time', ['-v', process.execPath, bin, ...cliArgs]]
    : [process.execPath, [wrapper, ...cliArgs]];
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { cwd: corpus, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  if (!existsSync(out) || (r.status !== 0 && r.status !== 1)) throw new Error(`pitchlint exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const m = gnuTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr) : /MAXRSS_KB=(\d+)/.exec(r.stderr);
  return { seconds, rssMB: m ? Number(m[1]) / 1024 : NaN };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

console.log(`pitchlint bench-scale: ${docs.length} documents, ${(bytes / 1e6).toFixed(2)} MB (gen-corpus.mjs, default seed)`);
console.log(`host: ${cpus()[0]?.model ?? 'cpu'} x${availableParallelism()}, Node ${process.version}; ${RUNS} run(s) per row, median; memory from ${gnuTime ? 'GNU time -v' : 'process.resourceUsage()'}`);
console.log('');

const rows = [];
const outputs = new Map();
for (const s of SCENARIOS) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    if (s.clearCache) rmSync(cacheFile, { force: true });
    const out = join(work, `out-${rows.length}.json`);
    runs.push(runOnce(s.args, out));
    outputs.set(s.name, readFileSync(out, 'utf8'));
  }
  const seconds = median(runs.map((r) => r.seconds));
  const rssMB = Math.max(...runs.map((r) => r.rssMB));
  rows.push({ ...s, seconds, rssMB });
  console.log(
    `${s.name.padEnd(34)} ${seconds.toFixed(2).padStart(7)} s ${(docs.length / seconds).toFixed(0).padStart(6)} files/s ${(bytes / 1e6 / seconds).toFixed(2).padStart(6)} MB/s  peak ${rssMB.toFixed(0).padStart(5)} MB`,
  );
}

const t = (name) => rows.find((r) => r.name === name).seconds;
const base = t('single-threaded, no cache');
console.log('');
console.log(`speed-up, --concurrency auto vs single-threaded (no cache): ${(base / t('--concurrency auto, no cache')).toFixed(2)}x`);
console.log(`speed-up, warm --cache vs no cache (single-threaded):        ${(base / t('single-threaded, warm --cache')).toFixed(2)}x`);
console.log(`speed-up, warm --cache + --concurrency auto vs single:        ${(base / t('--concurrency auto, warm --cache')).toFixed(2)}x`);
console.log(`cold --cache overhead (writing the cache), single-threaded:   ${(((t('single-threaded, cold --cache') - base) / base) * 100).toFixed(1)}%`);
const reference = outputs.get('single-threaded, no cache');
const same = [...outputs.values()].every((o) => o === reference);
console.log(`every run printed the same report: ${same ? 'yes' : 'NO'}`);
rmSync(work, { recursive: true, force: true });
if (!same) process.exit(1);
