// Resolving `extends` entries to pack folders: built-in names (rules/<name>), local paths, and
// npm packages (resolved with Node's module resolution from the config's folder).
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { ConfigError } from '../shared/errors.js';
import { didYouMean } from '../shared/did-you-mean.js';
import { builtinPacksDir } from '../shared/paths.js';
import { readdirSync } from 'node:fs';

export function builtinPackNames(): string[] {
  return readdirSync(builtinPacksDir(), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'lexicon')
    .map((d) => d.name)
    .sort();
}

export function resolvePack(entry: string, fromDir: string, where: string): string {
  const name = entry.replace(/^pitchlint:/, '');
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
