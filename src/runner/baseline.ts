// --baseline FILE: adopt pitchlint on an existing template library. The baseline records the
// findings of today keyed on file, rule and the flagged words (not line numbers), with a count;
// a later run reports only findings beyond those counts, so edits that move text around do not
// resurface known findings and CI fails only on new ones. --update-baseline rewrites the file.
//
// Format (JSON, keys sorted, paths relative to the baseline file's folder, posix separators):
//
//   {
//     "pitchlint": "baseline",
//     "version": 1,
//     "files": {
//       "templates/msa.md": {
//         "guarantee-outcome": { "guaranteed": 2 },
//         "absolute-always-never": { "never fails": 1 }
//       }
//     }
//   }
//
// The flagged words are lower-cased with runs of white space made one space, so re-wrapping a
// paragraph keeps them. A phrase that occurs more often than its count is reported: the first
// occurrences in the file are the known ones, the rest are new.
//
// The file is checked when read: every count a whole number from 0 up, every entry a mapping. A
// malformed baseline ("x", true, 1e309, -1, null) would otherwise suppress findings silently, so
// it stops the run (exit 2) with one line naming the file and the entry. Paths, rule ids and
// words are user data: the tables are null-prototype objects, so a rule id "constructor" or a
// key "__proto__" is just a key.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '../shared/errors.js';
import { readFileBounded, TooLargeError } from '../shared/bounded-read.js';
import { MAX_BASELINE_BYTES } from '../shared/limits.js';
import { safeWriteFile } from '../shared/safe-write.js';
import type { FileResult, Finding } from '../shared/types.js';
import { posixRelative } from './file-linter.js';
import { summarize } from './lint-file.js';

export const DEFAULT_BASELINE = '.pitchlint-baseline.json';
const VERSION = 1;

/** rule id -> flagged words -> count */
export type BaselineEntry = Record<string, Record<string, number>>;

export interface BaselineFile {
  pitchlint: 'baseline';
  version: number;
  files: Record<string, BaselineEntry>;
}

export interface BaselineOutcome {
  file: string;
  /** Findings that matched the baseline and were not reported. */
  matched: number;
  /** Baseline entries (counted per occurrence) no longer found in the linted files. */
  fixed: number;
  /** Set by --update-baseline: what was written. */
  written?: { findings: number; files: number };
}

/** The identity of a finding across edits: its flagged words, normalised. */
export function flaggedWords(f: Finding): string {
  return f.sentence.slice(f.span[0], f.span[1]).toLowerCase().replace(/\s+/g, ' ').trim();
}

const REMEDY = 'fix the entry, or recreate the file with --update-baseline';

/** A null-prototype table: lookups by user keys never reach Object.prototype. */
const table = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;
const isMapping = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

export async function readBaseline(file: string): Promise<BaselineFile> {
  let text: string;
  try {
    text = (await readFileBounded(file, MAX_BASELINE_BYTES, `baseline file ${file}`)).toString('utf8');
  } catch (e) {
    if (e instanceof TooLargeError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ConfigError(`baseline file not found: ${file} (create it with --update-baseline)`);
    throw new ConfigError(`cannot read baseline file ${file} (${code ?? 'error'})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`baseline file is not valid JSON: ${(e as Error).message}; ${REMEDY}`, file);
  }
  if (!isMapping(data) || data.pitchlint !== 'baseline' || !isMapping(data.files)) {
    throw new ConfigError('not a pitchlint baseline file (expected {"pitchlint": "baseline", "files": {...}})', file);
  }
  if (typeof data.version !== 'number' || !Number.isInteger(data.version) || data.version < 1)
    throw new ConfigError(`baseline "version" must be a whole number from 1 up; ${REMEDY}`, file);
  if (data.version > VERSION)
    throw new ConfigError(
      `baseline format ${data.version} is newer than this pitchlint understands (${VERSION})`,
      file,
    );
  return { pitchlint: 'baseline', version: data.version, files: checkedFiles(data.files, file) };
}

/** The "files" table, checked and copied into null-prototype tables. */
function checkedFiles(files: Record<string, unknown>, file: string): Record<string, BaselineEntry> {
  const bad = (path: string[], what: string): ConfigError =>
    new ConfigError(`files${path.map((k) => `[${JSON.stringify(k)}]`).join('')}: ${what}; ${REMEDY}`, file);
  const out = table<BaselineEntry>();
  for (const rel of Object.keys(files)) {
    const entry = files[rel];
    if (!isMapping(entry)) throw bad([rel], `expected a mapping of rule ids, got ${describe(entry)}`);
    const rules = table<Record<string, number>>();
    for (const rule of Object.keys(entry)) {
      const words = entry[rule];
      if (!isMapping(words))
        throw bad([rel, rule], `expected a mapping of flagged words to counts, got ${describe(words)}`);
      const counts = table<number>();
      for (const w of Object.keys(words)) {
        const n = words[w];
        if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0)
          throw bad([rel, rule, w], `a count must be a whole number from 0 up, got ${describe(n)}`);
        counts[w] = n;
      }
      rules[rule] = counts;
    }
    out[rel] = rules;
  }
  return out;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'a number too large';
  return typeof v === 'object' ? 'a mapping' : String(v);
}

/** Remove the findings the baseline knows about. */
export function applyBaseline(
  results: FileResult[],
  baseline: BaselineFile,
  baselineFile: string,
): { results: FileResult[]; matched: number; fixed: number } {
  const baseDir = dirname(resolve(baselineFile));
  let matched = 0;
  let fixed = 0;
  const out = results.map((r) => {
    const rel = posixRelative(baseDir, r.filePath);
    const entry = own(baseline.files, rel) ? baseline.files[rel] : undefined;
    if (!entry || r.fatal) return r;
    // What is left of each count, keyed "rule id\0words" (a Map: user keys never hit a prototype).
    const left = new Map<string, number>();
    for (const rule of Object.keys(entry)) {
      const byRule = entry[rule]!;
      for (const w of Object.keys(byRule)) left.set(`${rule}\0${w}`, byRule[w]!);
    }
    const kept = r.findings.filter((f) => {
      const key = `${f.ruleId}\0${flaggedWords(f)}`;
      const n = left.get(key) ?? 0;
      if (n <= 0) return true;
      left.set(key, n - 1);
      matched++;
      return false;
    });
    for (const n of left.values()) fixed += Math.max(0, n);
    return kept.length === r.findings.length
      ? r
      : summarize(r.filePath, r.format, kept, {
          notices: r.notices,
          ...(r.fatal ? { fatal: r.fatal } : {}),
          ...(r.source ? { source: r.source } : {}),
        });
  });
  return { results: out, matched, fixed };
}

/** A baseline of these results; entries of `previous` for files not in this run are kept if the file still exists. */
export function buildBaseline(results: FileResult[], baselineFile: string, previous?: BaselineFile): BaselineFile {
  const baseDir = dirname(resolve(baselineFile));
  const files = table<BaselineEntry>();
  const linted = new Set(results.map((r) => posixRelative(baseDir, r.filePath)));
  for (const [rel, entry] of Object.entries(previous?.files ?? table<BaselineEntry>())) {
    if (!linted.has(rel) && existsSync(resolve(baseDir, rel))) files[rel] = entry;
  }
  for (const r of results) {
    if (r.findings.length === 0) continue;
    const entry = table<Record<string, number>>();
    for (const f of r.findings) {
      const byRule = (entry[f.ruleId] ??= table<number>());
      const words = flaggedWords(f);
      byRule[words] = (byRule[words] ?? 0) + 1;
    }
    files[posixRelative(baseDir, r.filePath)] = entry;
  }
  return { pitchlint: 'baseline', version: VERSION, files: sortKeys(files) };
}

/** Written atomically; a symlinked baseline stays a link, a device or folder is refused (exit 2). */
export async function writeBaseline(file: string, data: BaselineFile): Promise<void> {
  await safeWriteFile(file, `${JSON.stringify(data, null, 2)}\n`, { mkdirs: true });
}

export function countFindings(data: BaselineFile): { findings: number; files: number } {
  let findings = 0;
  for (const entry of Object.values(data.files))
    for (const byRule of Object.values(entry)) for (const n of Object.values(byRule)) findings += n;
  return { findings, files: Object.keys(data.files).length };
}

function sortKeys<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out = table<unknown>();
  for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, unknown>)[k]);
  return out as T;
}
