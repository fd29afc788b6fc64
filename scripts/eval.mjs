#!/usr/bin/env node
// Detection quality: precision, recall and F1, overall and per category, on the project's own
// labeled corpus (test/corpus/claims: the held-out part is the headline, the dev part is what
// rules are tuned on) and on the shared sets beside the repository when they are there.
//
//   npm run eval                       held-out, dev, and every ../shared/eval/*.jsonl found
//   npm run eval -- --set dev          one set (heldout, dev, or a path to a .jsonl)
//   npm run eval -- --misses 30        list false positives and misses (dev and shared sets only
//                                      unless --show-heldout: tuning on held-out misses is overfitting)
//   npm run eval -- --json             figures as JSON
//
// Each sentence is linted on its own, as ../shared/eval/score.mjs does: written to a file of its
// own and linted in one run with the built-in configuration; flagged = at least one finding.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
};
const misses = Number(option('--misses') ?? 0);
const asJson = args.includes('--json');
const showHeldout = args.includes('--show-heldout');
const only = option('--set');

const CATEGORIES = ['absolute', 'guarantee', 'commitment', 'speed', 'superlative', 'roadmap', 'pricing', 'pressure'];

function readJsonl(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

function corpusPart(part) {
  const dir = join(root, 'test/corpus/claims', part);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readJsonl(join(dir, f)));
}

// Collected text names its public source; written sentences say `written`.
const isRealText = (item) => /^(https?:|github:)/.test(String(item.source ?? ''));

function sets() {
  const out = [];
  const add = (name, items, hidden) => items.length > 0 && out.push({ name, items, hidden });
  if (only && (only.endsWith('.jsonl') || only.includes('/'))) {
    add(basename(only), readJsonl(resolve(only)), false);
    return out;
  }
  if (!only || only === 'heldout') {
    const heldout = corpusPart('heldout');
    add('corpus held-out', heldout, !showHeldout);
    // The real-text slice is the closest proxy for text nobody here wrote.
    add('corpus held-out, real text only', heldout.filter(isRealText), !showHeldout);
  }
  if (!only || only === 'dev') {
    const dev = corpusPart('dev');
    add('corpus dev', dev, false);
    add('corpus dev, real text only', dev.filter(isRealText), false);
  }
  const shared = resolve(root, '../shared/eval');
  if (!only && existsSync(shared)) {
    for (const f of readdirSync(shared)
      .filter((f) => f.endsWith('.jsonl'))
      .sort())
      add(`shared ${f}`, readJsonl(join(shared, f)), false);
  } else if (!only) {
    console.error('(../shared/eval not found: shared sets skipped)');
  }
  return out;
}

async function flaggedIds(items) {
  const { lintFiles } = await import(join(root, 'dist/api.js'));
  const dir = mkdtempSync(join(tmpdir(), 'pitchlint-eval-'));
  try {
    items.forEach((it, i) => writeFileSync(join(dir, `s${i}.txt`), `${it.text}\n`));
    // Like the CLI with no configuration file: the recommended pack.
    writeFileSync(join(dir, '.pitchlintrc.yaml'), 'extends: [recommended]\n');
    const run = await lintFiles({ cwd: dir, patterns: ['.'], configFile: join(dir, '.pitchlintrc.yaml') });
    const flagged = new Map();
    for (const r of run.results) {
      const m = /s(\d+)\.txt$/.exec(r.filePath);
      if (m && r.findings.some((f) => f.severity !== 'off'))
        flagged.set(
          Number(m[1]),
          r.findings.map((f) => f.ruleId),
        );
    }
    return flagged;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function score(items, flagged) {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  const perCat = Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fn: 0, flaggedNeg: 0 }]));
  const fps = [],
    fns = [];
  items.forEach((it, i) => {
    const got = flagged.has(i);
    if (it.flag && got) tp++;
    else if (it.flag) {
      fn++;
      fns.push(it);
    } else if (got) {
      fp++;
      fps.push({ ...it, rules: flagged.get(i) });
    } else tn++;
    if (it.flag && perCat[it.category]) perCat[it.category][got ? 'tp' : 'fn']++;
  });
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  return { n: items.length, tp, fp, fn, tn, precision: p, recall: r, f1, perCat, fps, fns };
}

const results = [];
for (const set of sets()) {
  const s = score(set.items, await flaggedIds(set.items));
  results.push({ name: set.name, ...s, hidden: set.hidden });
}

if (asJson) {
  console.log(
    JSON.stringify(
      results.map(({ fps: _fps, fns: _fns, hidden: _hidden, ...r }) => r),
      null,
      2,
    ),
  );
} else {
  for (const r of results) {
    console.log(
      `\n## ${r.name}: ${r.n} sentences  P ${r.precision.toFixed(3)}  R ${r.recall.toFixed(3)}  F1 ${r.f1.toFixed(3)}  (tp ${r.tp} fp ${r.fp} fn ${r.fn} tn ${r.tn})`,
    );
    for (const c of CATEGORIES) {
      const { tp, fn } = r.perCat[c];
      if (tp + fn) console.log(`  recall ${c.padEnd(12)} ${(tp / (tp + fn)).toFixed(3)} (${tp}/${tp + fn})`);
    }
    if (misses > 0 && !r.hidden) {
      console.log('  false positives:');
      for (const x of r.fps.slice(0, misses)) console.log(`    ${x.id} [${x.rules.join(',')}] ${x.text}`);
      console.log('  missed:');
      for (const x of r.fns.slice(0, misses))
        console.log(`    ${x.id} (${x.category}/${x.construction ?? ''}) ${x.text}`);
    }
  }
}
