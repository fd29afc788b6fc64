// Writing a fixed file back: atomically (a temporary file in the same folder, then a rename), in
// the file's own encoding (BOM kept; line endings are untouched because fixes never contain line
// breaks), with the file's mode. A file that changed on disk since it was read for linting is
// not overwritten: its contents are compared before the temporary file is written, and its
// size, modification time and contents are checked again just before the rename.
import { createHash, randomBytes } from 'node:crypto';
import { chmod, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { encodeText } from '../inputs/source-text.js';
import type { SourceText } from '../shared/types.js';

export type WriteResult = { written: true } | { written: false; reason: string };

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

export interface WriteOptions {
  /** Called after the temporary file is written, before the final check (tests use it). */
  beforeCommit?: () => Promise<void> | void;
}

/** Write `text` over `file`, whose linted version was `source`. */
export async function writeFixed(file: string, source: SourceText, text: string, options: WriteOptions = {}): Promise<WriteResult> {
  const linted = encodeText(source, source.text);
  let before;
  try {
    before = await stat(file);
    if (sha(await readFile(file)) !== sha(linted)) return { written: false, reason: 'changed on disk since it was linted; not overwritten' };
  } catch (e) {
    return { written: false, reason: `cannot read it back (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const mode = before.mode & 0o7777;
  const tmp = join(dirname(file), `.${basename(file)}.pitchlint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, encodeText(source, text), { flag: 'wx', mode });
    await chmod(tmp, mode);
    await options.beforeCommit?.();
    const now = await stat(file);
    if (now.size !== before.size || now.mtimeMs !== before.mtimeMs || sha(await readFile(file)) !== sha(linted)) {
      await unlink(tmp).catch(() => undefined);
      return { written: false, reason: 'changed on disk during the run; not overwritten' };
    }
    await rename(tmp, file);
    return { written: true };
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    return { written: false, reason: `could not be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
}
