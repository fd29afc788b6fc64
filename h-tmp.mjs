import * as h from 'harper.js';
import { binary } from 'harper.js/binary';
const l = new h.LocalLinter({ binary });
await l.setup();
for (const t of process.argv.slice(2))
  console.log(t, (await l.lint(t)).map(x => `${x.lint_kind()}: ${x.message()} @${x.span().start}`));
