// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { Finding, Formatter, Severity } from '../shared/types.js';
import { posixRelativePath } from './common.js';
import { fullLabel, isNonLinePosition } from './location-label.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', suggestion: 'notice' };

/** Escaping of a command's message (GitHub's toCommandValue/escapeData). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a property value: also ':' and ',', which delimit properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(kind: string, props: [string, string | number][], message: string): string {
  const p = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${kind} ${p}::${escapeData(message)}`;
}

function text(f: Finding): string {
  // docx/pdf/csv line numbers mean nothing in GitHub's file view: say where in words.
  let msg = isNonLinePosition(f.start) ? `${f.message} (at ${fullLabel(f.start)})` : f.message;
  if (f.suggestion) msg += `\nSuggestion: ${f.suggestion}`;
  if (f.rewrite) msg += `\nRewrite: ${f.rewrite}`;
  return msg;
}

export const github: Formatter = (results, ctx) => {
  const lines: string[] = [];
  for (const r of results) {
    const file = posixRelativePath(ctx.cwd, r.filePath);
    if (r.fatal !== undefined)
      lines.push(
        command(
          'error',
          [
            ['file', file],
            ['title', 'pitchlint'],
          ],
          r.fatal,
        ),
      );
    for (const f of r.findings) {
      const props: [string, string | number][] = [
        ['file', file],
        ['line', f.start.line],
        ['col', f.start.column],
        ['endLine', f.end.line],
        ['endColumn', f.end.column],
        ['title', `pitchlint(${f.ruleId})`],
      ];
      lines.push(command(COMMAND[f.severity], props, text(f)));
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};

export default github;
