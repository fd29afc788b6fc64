// Resolving `extends` entries to pack folders: built-in names (rules/<name>), local paths, and
// npm packages (resolved with Node's module resolution from the config's folder).
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { ConfigError } from '../shared/errors.js';
import { didYouMean } from '../shared/did-you-mean.js';
import { builtinPacksDir } from '../shared/paths.js';
import { checkFolderInsideProject } from '../shared/boundary.js';
import { readdirSync } from 'node:fs';

export function builtinPackNames(): string[] {
  return readdirSync(builtinPacksDir(), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'lexicon')
    .map((d) => d.name)
    .sort();
}

/**
 * The folder of an `extends` entry. With `boundary` (the project root of the config or pack that
 * names it), a local folder outside the project is refused (see shared/boundary.ts); built-in
 * packs and npm packages (which the user installed) are not bounded.
 */
export function resolvePack(entry: string, fromDir: string, where: string, boundary?: string): string {
  const dir = resolveEntry(entry, fromDir, where);
  // npm packages are installed by the user (node_modules of the folders above): not bounded.
  const local = entry.startsWith('.') || isAbsolute(entry.replace(/^pitchlint:/, ''));
  if (boundary !== undefined && local && !isBuiltin(dir))
    checkFolderInsideProject(dir, boundary, `extends "${entry}"`, where);
  return dir;
}

const isBuiltin = (dir: string): boolean => dirname(dir) === builtinPacksDir();

function resolveEntry(entry: string, fromDir: string, where: string): string {
  if (typeof entry !== 'string' || entry.trim() === '')
    throw new ConfigError(
      `extends: an empty entry names no rule pack; write a built-in pack (${builtinPackNames().join(', ')}), a folder ("./team-rules") or an npm package`,
      where,
    );
  const name = entry.replace(/^pitchlint:/, '');
  if (name === '') throw new ConfigError('extends: "pitchlint:" names no pack', where);
  const builtin = join(builtinPacksDir(), name);
  if (!name.includes('/') && !name.startsWith('.') && name !== 'lexicon' && existsSync(builtin)) return builtin;
  if (name.startsWith('.') || isAbsolute(name)) {
    const dir = resolve(fromDir, name);
    if (existsSync(dir) && statSync(dir).isDirectory()) return dir;
    throw new ConfigError(`extends: rule pack folder not found: ${dir}`, where);
  }
  try {
    const require = createRequire(join(fromDir, 'noop.js'));
    const pkgJson = require.resolve(`${name}/package.json`);
    const pkgDir = dirname(pkgJson);
    const rulesDir = join(pkgDir, 'rules');
    return existsSync(join(pkgDir, 'pack.yaml')) || !existsSync(rulesDir) ? pkgDir : rulesDir;
  } catch {
    throw new ConfigError(
      `extends: unknown rule pack "${entry}"${didYouMean(name, builtinPackNames())}; built-in packs: ${builtinPackNames().join(', ')}`,
      where,
    );
  }
}
