// Extract the shell examples of the user docs (README.md, docs/*.md) so the doc tests can run
// them. The convention, documented in docs/README.md ("Examples are tested"):
//
// - ```console blocks are transcripts: a line starting with `$ ` is a command (a trailing `\`
//   continues it on the next line); the lines after it, up to the next command, are its expected
//   output (standard output and standard error together). A line `...` stands for any number of
//   lines; a line ending in ` ...` matches any line that starts with the text before it.
// - ```sh, ```bash and ```shell blocks are commands only (comments and blank lines skipped);
//   their output is not checked, their exit code is.
// - HTML comments right before a block (blank lines between are allowed) tune it:
//     <!-- doc-test: skip (reason) -->   not run; the test lists it with the reason
//     <!-- doc-test: run -->             run the block although it does not name pitchlint
//     <!-- doc-test: exit 1 -->          the expected exit code of every command (default 0),
//     <!-- doc-test: exit 0 1 2 -->      or one per command, in order
//     <!-- doc-test: file PATH -->       the block is not run: its text is written to PATH in the
//                                        sandbox, for the commands after it
//     <!-- doc-test: json-of COMMAND --> the block (JSON) must be contained in COMMAND's output:
//                                        objects by their keys, arrays in order; "…" matches any
//                                        value, "…/x" any string ending in "/x"
// Only shell blocks that mention pitchlint are examples; other fences that show a `$ pitchlint`
// prompt or start with a pitchlint command are reported, so an example cannot hide in a ```text
// block.

export type BlockKind = 'console' | 'sh' | 'file' | 'json-of';

export interface Command {
  /** The shell command (continuation lines joined). */
  text: string;
  /** Expected output lines (console blocks); undefined when the doc shows none. */
  expected?: string[];
  /** 1-based line of the command in the doc. */
  line: number;
}

export interface Block {
  doc: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  kind: BlockKind;
  body: string;
  commands: Command[];
  skip?: string;
  exit?: number[];
  file?: string;
  jsonOf?: string;
  /** Run although no command names pitchlint (e.g. `node script-using-the-api.mjs`). */
  run?: boolean;
}

export interface Extracted {
  blocks: Block[];
  /** Fences that look like pitchlint commands but are not in a shell block. */
  hidden: { doc: string; line: number; lang: string; text: string }[];
  /** Directives that could not be read. */
  problems: string[];
}

const SHELL = new Set(['sh', 'bash', 'shell', 'console']);
const DIRECTIVE = /^<!--\s*doc-test:\s*(.*?)\s*-->\s*$/;

export function extractExamples(doc: string, markdown: string): Extracted {
  const lines = markdown.split(/\r?\n/);
  const blocks: Block[] = [];
  const hidden: Extracted['hidden'] = [];
  const problems: string[] = [];
  let pending: string[] = [];
  let pendingLine = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const directive = DIRECTIVE.exec(line.trim());
    if (directive) {
      pending.push(directive[1] ?? '');
      pendingLine = i + 1;
      continue;
    }
    const fence = /^(\s*)(```+|~~~+)\s*([\w-]*)(.*)$/.exec(line);
    if (!fence) {
      if (line.trim() !== '' && pending.length) {
        problems.push(`${doc}:${pendingLine}: a doc-test directive must stand right before a fenced block`);
        pending = [];
      }
      continue;
    }
    const indent = fence[1] ?? '';
    const marker = fence[2] ?? '```';
    const lang = (fence[3] ?? '').toLowerCase();
    const start = i + 1;
    const body: string[] = [];
    for (i++; i < lines.length; i++) {
      const l = lines[i] ?? '';
      if (l.trim().startsWith(marker) && l.trim().replace(/[`~]/g, '') === '') break;
      body.push(l.startsWith(indent) ? l.slice(indent.length) : l);
    }
    const directives = pending;
    pending = [];
    const block: Block = { doc, line: start, lang, kind: lang === 'console' ? 'console' : 'sh', body: body.join('\n'), commands: [] };
    for (const d of directives) {
      let m: RegExpExecArray | null;
      if ((m = /^skip\s*\((.+)\)$/.exec(d))) block.skip = m[1];
      else if (d === 'run') block.run = true;
      else if (/^skip\b/.test(d)) problems.push(`${doc}:${start}: "skip" needs a reason in parentheses`);
      else if ((m = /^exit((?:\s+\d+)+)$/.exec(d))) block.exit = (m[1] ?? '').trim().split(/\s+/).map(Number);
      else if ((m = /^file\s+(\S+)$/.exec(d))) {
        block.kind = 'file';
        block.file = m[1];
      } else if ((m = /^json-of\s+(.+)$/.exec(d))) {
        block.kind = 'json-of';
        block.jsonOf = m[1];
      } else problems.push(`${doc}:${start}: unknown doc-test directive "${d}"`);
    }
    if (block.kind === 'file' || block.kind === 'json-of') {
      blocks.push(block);
      continue;
    }
    if (!SHELL.has(lang)) {
      const first = body.find((l) => l.trim() !== '')?.trim() ?? '';
      if (body.some((l) => /^\$\s+(npx\s+)?pitchlint\b/.test(l.trim())) || /^(npx\s+)?pitchlint\s/.test(first))
        hidden.push({ doc, line: start, lang: lang || '(none)', text: first });
      if (directives.length) problems.push(`${doc}:${start}: doc-test directives on a \`\`\`${lang || '(none)'} block`);
      continue;
    }
    block.commands = lang === 'console' ? consoleCommands(body, start) : shellCommands(body, start);
    if (!block.run && !block.commands.some((c) => /\bpitchlint\b/.test(c.text))) {
      if (directives.length) problems.push(`${doc}:${start}: doc-test directives on a block that does not run pitchlint`);
      continue;
    }
    if (block.exit && block.exit.length !== 1 && block.exit.length !== block.commands.length)
      problems.push(`${doc}:${start}: ${block.exit.length} exit codes for ${block.commands.length} commands`);
    blocks.push(block);
  }
  if (pending.length) problems.push(`${doc}:${pendingLine}: a doc-test directive at the end of the file`);
  return { blocks, hidden, problems };
}

function consoleCommands(body: string[], fenceLine: number): Command[] {
  const commands: Command[] = [];
  let current: Command | undefined;
  for (let j = 0; j < body.length; j++) {
    const l = body[j] ?? '';
    if (l.startsWith('$ ')) {
      let text = l.slice(2);
      const line = fenceLine + 1 + j;
      while (text.endsWith('\\') && j + 1 < body.length) text = `${text}\n${body[++j] ?? ''}`;
      current = { text, line };
      commands.push(current);
    } else if (current) {
      (current.expected ??= []).push(l);
    }
  }
  for (const c of commands) {
    const out = trimBlank(c.expected ?? []);
    if (out.length) c.expected = out;
    else delete c.expected;
  }
  return commands;
}

function shellCommands(body: string[], fenceLine: number): Command[] {
  const commands: Command[] = [];
  for (let j = 0; j < body.length; j++) {
    let text = body[j] ?? '';
    const line = fenceLine + 1 + j;
    if (text.trim() === '' || text.trim().startsWith('#')) continue;
    while (/\\\s*$/.test(stripComment(text)) && j + 1 < body.length) text = `${stripComment(text)}\n${body[++j] ?? ''}`;
    commands.push({ text: text.trim(), line });
  }
  return commands;
}

/** A shell line without its trailing `# comment` (a `#` after white space, outside quotes). */
function stripComment(line: string): string {
  let quote = '';
  for (let k = 0; k < line.length; k++) {
    const ch = line[k];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '#' && (k === 0 || /\s/.test(line[k - 1] ?? ''))) return line.slice(0, k).trimEnd();
  }
  return line;
}

function trimBlank(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && (lines[a] ?? '').trim() === '') a++;
  while (b > a && (lines[b - 1] ?? '').trim() === '') b--;
  return lines.slice(a, b);
}

/** Does `actual` (lines) match the expected lines, with `...` lines and ` ...` line ends? */
export function matchOutput(expected: string[], actual: string[]): { ok: true } | { ok: false; at: number; why: string } {
  const exp = expected.map((l) => l.trimEnd());
  const act = trimBlank(actual.map((l) => l.trimEnd()));
  // Memoised search: i in exp, j in act.
  const seen = new Set<string>();
  let furthest = { at: 0, why: '' };
  const go = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    if (seen.has(key)) return false;
    seen.add(key);
    if (i === exp.length) {
      if (j === act.length) return true;
      if (i >= furthest.at) furthest = { at: i, why: `unexpected output after the last shown line: ${JSON.stringify(act[j])}` };
      return false;
    }
    const e = exp[i] ?? '';
    if (e.trim() === '...') {
      for (let k = j; k <= act.length; k++) if (go(i + 1, k)) return true;
      return false;
    }
    const a = act[j];
    const ok = a !== undefined && (e.endsWith(' ...') ? a.startsWith(e.slice(0, -4)) : a === e);
    if (!ok) {
      if (i >= furthest.at) furthest = { at: i, why: `expected ${JSON.stringify(e)}\n     got ${a === undefined ? 'the end of the output' : JSON.stringify(a)}` };
      return false;
    }
    return go(i + 1, j + 1);
  };
  return go(0, 0) ? { ok: true } : { ok: false, ...furthest };
}

/** Is `doc` (parsed from the docs) contained in `actual`? Returns the path of the first mismatch. */
export function jsonContains(doc: unknown, actual: unknown, path = '$'): string | undefined {
  if (typeof doc === 'string') {
    if (doc === '…') return undefined;
    if (doc.startsWith('…') && typeof actual === 'string') return actual.endsWith(doc.slice(1)) ? undefined : `${path}: ${JSON.stringify(actual)} does not end with ${JSON.stringify(doc.slice(1))}`;
    return doc === actual ? undefined : `${path}: expected ${JSON.stringify(doc)}, got ${JSON.stringify(actual)}`;
  }
  if (Array.isArray(doc)) {
    if (!Array.isArray(actual)) return `${path}: expected an array`;
    let from = 0;
    for (let k = 0; k < doc.length; k++) {
      let found = -1;
      let why = '';
      for (let m = from; m < actual.length; m++) {
        const r = jsonContains(doc[k], actual[m], `${path}[${m}]`);
        if (r === undefined) {
          found = m;
          break;
        }
        why ||= r;
      }
      if (found < 0) return why || `${path}[${k}]: no element left to match`;
      from = found + 1;
    }
    return undefined;
  }
  if (doc !== null && typeof doc === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return `${path}: expected an object`;
    for (const [key, value] of Object.entries(doc)) {
      if (!(key in actual)) return `${path}.${key}: missing`;
      const r = jsonContains(value, (actual as Record<string, unknown>)[key], `${path}.${key}`);
      if (r) return r;
    }
    return undefined;
  }
  return doc === actual ? undefined : `${path}: expected ${JSON.stringify(doc)}, got ${JSON.stringify(actual)}`;
}
