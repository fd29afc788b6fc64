// `pitchlint review FILE`: an interactive pass for reps. Each flagged sentence is shown once, with
// its findings, its rewrite and the rewrite's alternatives; the rep answers with a key:
//   a        accept the rewrite
//   1, 2     take an alternative (soft / strict)
//   e        edit: the next line is the sentence as it should read
//   s        skip (leave the sentence as it is)
//   d        suppress: the next line is the reason; the format's directive is written
//   w        write the answers so far and stop;  q  quit without writing anything
// Every change is an edit bounded like a --fix (line breaks, markers, markup and merge fields
// kept); nothing touches the file until the end, when it is written atomically like --fix. Quit,
// the end of the answers and any error leave the file untouched. The answers come from a
// terminal or, without one, line by line from standard input (so scripts and tests drive it).
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { FileLinter } from './file-linter.js';
import { sentenceLocator } from './fix-files.js';
import { applyFixes } from '../fix/apply.js';
import { writeFixed } from '../fix/write.js';
import { blockOf, placeholderTexts, sentenceFixes, withFields, withoutFields } from './review-edits.js';
import type { AdapterOptions, Finding, Fix, RewriteAlternative, TextBlock } from '../shared/types.js';

export interface ReviewIO {
  /** Print text for the rep (prompts, sentences). */
  out(text: string): void;
  /** The next answer line, or undefined at the end of input. */
  ask(prompt: string): Promise<string | undefined>;
}

export interface ReviewOptions {
  cwd: string;
  config?: string;
  rules: string[];
  adapter?: AdapterOptions;
}

export interface ReviewOutcome {
  /** 0 done (written or nothing to do, or quit); 2 the file could not be read, reviewed or written. */
  code: number;
  /** One-line notes for standard error. */
  notes: string[];
  written: boolean;
  counts: { accepted: number; edited: number; suppressed: number; skipped: number };
}

interface Item {
  findings: Finding[];
  sentence: string;
  block: TextBlock;
  /** Start of the sentence in the block's text. */
  start: number;
  /** The sentence's range in the source. */
  range: [number, number];
  rewrite?: string;
  /** The file's text of each placeholder of the sentence ({{first_name}}, %CITY%...), in order. */
  fields: string[];
  missingFacts: string[];
  alternatives: RewriteAlternative[];
}

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

/** [start, end) of the content of each line (without its break). */
function lineRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (const m of text.matchAll(LINE_BREAK)) {
    out.push([start, m.index]);
    start = m.index + m[0].length;
  }
  out.push([start, text.length]);
  return out;
}

/** 0-based index of the line holding `offset`. */
function lineAt(lines: Array<[number, number]>, offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]![0] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

interface Suppression {
  rules: string[];
  reasons: string[];
  /** Where the directive goes: Markdown, an inline comment after the sentence or at the line's end; text, the line's start. */
  at: number;
}

/** The format's suppression directive, as an insertion. */
function directiveFix(text: string, format: string, s: Suppression): Fix {
  const ids = [...new Set(s.rules)].join(', ');
  const reason = s.reasons.join('; ').replace(/-->/g, '').replace(/\s+/g, ' ').trim();
  // Markdown: an inline comment (a paragraph, list item or table cell is not split).
  if (format === 'markdown')
    return { range: [s.at, s.at], text: ` <!-- pitchlint-disable-line ${ids} -- ${reason} -->` };
  // Plain text: a directive line of its own before the line, indented like it, with the file's line break.
  const eol = /\r\n|[\r\n\u2028\u2029]/.exec(text)?.[0] ?? '\n';
  const indent = /^[ \t]*/.exec(text.slice(s.at))![0];
  return { range: [s.at, s.at], text: `${indent}# pitchlint-disable-next-line ${ids} -- ${reason}${eol}` };
}

export async function reviewFile(file: string, o: ReviewOptions, io: ReviewIO): Promise<ReviewOutcome> {
  const counts = { accepted: 0, edited: 0, suppressed: 0, skipped: 0 };
  const filePath = resolve(o.cwd, file);
  const shown = relative(o.cwd, filePath) || filePath;
  const fail = (note: string): ReviewOutcome => ({ code: 2, notes: [note], written: false, counts });
  let bytes: Buffer;
  try {
    bytes = await readFile(filePath);
  } catch (e) {
    return fail(`${shown}: cannot read file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const linter = new FileLinter({
    cwd: o.cwd,
    ...(o.config ? { configFile: resolve(o.cwd, o.config) } : {}),
    rulesDirs: o.rules.map((d) => resolve(o.cwd, d)),
    ...(o.adapter ? { adapter: o.adapter } : {}),
  });
  const { result, doc } = await linter.process(filePath, bytes);
  if (!doc || result.fatal !== undefined) return fail(`${shown}: ${result.fatal ?? 'cannot be read'}`);
  const source = doc.source;
  if (!source)
    return fail(
      `${shown}: review edits Markdown and plain-text files; ${doc.format} files cannot be written back (pitchlint rewrite ${shown} prints the rewritten text)`,
    );
  const text = source.text;
  const sentenceOf = sentenceLocator(doc);

  // One item per flagged sentence, in file order.
  const items: Item[] = [];
  const byKey = new Map<string, Item>();
  for (const f of result.findings) {
    if (f.category === 'directive') continue;
    const where = blockOf(doc, f);
    const range = sentenceOf(f);
    if (!where || !range) continue;
    const key = `${range[0]}:${range[1]}`;
    let item = byKey.get(key);
    if (!item) {
      item = {
        findings: [],
        sentence: f.sentence,
        ...where,
        range,
        fields: placeholderTexts(where.block, where.start, f.sentence.length, text),
        missingFacts: [],
        alternatives: [],
      };
      byKey.set(key, item);
      items.push(item);
    }
    item.findings.push(f);
    if (f.rewrite !== undefined) item.rewrite ??= f.rewrite;
    for (const k of f.missingFacts ?? []) if (!item.missingFacts.includes(k)) item.missingFacts.push(k);
    if (item.alternatives.length === 0 && f.alternatives?.length) item.alternatives = [...f.alternatives];
  }
  if (items.length === 0) {
    io.out(`${shown}: nothing to review\n`);
    return { code: 0, notes: [], written: false, counts };
  }

  const edits: Fix[] = [];
  const suppress = new Map<number, Suppression>();
  const lines = lineRanges(text);
  const loc = (f: Finding): string => `${shown}:${f.start.line}:${f.start.column}`;
  let quit = false;
  let stop = false;
  for (const [n, item] of items.entries()) {
    if (stop) break;
    const show = (t: string): string => withFields(t, item.fields);
    io.out(`\n${loc(item.findings[0]!)}  (${n + 1} of ${items.length})\n  ${show(item.sentence)}\n`);
    for (const f of item.findings) io.out(`    ${f.severity}  ${f.message}  ${f.ruleId}\n`);
    const canAccept = item.rewrite !== undefined && item.rewrite !== item.sentence;
    if (canAccept) io.out(`  rewrite: ${item.rewrite === '' ? '(remove the sentence)' : show(item.rewrite!)}\n`);
    if (item.missingFacts.length) io.out(`  missing facts: ${item.missingFacts.join(', ')}\n`);
    item.alternatives.forEach((alt, i) => io.out(`  ${i + 1} ${alt.label}: ${show(alt.text)}\n`));
    const keys = [
      ...(canAccept ? ['[a]ccept'] : []),
      ...(item.alternatives.length ? [`[1-${item.alternatives.length}] alternative`] : []),
      '[e]dit',
      '[s]kip',
      '[d]isable with a reason',
      '[w]rite and stop',
      '[q]uit',
    ].join('  ');
    for (;;) {
      const answer = await io.ask(`${keys} > `);
      if (answer === undefined) {
        quit = true;
        break;
      }
      const key = answer.trim().toLowerCase();
      const take = (next: string, what: 'accepted' | 'edited'): boolean => {
        const r = sentenceFixes(doc.format, text, item, withoutFields(next, item.fields));
        if ('reason' in r) {
          io.out(`  cannot change the file there: ${r.reason}; pick another answer\n`);
          return false;
        }
        edits.push(...r.fixes);
        counts[what]++;
        return true;
      };
      if (key === 'q') {
        quit = true;
        break;
      }
      if (key === 'w') {
        stop = true;
        break;
      }
      if (key === 's' || key === '') {
        counts.skipped++;
        break;
      }
      if (key === 'a' && canAccept) {
        if (item.missingFacts.length || /\[[^\]]+\]/.test(item.rewrite!)) {
          io.out('  the rewrite has a placeholder to fill in: [e]dit the sentence with the real figure\n');
          continue;
        }
        if (take(item.rewrite!, 'accepted')) break;
        continue;
      }
      if (/^\d+$/.test(key) && item.alternatives[Number(key) - 1]) {
        if (take(item.alternatives[Number(key) - 1]!.text, 'accepted')) break;
        continue;
      }
      if (key === 'e') {
        const next = await io.ask('  new sentence (empty to remove it) > ');
        if (next === undefined) {
          quit = true;
          break;
        }
        if (take(next, 'edited')) break;
        continue;
      }
      if (key === 'd') {
        const reason = await io.ask('  reason (required) > ');
        if (reason === undefined) {
          quit = true;
          break;
        }
        if (!reason.trim()) {
          io.out('  a suppression needs a reason\n');
          continue;
        }
        const endLine = lineAt(lines, Math.max(item.range[0], item.range[1] - 1));
        for (const f of item.findings) {
          const li = f.start.line - 1;
          const [ls, le] = lines[li] ?? [0, 0];
          let at = ls;
          if (doc.format === 'markdown') {
            at = le;
            while (at > ls && /[ \t]/.test(text[at - 1]!)) at--;
            if (li === endLine) at = item.range[1];
          }
          const s = suppress.get(li) ?? { rules: [], reasons: [], at };
          s.rules.push(f.ruleId);
          if (!s.reasons.includes(reason.trim())) s.reasons.push(reason.trim());
          s.at = Math.max(s.at, at);
          suppress.set(li, s);
        }
        counts.suppressed++;
        break;
      }
      io.out(`  unknown answer "${answer.trim()}"\n`);
    }
    if (quit) break;
  }
  if (quit) {
    io.out('\n');
    return { code: 0, notes: [`${shown}: quit; nothing was written`], written: false, counts };
  }
  for (const s of suppress.values()) edits.push(directiveFix(text, doc.format, s));
  const summary = `${counts.accepted} accepted, ${counts.edited} edited, ${counts.suppressed} suppressed, ${counts.skipped} skipped`;
  if (edits.length === 0) return { code: 0, notes: [`${shown}: ${summary}; nothing to write`], written: false, counts };
  const { output, conflicts } = applyFixes(text, edits);
  if (conflicts.length)
    return fail(`${shown}: two answers change the same words; nothing was written (review it again)`);
  const w = await writeFixed(filePath, source, output);
  if (!w.written) return fail(`${shown}: ${w.reason}`);
  return { code: 0, notes: [`${shown}: ${summary}; written`], written: true, counts };
}
