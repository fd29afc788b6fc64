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

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const runs = opt('--runs', '2000');
const seed = opt('--seed', undefined);
const dir = mkdtempSync(join(tmpdir(), 'pitchlint-fuzz-report-'));
const report = join(dir, 'figures.json');
const started = Date.now();
const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/fuzz'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PITCHLINT_FUZZ_RUNS: runs,
    PITCHLINT_FUZZ_CLI: opt('--cli', '200'),
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
