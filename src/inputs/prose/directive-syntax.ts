// The syntax of inline suppression directives, shared by the directive parser and the plain-text
// adapter (which drops directive lines from the prose). No imports: adapters load this cheaply.
//
//   <!-- pitchlint-disable-next-line guarantee-outcome -- the SLA in annex B backs this -->
//   <!-- pitchlint-disable absolute-always-never, speed-instant -- quoted customer review -->
//   <!-- pitchlint-enable absolute-always-never -->
//   <!-- pitchlint-disable-file -- legal wrote this clause -->
//   # pitchlint-disable-next-line pricing-lock -- price agreed in the MSA     (plain text)
//
// No rule list means every rule. Everything after " -- " is the reason, which is required.

export const DIRECTIVE_KINDS = ['disable-next-line', 'disable-line', 'disable-file', 'disable', 'enable'] as const;
export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number];

/** Cheap test before any parsing: a file without this substring has no directives. */
export const DIRECTIVE_MARK = 'pitchlint-';

const KEYWORD_SOURCE = 'pitchlint-(disable-next-line|disable-line|disable-file|disable|enable)(?![\\w-])';

/** A directive at the start of a comment's text. */
export const COMMENT_DIRECTIVE = new RegExp(`^\\s*${KEYWORD_SOURCE}`);

/**
 * A plain-text directive line: the directive alone on its line, bare or after a comment leader
 * (`#`, `//`, `;`, `%`) or inside an HTML comment (`<!-- … -->`).
 */
const LINE_DIRECTIVE = new RegExp(`^[ \\t]*(?:(?:#+|//+|;+|%+)[ \\t]*|<!--[ \\t]*)?${KEYWORD_SOURCE}`);

/** Whether a line of a plain-text file is a directive (and so is not prose). */
export function isDirectiveLine(line: string): boolean {
  return line.includes(DIRECTIVE_MARK) && LINE_DIRECTIVE.test(line);
}

export interface DirectiveBody {
  kind: DirectiveKind;
  /** Rule ids; empty means every rule. */
  rules: string[];
  /** The justification after " -- "; undefined when missing or empty. */
  reason?: string;
}

/** Parse a directive's text, starting at the keyword (comment markers already removed). */
export function parseDirectiveBody(body: string): DirectiveBody | undefined {
  const m = COMMENT_DIRECTIVE.exec(body);
  if (!m) return undefined;
  const rest = body.slice(m[0].length);
  const sep = /(?:^|\s)--(?:\s|$)/.exec(rest);
  const ruleText = sep ? rest.slice(0, sep.index) : rest;
  const reason = sep ? rest.slice(sep.index + sep[0].length).trim() : '';
  const rules = ruleText
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter(Boolean);
  return { kind: m[1] as DirectiveKind, rules: [...new Set(rules)], ...(reason ? { reason } : {}) };
}

/** The directive text of a plain-text directive line (leader and `<!-- -->` removed). */
export function lineDirectiveText(line: string): string | undefined {
  const m = LINE_DIRECTIVE.exec(line);
  if (!m) return undefined;
  const start = m[0].lastIndexOf('pitchlint-');
  let text = line.slice(start);
  const close = text.lastIndexOf('-->');
  if (close >= 0 && /<!--/.test(line.slice(0, start))) text = text.slice(0, close);
  return text.trimEnd();
}
