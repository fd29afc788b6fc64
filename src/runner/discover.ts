// Which files to lint: explicit files, folders (walked for the linted extensions) and globs, with
// .gitignore, .pitchlintignore and configured ignores respected. Patterns that match nothing are
// reported, as ESLint does.
//
// A file named on the command line that a .pitchlintignore matches is not linted either (a
// pre-commit hook names files): it is listed in `ignored`, so the CLI can say so, as ESLint does;
// --no-ignore (`noIgnore`) turns .pitchlintignore off. The ignore files of the folders above a
// named folder count too, up to the repository root (or the working folder): `pitchlint docs/`
// honours the root .gitignore as `pitchlint .` does. A symbolic link loop (a folder linking to its
// parent) would give one file under many paths: files are kept once, by their real path. A walked
// file whose real path is outside the project (shared/boundary.ts) is left out; a file named on
// the command line is always linted.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isInside, projectRoot } from '../shared/boundary.js';
import { basename, dirname, join, parse, relative, resolve, sep } from 'node:path';

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
 * it, up to the repository root (or the working folder), each with its patterns relative to its
 * own folder (.gitignore syntax).
 */
export async function ignoredByIgnoreFiles(file: string, cwd: string): Promise<boolean> {
  // Outside the working folder and any repository, a named file's ignore files are looked for up
  // to the file system root (a hook may run from elsewhere).
  return (await ignoreFilesTest(dirname(file), cwd, [IGNORE_FILE], parse(file).root))(file);
}

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export async function discoverFiles(patterns: string[], options: DiscoverOptions): Promise<Discovery> {
  const files = new Set<string>();
  const unmatched: string[] = [];
  const explicit = new Set<string>();
  const ignored: string[] = [];
  const exts = options.extensions.map((e) => e.replace(/^\./, ''));
  const extGlob = exts.length === 1 ? `*.${exts[0]}` : `*.{${exts.join(',')}}`;
  const ignoreNames = options.noIgnore ? ['.gitignore'] : ['.gitignore', IGNORE_FILE];
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
      // Search from the folder itself, or from the static part of the glob.
      const [base, glob] = st?.isDirectory() ? [abs, `**/${extGlob}`] : splitGlob(abs);
      found = await g([glob], {
        cwd: base,
        absolute: true,
        onlyFiles: true,
        dot: false,
        // Ignore files are read once, by ignoreFilesTest below (globby's own reader missed the
        // folders above `base` and some nested patterns).
        ignore: ALWAYS_IGNORED,
      });
      if (found.length) {
        // A walked file reached through a symlink that leaves the project is not linted: a
        // repository cannot make pitchlint print text from elsewhere on the machine.
        const root = realOf(projectRoot(base));
        found = found.filter((f) => isInside(realOf(f), root));
        const isIgnored = await ignoreFilesTest(base, options.cwd, ignoreNames);
        found = found.filter((f) => !isIgnored(f));
      }
    }
    if (found.length === 0) unmatched.push(pattern);
    for (const f of found) files.add(f);
  }
  // One path per real file (a symlink loop repeats a file under ever longer paths).
  const byReal = new Map<string, string>();
  for (const f of [...files].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))) {
    if (!byReal.has(realOf(f))) byReal.set(realOf(f), f);
  }
  return { files: [...byReal.values()].sort(), unmatched, explicit, ignored };
}

const realOf = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    // Vanished: keep the path, linting reports it.
    return p;
  }
};

/**
 * A test for ignore files, as git reads them: each named ignore file from the repository root
 * above `base` (a folder holding .git; or else the working folder, when `base` is inside it; or
 * else `outsideTop` or `base`) down to the file's own folder, its patterns relative to its folder.
 * The one reader of ignore files for walks, globs and named files.
 */
async function ignoreFilesTest(
  base: string,
  cwd: string,
  names: string[],
  outsideTop?: string,
): Promise<(file: string) => boolean> {
  let top: string | undefined;
  for (let d = base; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) {
      top = d;
      break;
    }
    if (dirname(d) === d) break;
  }
  if (top === undefined) {
    const c = resolve(cwd);
    const r = relative(c, base);
    top = r.startsWith('..') || r.startsWith(sep) ? (outsideTop ?? base) : c;
  }
  const { default: ignore } = await import('ignore');
  const byDir = new Map<string, ((rel: string) => boolean) | null>();
  const testOf = (d: string): ((rel: string) => boolean) | null => {
    let t = byDir.get(d);
    if (t === undefined) {
      const ig = ignore();
      let any = false;
      for (const name of names) {
        try {
          ig.add(readFileSync(join(d, name), 'utf8'));
          any = true;
        } catch {
          // No such file.
        }
      }
      t = any ? (rel: string) => ig.ignores(rel) : null;
      byDir.set(d, t);
    }
    return t;
  };
  const root = top;
  return (file) => {
    const dirs: string[] = [];
    for (let d = dirname(file); ; d = dirname(d)) {
      dirs.push(d);
      if (d === root || dirname(d) === d) break;
    }
    return dirs.some((d) => {
      const t = testOf(d);
      return t !== null && t(toPosix(relative(d, file)));
    });
  };
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
