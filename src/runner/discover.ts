// Which files to lint: explicit files, folders (walked for the linted extensions) and globs, with
// .gitignore, .pitchlintignore and configured ignores respected. Patterns that match nothing are
// reported, as ESLint does.
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';

export interface DiscoverOptions {
  cwd: string;
  extensions: string[];
}

export interface Discovery {
  files: string[];
  /** Arguments that matched no file. */
  unmatched: string[];
}

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export async function discoverFiles(patterns: string[], options: DiscoverOptions): Promise<Discovery> {
  const files = new Set<string>();
  const unmatched: string[] = [];
  const exts = options.extensions.map((e) => e.replace(/^\./, ''));
  const extGlob = exts.length === 1 ? `*.${exts[0]}` : `*.{${exts.join(',')}}`;
  let globbyFn: typeof import('globby').globby | undefined;
  const globby = async (): Promise<typeof import('globby').globby> => (globbyFn ??= (await import('globby')).globby);

  for (const pattern of patterns) {
    const abs = resolve(options.cwd, pattern);
    const st = await stat(abs).catch(() => undefined);
    let found: string[];
    if (st?.isFile()) {
      // An explicitly named file is linted whatever its extension (unless ignored by a rule file).
      found = [abs];
    } else {
      const g = await globby();
      // globby's .gitignore support needs every path inside its cwd: search from the folder
      // itself, or from the static part of the glob.
      const [base, glob] = st?.isDirectory() ? [abs, `**/${extGlob}`] : splitGlob(abs);
      found = await g([glob], {
        cwd: base,
        absolute: true,
        onlyFiles: true,
        dot: false,
        gitignore: true,
        ignoreFiles: ['**/.pitchlintignore'],
        ignore: ALWAYS_IGNORED,
      });
    }
    if (found.length === 0) unmatched.push(pattern);
    for (const f of found) files.add(f);
  }
  return { files: [...files].sort(), unmatched };
}

function toPosix(p: string): string {
  return p.replace(/\\/g, '/');
}

/** "/a/b/**​/*.md" -> ["/a/b", "**​/*.md"]: the folder before the first glob character. */
function splitGlob(abs: string): [string, string] {
  const parts = toPosix(abs).split('/');
  const i = parts.findIndex((p) => /[*?[\]{}()!]/.test(p));
  if (i <= 0) return [dirname(abs), basename(abs)];
  return [parts.slice(0, i).join('/') || '/', parts.slice(i).join('/')];
}
