// Where the package's own data lives (rules/, schema/), from the source tree or the bundle.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The package root: the nearest folder above this module holding package.json and rules/. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rules'))) return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('pitchlint: cannot find its package folder (rules/ missing)');
    dir = up;
  }
}

export function setPackageRoot(dir: string): void {
  root = resolve(dir);
}

export const schemaPath = (file: string): string => join(packageRoot(), 'schema', file);
export const builtinPacksDir = (): string => join(packageRoot(), 'rules');
export const lexiconDir = (): string => join(packageRoot(), 'rules', 'lexicon');
