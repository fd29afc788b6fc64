// One finding per line, "file:line:col: message [severity/rule]", for editors' error lists,
// problem matchers and grep. The prefix always has that shape, so `file:line:col` matchers
// parse every line; a format's own coordinates (csv row and field, docx paragraph, pdf page,
// decoded email part) follow the message in parentheses.
import type { Formatter } from '../shared/types.js';
import { printable, relativePath } from './common.js';
import { partHeaderLocator } from './email-parts.js';
import { fileAnchor, placeWords } from './location-label.js';

export const compact: Formatter = (results, ctx) => {
  const lines: string[] = [];
  const headerLine = partHeaderLocator(ctx.cwd);
  for (const r of results) {
    const file = printable(relativePath(ctx.cwd, r.filePath));
    // A file that could not be read: the whole file, so its first line.
    if (r.fatal !== undefined) lines.push(`${file}:1:1: ${printable(r.fatal)} [error/unreadable]`);
    for (const f of r.findings) {
      const loc = f.start;
      let line = loc.line;
      let column = loc.column;
      if (loc.decoded && loc.part !== undefined) {
        // Decoded email text: point at the part's header (or the Subject line), not at a line
        // number of the decoded text that means something else in the file.
        const anchor = fileAnchor(loc, headerLine(r.filePath, f));
        line = anchor?.line ?? 1;
        column = anchor?.column ?? 1;
      }
      const where = placeWords(loc);
      lines.push(
        `${file}:${line}:${column}: ${printable(f.message)} [${f.severity}/${f.ruleId}]${where ? ` (${printable(where)})` : ''}`,
      );
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};

export default compact;
