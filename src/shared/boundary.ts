// The repository boundary: what a configuration file may point at. A repository's config is
// untrusted input (pitchlint lints repositories and mail it did not write), so the rule packs
// (`extends`), rule folders (`rulesDirs`), facts file (`factsFile`) and the packs a local pack
// extends must resolve inside the project: the folder of the config that applies, up to the
// repository root (the nearest folder above it holding `.git`). Outside a repository, the
// project is the topmost folder above the config that holds a pitchlint config too (nested
// configs of one tree), never the home folder or above it. Paths are compared after
// following symbolic links, so a link inside the project cannot point out of it.
//
// What the user gives on the command line (--config, --rules) is trusted, and so are built-in
// packs. Anything else outside the project must be allowed in a user-level setting:
//
//   ~/.config/pitchlint/settings.yaml   ($XDG_CONFIG_HOME/pitchlint/settings.yaml)
//     trustedPaths: [/opt/company/pitchlint-packs, ~/shared/facts]
//
// or, for one run or a CI job, PITCHLINT_TRUSTED_PATHS (folders separated by ":" or ";" on
// Windows). Without it, the error names the path and the setting that allows it.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { ConfigError } from './errors.js';
import { builtinPacksDir } from './paths.js';

/** The user-level settings file (never inside a repository). */
export function userSettingsPath(): string {
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'pitchlint', 'settings.yaml');
}

const real = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
};

/** File names of configuration files (searched upward from each linted file). */
export const CONFIG_NAMES = ['.pitchlintrc.yaml', '.pitchlintrc.yml', 'pitchlint.config.yaml'];

const roots = new Map<string, string>();
/** The project root of a folder holding a config or pack (see above). */
export function projectRoot(dir: string): string {
  const start = real(dir);
  let known = roots.get(start);
  if (known) return known;
  const home = real(homedir());
  let git: string | undefined;
  let top = start;
  for (let d = start; ;) {
    if (existsSync(join(d, '.git'))) {
      git = d;
      break;
    }
    const up = dirname(d);
    if (up === d) break;
    d = up;
    if (isInside(home, d)) continue;
    if (CONFIG_NAMES.some((n) => existsSync(join(d, n)))) top = d;
  }
  known = git ?? top;
  roots.set(start, known);
  return known;
}

/** Whether `path` is `dir` or inside it (both already real, absolute paths). */
export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

let trusted: { key: string; dirs: string[] } | undefined;
/** Folders the user trusts (settings file and PITCHLINT_TRUSTED_PATHS), as real paths. */
export function trustedPaths(): string[] {
  const file = userSettingsPath();
  const env = process.env.PITCHLINT_TRUSTED_PATHS ?? '';
  let stamp = 'none';
  try {
    const st = statSync(file);
    stamp = `${st.size}:${st.mtimeMs}`;
  } catch {
    // No settings file.
  }
  const key = `${file}\0${stamp}\0${env}`;
  if (trusted?.key === key) return trusted.dirs;
  const dirs: string[] = [];
  const add = (p: string): void => {
    const expanded = p.startsWith('~/') || p === '~' ? join(homedir(), p.slice(1)) : p;
    if (expanded && isAbsolute(expanded)) dirs.push(real(expanded));
  };
  for (const p of env.split(delimiter)) if (p.trim()) add(p.trim());
  if (stamp !== 'none') {
    let value: unknown;
    try {
      value = parse(readFileSync(file, 'utf8'), { maxAliasCount: 100 });
    } catch (e) {
      throw new ConfigError(`cannot read the user settings: ${(e as Error).message.split('\n')[0]}`, file);
    }
    const list = (value as { trustedPaths?: unknown } | null)?.trustedPaths;
    if (list !== undefined) {
      if (!Array.isArray(list) || !list.every((p) => typeof p === 'string'))
        throw new ConfigError('"trustedPaths" must be a list of absolute folder paths', file);
      for (const p of list) add(p);
    }
  }
  trusted = { key, dirs };
  return dirs;
}

/**
 * Refuse `target` (a path a config or pack names) unless it is inside `root`, a built-in pack,
 * or a trusted folder. `what` names the key ("extends", "rulesDirs", "factsFile").
 */
export function checkInsideProject(target: string, root: string, what: string, where?: string): void {
  const path = real(target);
  if (isInside(path, real(root)) || isInside(path, real(builtinPacksDir()))) return;
  if (trustedPaths().some((d) => isInside(path, d))) return;
  throw new ConfigError(
    `${what}: ${path} is outside the project (${real(root)}); pitchlint does not read files outside the project a configuration belongs to. Pass it on the command line (--config, --rules), or add its folder to trustedPaths in ${userSettingsPath()} (or PITCHLINT_TRUSTED_PATHS)`,
    where,
  );
}

/**
 * A rule folder (a local pack, a `rulesDirs` entry) and every YAML file in it, each after
 * following its symbolic link: a link to a file outside the project is refused like the folder
 * itself would be (the same error, naming the file). A missing folder is left to the loader.
 */
export function checkFolderInsideProject(dir: string, root: string, what: string, where?: string): void {
  checkInsideProject(dir, root, what, where);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names.sort()) {
    if (/\.ya?ml$/i.test(name)) checkInsideProject(join(dir, name), root, `${what}, file ${name}`, where);
  }
}
