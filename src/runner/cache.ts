// --cache: results of unchanged files are reused. An entry is valid only for the same file content
// (SHA-256), the same effective configuration (rule folders, severities, facts, adapter, engine and
// directive options), the same rule files (every file of every rule folder and the lexicon, by
// content) and the same pitchlint build. So a cached run always prints what a fresh run would.
//
// The cache file is JSON, keyed on paths relative to the folder pitchlint runs in, so a CI cache
// restored into another checkout path still hits. It is written atomically at the end of a run.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedConfig } from '../config/types.js';
import { decodeText } from '../inputs/source-text.js';
import { lexiconDir, packageRoot } from '../shared/paths.js';
import type { FileResult } from '../shared/types.js';
import type { FileLinterOptions } from './file-linter.js';
import { posixRelative } from './file-linter.js';

export const DEFAULT_CACHE_LOCATION = '.pitchlintcache';
const FORMAT = 1;

type StoredResult = Omit<FileResult, 'filePath' | 'source'> & { source?: { bom: boolean; eol: '\n' | '\r\n' } };

interface CacheFile {
  format: number;
  version: string;
  entries: Record<string, { key: string; result: StoredResult }>;
}

/** Where the cache file goes: --cache-location is a file, or a folder (existing, or ending in /). */
export function cacheFilePath(cwd: string, location?: string): string {
  const p = resolve(cwd, location ?? DEFAULT_CACHE_LOCATION);
  if (location && (/[\\/]$/.test(location) || (existsSync(p) && statSync(p).isDirectory()))) return join(p, DEFAULT_CACHE_LOCATION);
  return p;
}

export class LintCache {
  private readonly configKeys = new WeakMap<ResolvedConfig, string>();
  private dirty = false;
  hits = 0;
  misses = 0;

  private constructor(
    readonly file: string,
    private readonly cwd: string,
    private readonly version: string,
    private readonly options: FileLinterOptions,
    private data: CacheFile,
  ) {}

  static async open(file: string, cwd: string, version: string, options: FileLinterOptions): Promise<LintCache> {
    let data: CacheFile | undefined;
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
      if (parsed && parsed.format === FORMAT && parsed.version === version && typeof parsed.entries === 'object') data = parsed;
    } catch {
      // Missing or unreadable cache: start empty (a corrupt cache must never fail a run).
    }
    return new LintCache(file, cwd, version, options, data ?? { format: FORMAT, version, entries: {} });
  }

  /** The cache key of a file's content under a configuration. */
  keyFor(config: ResolvedConfig, bytes: Buffer): string {
    let ck = this.configKeys.get(config);
    if (!ck) {
      ck = sha256(
        JSON.stringify({
          build: buildStamp(),
          version: this.version,
          ruleDirs: config.ruleDirs,
          extraDirs: this.options.rulesDirs ?? [],
          rules: config.rules,
          facts: config.facts,
          factsFile: config.raw.factsFile ? fileDigest(resolve(config.dir, config.raw.factsFile)) : null,
          // Facts can expire: with facts, a result is only reused on the day it was made.
          day: config.raw.factsFile || Object.keys(config.facts).length ? localDay() : null,
          adapter: { ...config.adapter, ...this.options.adapter },
          engine: this.options.engine ?? {},
          suppressions: this.options.suppressions ?? {},
          rulesContent: [...new Set([...config.ruleDirs, ...(this.options.rulesDirs ?? []), lexiconDir()])].map(dirDigest),
        }),
      );
      this.configKeys.set(config, ck);
    }
    return sha256(`${ck}\0${sha256(bytes)}`);
  }

  get(filePath: string, key: string, bytes: Buffer): FileResult | undefined {
    const entry = this.data.entries[posixRelative(this.cwd, filePath)];
    if (!entry || entry.key !== key) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    const { source, ...rest } = entry.result;
    // Each entry is handed out once per run (and replaced by set() when linted again): no copy needed.
    const result: FileResult = { filePath, ...rest };
    if (source) result.source = { ...decodeText(bytes), bom: source.bom, eol: source.eol };
    return result;
  }

  set(filePath: string, key: string, result: FileResult): void {
    const { filePath: _path, source, ...rest } = result;
    const stored: StoredResult = { ...rest, ...(source ? { source: { bom: source.bom, eol: source.eol } } : {}) };
    this.data.entries[posixRelative(this.cwd, filePath)] = { key, result: stored };
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    // Forget files that no longer exist.
    for (const rel of Object.keys(this.data.entries)) if (!existsSync(resolve(this.cwd, rel))) delete this.data.entries[rel];
    await mkdir(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(this.data));
    await rename(tmp, this.file);
    this.dirty = false;
  }
}

const localDay = (d = new Date()): string => `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

const dirDigests = new Map<string, string>();
/** Digest of every file directly in a rule folder (names and contents). */
function dirDigest(dir: string): string {
  let d = dirDigests.get(dir);
  if (d === undefined) {
    const h = createHash('sha256').update(dir);
    try {
      for (const name of readdirSync(dir).sort()) {
        const p = join(dir, name);
        if (!statSync(p).isFile()) continue;
        h.update(`\0${name}\0`).update(readFileSync(p));
      }
    } catch {
      h.update('\0missing');
    }
    d = h.digest('hex');
    dirDigests.set(dir, d);
  }
  return d;
}

function fileDigest(file: string): string {
  try {
    return sha256(readFileSync(file));
  } catch {
    return 'missing';
  }
}

let stamp: string | undefined;
/**
 * Identifies the running build: in the bundle, the names of the content-hashed chunks; from
 * sources, this module's size and time. A rebuilt pitchlint with other code misses the cache.
 */
function buildStamp(): string {
  if (stamp !== undefined) return stamp;
  try {
    const self = import.meta.url.startsWith('file:') ? fileURLToPath(import.meta.url) : '';
    // In the start-up snapshot import.meta.url is not the bundle's file; the package root is known.
    const dir = self && existsSync(self) ? dirname(self) : join(packageRoot(), 'dist');
    const chunks = /[\\/]chunks$/.test(dir) ? dir : join(dir, 'chunks');
    const root = dirname(chunks);
    stamp = existsSync(chunks)
      ? [
          ...readdirSync(chunks).filter((n) => n.endsWith('.js')),
          ...readdirSync(root).filter((n) => n.endsWith('.js')).map((n) => `${n}:${statSync(join(root, n)).size}`),
        ]
          .sort()
          .join(',')
      : `${statSync(self).size}:${statSync(self).mtimeMs}`;
  } catch {
    stamp = '';
  }
  return stamp;
}
