// One finding per line, "file:line:col: severity message [rule]", for editors' error lists and grep.
import type { Formatter } from '../shared/types.js';
import { printable, relativePath } from './common.js';
import { decodedNote, positionLabel } from './location-label.js';

export const compact: Formatter = (results, ctx) => {
  const lines: string[] = [];
  for (const r of results) {
    const file = printable(relativePath(ctx.cwd, r.filePath));
    if (r.fatal !== undefined) lines.push(`${file}: error ${printable(r.fatal)}`);
    for (const f of r.findings) {
      // The decoded-part note goes last so "file:line:col:" stays parseable.
      const note = decodedNote(f.start);
      const tail = note ? ` ${note}` : '';
      lines.push(`${file}:${positionLabel(f.start)}: ${f.severity} ${printable(f.message)} [${f.ruleId}]${tail}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};

export default compact;
