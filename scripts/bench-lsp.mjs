// Benchmark of `pitchlint lsp` (issue 15): how long a re-lint of a two-page draft (~1,000 words)
// takes after warm-up, seen from the editor (didChange sent -> publishDiagnostics received for
// that version, debounce off), and how the server's memory (RSS) moves over 10,000 edits.
//
//   node scripts/bench-lsp.mjs [--edits 10000] [--timed 300] [--draft FILE]
//
// The server is started as an editor starts it: the bin/pitchlint.js launcher with `lsp`, over
// stdio (the launcher starts Node from the start-up snapshot; the server's RSS is read from
// /proc). Edits are typing: a sentence typed character by
// character into a paragraph, then deleted again, moving through the draft.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const EDITS = Number(arg('edits', 10_000));
const TIMED = Number(arg('timed', 300));
const WARMUP = 100;
const draftPath = arg('draft', join(root, 'test/servers/fixtures/two-page-proposal.md'));
const draft = readFileSync(draftPath, 'utf8');

const child = spawn(join(root, 'bin/pitchlint.js'), ['lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const uri = pathToFileURL(join(root, 'bench-draft.md')).href;
let doc = TextDocument.create(uri, 'markdown', 1, draft);
const waiting = new Map();
let lastCount = 0;
conn.onNotification('textDocument/publishDiagnostics', (p) => {
  if (p.uri !== uri) return;
  lastCount = p.diagnostics.length;
  const w = waiting.get(p.version);
  if (w) {
    waiting.delete(p.version);
    w();
  }
});
conn.onRequest('client/registerCapability', () => null);
conn.listen();

// The server process: the launcher's shell waits for the Node it starts (to fall back when the
// snapshot cannot load), so the server is the Node process below the spawned pid.
const descendants = (pid) => {
  let kids = [];
  try {
    kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return kids.flatMap((k) => [k, ...descendants(k)]);
};
const serverPid = () => [child.pid, ...descendants(child.pid)].find((p) => /node/.test(readFileSync(`/proc/${p}/comm`, 'utf8'))) ?? child.pid;
const rssMiB = () => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${serverPid()}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};
const diagnosticsFor = (version) => new Promise((r) => waiting.set(version, r));

await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, initializationOptions: { debounceMs: 0 } });
await conn.sendNotification('initialized', {});
let t0 = performance.now();
const first = diagnosticsFor(1);
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: draft } });
await first;
const firstMs = performance.now() - t0;
const findingsOnOpen = lastCount;

// The typing: at the end of each paragraph in turn, type a sentence, then delete it.
const paragraphEnds = [];
for (let i = draft.indexOf('\n\n'); i > 0; i = draft.indexOf('\n\n', i + 2)) paragraphEnds.push(i);
const SENTENCES = [
  ' We will confirm the dates with your team after the workshop.',
  ' Our crews always finish on time and the install is guaranteed.',
  ' The pilot typically takes two weeks, depending on order volume.',
  ' This is the best price we have ever offered, and it ends soon.',
];
function* typing() {
  for (let n = 0; ; n++) {
    const end = paragraphEnds[n % paragraphEnds.length];
    const sentence = SENTENCES[n % SENTENCES.length];
    for (let k = 0; k < sentence.length; k++) yield { kind: 'type', ch: sentence[k], anchor: end, k };
    for (let k = sentence.length; k > 0; k--) yield { kind: 'delete', anchor: end, k };
  }
}
// Offsets shift as earlier paragraphs never change length for long: each typed sentence is
// deleted again before the next paragraph, so `anchor` stays valid.
const edits = typing();
async function edit() {
  const e = edits.next().value;
  const at = e.kind === 'type' ? doc.positionAt(e.anchor + e.k) : doc.positionAt(e.anchor + e.k - 1);
  const change = e.kind === 'type' ? { range: { start: at, end: at }, text: e.ch } : { range: { start: at, end: doc.positionAt(e.anchor + e.k) }, text: '' };
  doc = TextDocument.create(uri, 'markdown', doc.version + 1, TextDocument.applyEdits(doc, [{ range: change.range, newText: change.text }]));
  const done = diagnosticsFor(doc.version);
  const t = performance.now();
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [change] });
  await done;
  return performance.now() - t;
}

for (let i = 0; i < WARMUP; i++) await edit();
const rssStart = rssMiB();
const times = [];
for (let i = 0; i < TIMED; i++) times.push(await edit());
times.sort((a, b) => a - b);
const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];

t0 = performance.now();
const samples = [];
for (let i = 0; i < EDITS; i++) {
  await edit();
  if ((i + 1) % 1000 === 0) samples.push(rssMiB());
}
const soakSeconds = (performance.now() - t0) / 1000;
const rssEnd = rssMiB();

await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
await new Promise((r) => child.once('exit', r));

const words = draft.split(/\s+/).filter(Boolean).length;
console.log(`pitchlint lsp benchmark (${process.version}, ${process.platform}/${process.arch})`);
console.log(`draft: ${draftPath.replace(`${root}/`, '')} (${words} words, ${findingsOnOpen} findings on open)`);
console.log(`first lint on open: ${firstMs.toFixed(1)} ms`);
console.log(`re-lint after warm-up (${TIMED} edits, didChange -> diagnostics): median ${q(0.5).toFixed(1)} ms, p90 ${q(0.9).toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms`);
console.log(`RSS over ${EDITS} edits (${soakSeconds.toFixed(0)} s): ${rssStart.toFixed(1)} MiB after warm-up -> ${rssEnd.toFixed(1)} MiB (growth ${(rssEnd - rssStart).toFixed(1)} MiB)`);
console.log(`RSS every 1,000 edits: ${samples.map((s) => s.toFixed(1)).join(', ')} MiB`);
const ok = q(0.5) <= 30 && rssEnd - rssStart < 10;
console.log(ok ? 'bars met: median <= 30 ms, RSS growth < 10 MiB' : 'BARS NOT MET: median <= 30 ms and RSS growth < 10 MiB');
process.exitCode = ok ? 0 : 1;
