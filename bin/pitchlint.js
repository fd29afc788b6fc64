#!/usr/bin/env node
// The pitchlint command, portable launcher (bin/pitchlint, the package's bin on POSIX systems,
// does the same without a second Node process). The compiled CLI lives in dist/ (built by
// `npm install`).
//
// When the build made a start-up snapshot for this Node (dist/snapshot.blob, the CLI with the
// NLP tagger already loaded), the run happens in `node --snapshot-blob`: that saves most of the
// half second the tagger takes to load. Answers that need no tagger (--help, --version) use the
// plain bundle. PITCHLINT_NO_SNAPSHOT=1 turns the snapshot off.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function snapshotBlob() {
  if (process.env.PITCHLINT_NO_SNAPSHOT) return undefined;
  // V8 flags in NODE_OPTIONS (--max-old-space-size, ...) make Node refuse the snapshot.
  if (process.env.NODE_OPTIONS) return undefined;
  if (args.some((a) => /^(-h|--help|-v|--version)$/.test(a)) || args.length === 0) return undefined;
  const blob = join(root, 'dist', 'snapshot.blob');
  try {
    const meta = JSON.parse(readFileSync(join(root, 'dist', 'snapshot.json'), 'utf8'));
    if (meta.node !== process.version || meta.arch !== process.arch || !existsSync(blob)) return undefined;
  } catch {
    return undefined;
  }
  return blob;
}

const blob = snapshotBlob();
if (blob) {
  // '--' keeps pitchlint's options (-c, -v, ...) away from node's own option parser.
  const child = spawnSync(process.execPath, ['--snapshot-blob', blob, '--', ...args], {
    stdio: 'inherit',
    env: { ...process.env, PITCHLINT_ROOT: root },
  });
  if (child.error) {
    process.stderr.write(`pitchlint: could not start (${child.error.message})\n`);
    process.exitCode = 2;
  } else if (child.signal) {
    process.kill(process.pid, child.signal);
  } else {
    process.exitCode = child.status ?? 2;
  }
} else {
  const { main } = await import('../dist/cli.js');
  process.exitCode = await main(process.argv);
}
