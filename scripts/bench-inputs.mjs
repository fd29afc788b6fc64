#!/usr/bin/env node
// Seconds per MB for each input class, at 100 KB, 1, 3 and 10 MB: the linear-time check of the
// parsers (issue 17). Each class is the kind of input that used to be quadratic (one long run-on
// sentence, unclosed Markdown emphasis and links, one huge HTML paragraph, a file of entities, a
// huge CSV cell, unclosed `{{`, thousands of directives, an mbox of many messages) next to plain
// prose in every format (the classes and their generators are test/fuzz/documents.mjs, shared
// with the fuzz suite and the linear-time tests). Every case runs the built CLI (`dist/`, run `npm run build` first) in a
// fresh process, with the default stylish report, and is timed from outside.
//
//   node scripts/bench-inputs.mjs                 # every class at 100 KB, 1, 3 and 10 MB
//   node scripts/bench-inputs.mjs --sizes 0.1,1   # sizes in MB
//   node scripts/bench-inputs.mjs --only md-emphasis,html-entities
//
// The bar: seconds per MB flat from 100 KB to 10 MB, and well under a second per MB.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLASSES } from '../test/fuzz/documents.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'pitchlint.js');

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const sizes = opt('--sizes', '0.1,1,3,10').split(',').map(Number);
const only = opt('--only', '')?.split(',').filter(Boolean) ?? [];
const format = opt('--format', 'stylish');

const TIME = ['/usr/bin/time', '/bin/time'].find((t) => existsSync(t));

/** Wall and CPU seconds (user + system, from time(1) when there is one) and peak RSS of one run. */
function run(file) {
  const t = process.hrtime.bigint();
  const cmd = TIME
    ? [TIME, ['-f', 'PITCHLINT-TIME %U %S %M', cli, '--format', format, file]]
    : [cli, ['--format', format, file]];
  const r = spawnSync(cmd[0], cmd[1], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    // No per-file time budget: the table measures throughput, not the budget.
    env: { ...process.env, NO_COLOR: '1', PITCHLINT_FILE_SECONDS: '0' },
    timeout: Number(opt('--timeout', '600')) * 1000,
  });
  const wall = Number(process.hrtime.bigint() - t) / 1e9;
  const lines = (r.stderr ?? '').trim().split('\n');
  const m = /^PITCHLINT-TIME (\S+) (\S+) (\d+)/.exec(lines.at(-1) ?? '');
  if (m) lines.pop();
  const cpu = m ? Number(m[1]) + Number(m[2]) : wall;
  const status = m && r.status === null ? null : r.status;
  const lastErr = lines.at(-1) ?? '';
  return {
    wall,
    cpu,
    rssMb: m ? Number(m[3]) / 1024 : NaN,
    status,
    signal: r.signal,
    err: r.status === 2 || r.signal ? lastErr : '',
  };
}

const main = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pitchlint-bench-inputs-'));
  try {
    const header = [
      'class',
      ...sizes.map((s) => `CPU s/MB @ ${s < 1 ? `${s * 1000} KB` : `${s} MB`}`),
      'wall s/MB, peak RSS @ largest',
    ];
    console.log(`| ${header.join(' | ')} |`);
    console.log(`| ${header.map(() => '---').join(' | ')} |`);
    // Start-up is subtracted, per class: the fastest of three runs on a 2 KB file of the class
    // (the process, the rule set, the tagger and the parser loaded once). A per-MB figure is then
    // the work on the file itself, so a flat row means linear time.
    let worst = 0;
    for (const [name, [ext, gen]] of Object.entries(CLASSES)) {
      if (only.length && !only.includes(name)) continue;
      const small = join(dir, `${name}-start${ext}`);
      writeFileSync(small, gen(2_000));
      const starts = [run(small), run(small), run(small)];
      const base = { cpu: Math.min(...starts.map((r) => r.cpu)), wall: Math.min(...starts.map((r) => r.wall)) };
      const cells = [];
      let last = '';
      for (const mb of sizes) {
        const file = join(dir, `${name}-${mb}${ext}`);
        const content = gen(Math.round(mb * 1e6));
        writeFileSync(file, content);
        const mbs = Buffer.byteLength(content) / 1e6;
        const r = run(file);
        const perMb = Math.max(0, r.cpu - base.cpu) / mbs;
        worst = Math.max(worst, perMb);
        const note = r.signal ? ` (killed: ${r.signal})` : r.err ? ` (exit ${r.status}: ${r.err.slice(0, 60)})` : '';
        cells.push(`${perMb.toFixed(3)}${note}`);
        last = `${(Math.max(0, r.wall - base.wall) / mbs).toFixed(3)}, ${r.rssMb.toFixed(0)} MiB`;
        rmSync(file);
      }
      console.log(`| ${name} | ${cells.join(' | ')} | ${last} |`);
    }
    console.log(
      `\n(start-up subtracted per class: a 2 KB file of the class; --format ${format}; worst ${worst.toFixed(3)} CPU s/MB; ${new Date().toISOString()})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
