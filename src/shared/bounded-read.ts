// Reading with a size limit: a file, a FIFO, a device or a stream (standard input) is read up to
// `limit` bytes; more is an error naming the source and the limit, found after reading at most
// limit + 1 bytes (so /dev/zero stops at once instead of growing without bound).
import { open, stat } from 'node:fs/promises';
import { ConfigError } from './errors.js';
import { formatBytes } from './limits.js';

/** More than the limit: `what` names the source ("standard input", a path). */
export class TooLargeError extends ConfigError {
  override name = 'TooLargeError';
  constructor(
    readonly what: string,
    readonly limit: number,
    hint = '',
  ) {
    super(`${what} is larger than ${formatBytes(limit)}, the limit${hint ? `; ${hint}` : ''}`);
  }
}

/** All bytes of an async iterable of chunks (a stream), refusing more than `limit`. */
export async function readStreamBounded(
  stream: AsyncIterable<Buffer | string>,
  limit: number,
  what: string,
  hint = '',
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > limit) {
      (stream as { destroy?: () => void }).destroy?.();
      throw new TooLargeError(what, limit, hint);
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks, size);
}

/**
 * The bytes of a file (or FIFO, or device), at most `limit`. Errors of the file system are left
 * to the caller (their code says what happened); a file over the limit is a TooLargeError.
 */
export async function readFileBounded(path: string, limit: number, what = path, hint = ''): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(1024 * 1024, limit + 1 - size));
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > limit) throw new TooLargeError(what, limit, hint);
      chunks.push(buf.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, size);
  } finally {
    await fh.close();
  }
}

/** readFileBounded, decoded as UTF-8. */
export async function readTextBounded(path: string, limit: number, what = path, hint = ''): Promise<string> {
  return (await readFileBounded(path, limit, what, hint)).toString('utf8');
}

/** A path that is not a regular file (a FIFO would block, a device never end). */
export class NotRegularError extends ConfigError {
  override name = 'NotRegularError';
  readonly code = 'ENOTREG';
}

/**
 * A configuration, rule or facts file: a regular file (followed through symlinks) of at most
 * `limit` bytes, decoded as UTF-8. A FIFO, device or folder is refused before it is opened.
 */
export async function readDataFile(path: string, limit: number): Promise<string> {
  const st = await stat(path);
  if (st.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
  if (!st.isFile()) throw new NotRegularError(`${path} is not a regular file`);
  if (st.size > limit) throw new TooLargeError(path, limit);
  return readTextBounded(path, limit);
}
