// Build step: validate the built-in packs and the lexicon once and write dist/builtins.json
// (see rules/builtin-cache.ts). A broken built-in rule fails the build with its file and line.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { parseYaml } from '../shared/yaml-source.js';
import { dirname, join, relative } from 'node:path';
import { BUILTIN_CACHE_FILE, fingerprint, type BuiltinCache } from './builtin-cache.js';
import { loadLexicon, loadPackDir } from './loader.js';
import { builtinPacksDir, lexiconDir, packageRoot } from '../shared/paths.js';

export async function precompileBuiltins(): Promise<string> {
  // Read the YAML itself, not a previous build's cache (and leave the environment as it was: the
  // start-up snapshot is built by a child of this process).
  const before = process.env.PITCHLINT_NO_BUILTIN_CACHE;
  process.env.PITCHLINT_NO_BUILTIN_CACHE = '1';
  try {
    return await precompile();
  } finally {
    if (before === undefined) delete process.env.PITCHLINT_NO_BUILTIN_CACHE;
    else process.env.PITCHLINT_NO_BUILTIN_CACHE = before;
  }
}

async function precompile(): Promise<string> {
  const root = packageRoot();
  const out: BuiltinCache = { fingerprints: {}, packs: {}, lexicon: (await loadLexicon()).data };
  out.fingerprints[relative(root, lexiconDir())] = fingerprint(lexiconDir());
  const rewrites = join(lexiconDir(), 'rewrites.yaml');
  if (existsSync(rewrites)) out.lexiconFiles = { rewrites: parseYaml(readFileSync(rewrites, 'utf8'), rewrites).value };
  for (const entry of readdirSync(builtinPacksDir(), { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'lexicon') continue;
    const dir = join(builtinPacksDir(), entry.name);
    const rel = relative(root, dir);
    const { info, rules } = await loadPackDir(dir);
    out.fingerprints[rel] = fingerprint(dir);
    out.packs[rel] = {
      info: { name: info.name, version: info.version, description: info.description, extends: info.extends },
      rules: rules.map((r) => ({ ...r, file: relative(root, r.file) })),
    };
  }
  const file = join(root, BUILTIN_CACHE_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(out));
  return file;
}
