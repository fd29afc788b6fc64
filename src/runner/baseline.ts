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
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '../shared/errors.js';
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

export async function readBaseline(file: string): Promise<BaselineFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ConfigError(`baseline file not found: ${file} (create it with --update-baseline)`);
    throw new ConfigError(`cannot read baseline file ${file} (${code ?? 'error'})`);
  }
  let data: BaselineFile;
  try {
    data = JSON.parse(text) as BaselineFile;
  } catch (e) {
    throw new ConfigError(`baseline file is not valid JSON: ${(e as Error).message}`, file);
  }
  if (data?.pitchlint !== 'baseline' || typeof data.files !== 'object' || data.files === null) {
    throw new ConfigError('not a pitchlint baseline file (expected {"pitchlint": "baseline", "files": {...}})', file);
  }
  if (data.version > VERSION) throw new ConfigError(`baseline format ${data.version} is newer than this pitchlint understands (${VERSION})`, file);
  return data;
}

/** Remove the findings the baseline knows about. */
export function applyBaseline(results: FileResult[], baseline: BaselineFile, baselineFile: string): { results: FileResult[]; matched: number; fixed: number } {
  const baseDir = dirname(resolve(baselineFile));
  let matched = 0;
  let fixed = 0;
  const out = results.map((r) => {
    const entry = baseline.files[posixRelative(baseDir, r.filePath)];
    if (!entry || r.fatal) return r;
    const left = structuredClone(entry);
    const kept = r.findings.filter((f) => {
      const byRule = left[f.ruleId];
      const words = flaggedWords(f);
      const n = byRule?.[words] ?? 0;
      if (n <= 0) return true;
      byRule![words] = n - 1;
      matched++;
      return false;
    });
    for (const byRule of Object.values(left)) for (const n of Object.values(byRule)) fixed += Math.max(0, n);
    return kept.length === r.findings.length ? r : summarize(r.filePath, r.format, kept, { notices: r.notices, ...(r.fatal ? { fatal: r.fatal } : {}), ...(r.source ? { source: r.source } : {}) });
  });
  return { results: out, matched, fixed };
}

/** A baseline of these results; entries of `previous` for files not in this run are kept if the file still exists. */
export function buildBaseline(results: FileResult[], baselineFile: string, previous?: BaselineFile): BaselineFile {
  const baseDir = dirname(resolve(baselineFile));
  const files: Record<string, BaselineEntry> = {};
  const linted = new Set(results.map((r) => posixRelative(baseDir, r.filePath)));
  for (const [rel, entry] of Object.entries(previous?.files ?? {})) {
    if (!linted.has(rel) && existsSync(resolve(baseDir, rel))) files[rel] = entry;
  }
  for (const r of results) {
    if (r.findings.length === 0) continue;
    const entry: BaselineEntry = {};
    for (const f of r.findings) {
      const byRule = (entry[f.ruleId] ??= {});
      const words = flaggedWords(f);
      byRule[words] = (byRule[words] ?? 0) + 1;
    }
    files[posixRelative(baseDir, r.filePath)] = entry;
  }
  return { pitchlint: 'baseline', version: VERSION, files: sortKeys(files) };
}

export async function writeBaseline(file: string, data: BaselineFile): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(data, null, 2)}\n`);
  await rename(tmp, file);
}

export function countFindings(data: BaselineFile): { findings: number; files: number } {
  let findings = 0;
  for (const entry of Object.values(data.files)) for (const byRule of Object.values(entry)) for (const n of Object.values(byRule)) findings += n;
  return { findings, files: Object.keys(data.files).length };
}

function sortKeys<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, unknown>)[k]);
  return out as T;
}
