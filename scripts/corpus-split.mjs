#!/usr/bin/env node
// Split the labeled claims corpus into a development part and a held-out part, by source: every
// sentence of one source (a web page, a repository file, a written batch) lands in the same part,
// so the held-out part measures text whose source was never studied while tuning.
//
//   node scripts/corpus-split.mjs DIR_WITH_PART_FILES
//
// Reads DIR/*.jsonl (one file per collector), writes test/corpus/claims/{dev,heldout}/<file>.
// A quarter of the sources are held out, chosen by a hash of the source name (stable across runs
// and independent of the order of the files).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const input = resolve(process.argv[2] ?? join(root, 'test/corpus/claims/raw'));
const out = join(root, 'test/corpus/claims');
const heldOut = (source) => createHash('sha256').update(source).digest()[0] % 4 === 0;

for (const part of ['dev', 'heldout']) mkdirSync(join(out, part), { recursive: true });
for (const file of readdirSync(input)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()) {
  const lines = readFileSync(join(input, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const parts = { dev: [], heldout: [] };
  for (const line of lines) parts[heldOut(JSON.parse(line).source) ? 'heldout' : 'dev'].push(line);
  for (const [part, rows] of Object.entries(parts))
    writeFileSync(join(out, part, file), rows.map((r) => `${r}\n`).join(''));
  console.log(`${file}: ${parts.dev.length} dev, ${parts.heldout.length} held out`);
}
