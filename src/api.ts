// The programmatic API: embed the engine in other tools (a CRM plugin, a mail add-in).
//
//   import { lintText, lintFiles, loadConfig, formatters } from 'pitchlint';
//   const result = await lintText('We guarantee 100% uptime.', { filePath: 'reply.txt' });
//   const run = await lintFiles({ patterns: ['templates/'], concurrency: 'auto', cache: true });
//   process.stdout.write(await formatters.format('sarif', run));
import { resolve } from 'node:path';
import { effectiveConfig, type EffectiveConfigOptions, type EffectiveConfigReport } from './runner/print-config.js';
import { FORMATTER_NAMES, loadFormatter, type FormatterName } from './reporters/index.js';
import { lintFiles, type LintRun, type LintRunOptions } from './runner/lint-files.js';
import { version } from './shared/version.js';
import type { FileResult, Finding, Formatter, RuleMeta } from './shared/types.js';

export { lintFiles, type LintRun, type LintRunOptions, type LintRunStats } from './runner/lint-files.js';
export type { BaselineOutcome, BaselineFile } from './runner/baseline.js';
export type { Shard } from './runner/shard.js';
export type { EffectiveConfigOptions, EffectiveConfigReport } from './runner/print-config.js';
export type { ConfigFile, ConfigOverride, ResolvedConfig } from './config/types.js';
export type { FormatterName } from './reporters/index.js';
export { ConfigError, InputError } from './shared/errors.js';
export type * from './shared/types.js';

export interface LintTextOptions {
  /**
   * The name the text is linted as: its extension picks the format (.md Markdown, .html HTML,
   * .eml email, anything else plain text) and its folder picks the configuration. Relative to
   * `cwd`; need not exist. Default "input.txt".
   */
  filePath?: string;
  cwd?: string;
  /** A configuration file to use instead of searching for .pitchlintrc.yaml. */
  configFile?: string;
  /** Extra rule folders. */
  rulesDirs?: string[];
  adapter?: LintRunOptions['adapter'];
  reportUnusedDisableDirectives?: LintRunOptions['reportUnusedDisableDirectives'];
}

export interface LintTextResult extends FileResult {
  /** Metadata of the rules that ran (for formatters). */
  rules: Map<string, RuleMeta>;
}

/** Lint a string (or bytes) as if it were the file `options.filePath`. */
export async function lintText(text: string | Uint8Array, options: LintTextOptions = {}): Promise<LintTextResult> {
  const run = await lintFiles({
    cwd: options.cwd,
    patterns: [],
    stdin: {
      bytes: typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text),
      filename: options.filePath ?? 'input.txt',
    },
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(options.rulesDirs ? { rulesDirs: options.rulesDirs } : {}),
    ...(options.adapter ? { adapter: options.adapter } : {}),
    ...(options.reportUnusedDisableDirectives
      ? { reportUnusedDisableDirectives: options.reportUnusedDisableDirectives }
      : {}),
  });
  return { ...run.results[0]!, rules: run.rules };
}

/**
 * The configuration that applies to a file: the nearest .pitchlintrc.yaml (or `configFile`), its
 * matching `overrides:`, and every rule's effective severity. What `--print-config` prints.
 */
export function loadConfig(filePath: string, options: EffectiveConfigOptions = {}): Promise<EffectiveConfigReport> {
  return effectiveConfig(filePath, options);
}

export interface FormatOptions {
  /** Paths are printed relative to this folder (stylish, compact). Default process.cwd(). */
  cwd?: string;
  color?: boolean;
  /** Rule metadata; taken from the run when a LintRun is passed. */
  rules?: Map<string, RuleMeta>;
}

export const formatters = {
  /** stylish, json, sarif, github, junit, checkstyle, compact */
  names: FORMATTER_NAMES as readonly FormatterName[],
  /** The formatter function of a report format (loaded on first use). */
  load: (name: string): Promise<Formatter> => loadFormatter(name),
  /** Format a run (or results) as the CLI would print it. */
  async format(
    name: string,
    run: LintRun | FileResult[] | LintTextResult,
    options: FormatOptions = {},
  ): Promise<string> {
    const formatter = await loadFormatter(name);
    const results = Array.isArray(run) ? run : 'results' in run ? run.results : [withoutRules(run)];
    const rules = options.rules ?? (!Array.isArray(run) ? run.rules : undefined) ?? new Map<string, RuleMeta>();
    return formatter(results, {
      cwd: resolve(options.cwd ?? process.cwd()),
      color: options.color ?? false,
      rules,
      version: version(),
    });
  },
};

function withoutRules(r: LintTextResult): FileResult {
  const { rules: _rules, ...result } = r;
  return result;
}

// ---------------------------------------------------------------------------------------------
// Rewrites on strings, for editors and servers (issue 15): the same stages as `pitchlint rewrite`
// and `--fix`, with the text in memory. Their modules load on first use.

export interface RewriteTextOptions extends LintTextOptions {
  /**
   * Facts for this text only, on top of the configuration's facts sheet (key -> value, e.g.
   * {"delivery.typical": "2 business days"}). Nothing is written anywhere.
   */
  facts?: Record<string, string>;
}

/** One sentence's rewrite, as an edit of `RewriteTextResult.original`. */
export interface TextRewrite {
  /** Offsets in `original` (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  /** The text that replaces original.slice(start, end). */
  text: string;
  /** The whole sentence before and after. */
  sentence: string;
  rewrite: string;
  /** Rules whose findings this rewrite answers. */
  ruleIds: string[];
  /** Facts the rewrite needed and did not have (it holds a [placeholder] for each). */
  missingFacts: string[];
  /** Facts from the sheet whose values the rewrite quotes. */
  factsUsed: string[];
  /** No placeholder left: nothing for a person to fill in (it may still be a judgement call). */
  complete: boolean;
  /**
   * What `--fix` would do with this rewrite, from its findings' `fix.kind`: 'safe' (plain --fix
   * applies it: may be applied without asking), 'suggested' (applied only when asked:
   * --fix-type, review). Absent: no fix (a placeholder to fill, or an edit that cannot be
   * written back within the sentence's words); a person applies it by hand.
   */
  fixKind?: 'safe' | 'suggested';
}

export interface RewriteTextFinding extends Finding {
  /** The flagged words as offsets in `original`, when they can be placed there. */
  range?: [number, number];
  /** Index into `edits` of the rewrite that answers this finding. */
  edit?: number;
}

export interface RewriteTextResult {
  filePath: string;
  format: string;
  /** Whether `original` is the file's own text (txt, md): the honest version can be saved in the same format. */
  writable: boolean;
  /** The text the edits apply to: the file's text, or for other formats its prose, one paragraph per block. */
  original: string;
  /** `original` with every rewrite applied (placeholders included). */
  text: string;
  edits: TextRewrite[];
  findings: RewriteTextFinding[];
  /** Every fact some rewrite is missing, with the label its placeholder shows. */
  missingFacts: Array<{ key: string; label: string; example?: string }>;
  /** The facts sheet used (configuration facts and `options.facts`). */
  facts: Array<{ key: string; value: string; source?: string; expires?: string; origin?: string }>;
  /** One-line notes (a sentence that could not be rewritten in place, expired facts...). */
  notes: string[];
  rules: Map<string, RuleMeta>;
  /** Set when the text could not be read as its format (one line). */
  fatal?: string;
}

/**
 * Lint a text and rewrite every flagged sentence to the conservative truth, as `pitchlint
 * rewrite` does: the honest version, the edit of each sentence (accept or skip them one by
 * one), the findings placed in the same text, and the facts that are missing.
 */
export async function rewriteText(
  input: string | Uint8Array,
  options: RewriteTextOptions = {},
): Promise<RewriteTextResult> {
  const [{ FileLinter }, { factsForConfig }, { makeSheet, isoDay }, { takeFactWarnings }, { factCatalog, humanize }] =
    await Promise.all([
      import('./runner/file-linter.js'),
      import('./config/facts/load.js'),
      import('./config/facts/normalize.js'),
      import('./config/facts/warnings.js'),
      import('./rules/fact-catalog.js'),
    ]);
  const cwd = resolve(options.cwd ?? process.cwd());
  const filePath = resolve(cwd, options.filePath ?? 'input.txt');
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input);
  const linter = new FileLinter({
    cwd,
    ...(options.configFile ? { configFile: resolve(cwd, options.configFile) } : {}),
    rulesDirs: (options.rulesDirs ?? []).map((d) => resolve(cwd, d)),
    ...(options.adapter ? { adapter: options.adapter } : {}),
  });
  const config = await linter.configFor(filePath);
  const ruleset = await linter.ruleSetFor(config);
  let sheet = await factsForConfig(config);
  if (options.facts && Object.keys(options.facts).length) {
    const extra = Object.entries(options.facts)
      .filter(([, v]) => typeof v === 'string' && v.trim() !== '')
      .map(([key, value]) => ({ key, value: value.trim(), source: 'this draft' }));
    sheet = makeSheet([...sheet.facts.values(), ...extra], isoDay(new Date()));
  }
  const facts = [...sheet.facts.values()].map((f) => ({
    key: f.key,
    value: f.value,
    ...(f.source ? { source: f.source } : {}),
    ...(f.expires ? { expires: f.expires } : {}),
    ...(f.origin ? { origin: f.origin } : {}),
  }));
  // The runner's per-file pipeline (adapter -> engine -> rewrite stage -> suppressions), as
  // `pitchlint rewrite` runs it, with the whole-sentence edits.
  const {
    result,
    doc,
    sentenceEdits: sentenceRewrites,
  } = await linter.process(filePath, bytes, config, { facts: sheet, sentenceEdits: true });
  if (!doc || result.fatal !== undefined)
    return {
      filePath,
      format: result.format,
      writable: false,
      original: '',
      text: '',
      edits: [],
      findings: [],
      missingFacts: [],
      facts,
      notes: [],
      rules: ruleset.meta,
      fatal: result.fatal ?? 'could not be read',
    };
  const found = result.findings;
  const notes = takeFactWarnings().map((w) => `warning: ${w}`);

  // Where each block's text sits in `original`.
  let original: string;
  const blockBase = new Map<unknown, { base: number; lead: number; length: number }>();
  if (doc.source) original = doc.source.text;
  else {
    const parts: string[] = [];
    let pos = 0;
    for (const b of doc.blocks) {
      const trimmed = b.text.trim();
      if (trimmed === '') continue;
      if (parts.length) pos += 2;
      blockBase.set(b, { base: pos, lead: b.text.length - b.text.trimStart().length, length: trimmed.length });
      parts.push(trimmed);
      pos += trimmed.length;
    }
    original = `${parts.join('\n\n')}\n`;
  }
  const toOriginal = (block: unknown, start: number, end: number): [number, number] | undefined => {
    const at = blockBase.get(block);
    if (!at) return undefined;
    const s = Math.max(0, start - at.lead);
    const e = Math.min(at.length, end - at.lead);
    return e < s ? undefined : [at.base + s, at.base + e];
  };

  const edits: TextRewrite[] = [];
  const byKey = new Map<string, number>();
  const findings: RewriteTextFinding[] = [];
  for (const f of found) {
    const out: RewriteTextFinding = { ...f };
    const e = sentenceRewrites.get(f);
    if (e) {
      const where = doc.source ? e.range : toOriginal(e.block, e.edit.start, e.edit.end);
      if (where) {
        const key = `${where[0]}:${where[1]}`;
        let i = byKey.get(key);
        if (i === undefined) {
          const text = doc.source ? (e.sourceText ?? e.edit.text) : e.edit.text;
          const rewrite = f.rewrite ?? text;
          i =
            edits.push({
              start: where[0],
              end: where[1],
              text,
              sentence: f.sentence,
              rewrite,
              ruleIds: [],
              missingFacts: [...(f.missingFacts ?? [])],
              factsUsed: facts
                .filter((x) => rewrite.includes(x.value) && !f.sentence.includes(x.value))
                .map((x) => x.key),
              complete: e.placeholders === 0,
              ...(f.fix ? { fixKind: f.fix.kind ?? 'safe' } : {}),
            }) - 1;
          byKey.set(key, i);
        }
        // Findings of one sentence share its fix; a suggested one of any of them makes it a suggestion.
        if (f.fix && edits[i]!.fixKind !== 'suggested') edits[i]!.fixKind = f.fix.kind ?? 'safe';
        if (!edits[i]!.ruleIds.includes(f.ruleId)) edits[i]!.ruleIds.push(f.ruleId);
        out.edit = i;
      } else if (doc.source) {
        notes.push(
          `${f.start.line}:${f.start.column}: not rewritten in place (markup inside the sentence); write instead: ${f.rewrite === '' ? '(remove the sentence)' : f.rewrite}`,
        );
      }
    }
    if (doc.source && f.start.offset !== undefined && f.end.offset !== undefined) {
      // The end may map past closing markup ("always**"): keep the flagged words when they are there.
      const words = f.sentence.slice(f.span[0], f.span[1]);
      const end = original.startsWith(words, f.start.offset) ? f.start.offset + words.length : f.end.offset;
      out.range = [f.start.offset, end];
    } else if (!doc.source) {
      // Find the sentence in the prose (blocks keep the sentence's words as linted).
      const at = e ? toOriginal(e.block, 0, 0) : undefined;
      const from = at ? at[0] : 0;
      const s = original.indexOf(f.sentence, from);
      if (s >= 0) out.range = [s + f.span[0], s + f.span[1]];
    }
    findings.push(out);
  }
  // Apply in order; an edit overlapping an earlier one is left out (as the CLI does).
  const order = edits
    .map((_, i) => i)
    .sort((a, b) => edits[a]!.start - edits[b]!.start || edits[b]!.end - edits[a]!.end);
  let text = '';
  let pos = 0;
  for (const i of order) {
    const e = edits[i]!;
    if (e.start < pos) continue;
    text += original.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  text += original.slice(pos);
  const catalog = factCatalog();
  const missing = [...new Set(edits.flatMap((e) => e.missingFacts))].sort();
  return {
    filePath,
    format: doc.format,
    writable: !!doc.source,
    original,
    text,
    edits,
    findings,
    missingFacts: missing.map((key) => ({
      key,
      label: catalog.get(key)?.label ?? humanize(key),
      ...(catalog.get(key)?.example ? { example: catalog.get(key)!.example } : {}),
    })),
    facts,
    notes: [...new Set(notes)],
    rules: ruleset.meta,
  };
}

export interface FixTextResult {
  /** The text with every safe fix applied (no placeholders), over as many passes as it takes. */
  text: string;
  /** Findings fixed. */
  fixed: number;
  /** The lint of the fixed text. */
  result: LintTextResult;
}

/** Apply the safe fixes (`--fix`) to a string: nothing is read from or written to the file. */
export async function fixText(text: string, options: LintTextOptions = {}): Promise<FixTextResult> {
  const { fixFile } = await import('./fix/fixer.js');
  const first = await lintText(text, options);
  if (!first.source) return { text, fixed: 0, result: first };
  let last = first;
  const outcome = await fixFile(first, {
    relint: async (t) => (last = await lintText(first.source!.bom ? `\uFEFF${t}` : t, options)),
  });
  const fixedText = outcome.output === first.source.text ? text : (first.source.bom ? '\uFEFF' : '') + outcome.output;
  return { text: fixedText, fixed: outcome.fixed, result: outcome.output === first.source.text ? first : last };
}
