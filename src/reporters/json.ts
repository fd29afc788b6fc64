// ESLint-compatible JSON, so tools that already read `eslint -f json` (annotators, dashboards,
// reviewdog) read pitchlint too. pitchlint's own fields are added after ESLint's.
import type { FileResult, Finding, Formatter } from '../shared/types.js';
import { absolutePath } from './common.js';
import type { StreamingFormatter } from './index.js';

// ESLint has two severities; a suggestion is reported as a warning (1) and keeps its own name in
// `level`, so a consumer that knows pitchlint can tell them apart. (ESLint's own `suggestions` is
// an array of fix objects; `suggestion` here is pitchlint's advice text.)
const ESLINT_SEVERITY = { error: 2, warning: 1, suggestion: 1 } as const;

function message(f: Finding): Record<string, unknown> {
  // Object literal order is the key order in the output: keep ESLint's fields first.
  return {
    ruleId: f.ruleId,
    severity: ESLINT_SEVERITY[f.severity],
    level: f.severity,
    message: f.message,
    line: f.start.line,
    column: f.start.column,
    endLine: f.end.line,
    endColumn: f.end.column,
    // ESLint's shape, plus whether plain --fix applies it ('safe') or only --fix-type and review do.
    fix: f.fix ? { range: [f.fix.range[0], f.fix.range[1]], text: f.fix.text, kind: f.fix.kind ?? 'safe' } : undefined,
    category: f.category,
    suggestion: f.suggestion,
    rewrite: f.rewrite,
    missingFacts: f.missingFacts,
    alternatives: f.alternatives?.map((a) => ({ label: a.label, text: a.text })),
    sentence: f.sentence,
    span: [f.span[0], f.span[1]],
    paragraph: f.start.paragraph,
    page: f.start.page,
    row: f.start.row,
    field: f.start.field,
    part: f.start.part,
    decoded: f.start.decoded,
  };
}

function fileResult(r: FileResult, cwd: string): Record<string, unknown> {
  const messages = r.findings.map(message);
  // ESLint reports a file it could not parse as one fatal message without a rule, counted as an error.
  if (r.fatal !== undefined) messages.unshift({ ruleId: null, fatal: true, severity: 2, message: r.fatal });
  const fatal = r.fatal !== undefined ? 1 : 0;
  const fixable = (sev: Finding['severity']): number => r.findings.filter((f) => f.fix && f.severity === sev).length;
  return {
    filePath: absolutePath(cwd, r.filePath),
    messages,
    errorCount: r.errorCount + fatal,
    fatalErrorCount: fatal,
    warningCount: r.warningCount,
    fixableErrorCount: fixable('error'),
    fixableWarningCount: fixable('warning'),
    suggestionCount: r.suggestionCount,
    notices: r.notices,
  };
}

export const json: Formatter = (results, ctx) => JSON.stringify(results.map((r) => fileResult(r, ctx.cwd)));

/** The same array, written file by file. */
export const stream: StreamingFormatter = (ctx) => {
  let first = true;
  return {
    file(r) {
      const text = `${first ? '[' : ','}${JSON.stringify(fileResult(r, ctx.cwd))}`;
      first = false;
      return text;
    },
    end: () => (first ? '[]' : ']'),
  };
};

export default json;
