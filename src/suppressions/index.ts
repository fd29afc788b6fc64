// Inline suppression: parse the directives of a file's source, then filter its findings.
import type { Finding } from '../shared/types.js';
import { applyDirectives, type SuppressionOptions, type SuppressionOutcome } from './apply.js';
import { DIRECTIVE_FORMATS, parseDirectives } from './directives.js';

export { DIRECTIVE_REASON_RULE, UNUSED_DIRECTIVE_RULE, directiveRuleMeta, type SuppressionOptions } from './apply.js';
export { DIRECTIVE_FORMATS, parseDirectives, type Directive } from './directives.js';
export { isDirectiveLine } from '../inputs/prose/directive-syntax.js';

/** Apply the directives written in `source` (the decoded file text) to the file's findings. */
export async function suppressFindings(
  findings: Finding[],
  source: string,
  format: string,
  options: SuppressionOptions = {},
): Promise<SuppressionOutcome> {
  if (!DIRECTIVE_FORMATS.has(format)) return { findings, suppressed: 0 };
  return applyDirectives(findings, await parseDirectives(source, format), options);
}
