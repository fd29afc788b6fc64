// The one home of temporary file trees in tests: a scratch folder holding given files.
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A temporary folder with the given files (path -> content). The path is resolved through
 * symlinks (macOS's /tmp is one), so it compares equal to the paths a server or the CLI reports.
 */
export function tempTree(files: Record<string, string | Buffer> = {}, prefix = 'pitchlint-test-'): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  writeTree(dir, files);
  return dir;
}

/** Write `files` (path -> content) under `dir`, creating folders as needed. */
export function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}
