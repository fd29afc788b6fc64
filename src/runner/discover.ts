// Which files to lint: explicit files, folders (walked for the linted extensions) and globs, with
// .gitignore, .pitchlintignore and configured ignores respected. Patterns that match nothing are
// reported, as ESLint does. A file named on the command line that a .pitchlintignore matches is
// not linted either (a pre-commit hook names files): it is listed in `ignored`, so the CLI can
// say so, as ESLint does; --no-ignore (`noIgnore`) turns .pitchlintignore off.
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';

export interface DiscoverOptions {
  cwd: string;
  extensions: string[];
  /** --no-ignore: .pitchlintignore files are not read (.gitignore, node_modules and .git still are in folders). */
  noIgnore?: boolean;
}

export interface Discovery {
  files: string[];
  /** Arguments that matched no file. */
  unmatched: string[];
  /** Files named on the command line (not found by walking a folder or a glob). */
  explicit: Set<string>;
  /** Files named on the command line that a .pitchlintignore matches: not in `files`. */
  ignored: string[];
}

export const IGNORE_FILE = '.pitchlintignore';

/**
 * Does a .pitchlintignore match this file? The ignore files of its folder and of the folders above
 * it, up to `cwd` when the file is inside it (otherwise up to the root), each with its patterns
 * relative to its own folder (.gitignore syntax).
 */
export async function ignoredByIgnoreFiles(file: string, cwd: string): Promise<boolean> {
  const { default: ignore } = await import('ignore');
  const inside = !relative(cwd, file).startsWith('..');
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const text = await readFile(resolve(dir, IGNORE_FILE), 'utf8').catch(() => undefined);
    if (text !== undefined && ignore().add(text).ignores(relative(dir, file).split(sep).join('/'))) return true;
    if ((inside && dir === cwd) || dirname(dir) === dir) return false;
  }
}

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export async function discoverFiles(patterns: string[], options: DiscoverOptions): Promise<Discovery> {
  const files = new Set<string>();
  const unmatched: string[] = [];
  const explicit = new Set<string>();
  const ignored: string[] = [];
  const exts = options.extensions.map((e) => e.replace(/^\./, ''));
  const extGlob = exts.length === 1 ? `*.${exts[0]}` : `*.{${exts.join(',')}}`;
  let globbyFn: typeof import('globby').globby | undefined;
  const globby = async (): Promise<typeof import('globby').globby> => (globbyFn ??= (await import('globby')).globby);

  for (const pattern of patterns) {
    const abs = resolve(options.cwd, pattern);
    const st = await stat(abs).catch(() => undefined);
    let found: string[];
    if (st?.isFile()) {
      // An explicitly named file is linted whatever its extension, unless an ignore file matches it.
      if (!options.noIgnore && (await ignoredByIgnoreFiles(abs, resolve(options.cwd)))) {
        if (!ignored.includes(abs)) ignored.push(abs);
        continue;
      }
      found = [abs];
      explicit.add(abs);
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
        ignoreFiles: options.noIgnore ? [] : [`**/${IGNORE_FILE}`],
        ignore: ALWAYS_IGNORED,
      });
    }
    if (found.length === 0) unmatched.push(pattern);
    for (const f of found) files.add(f);
  }
  return { files: [...files].sort(), unmatched, explicit, ignored };
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
