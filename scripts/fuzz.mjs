#!/usr/bin/env node
// The long fuzz run (issue 17): test/fuzz with thousands of cases per format, then a table of
// cases, findings and skipped files per format. `npm test` runs the same properties with a few
// hundred cases each.
//
//   npm run fuzz                       # 2,000 cases per format, 200 per format through the CLI
//   npm run fuzz -- --runs 5000 --seed 42
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readOptions } from './lib/options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { runs, seed, cli } = readOptions(
  {
    runs: { default: '2000', number: true, help: 'cases per format' },
    cli: { default: '200', number: true, help: 'cases per format run through the built CLI' },
    seed: { default: undefined, help: 'the random seed (default: a new one each run)' },
  },
  { usage: 'npm run fuzz -- [--runs 2000] [--cli 200] [--seed 42]' },
);
const dir = mkdtempSync(join(tmpdir(), 'pitchlint-fuzz-report-'));
const report = join(dir, 'figures.json');
const started = Date.now();
const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/fuzz'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PITCHLINT_FUZZ_RUNS: String(runs),
    PITCHLINT_FUZZ_CLI: String(cli),
    PITCHLINT_FUZZ_REPORT: report,
    ...(seed ? { PITCHLINT_FUZZ_SEED: seed } : {}),
  },
});
let figures = {};
try {
  figures = JSON.parse(readFileSync(report, 'utf8'));
} catch {
  // no figures: the run failed before the end
}
rmSync(dir, { recursive: true, force: true });
console.log('\n| format | cases | findings | skipped (one-line error) |');
console.log('| --- | --- | --- | --- |');
let total = 0;
for (const [format, f] of Object.entries(figures)) {
  total += f.cases;
  console.log(`| ${format} | ${f.cases} | ${f.findings} | ${f.fatal} |`);
}
console.log(
  `\n${total} cases in ${((Date.now() - started) / 1000).toFixed(0)} s; ${r.status === 0 ? 'zero failures' : 'FAILURES (see above)'}`,
);
process.exit(r.status ?? 1);
