#!/usr/bin/env node
// Split the labeled claims corpus into a development part and a held-out part, by source: every
// sentence of one source (a web page, a repository file, a written batch) lands in the same part,
// so the held-out part measures text whose source was never studied while tuning.
//
//   node scripts/corpus-split.mjs DIR_WITH_PART_FILES
//
// Reads DIR/*.jsonl (one file per collector), writes test/corpus/claims/{dev,heldout}/<file>.
// Sources are held out by a hash of the source name (stable across runs and independent of the
// order of the files): a quarter of them, and a third of those of c5.jsonl, which holds real
// public text only and needs a larger held-out share to measure it. Other part files keep the
// quarter, so a file split by an older copy of this script still lands where this one puts it.
// The corpus test imports `heldOut` to check that every line sits in the part the rule gives.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One source in `heldOutShare(file)` is held out. */
export const heldOutShare = (file) => (file === 'c5.jsonl' ? 3 : 4);

/** Whether every sentence of `source`, collected in part file `file`, belongs to the held-out part. */
export const heldOut = (source, file) => createHash('sha256').update(source).digest()[0] % heldOutShare(file) === 0;

function split(input, out) {
  for (const part of ['dev', 'heldout']) mkdirSync(join(out, part), { recursive: true });
  for (const file of readdirSync(input)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    const lines = readFileSync(join(input, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    const parts = { dev: [], heldout: [] };
    for (const line of lines) parts[heldOut(JSON.parse(line).source, file) ? 'heldout' : 'dev'].push(line);
    for (const [part, rows] of Object.entries(parts))
      writeFileSync(join(out, part, file), rows.map((r) => `${r}\n`).join(''));
    console.log(`${file}: ${parts.dev.length} dev, ${parts.heldout.length} held out`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  split(resolve(process.argv[2] ?? join(root, 'test/corpus/claims/raw')), join(root, 'test/corpus/claims'));
}
