// --fix, --fix-dry-run and --fix-type for the lint command. After the lint run, every writable
// file with safe fixes is fixed ESLint-style (fixer.ts) and either written back (write.ts) or, in
// a dry run, shown as a unified diff on standard output. The report that follows is of what is
// left after fixing. Formats that cannot be written back (email, HTML, docx, PDF...) are named
// and left untouched; `pitchlint rewrite` prints their rewritten text instead.
import { relative, resolve } from 'node:path';
import { encodeText } from '../inputs/source-text.js';
import type { LintCliOptions } from './program.js';
import { ConfigError } from '../shared/errors.js';
import { FileLinter } from '../runner/file-linter.js';
import type { LintRun } from '../runner/lint-files.js';
import { CATEGORIES, type Category, type FileResult } from '../shared/types.js';
import { unifiedDiff } from '../fix/diff.js';
import { fixableFindings, fixFile } from '../fix/fixer.js';
import { writeFixed } from '../fix/write.js';

export interface FixCliOptions {
  fix?: boolean;
  fixDryRun?: boolean;
  fixType?: string;
}

export interface FixRunOutcome {
  run: LintRun;
  /** The unified diff of every change (dry run). */
  diff: string;
  /** Lines for standard error: what was fixed, skipped or left alone, and why. */
  notes: string[];
  fixed: number;
  filesChanged: number;
}

/** --fix-type absolute,speed -> the set of categories (a usage error for an unknown one). */
export function parseFixTypes(list: string | undefined): Set<Category> | undefined {
  if (list === undefined) return undefined;
  const names = list.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = names.filter((n) => !(CATEGORIES as readonly string[]).includes(n));
  if (bad.length || names.length === 0) {
    throw new ConfigError(`--fix-type: unknown categor${bad.length > 1 ? 'ies' : 'y'} ${bad.map((b) => `"${b}"`).join(', ') || '(none given)'}; use ${CATEGORIES.join(', ')}`);
  }
  return new Set(names as Category[]);
}

const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;

export async function runFixes(run: LintRun, options: LintCliOptions & FixCliOptions, cwd: string, stdinPath?: string): Promise<FixRunOutcome> {
  const types = parseFixTypes(options.fixType);
  const dry = !!options.fixDryRun;
  const linter = new FileLinter({
    cwd,
    ...(options.config ? { configFile: resolve(cwd, options.config) } : {}),
    rulesDirs: (options.rules ?? []).map((d) => resolve(cwd, d)),
    adapter: {
      ...(options.includeQuoted ? { includeQuoted: true } : {}),
      ...(options.emailDetection === false ? { detectEmail: false } : {}),
    },
  });
  const notes: string[] = [];
  let diff = '';
  let fixed = 0;
  let filesChanged = 0;
  let needFacts = 0;
  let passesMax = 0;
  const results: FileResult[] = [];
  for (const r of run.results) {
    const rel = relative(cwd, r.filePath) || r.filePath;
    const wanted = r.findings.filter((f) => !types || types.has(f.category));
    if (r.fatal !== undefined || wanted.length === 0) {
      results.push(r);
      continue;
    }
    if (!r.source) {
      notes.push(`${rel}: ${r.format} files cannot be written back; ${plural(wanted.length, 'problem')} not fixed (pitchlint rewrite ${rel} prints the rewritten text)`);
      results.push(r);
      continue;
    }
    needFacts += wanted.filter((f) => !f.fix && f.rewrite !== undefined).length;
    if (fixableFindings(r, types).length === 0) {
      results.push(r);
      continue;
    }
    if (stdinPath && r.filePath === stdinPath && !dry) {
      notes.push('standard input cannot be fixed in place; use --fix-dry-run for a diff, or pitchlint rewrite - for the rewritten text');
      results.push(r);
      continue;
    }
    const source = r.source;
    const outcome = await fixFile(r, { types, relint: (text) => linter.lint(r.filePath, encodeText(source, text)) });
    passesMax = Math.max(passesMax, outcome.passes);
    for (const u of outcome.unresolved) {
      notes.push(`${rel}:${u.finding.start.line}:${u.finding.start.column}: fix not applied (it overlapped other fixes in every pass) ${u.finding.ruleId}`);
    }
    if (outcome.output === source.text) {
      results.push(outcome.result);
      continue;
    }
    if (dry) {
      diff += unifiedDiff(rel, source.text, outcome.output);
    } else {
      const w = await writeFixed(r.filePath, source, outcome.output);
      if (!w.written) {
        notes.push(`${rel}: ${w.reason}`);
        results.push(r);
        continue;
      }
    }
    fixed += outcome.fixed;
    filesChanged++;
    results.push(outcome.result);
  }
  const verb = dry ? 'would fix' : 'fixed';
  const summary = [`${verb} ${plural(fixed, 'problem')} in ${plural(filesChanged, 'file')}${passesMax > 1 ? ` (${passesMax} passes)` : ''}`];
  if (needFacts) summary.push(`${plural(needFacts, 'rewrite')} left for a person (missing facts or a placeholder; see the report)`);
  if (dry) summary.push('nothing was written');
  notes.push(summary.join('; '));
  return { run: { ...run, results }, diff, notes, fixed, filesChanged };
}
