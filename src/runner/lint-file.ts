// Lint one file's bytes: adapter -> engine -> FileResult. Never throws for bad input: an
// unusable file becomes a result with `fatal` set, and the run goes on.
import { adapterForFile } from '../inputs/registry.js';
import type { EngineOptions } from '../engine/linter.js';
import { lintDocument } from '../engine/linter.js';
import type { RuleSet } from '../engine/ruleset.js';
import { InputError } from '../shared/errors.js';
import { decodeText } from '../inputs/source-text.js';
import { suppressFindings } from '../suppressions/index.js';
import { DIRECTIVE_FORMATS } from '../suppressions/directives.js';
import type { SuppressionOptions } from '../suppressions/apply.js';
import type { AdapterOptions, FileResult, Finding } from '../shared/types.js';

export function summarize(filePath: string, format: string, findings: Finding[], extra: Partial<FileResult> = {}): FileResult {
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

export async function lintBytes(
  filePath: string,
  bytes: Buffer,
  ruleset: RuleSet,
  adapterOptions: AdapterOptions,
  engine: EngineOptions = {},
  suppressions: SuppressionOptions = {},
): Promise<FileResult> {
  const adapter = await adapterForFile(filePath);
  let doc;
  try {
    doc = await adapter.parse({ filePath, bytes }, adapterOptions);
  } catch (e) {
    if (e instanceof InputError) return summarize(filePath, adapter.name, [], { fatal: e.message });
    return summarize(filePath, adapter.name, [], { fatal: `could not be read as ${adapter.name}: ${(e as Error).message.split('\n')[0]}` });
  }
  let findings = await lintDocument(doc, ruleset, engine);
  if (DIRECTIVE_FORMATS.has(doc.format)) {
    // Directives are read from the source lines (HTML is not writable, so decode it here).
    const text = doc.source?.text ?? sourceTextOf(bytes);
    if (text !== undefined) findings = (await suppressFindings(findings, text, doc.format, suppressions)).findings;
  }
  return summarize(filePath, doc.format, findings, { notices: doc.notices ?? [], ...(doc.source ? { source: doc.source } : {}) });
}

function sourceTextOf(bytes: Buffer): string | undefined {
  try {
    return decodeText(bytes).text;
  } catch {
    return undefined;
  }
}
