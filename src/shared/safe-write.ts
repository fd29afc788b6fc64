// Writing pitchlint's own files (baseline, cache, the -o report) without losing anything:
//
// - a regular file is replaced atomically (a temporary file in the same folder, then rename),
//   keeping its permission bits; the temporary file is removed when anything fails;
// - a symbolic link is followed: its target is written (the link stays a link);
// - a directory, device, FIFO or socket is never replaced. A report (`-o`) may be written into a
//   FIFO or character device (`-o /dev/stdout`), as a shell redirection would; the baseline and
//   the cache must be regular files;
// - every failure is a WriteError: one line naming the path and what went wrong (exit 2).
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { chmod, lstat, mkdir, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ConfigError } from './errors.js';

/** A file pitchlint could not write: exit 2, one line. */
export class WriteError extends ConfigError {
  override name = 'WriteError';
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`cannot write ${path}: ${reason}`);
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'the file is too large',
  EIO: 'input/output error',
  EPIPE: 'the reader closed the pipe',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
};

/** One phrase for a file-system error: "no space left on the device (ENOSPC)". */
export function describeIoError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (!code) return (e as Error)?.message ?? String(e);
  return `${REASONS[code] ?? 'input/output error'} (${code})`;
}

export interface SafeWriteOptions {
  /** Create missing parent folders (the cache does; a report and a baseline do not). */
  mkdirs?: boolean;
  /** Allow writing into an existing FIFO or character device in place (reports only). */
  allowSpecial?: boolean;
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'it is a folder';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'it is a device, not a regular file';
  if (st.isFIFO()) return 'it is a FIFO, not a regular file';
  if (st.isSocket()) return 'it is a socket, not a regular file';
  return 'it is not a regular file';
}

/** Write `data` to `path` as described above. */
export async function safeWriteFile(
  path: string,
  data: string | Uint8Array,
  options: SafeWriteOptions = {},
): Promise<void> {
  let target = path;
  let existing: Stats | undefined;
  try {
    const l = await lstat(path);
    if (l.isSymbolicLink()) {
      // Write the link's target, never the link. A dangling link is refused.
      try {
        target = await realpath(path);
        existing = await stat(target);
      } catch (e) {
        throw new WriteError(
          path,
          `it is a symbolic link whose target cannot be used (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
        );
      }
    } else existing = l;
  } catch (e) {
    if (e instanceof WriteError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new WriteError(path, describeIoError(e));
  }

  if (existing && !existing.isFile()) {
    if (options.allowSpecial && (existing.isFIFO() || existing.isCharacterDevice())) {
      try {
        const fh = await open(target, 'w');
        try {
          await fh.writeFile(data);
        } finally {
          await fh.close();
        }
        return;
      } catch (e) {
        throw new WriteError(path, describeIoError(e));
      }
    }
    throw new WriteError(path, kindOf(existing));
  }

  const dir = dirname(target);
  if (options.mkdirs) {
    try {
      await mkdir(dir, { recursive: true });
    } catch (e) {
      throw new WriteError(path, describeIoError(e));
    }
  }
  const tmp = join(dir, `.${basename(target)}.pitchlint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let created = false;
  try {
    const fh = await open(tmp, 'wx', existing ? existing.mode & 0o7777 : 0o666);
    created = true;
    try {
      await fh.writeFile(data);
      await fh.sync().catch(() => undefined);
    } finally {
      await fh.close();
    }
    if (existing) await chmod(tmp, existing.mode & 0o7777).catch(() => undefined);
    await rename(tmp, target);
    created = false;
  } catch (e) {
    if (created) await unlink(tmp).catch(() => undefined);
    throw new WriteError(path, describeIoError(e));
  }
}
