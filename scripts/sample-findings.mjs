#!/usr/bin/env node
// Precision on real files: lint ../shared/corpus with the built CLI, draw a fixed-seed sample of
// its findings and print each with the sentence it stands in, for a reader to judge by
// ../shared/eval/GUIDELINES.md (true positive: a sales manager would want it reconsidered).
//
//   node scripts/sample-findings.mjs                      100 findings, seed 16
//   node scripts/sample-findings.mjs --n 50 --seed 7      another sample
//   node scripts/sample-findings.mjs --json               the sample as JSON (to keep verdicts)
//   node scripts/sample-findings.mjs --corpus DIR         another folder of real files
//
// SOURCES.md (the corpus' own index of where its files came from) is not sales writing and is
// left out. The sample is drawn from the findings sorted by file, line and column, so the same
// seed picks the same findings as long as the findings are the same.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : args[i + 1];
};
const n = Number(option('--n', 100));
const seed = Number(option('--seed', 16));
const corpus = resolve(option('--corpus', join(root, '../shared/corpus')));
if (!existsSync(corpus)) {
  console.error(`sample-findings: ${corpus} not found (the shared corpus sits beside the repository)`);
  process.exit(2);
}

let out;
try {
  out = execFileSync(process.execPath, [join(root, 'bin/pitchlint.js'), corpus, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
} catch (e) {
  // exit code 1 means error-level findings: the report is still on stdout
  if (e.status !== 1) throw e;
  out = e.stdout;
}
const results = JSON.parse(out);
const findings = [];
for (const r of results) {
  const file = relative(corpus, r.filePath);
  if (file === 'SOURCES.md') continue;
  for (const m of r.messages) {
    if (m.severity === 0) continue;
    findings.push({
      file,
      line: m.line,
      column: m.column,
      rule: m.ruleId,
      category: m.category,
      match: m.sentence && m.span ? m.sentence.slice(m.span[0], m.span[1]) : '',
      sentence: m.sentence ?? '',
    });
  }
}
findings.sort(
  (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
);

// mulberry32: a small seeded generator, so a sample can be drawn again
function rng(s) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(seed);
const idx = findings.map((_, i) => i);
for (let i = idx.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [idx[i], idx[j]] = [idx[j], idx[i]];
}
const sample = idx
  .slice(0, Math.min(n, idx.length))
  .sort((x, y) => x - y)
  .map((i) => findings[i]);

if (args.includes('--json')) {
  console.log(JSON.stringify({ total: findings.length, seed, sample }, null, 2));
} else {
  console.log(`${findings.length} findings in ${corpus}; sample of ${sample.length}, seed ${seed}\n`);
  sample.forEach((f, k) => {
    console.log(`${String(k + 1).padStart(3)}. ${f.file}:${f.line}:${f.column} ${f.rule} [${f.match}]`);
    console.log(`     ${f.sentence.replace(/\s+/g, ' ').slice(0, 300)}`);
  });
}
