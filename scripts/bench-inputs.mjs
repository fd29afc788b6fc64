#!/usr/bin/env node
// Seconds per MB and peak memory for each input class, at 100 KB, 1 and 10 MB: the linear-time
// and memory check of the parsers (issues 13 and 17). Each class is the kind of input that used
// to be quadratic or memory-heavy (one long run-on sentence, unclosed Markdown emphasis and
// links, CR-only line endings, unclosed `{{`, one huge HTML paragraph, a file of entities, a huge
// CSV cell, thousands of directives, an mbox of many messages) next to plain prose in every
// format (the classes and their generators are test/fuzz/documents.mjs, shared with the fuzz
// suite and the linear-time tests). Every case runs the built CLI (`dist/`, run `npm run build`
// first) in a fresh process, with the default stylish report, and is timed from outside in CPU
// seconds (user + system), so that a busy machine does not change the figures much.
//
//   node scripts/bench-inputs.mjs                      # every class at 100 KB, 1 and 10 MB
//   node scripts/bench-inputs.mjs --sizes 0.1,1        # sizes in MB
//   node scripts/bench-inputs.mjs --only md-emphasis,html-entities
//   node scripts/bench-inputs.mjs --list               # the class names
//
// The bars: CPU seconds per MB flat from 100 KB to 10 MB (the worst size at most twice the
// best), at most 10 CPU s and 1 GiB per case.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLASSES } from '../test/fuzz/documents.mjs';
import { readOptions } from './lib/options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const options = readOptions(
  {
    sizes: { default: '0.1,1,10', list: true, number: true, help: 'file sizes in MB' },
    only: { default: '', list: true, help: 'class names (comma-separated; default every class)' },
    stage: {
      default: 'cli',
      help: 'cli: the whole built CLI; parse: the input layer alone (src/inputs, bundled here)',
    },
    format: { default: 'stylish', help: 'the report format (--stage cli)' },
    src: { default: root, help: 'the checkout whose src/inputs to bundle (--stage parse)' },
    timeout: { default: '120', number: true, help: 'wall seconds before a case is killed' },
    seconds: { default: '10', number: true, help: 'CPU seconds a case may take (the bar)' },
    mib: { default: '1024', number: true, help: 'peak RSS a case may reach, MiB (the bar)' },
    cli: { default: join(root, 'bin', 'pitchlint.js'), help: 'the CLI to run (another build, to compare)' },
    list: { flag: true, help: 'print the class names and stop' },
  },
  { usage: 'node scripts/bench-inputs.mjs [--sizes 0.1,1,10] [--only a,b] [--format stylish]' },
);
if (options.list) {
  console.log(Object.keys(CLASSES).join('\n'));
  process.exit(0);
}
const { sizes, only, format, cli, stage } = options;
if (stage !== 'cli' && stage !== 'parse') {
  console.error(`--stage is cli or parse, not "${stage}"`);
  process.exit(2);
}
for (const name of only)
  if (!Object.hasOwn(CLASSES, name)) {
    console.error(`unknown class "${name}" (--list prints them)`);
    process.exit(2);
  }

const TIME = ['/usr/bin/time', '/bin/time'].find((t) => existsSync(t));
const TIMEOUT = ['/usr/bin/timeout', '/bin/timeout'].find((t) => existsSync(t));

/** Wall and CPU seconds (user + system, from time(1) when there is one) and peak RSS of one run. */
function run(file, warmUp) {
  const t = process.hrtime.bigint();
  // timeout(1) inside time(1): a case over the time limit is killed itself (killing time(1)
  // would leave the CLI running), and time(1) still reports its CPU and memory.
  const command = parser
    ? [process.execPath, parser, file, ...(warmUp ? [warmUp] : [])]
    : [cli, '--format', format, file];
  const limited = TIMEOUT ? [TIMEOUT, '-s', 'KILL', String(options.timeout), ...command] : command;
  const cmd = TIME ? [TIME, ['-f', 'PITCHLINT-TIME %U %S %M', ...limited]] : [limited[0], limited.slice(1)];
  const r = spawnSync(cmd[0], cmd[1], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    // No per-file time budget: the table measures throughput, not the budget.
    env: { ...process.env, NO_COLOR: '1', PITCHLINT_FILE_SECONDS: '0' },
    timeout: TIMEOUT ? undefined : options.timeout * 1000,
  });
  const wall = Number(process.hrtime.bigint() - t) / 1e9;
  const lines = (r.stderr ?? '').trim().split('\n');
  const m = /^PITCHLINT-TIME (\S+) (\S+) (\d+)/.exec(lines.at(-1) ?? '');
  if (m) lines.pop();
  // time(1) prints "Command terminated by signal 9" or "Command exited with non-zero status N".
  while (/^Command (terminated|exited)/.test(lines.at(-1) ?? '')) lines.pop();
  // --stage parse: the parse's own CPU time, as the parser measured it (no start-up in it).
  const own = parser && r.status === 0 ? JSON.parse(r.stdout.trim().split('\n').at(-1)).cpu : undefined;
  const cpu = own ?? (m ? Number(m[1]) + Number(m[2]) : wall);
  const killed = r.signal ?? (r.status === 137 || r.status === 124 ? 'SIGKILL' : null);
  const lastErr = lines.at(-1) ?? '';
  return {
    wall,
    cpu,
    rssMb: m ? Number(m[3]) / 1024 : NaN,
    status: r.status,
    signal: killed,
    err: r.status === 2 || killed ? lastErr : '',
  };
}

/**
 * --stage parse: scripts/lib/parse-file.ts bundled with the input layer of `--src` (default this
 * checkout; another checkout's, to compare), under node_modules so its imports resolve.
 */
async function bundleParser() {
  const { build } = await import('esbuild');
  const out = join(root, 'node_modules', '.cache', 'pitchlint-bench', String(process.pid), 'parse-file.mjs');
  const src = join(options.src, 'src');
  await build({
    entryPoints: [join(root, 'scripts', 'lib', 'parse-file.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: out,
    logLevel: 'warning',
    plugins: [
      {
        name: 'src',
        setup(b) {
          b.onResolve({ filter: /^\.\.\/\.\.\/src\// }, (a) => ({
            path: join(src, a.path.slice(10).replace(/\.js$/, '.ts')),
          }));
        },
      },
    ],
  });
  return out;
}
let parser;

const label = (mb) => (mb < 1 ? `${Math.round(mb * 1000)} KB` : `${mb} MB`);

const main = async () => {
  if (stage === 'parse') parser = await bundleParser();
  const dir = mkdtempSync(join(tmpdir(), 'pitchlint-bench-inputs-'));
  try {
    const header = [
      'class',
      ...sizes.map((s) => `CPU s/MB @ ${label(s)}`),
      ...sizes.map((s) => `peak RSS @ ${label(s)}`),
      'flat (worst/best s/MB)',
    ];
    console.log(`| ${header.join(' | ')} |`);
    console.log(`| ${header.map(() => '---').join(' | ')} |`);
    // --stage cli: start-up is subtracted, per class: the fastest of three runs on a 2 KB file of the class
    // (the process, the rule set, the tagger and the parser loaded once). A per-MB figure is then
    // the work on the file itself, so a flat row means linear time.
    let worst = 0;
    const over = [];
    for (const [name, [ext, gen]] of Object.entries(CLASSES)) {
      if (only.length && !only.includes(name)) continue;
      let base = 0;
      const warm = join(dir, `${name}-warm${ext}`);
      if (parser) writeFileSync(warm, gen(50_000));
      else {
        const small = join(dir, `${name}-start${ext}`);
        writeFileSync(small, gen(2_000));
        base = Math.min(run(small).cpu, run(small).cpu, run(small).cpu);
      }
      const cells = [];
      const rss = [];
      const perMbs = [];
      for (const mb of sizes) {
        const file = join(dir, `${name}-${mb}${ext}`);
        const content = gen(Math.round(mb * 1e6));
        writeFileSync(file, content);
        const mbs = Buffer.byteLength(content) / 1e6;
        const r = run(file, parser ? warm : undefined);
        const perMb = Math.max(0, r.cpu - base) / mbs;
        worst = Math.max(worst, perMb);
        const note = r.signal ? ` (killed: ${r.signal})` : r.err ? ` (exit ${r.status}: ${r.err.slice(0, 60)})` : '';
        if (!note && mbs >= 0.5) perMbs.push(perMb); // below 0.5 MB start-up noise dominates
        cells.push(`${perMb.toFixed(3)}${note}`);
        // A killed case: time(1) saw only timeout(1), not the CLI's memory.
        rss.push(r.signal ? '-' : `${r.rssMb.toFixed(0)} MiB`);
        if (r.cpu > options.seconds || r.rssMb > options.mib || note)
          over.push(
            `${name} @ ${label(mb)}: ${r.signal ? 'killed after' : `${r.cpu.toFixed(1)} CPU s,`} ${r.signal ? `${options.timeout} s wall` : `${r.rssMb.toFixed(0)} MiB`}${note}`,
          );
        rmSync(file);
      }
      const flat = perMbs.length >= 2 ? (Math.max(...perMbs) / Math.max(1e-3, Math.min(...perMbs))).toFixed(2) : '-';
      console.log(`| ${name} | ${cells.join(' | ')} | ${rss.join(' | ')} | ${flat} |`);
    }
    console.log(
      `\n(${parser ? 'the input layer alone (--stage parse): CPU of the parse after a 50 KB warm-up file of the class, RSS of the process' : `the whole CLI, start-up subtracted per class (a 2 KB file of the class); --format ${format}`}; worst ${worst.toFixed(3)} CPU s/MB; ${new Date().toISOString()})`,
    );
    if (over.length) console.log(`over ${options.seconds} CPU s or ${options.mib} MiB:\n  ${over.join('\n  ')}`);
    else console.log(`every case within ${options.seconds} CPU s and ${options.mib} MiB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (parser) rmSync(dirname(parser), { recursive: true, force: true });
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
