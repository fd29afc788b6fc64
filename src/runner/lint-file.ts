// The per-file pipeline: bytes -> input adapter -> engine (findings and their claims) -> rewrite
// stage -> inline suppressions -> FileResult. Lint runs, workers, --fix, `pitchlint rewrite`, the
// API and `rules test` all go through processBytes. Never throws for bad input: an unusable file
// becomes a result with `fatal` set, and the run goes on.
import { adapterForFile } from '../inputs/registry.js';
import type { EngineOptions } from '../engine/linter.js';
import { lintDocument, type LintedDocument } from '../engine/linter.js';
import { rewriteDocument, type RewriteStageOptions, type SentenceRewrites } from '../rewrites/stage.js';
import type { RuleSet } from '../engine/ruleset.js';
import { InputError } from '../shared/errors.js';
import { BudgetError, withFileBudget } from '../shared/budget.js';
import { decodeText } from '../inputs/source-text.js';
import { suppressFindings } from '../suppressions/index.js';
import { DIRECTIVE_FORMATS } from '../suppressions/directives.js';
import type { SuppressionOptions } from '../suppressions/apply.js';
import type { AdapterOptions, FileResult, Finding, InputAdapter, InputDocument } from '../shared/types.js';

export function summarize(
  filePath: string,
  format: string,
  findings: Finding[],
  extra: Partial<FileResult> = {},
): FileResult {
  return {
    filePath,
    format,
    findings,
    errorCount: findings.filter((f) => f.severity === 'error').length,
    warningCount: findings.filter((f) => f.severity === 'warning').length,
    suggestionCount: findings.filter((f) => f.severity === 'suggestion').length,
    notices: [],
    ...extra,
  };
}

/** Options of the per-file pipeline: the engine's, and the rewrite stage's. */
export interface PipelineOptions extends EngineOptions, RewriteStageOptions {
  /** Give findings their rewrite and fix (default true). */
  rewrites?: boolean;
}

/** What the per-file pipeline produced: the file's result, and for callers that edit, its document. */
export interface Processed {
  result: FileResult;
  /** The parsed document (absent when the file could not be read). */
  doc?: InputDocument;
  /** Whole-sentence rewrite edits per finding (empty unless `sentenceEdits` was asked for). */
  sentenceEdits: SentenceRewrites;
}

/** Matching, then the rewrite stage: a document's findings with their rewrites and fixes. */
export async function lintAndRewrite(
  doc: InputDocument,
  ruleset: RuleSet,
  options: PipelineOptions = {},
): Promise<{ linted: LintedDocument; sentenceEdits: SentenceRewrites }> {
  const linted = await lintDocument(doc, ruleset, options);
  const sentenceEdits = options.rewrites === false ? new Map() : await rewriteDocument(linted, ruleset, options);
  return { linted, sentenceEdits };
}

export async function processBytes(
  filePath: string,
  bytes: Buffer,
  ruleset: RuleSet,
  adapterOptions: AdapterOptions,
  options: PipelineOptions = {},
  suppressions: SuppressionOptions = {},
): Promise<Processed> {
  const adapter = await adapterForFile(filePath);
  // One time budget for the whole pipeline of the file (shared/budget.ts): over it, the file is
  // skipped in one line and the run goes on.
  return withFileBudget(() =>
    pipeline(adapter, filePath, bytes, ruleset, adapterOptions, options, suppressions).catch((e: unknown) => {
      if (!(e instanceof BudgetError)) throw e;
      return {
        result: summarize(filePath, adapter.name, [], { fatal: e.message, transient: true }),
        sentenceEdits: new Map(),
      };
    }),
  );
}

async function pipeline(
  adapter: InputAdapter,
  filePath: string,
  bytes: Buffer,
  ruleset: RuleSet,
  adapterOptions: AdapterOptions,
  options: PipelineOptions,
  suppressions: SuppressionOptions,
): Promise<Processed> {
  let doc;
  try {
    doc = await adapter.parse({ filePath, bytes }, adapterOptions);
  } catch (e) {
    if (e instanceof BudgetError) throw e;
    const fatal =
      e instanceof InputError
        ? e.message
        : `could not be read as ${adapter.name}: ${(e as Error).message.split('\n')[0]}`;
    return { result: summarize(filePath, adapter.name, [], { fatal }), sentenceEdits: new Map() };
  }
  const { linted, sentenceEdits } = await lintAndRewrite(doc, ruleset, options);
  let findings = linted.findings;
  if (DIRECTIVE_FORMATS.has(doc.format)) {
    // Directives are read from the source lines (HTML is not writable, so decode it here).
    const text = doc.source?.text ?? sourceTextOf(bytes);
    if (text !== undefined)
      findings = (await suppressFindings(findings, text, doc.format, { knownRules: ruleset.knownIds, ...suppressions }))
        .findings;
  }
  const result = summarize(filePath, doc.format, findings, {
    notices: doc.notices ?? [],
    ...(doc.source ? { source: doc.source } : {}),
  });
  return { result, doc, sentenceEdits };
}

export async function lintBytes(
  filePath: string,
  bytes: Buffer,
  ruleset: RuleSet,
  adapterOptions: AdapterOptions,
  options: PipelineOptions = {},
  suppressions: SuppressionOptions = {},
): Promise<FileResult> {
  return (await processBytes(filePath, bytes, ruleset, adapterOptions, options, suppressions)).result;
}

function sourceTextOf(bytes: Buffer): string | undefined {
  try {
    return decodeText(bytes).text;
  } catch {
    return undefined;
  }
}
