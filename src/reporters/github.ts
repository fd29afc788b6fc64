// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { Finding, Formatter, Severity } from '../shared/types.js';
import { posixRelativePath } from './common.js';
import { partHeaderLocator } from './email-parts.js';
import { fileAnchor, placeWords } from './location-label.js';

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
  // Where the file's own lines do not say it (docx paragraph, pdf page, csv row and field,
  // decoded email text), the place in words.
  const where = placeWords(f.start, true);
  let msg = where ? `${f.message} (at ${where})` : f.message;
  if (f.suggestion) msg += `\nSuggestion: ${f.suggestion}`;
  if (f.rewrite) msg += `\nRewrite: ${f.rewrite}`;
  return msg;
}

export const github: Formatter = (results, ctx) => {
  const lines: string[] = [];
  const headerLine = partHeaderLocator(ctx.cwd);
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
      // Annotations go on lines of the file as GitHub shows it: exact positions as they are; a
      // decoded email part on its header's line; a docx or pdf (no lines) on the file itself.
      const anchor = fileAnchor(f.start, f.start.decoded ? headerLine(r.filePath, f) : undefined);
      const props: [string, string | number][] = [['file', file]];
      if (anchor) {
        props.push(['line', anchor.line]);
        if (anchor.column !== undefined) {
          props.push(['col', f.start.column]);
          const end = fileAnchor(f.end);
          if (end?.column !== undefined) props.push(['endLine', f.end.line], ['endColumn', f.end.column]);
        }
      }
      props.push(['title', `pitchlint(${f.ruleId})`]);
      lines.push(command(COMMAND[f.severity], props, text(f)));
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};

export default github;
