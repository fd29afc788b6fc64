// Checkstyle XML, read by Jenkins (Warnings NG), reviewdog, SonarQube and other CI tools.
import type { Formatter, Severity } from '../shared/types.js';
import { absolutePath } from './common.js';
import { attrs } from './xml.js';

// Checkstyle's severities are error, warning and info.
const SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', suggestion: 'info' };

export const checkstyle: Formatter = (results, ctx) => {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const r of results) {
    // Every file, clean ones included (as ESLint does), so tools can mark them as checked.
    const file = `  <file${attrs({ name: absolutePath(ctx.cwd, r.filePath) })}`;
    if (r.fatal === undefined && r.findings.length === 0) {
      out.push(`${file}/>`);
      continue;
    }
    out.push(`${file}>`);
    // Line 0: Checkstyle's convention for a problem with the file as a whole.
    if (r.fatal !== undefined) {
      out.push(`    <error${attrs({ line: 0, column: 0, severity: 'error', message: r.fatal, source: 'pitchlint' })}/>`);
    }
    for (const f of r.findings) {
      const a = { line: f.start.line, column: f.start.column, severity: SEVERITY[f.severity], message: f.message, source: `pitchlint.${f.ruleId}` };
      out.push(`    <error${attrs(a)}/>`);
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
};

export default checkstyle;
