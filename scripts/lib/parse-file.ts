// The input layer alone, for scripts/bench-inputs.mjs --stage parse: read one file, run its
// adapter (src/inputs) to blocks, and locate every block's start and end, as a lint run would.
// Bundled by the bench with esbuild into a temporary file; prints one JSON line of figures.
import { readFileSync } from 'node:fs';
import { writeHeapSnapshot } from 'node:v8';
import { adapterForFile } from '../../src/inputs/registry.js';

const [file, warmUp] = process.argv.slice(2) as [string, string | undefined];
const adapter = await adapterForFile(file);
// A smaller file of the same class first, untimed: the figures are then the parser's steady
// cost, not the compiler's warm-up (which dominates at 100 KB).
if (warmUp) await adapter.parse({ filePath: warmUp, bytes: new Uint8Array(readFileSync(warmUp)) }, {});
const bytes = new Uint8Array(readFileSync(file));
const started = process.cpuUsage();
const doc = await adapter.parse({ filePath: file, bytes }, {});
let chars = 0;
for (const block of doc.blocks) {
  chars += block.text.length;
  block.locate(0);
  block.locate(block.text.length);
}
const used = process.cpuUsage(started);
// With --expose-gc, heapMb is what the document holds (garbage collected first).
(globalThis as { gc?: () => void }).gc?.();
// PITCHLINT_HEAP_SNAPSHOT=file.heapsnapshot: what the parsed document holds, for a profiler.
if (process.env.PITCHLINT_HEAP_SNAPSHOT) writeHeapSnapshot(process.env.PITCHLINT_HEAP_SNAPSHOT);
process.stdout.write(
  `${JSON.stringify({ blocks: doc.blocks.length, chars, cpu: (used.user + used.system) / 1e6, heapMb: process.memoryUsage().heapUsed / 2 ** 20, held: doc.blocks.length })}\n`,
);
