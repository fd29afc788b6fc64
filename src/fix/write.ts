// Writing a fixed file back: atomically (a temporary file in the same folder, then a rename), in
// the file's own encoding (BOM kept; line endings are untouched because bounded fixes never add or
// remove a line break), with the file's mode. The file system is respected:
//   - a symlink is followed: the target is fixed and the link stays a link;
//   - a read-only file (no write bit, or not writable by this user) is refused, never replaced;
//   - a file with more than one hard link is refused (a rename would split the links);
//   - anything but a regular file (a device, a FIFO) is refused;
//   - a file that changed on disk since it was read for linting is not overwritten: its contents
//     are compared before the temporary file is written, and its size, modification time and
//     contents are checked again just before the rename.
// Temporary files are named `.NAME.pitchlint-PID-HEX.tmp`; they are removed on SIGINT/SIGTERM,
// and those a killed run left behind (their PID no longer runs) are removed by the next --fix.
import { createHash, randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import {
  access,
  chmod,
  constants,
  lstat,
  readdir,
  readFile,
  realpath,
  rename,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { encodeText } from '../inputs/source-text.js';
import type { SourceText } from '../shared/types.js';

export type WriteResult =
  | { written: true }
  | {
      written: false;
      reason: string;
      /** true for an I/O error (the run exits 2); false when the file was left alone on purpose. */
      ioError?: boolean;
    };

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

export interface WriteOptions {
  /** Called after the temporary file is written, before the final check (tests use it). */
  beforeCommit?: () => Promise<void> | void;
}

// ---- temporary files: cleaned on signals, and after a killed run -------------------------------

const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let handlersOn = false;

function onSignal(sig: NodeJS.Signals): void {
  for (const t of live) {
    try {
      unlinkSync(t);
    } catch {
      // already gone
    }
  }
  live.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  handlersOn = false;
  // Die of the same signal, as if we had not caught it.
  process.kill(process.pid, sig);
}

function track(tmp: string): void {
  live.add(tmp);
  if (!handlersOn) {
    for (const s of SIGNALS) process.on(s, onSignal);
    handlersOn = true;
  }
}

function untrack(tmp: string): void {
  live.delete(tmp);
  if (live.size === 0 && handlersOn) {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    handlersOn = false;
  }
}

/** The temporary-file name pattern; group 1 is the PID of the run that made it. */
export const TEMP_NAME = /^\..+\.pitchlint-(\d+)-[0-9a-f]+\.tmp$/;

function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove the temporary files a killed run left in these folders. Returns the paths removed. */
export async function removeStaleTemps(dirs: Iterable<string>): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of new Set(dirs)) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = TEMP_NAME.exec(name);
      if (!m || running(Number(m[1]))) continue;
      const p = join(dir, name);
      try {
        if (!(await lstat(p)).isFile()) continue;
        await unlink(p);
        removed.push(p);
      } catch {
        // raced with someone else's cleanup
      }
    }
  }
  return removed;
}

// ---- writing -----------------------------------------------------------------------------------

const ioFailure = (what: string, e: unknown): WriteResult => ({
  written: false,
  reason: `${what} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
  ioError: true,
});

/** Write `text` over `file`, whose linted version was `source`. */
export async function writeFixed(
  file: string,
  source: SourceText,
  text: string,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const linted = encodeText(source, source.text);
  // A symlink: fix its target, keep the link.
  let target: string;
  try {
    target = (await lstat(file)).isSymbolicLink() ? await realpath(file) : file;
  } catch (e) {
    return ioFailure('cannot read it back', e);
  }
  let before;
  try {
    before = await stat(target);
  } catch (e) {
    return ioFailure('cannot read it back', e);
  }
  if (!before.isFile()) return { written: false, reason: 'not a regular file; not changed' };
  if ((before.mode & 0o222) === 0) return { written: false, reason: 'read-only; not changed' };
  try {
    await access(target, constants.W_OK);
  } catch {
    return { written: false, reason: 'read-only for this user; not changed' };
  }
  if (before.nlink > 1)
    return {
      written: false,
      reason: `has ${before.nlink} hard links; not changed (an atomic write would split them; pitchlint --fix-dry-run shows the change)`,
    };
  try {
    if (sha(await readFile(target)) !== sha(linted))
      return { written: false, reason: 'changed on disk since it was linted; not overwritten' };
  } catch (e) {
    return ioFailure('cannot read it back', e);
  }
  const mode = before.mode & 0o7777;
  const tmp = join(
    dirname(target),
    `.${basename(target)}.pitchlint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  track(tmp);
  try {
    await writeFile(tmp, encodeText(source, text), { flag: 'wx', mode });
    await chmod(tmp, mode);
    await options.beforeCommit?.();
    const now = await stat(target);
    if (now.size !== before.size || now.mtimeMs !== before.mtimeMs || sha(await readFile(target)) !== sha(linted)) {
      await unlink(tmp).catch(() => undefined);
      return { written: false, reason: 'changed on disk during the run; not overwritten' };
    }
    await rename(tmp, target);
    return { written: true };
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    return ioFailure('could not be written', e);
  } finally {
    untrack(tmp);
  }
}
