#!/bin/sh
":" /*
# bin/pitchlint.js: the pitchlint command. This file is both a POSIX shell script and a JavaScript
# module. Run as a program (npm's bin link, `./bin/pitchlint.js`), the shell part below starts
# Node once, straight from the start-up snapshot (dist/snapshot.blob: the CLI, the tagger and the
# recommended rules already loaded), saving the ~0.1 s a second Node process costs. Run as
# `node bin/pitchlint.js` (and on Windows), the JavaScript part after the comment does the same
# job with one extra process. The compiled CLI lives in dist/ (built by `npm install`).
# PITCHLINT_NO_SNAPSHOT=1 turns the snapshot off.

# Find the package through npm's bin symlinks (no subshells: start-up time is the point).
f=$0
case $f in /*) ;; *) f=$PWD/$f ;; esac
while [ -h "$f" ]; do
  link=$(readlink "$f")
  case $link in /*) f=$link ;; *) f=${f%/*}/$link ;; esac
done
root=${f%/*}/..
node=${PITCHLINT_NODE:-node}

# The snapshot only loads in the Node binary (and with the V8 flags) that built it, recorded in
# dist/snapshot.stamp; it runs in that binary while it is unchanged. --help and --version need no
# tagger, so they take the lighter path.
use=yes
[ -n "$PITCHLINT_NO_SNAPSHOT" ] && use=
[ -n "$PITCHLINT_NODE" ] && use=
[ -n "$NODE_OPTIONS" ] && use=
[ $# -eq 0 ] && use=
for a in "$@"; do
  case $a in -h | --help | -v | --version) use= ;; esac
done
if [ -n "$use" ] && [ -f "$root/dist/snapshot.blob" ] && [ -f "$root/dist/snapshot.stamp" ]; then
  { read -r built && read -r flags; } <"$root/dist/snapshot.stamp"
  if [ -x "$built" ] && ! [ "$built" -nt "$root/dist/snapshot.blob" ]; then
    # '--' keeps pitchlint's options (-c, -v, ...) away from node's own option parser. One or
    # two malloc arenas instead of one per V8 thread: ~10 MB less memory, same speed.
    # shellcheck disable=SC2086 # the flags are words
    PITCHLINT_ROOT=$root MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} "$built" $flags --snapshot-blob "$root/dist/snapshot.blob" -- "$@"
    rc=$?
    # 14: Node could not load the snapshot after all; run without it.
    [ $rc -ne 14 ] && exit $rc
    PITCHLINT_NO_SNAPSHOT=1 exec "$node" "$root/bin/pitchlint.js" "$@"
  fi
fi
# Everything else: the JavaScript part below, in the Node on the PATH.
exec "$node" "$root/bin/pitchlint.js" "$@"
*/

// The JavaScript launcher. When the build made a start-up snapshot for this Node, the run happens
// in a child `node --snapshot-blob` (the tagger's half-second load is already done there); answers
// that need no tagger (--help, --version) and runs the snapshot cannot serve use the plain bundle.
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
    // The Node flags it was built with: V8 refuses a snapshot run with other flags.
    return { blob, flags: meta.flags ?? [] };
  } catch {
    return undefined;
  }
}

const snapshot = snapshotBlob();
if (snapshot) {
  // '--' keeps pitchlint's options (-c, -v, ...) away from node's own option parser.
  const child = spawnSync(process.execPath, [...snapshot.flags, '--snapshot-blob', snapshot.blob, '--', ...args], {
    stdio: 'inherit',
    env: { MALLOC_ARENA_MAX: '2', ...process.env, PITCHLINT_ROOT: root },
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
