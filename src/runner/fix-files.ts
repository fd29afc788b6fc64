// --fix, --fix-dry-run and --fix-type for the lint command. After the lint run, every writable
// file with fixes is fixed ESLint-style (fixer.ts: each fix bounded to the words that change
// inside its finding's sentence, line structure kept) and either written back (write.ts) or, in
// a dry run, shown as a unified diff on standard output. Plain --fix applies safe fixes; a
// suggested fix only when its category is named with --fix-type. The report that follows is of
// what is left after fixing. Formats that cannot be written back (email, HTML, docx, PDF...) are
// named and left untouched; `pitchlint rewrite` prints their rewritten text instead.
import { dirname, relative, resolve } from 'node:path';
import { encodeText } from '../inputs/source-text.js';
import { ConfigError } from '../shared/errors.js';
import { FileLinter } from './file-linter.js';
import type { LintRun } from './lint-files.js';
import { CATEGORIES, type Category, type FileResult, type Finding, type InputDocument } from '../shared/types.js';
import { unifiedDiff } from '../fix/diff.js';
import { fixFile, fixKey, planFixes, type Linted } from '../fix/fixer.js';
import { removeStaleTemps, writeFixed } from '../fix/write.js';

export interface FixCliOptions {
  /** The lint command's settings that choose rules and read files. */
  config?: string;
  rules?: string[];
  includeQuoted?: boolean;
  emailDetection?: boolean;
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
  /** Files that could not be read back or written (an I/O error: the run exits 2). */
  writeErrors: number;
}

/** Categories --fix-type takes: the rule categories (directive findings have no fix). */
export const FIX_TYPES = CATEGORIES.filter((c) => c !== 'directive');

/** --fix-type absolute,speed -> the set of categories (a usage error for an unknown one). */
export function parseFixTypes(list: string | undefined): Set<Category> | undefined {
  if (list === undefined) return undefined;
  const names = list
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (names.includes('directive'))
    throw new ConfigError(
      '--fix-type: "directive" findings (a directive without a reason, an unused directive) have no automatic fix; edit the directive by hand',
    );
  const bad = names.filter((n) => !(FIX_TYPES as readonly string[]).includes(n));
  if (bad.length || names.length === 0) {
    throw new ConfigError(
      `--fix-type: unknown categor${bad.length > 1 ? 'ies' : 'y'} ${bad.map((b) => `"${b}"`).join(', ') || '(none given)'}; use ${FIX_TYPES.join(', ')}`,
    );
  }
  return new Set(names as Category[]);
}

const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;

/**
 * Where each finding's sentence lies in the source, from the document's blocks: the finding's
 * flagged words are found in their block, and the sentence around them mapped back to the file.
 */
export function sentenceLocator(doc: InputDocument | undefined): (f: Finding) => [number, number] | undefined {
  const blocks = (doc?.blocks ?? []).filter((b) => b.sourceOffset);
  const bounds = new Map<(typeof blocks)[number], [number, number]>();
  const boundsOf = (b: (typeof blocks)[number]): [number, number] => {
    let known = bounds.get(b);
    if (!known) {
      const at = b.sourceOffset!;
      let lo = -1;
      for (let i = 0; i < b.text.length && lo < 0; i++) lo = at(i);
      known = [lo, at(b.text.length)];
      bounds.set(b, known);
    }
    return known;
  };
  return (f) => {
    const off = f.start.offset;
    if (off === undefined) return undefined;
    for (const b of blocks) {
      const [lo, hi] = boundsOf(b);
      if (lo < 0 || off < lo || off > hi) continue;
      const at = b.sourceOffset!;
      for (let j = f.span[0]; j <= b.text.length; j++) {
        if (at(j) !== off) continue;
        const s = j - f.span[0];
        if (!b.text.startsWith(f.sentence, s)) continue;
        let first = -1;
        let last = -1;
        for (let k = s; k < s + f.sentence.length; k++) {
          const o = at(k);
          if (o < 0) continue;
          if (first < 0) first = o;
          last = o;
        }
        if (first >= 0) return [first, last + 1];
      }
    }
    return undefined;
  };
}

function withoutFixes(r: FileResult, drop: Finding[]): FileResult {
  if (drop.length === 0) return r;
  const gone = new Set(drop);
  return {
    ...r,
    findings: r.findings.map((f) => {
      if (!gone.has(f)) return f;
      const { fix: _fix, ...rest } = f;
      return rest;
    }),
  };
}

/** `options` may be the lint command's whole options; only the fields of FixCliOptions are read. */
export async function runFixes<O extends FixCliOptions>(
  run: LintRun,
  options: O,
  cwd: string,
  stdinPath?: string,
): Promise<FixRunOutcome> {
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
  let held = 0;
  let refused = 0;
  let writeErrors = 0;
  let passesMax = 0;
  const results: FileResult[] = [];
  if (!dry) {
    // Temporary files a killed run left next to the files it was fixing.
    const dirs = run.results.filter((r) => r.source && r.filePath !== stdinPath).map((r) => dirname(r.filePath));
    for (const p of await removeStaleTemps(dirs))
      notes.push(`removed ${relative(cwd, p) || p}, left behind by an interrupted run`);
  }
  const lintText = async (file: string, bytes: Buffer): Promise<Linted> => {
    const { result, doc } = await linter.process(file, bytes);
    return { result, sentenceOf: sentenceLocator(doc) };
  };
  for (const r of run.results) {
    const rel = relative(cwd, r.filePath) || r.filePath;
    const wanted = r.findings.filter((f) => !types || types.has(f.category));
    if (r.fatal !== undefined || wanted.length === 0) {
      results.push(r);
      continue;
    }
    if (!r.source) {
      notes.push(
        `${rel}: ${r.format} files cannot be written back; ${plural(wanted.length, 'problem')} not fixed (pitchlint rewrite ${rel} prints the rewritten text)`,
      );
      results.push(r);
      continue;
    }
    needFacts += wanted.filter((f) => !f.fix && f.rewrite !== undefined).length;
    const quick = planFixes(r, types);
    if (quick.todo.length === 0 && quick.refused.length === 0) {
      held += new Set(quick.held.map((f) => fixKey(f.fix!))).size;
      results.push(r);
      continue;
    }
    if (stdinPath && r.filePath === stdinPath && !dry) {
      notes.push(
        'standard input cannot be fixed in place; use --fix-dry-run for a diff, or pitchlint rewrite - for the rewritten text',
      );
      results.push(r);
      continue;
    }
    const source = r.source;
    // The file again, with its document, so every fix can be bounded to its finding's sentence.
    const first = await lintText(r.filePath, encodeText(source, source.text));
    const outcome = await fixFile(first, {
      types,
      relint: (text) => lintText(r.filePath, encodeText(source, text)),
    });
    passesMax = Math.max(passesMax, outcome.passes);
    held += new Set(outcome.held.map((f) => fixKey(f.fix!))).size;
    for (const u of outcome.unresolved) {
      notes.push(
        `${rel}:${u.finding.start.line}:${u.finding.start.column}: fix not applied (it overlapped other fixes in every pass) ${u.finding.ruleId}`,
      );
    }
    const noted = new Set<string>();
    for (const x of outcome.refused) {
      // One note per sentence: its findings share one fix.
      const key = fixKey(x.finding.fix!);
      if (noted.has(key)) continue;
      noted.add(key);
      refused++;
      notes.push(
        `${rel}:${x.finding.start.line}:${x.finding.start.column}: rewrite not applied (${x.reason}); it stays a suggestion in the report ${x.finding.ruleId}`,
      );
    }
    // A refused fix is not offered to the report either (JSON `fix`, "fixable with --fix").
    const left = withoutFixes(
      outcome.result,
      outcome.refused.map((x) => x.finding),
    );
    if (outcome.output === source.text) {
      results.push(left);
      continue;
    }
    if (dry) {
      diff += unifiedDiff(rel, source.text, outcome.output);
    } else {
      const w = await writeFixed(r.filePath, source, outcome.output);
      if (!w.written) {
        notes.push(`${rel}: ${w.reason}`);
        if (w.ioError) writeErrors++;
        results.push(r);
        continue;
      }
    }
    fixed += outcome.fixed;
    filesChanged++;
    results.push(left);
  }
  const verb = dry ? 'would fix' : 'fixed';
  const summary = [
    `${verb} ${plural(fixed, 'problem')} in ${plural(filesChanged, 'file')}${passesMax > 1 ? ` (${passesMax} passes)` : ''}`,
  ];
  if (needFacts)
    summary.push(
      `${plural(needFacts, 'rewrite')} left for a person (missing facts, a placeholder, or an edit that would change the file's lines or markup; see the report)`,
    );
  if (held)
    summary.push(
      `${plural(held, 'suggested rewrite')} not applied (name the category with --fix-type, or use pitchlint review)`,
    );
  if (refused)
    summary.push(
      `${plural(refused, 'rewrite')} left as ${refused === 1 ? 'a suggestion' : 'suggestions'} to keep the file's lines and markup`,
    );
  if (dry) summary.push('nothing was written');
  notes.push(summary.join('; '));
  return { run: { ...run, results }, diff, notes, fixed, filesChanged, writeErrors };
}
