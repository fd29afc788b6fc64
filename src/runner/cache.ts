// --cache: results of unchanged files are reused. An entry is served only when it is bound to
// the same file content (SHA-256 of the bytes) and the same rule-set key: the effective
// configuration (the config file's content, rule folders, severities, facts and the facts file's
// content, adapter, engine and directive options), every rule file (of every folder, and of every
// pack reached through `extends` chains), the built-in data and lexicon, and the pitchlint build.
// So a cached run always prints what a fresh run would.
//
// Each entry carries a seal over its content hash, rule-set key and result; an entry whose seal
// does not match (a hand-edited `findings: []`, a result pasted under another file) is never
// served. With PITCHLINT_CACHE_SECRET set (e.g. a CI secret), seals are HMACs with it, so a
// cache restored from an untrusted place cannot be forged either. A cache file that is not what
// pitchlint wrote (bad JSON, `entries: null`, wrong types, a bad seal) is discarded and rebuilt,
// with a notice naming it; a run never fails because of its cache.
//
// The cache file is JSON, keyed on paths relative to the folder pitchlint runs in, so a CI cache
// restored into another checkout path still hits. It is written atomically at the end of a run
// (never replacing a symlink's link, a device or a folder: see shared/safe-write.ts).
import { createHash, createHmac } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedConfig } from '../config/types.js';
import { decodeText } from '../inputs/source-text.js';
import { expandPackDirs } from '../rules/packs.js';
import { readFileBounded, TooLargeError } from '../shared/bounded-read.js';
import { MAX_CACHE_BYTES } from '../shared/limits.js';
import { builtinPacksDir, lexiconDir, packageRoot } from '../shared/paths.js';
import { safeWriteFile } from '../shared/safe-write.js';
import type { FileResult } from '../shared/types.js';
import type { FileLinterOptions } from './file-linter.js';
import { posixRelative } from './file-linter.js';

export const DEFAULT_CACHE_LOCATION = '.pitchlintcache';
const FORMAT = 2;

type StoredResult = Omit<FileResult, 'filePath' | 'source'> & { source?: { bom: boolean; eol: '\n' | '\r\n' } };

interface CacheEntry {
  /** SHA-256 of the file's bytes. */
  file: string;
  /** The rule-set key (configuration, rule files, build). */
  rules: string;
  result: StoredResult;
  /** Binds file, rules and result (see sealOf). */
  seal: string;
}

interface CacheFile {
  format: number;
  version: string;
  entries: Record<string, CacheEntry>;
}

/** Where the cache file goes: --cache-location is a file, or a folder (existing, or ending in /). */
export function cacheFilePath(cwd: string, location?: string): string {
  const p = resolve(cwd, location ?? DEFAULT_CACHE_LOCATION);
  if (location && (/[\\/]$/.test(location) || (existsSync(p) && statSync(p).isDirectory())))
    return join(p, DEFAULT_CACHE_LOCATION);
  return p;
}

/** A cache key: the file's hash and its rule-set key. */
export interface CacheKey {
  file: string;
  rules: string;
}

export class LintCache {
  private readonly configKeys = new WeakMap<ResolvedConfig, Promise<string>>();
  private dirty = false;
  hits = 0;
  misses = 0;

  private constructor(
    readonly file: string,
    private readonly cwd: string,
    private readonly version: string,
    private readonly options: FileLinterOptions,
    private readonly entries: Map<string, CacheEntry>,
    /** Set when the cache file was corrupt and discarded: one line for the user. */
    readonly notice?: string,
  ) {}

  static async open(file: string, cwd: string, version: string, options: FileLinterOptions): Promise<LintCache> {
    const fresh = (notice?: string): LintCache => new LintCache(file, cwd, version, options, new Map(), notice);
    const discard = (why: string): LintCache =>
      fresh(`cache file ${file} ${why}; it was discarded and will be rebuilt`);
    let text: string;
    try {
      text = (await readFileBounded(file, MAX_CACHE_BYTES, 'it')).toString('utf8');
    } catch (e) {
      if (e instanceof TooLargeError) return discard(`is larger than the ${MAX_CACHE_BYTES / 1024 / 1024} MiB limit`);
      const code = (e as NodeJS.ErrnoException).code;
      return code === 'ENOENT' ? fresh() : discard(`cannot be read (${code ?? 'error'})`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return discard('is not valid JSON');
    }
    if (!isObject(parsed) || typeof parsed.format !== 'number') return discard('is not a pitchlint cache');
    // Another format or pitchlint version: start over quietly (every entry would miss anyway).
    if (parsed.format !== FORMAT || parsed.version !== version) return fresh();
    if (!isObject(parsed.entries)) return discard('has no "entries" mapping');
    const entries = new Map<string, CacheEntry>();
    for (const rel of Object.keys(parsed.entries)) {
      const entry = parsed.entries[rel];
      const why = entryProblem(entry);
      if (why) return discard(`has a malformed entry for ${JSON.stringify(rel)} (${why})`);
      if ((entry as CacheEntry).seal !== sealOf(entry as CacheEntry))
        return discard(
          `has an entry for ${JSON.stringify(rel)} that pitchlint did not write (its seal does not match)`,
        );
      entries.set(rel, entry as CacheEntry);
    }
    return new LintCache(file, cwd, version, options, entries);
  }

  /** The cache key of a file's content under a configuration. */
  async keyFor(config: ResolvedConfig, bytes: Buffer): Promise<CacheKey> {
    let ck = this.configKeys.get(config);
    if (!ck) {
      ck = this.ruleSetKey(config);
      this.configKeys.set(config, ck);
    }
    return { file: sha256(bytes), rules: await ck };
  }

  private async ruleSetKey(config: ResolvedConfig): Promise<string> {
    const dirs = [...new Set([...config.ruleDirs, ...(this.options.rulesDirs ?? [])])];
    // Every folder a rule can come from: the packs' `extends` chains included.
    const problems: Array<{ where: string; message: string }> = [];
    const expanded = await expandPackDirs(dirs, problems);
    return sha256(
      JSON.stringify({
        build: buildStamp(),
        version: this.version,
        ruleDirs: config.ruleDirs,
        extraDirs: this.options.rulesDirs ?? [],
        rules: config.rules,
        facts: config.facts,
        configFile: config.file ? fileDigest(config.file) : null,
        raw: config.raw,
        factsFile: config.raw.factsFile ? fileDigest(resolve(config.dir, config.raw.factsFile)) : null,
        // Facts can expire: with facts, a result is only reused on the day it was made.
        day: config.raw.factsFile || Object.keys(config.facts).length ? localDay() : null,
        adapter: { ...config.adapter, ...this.options.adapter },
        engine: this.options.engine ?? {},
        suppressions: this.options.suppressions ?? {},
        rulesContent: [...new Set([...expanded, ...dirs, lexiconDir(), builtinPacksDir()])].map(dirDigest),
        problems,
      }),
    );
  }

  get(filePath: string, key: CacheKey, bytes: Buffer): FileResult | undefined {
    const entry = this.entries.get(posixRelative(this.cwd, filePath));
    if (!entry || entry.file !== key.file || entry.rules !== key.rules) {
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

  set(filePath: string, key: CacheKey, result: FileResult): void {
    const { filePath: _path, source, ...rest } = result;
    const stored: StoredResult = { ...rest, ...(source ? { source: { bom: source.bom, eol: source.eol } } : {}) };
    const entry = { file: key.file, rules: key.rules, result: stored, seal: '' };
    entry.seal = sealOf(entry);
    this.entries.set(posixRelative(this.cwd, filePath), entry);
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.dirty && !this.notice) return;
    // Forget files that no longer exist.
    for (const rel of this.entries.keys()) if (!existsSync(resolve(this.cwd, rel))) this.entries.delete(rel);
    const data: CacheFile = { format: FORMAT, version: this.version, entries: Object.fromEntries(this.entries) };
    await safeWriteFile(this.file, JSON.stringify(data), { mkdirs: true });
    this.dirty = false;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Why a stored entry does not have the shape pitchlint writes, or undefined. */
function entryProblem(entry: unknown): string | undefined {
  if (!isObject(entry)) return 'not a mapping';
  for (const k of ['file', 'rules', 'seal'] as const) if (typeof entry[k] !== 'string') return `"${k}" is not a string`;
  const r = entry.result;
  if (!isObject(r)) return '"result" is not a mapping';
  if (typeof r.format !== 'string') return '"result.format" is not a string';
  if (!Array.isArray(r.findings) || !r.findings.every(isObject)) return '"result.findings" is not a list of findings';
  for (const k of ['errorCount', 'warningCount', 'suggestionCount'] as const)
    if (!isCount(r[k])) return `"result.${k}" is not a count`;
  if (!Array.isArray(r.notices) || !r.notices.every((n) => typeof n === 'string'))
    return '"result.notices" is not a list of strings';
  if (r.fatal !== undefined && typeof r.fatal !== 'string') return '"result.fatal" is not a string';
  if (
    r.source !== undefined &&
    (!isObject(r.source) || typeof r.source.bom !== 'boolean' || (r.source.eol !== '\n' && r.source.eol !== '\r\n'))
  )
    return '"result.source" is malformed';
  return undefined;
}

/** The seal of an entry: a hash (an HMAC with PITCHLINT_CACHE_SECRET) of its key and result. */
function sealOf(entry: Omit<CacheEntry, 'seal'>): string {
  const text = `pitchlint-cache\0${entry.file}\0${entry.rules}\0${JSON.stringify(entry.result)}`;
  const secret = process.env.PITCHLINT_CACHE_SECRET;
  return secret ? createHmac('sha256', secret).update(text).digest('hex') : sha256(text);
}

const localDay = (d = new Date()): string => `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

const dirDigests = new Map<string, { stamp: string; digest: string }>();
/** Digest of every file directly in a rule folder (names and contents), re-read when a file changes. */
function dirDigest(dir: string): string {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return sha256(`${dir}\0missing`);
  }
  const files: string[] = [];
  const stamps: string[] = [];
  for (const name of names) {
    const p = join(dir, name);
    try {
      const st = statSync(p);
      if (!st.isFile()) continue;
      files.push(name);
      stamps.push(`${name}:${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`);
    } catch {
      // Vanished while listing: left out.
    }
  }
  const stamp = stamps.join('|');
  const known = dirDigests.get(dir);
  if (known && known.stamp === stamp) return known.digest;
  const h = createHash('sha256').update(dir);
  for (const name of files) {
    try {
      h.update(`\0${name}\0`).update(readFileSync(join(dir, name)));
    } catch {
      h.update(`\0${name}\0missing`);
    }
  }
  const digest = h.digest('hex');
  dirDigests.set(dir, { stamp, digest });
  return digest;
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
          ...readdirSync(root)
            .filter((n) => n.endsWith('.js'))
            .map((n) => `${n}:${statSync(join(root, n)).size}`),
        ]
          .sort()
          .join(',')
      : `${statSync(self).size}:${statSync(self).mtimeMs}`;
  } catch {
    stamp = '';
  }
  return stamp;
}
