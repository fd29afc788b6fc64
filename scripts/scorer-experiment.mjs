#!/usr/bin/env node
// Does a learned scorer earn its place (issue 16, item 4)? Trains a logistic regression on the
// corpus dev part and compares it with the rules on sets it never saw: the corpus held-out part
// and the shared real and written sets (read-only measurement, when ../shared is there).
//
//   node scripts/scorer-experiment.mjs            (after npm run build)
//
// Features: lower-cased word unigrams and bigrams (digits folded), optionally the rules' own
// verdicts (which category fired). Variants printed: the model alone, rules OR model above a
// threshold (a recall supplement), rules AND model (a precision gate). Nothing here ships: the
// figures decide whether a scorer goes into the engine. Deterministic (fixed order, no random).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const read = (p) =>
  readFileSync(p, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const part = (p) =>
  readdirSync(join(root, 'test/corpus/claims', p))
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => read(join(root, 'test/corpus/claims', p, f)));
const sets = { 'corpus dev': part('dev'), 'corpus held-out': part('heldout') };
const shared = resolve(root, '../shared/eval');
if (existsSync(shared))
  for (const f of readdirSync(shared)
    .filter((f) => f.endsWith('.jsonl'))
    .sort())
    sets[`shared ${f}`] = read(join(shared, f));
else console.error('(../shared/eval not found: shared sets skipped)');

const { lintFiles } = await import(join(root, 'dist/api.js'));
async function ruleHits(items) {
  const dir = mkdtempSync(join(tmpdir(), 'pitchlint-scorer-'));
  try {
    items.forEach((it, i) => writeFileSync(join(dir, `s${i}.txt`), `${it.text}\n`));
    writeFileSync(join(dir, '.pitchlintrc.yaml'), 'extends: [recommended]\n');
    const run = await lintFiles({ cwd: dir, patterns: ['.'], configFile: join(dir, '.pitchlintrc.yaml') });
    const hits = new Map();
    for (const r of run.results) {
      const m = /s(\d+)\.txt$/.exec(r.filePath);
      if (m)
        hits.set(
          Number(m[1]),
          r.findings.filter((f) => f.severity !== 'off').map((f) => f.category),
        );
    }
    return items.map((_, i) => hits.get(i) ?? []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function features(text, cats, useRules) {
  const toks =
    text
      .toLowerCase()
      .replace(/[’']/g, "'")
      .replace(/\d+/g, '0')
      .match(/[a-z0']+|[%$#!?]/g) ?? [];
  const f = new Set(['bias']);
  toks.forEach((t, i) => {
    f.add(`u:${t}`);
    if (i + 1 < toks.length) f.add(`b:${t}_${toks[i + 1]}`);
  });
  if (useRules) {
    if (cats.length) f.add('R:any');
    for (const c of cats) f.add(`R:${c}`);
  }
  return [...f];
}

// Plain SGD logistic regression with L2; a fixed permutation per epoch keeps it deterministic.
function train(data, epochs = 30, l2 = 1e-4, rate = 0.2) {
  const w = new Map();
  for (let e = 0; e < epochs; e++) {
    const lr = rate / (1 + e * 0.3);
    const order = data
      .map((_, i) => i)
      .sort((a, b) => ((a * 2654435761 + e * 97) % 1000003) - ((b * 2654435761 + e * 97) % 1000003));
    for (const i of order) {
      const { x, y } = data[i];
      const g = prob(w, x) - y;
      for (const k of x) {
        const v = w.get(k) ?? 0;
        w.set(k, v - lr * (g + l2 * v));
      }
    }
  }
  return w;
}
function prob(w, x) {
  let z = 0;
  for (const k of x) z += w.get(k) ?? 0;
  return 1 / (1 + Math.exp(-z));
}
function score(items, pred) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  items.forEach((it, i) => {
    if (pred[i] && it.flag) tp++;
    else if (pred[i]) fp++;
    else if (it.flag) fn++;
  });
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return `P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)}`;
}

const hits = {};
for (const [name, items] of Object.entries(sets)) hits[name] = await ruleHits(items);
for (const useRules of [false, true]) {
  const dev = sets['corpus dev'];
  const w = train(dev.map((it, i) => ({ x: features(it.text, hits['corpus dev'][i], useRules), y: it.flag ? 1 : 0 })));
  console.log(`\n## model on ${useRules ? 'words + rule verdicts' : 'words only'}, trained on corpus dev`);
  for (const [name, items] of Object.entries(sets)) {
    if (name === 'corpus dev') continue;
    const ps = items.map((it, i) => prob(w, features(it.text, hits[name][i], useRules)));
    const fired = hits[name].map((c) => c.length > 0);
    console.log(`${name}`);
    console.log(`  rules alone          ${score(items, fired)}`);
    console.log(
      `  model > 0.5          ${score(
        items,
        ps.map((p) => p > 0.5),
      )}`,
    );
    for (const t of [0.7, 0.9])
      console.log(
        `  rules or model > ${t}  ${score(
          items,
          ps.map((p, i) => fired[i] || p > t),
        )}`,
      );
    console.log(
      `  rules and model > .3 ${score(
        items,
        ps.map((p, i) => fired[i] && p > 0.3),
      )}`,
    );
  }
}
