// `pitchlint rewrite FILE|-`: the whole draft with every rewrite applied, placeholders included,
// for the rep who wants the honest version to paste back; --diff shows what changed instead.
// Markdown, text and HTML keep their markup, anchors, links, merge fields and line breaks: each
// sentence's rewrite replaces only the words that change, bounded like --fix; a sentence that
// cannot be rewritten in place is named on standard error with what to write instead. Other
// formats (email, docx, PDF, CSV) print their prose, one block per paragraph.
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { takeFactWarnings } from '../config/facts/warnings.js';
import { FileLinter } from './file-linter.js';
import type { AdapterOptions, Finding, Fix, TextBlock } from '../shared/types.js';
import type { SentenceRewriteEdit } from '../rewrites/stage.js';
import { unifiedDiff } from '../fix/diff.js';
import { applyFixes } from '../fix/apply.js';
import { applyEdits, type Edit } from '../rewrites/grammar.js';
import { decodeText } from '../inputs/source-text.js';
import { sentenceLocator } from './fix-files.js';
import { blockOf, lineStarts, locatedBlock, placeholderTexts, sentenceFixes, withFields } from './review-edits.js';

export interface RewriteOptions {
  cwd: string;
  config?: string;
  rules: string[];
  diff?: boolean;
  /** Also name each rewritten sentence's soft and strict alternatives on standard error. */
  alternatives?: boolean;
  stdinFilename?: string;
  adapter?: AdapterOptions;
  /** The bytes of standard input, when the file is "-". */
  stdin?: Buffer;
}

export interface RewriteOutcome {
  /** The rewritten draft, or the diff. */
  output: string;
  /** Lines for standard error. */
  notes: string[];
  /** 0, or 2 when the file could not be read. */
  code: number;
  rewritten: number;
}

export async function rewriteDraft(file: string, o: RewriteOptions): Promise<RewriteOutcome> {
  const fromStdin = file === '-';
  const filePath = resolve(o.cwd, fromStdin ? (o.stdinFilename ?? '<stdin>.txt') : file);
  const shown = fromStdin ? (o.stdinFilename ?? '<stdin>') : relative(o.cwd, filePath) || filePath;
  let bytes: Buffer;
  try {
    bytes = fromStdin ? (o.stdin ?? Buffer.alloc(0)) : await readFile(filePath);
  } catch (e) {
    return {
      output: '',
      notes: [`${shown}: cannot read file (${(e as NodeJS.ErrnoException).code ?? 'error'})`],
      code: 2,
      rewritten: 0,
    };
  }
  const linter = new FileLinter({
    cwd: o.cwd,
    ...(o.config ? { configFile: resolve(o.cwd, o.config) } : {}),
    rulesDirs: o.rules.map((d) => resolve(o.cwd, d)),
    ...(o.adapter ? { adapter: o.adapter } : {}),
  });
  // The runner's per-file pipeline (adapter -> engine -> rewrite stage -> suppressions), asked
  // for the whole-sentence edits as well.
  const { result, doc, sentenceEdits } = await linter.process(filePath, bytes, undefined, { sentenceEdits: true });
  if (!doc || result.fatal !== undefined)
    return { output: '', notes: [`${shown}: ${result.fatal}`], code: 2, rewritten: 0 };
  const findings = result.findings;

  // One edit per rewritten sentence (its findings share it).
  const edits = new Map<string, { e: SentenceRewriteEdit; f: Finding }>();
  const blockIndex = new Map<TextBlock, number>(doc.blocks.map((b, i) => [b, i]));
  for (const f of findings) {
    const e = sentenceEdits.get(f);
    if (e) edits.set(`${blockIndex.get(e.block)}:${e.edit.start}:${e.edit.end}`, { e, f });
  }
  const notes: string[] = takeFactWarnings().map((w) => `warning: ${w}`);
  const missing = new Set<string>();
  for (const f of findings) for (const k of f.missingFacts ?? []) missing.add(k);

  let before: string;
  let after: string;
  let rewritten = 0;
  // Markdown, text and HTML are printed as the file is, each rewritten sentence changed in
  // place word by word, bounded like --fix: markup, anchors, links, merge fields and line
  // breaks stay. HTML has no offsets: its blocks are mapped through their line/column locations.
  const html = !doc.source && doc.format === 'html';
  // Each sentence's merge fields put back into its alternatives, as into its rewrite.
  const fieldsOf = new Map<Finding, (t: string) => string>();
  if (doc.source || html) {
    const text = doc.source?.text ?? decodeText(bytes).text;
    const starts = html ? lineStarts(text) : undefined;
    const blocks = html ? doc.blocks.map((b) => locatedBlock(b, starts!, text)) : doc.blocks;
    const sentenceOf = sentenceLocator({ ...doc, blocks });
    before = text;
    const fixes: Fix[] = [];
    for (const { f } of edits.values()) {
      const where = blockOf(doc, f, blocks, starts);
      const fields = where ? placeholderTexts(where.block, where.start, f.sentence.length, text) : [];
      fieldsOf.set(f, (t) => withFields(t, fields));
      const write = f.rewrite === '' ? '(remove the sentence)' : withFields(f.rewrite ?? '', fields);
      const range = where
        ? sentenceOf({ ...f, start: { ...f.start, offset: where.block.sourceOffset!(where.start + f.span[0]) } })
        : undefined;
      const r = where
        ? sentenceFixes(
            doc.format,
            text,
            { ...where, sentence: f.sentence, ...(range ? { range } : {}) },
            f.rewrite ?? '',
          )
        : { reason: 'its sentence could not be found in the file' };
      if ('reason' in r) {
        notes.push(
          `${shown}:${f.start.line}:${f.start.column}: not rewritten in place (${r.reason}); write instead: ${write}`,
        );
        continue;
      }
      fixes.push(...r.fixes);
      rewritten++;
    }
    after = applyFixes(text, fixes).output;
  } else {
    const perBlock = new Map<number, Edit[]>();
    for (const { e } of edits.values()) {
      const i = blockIndex.get(e.block)!;
      perBlock.set(i, [...(perBlock.get(i) ?? []), e.edit]);
    }
    const blocks = doc.blocks.map((b, i) => {
      const chosen = nonOverlappingEdits(perBlock.get(i) ?? []);
      rewritten += chosen.length;
      return applyEdits(b.text, chosen).trim();
    });
    before = `${doc.blocks.map((b) => b.text.trim()).join('\n\n')}\n`;
    after = `${blocks.filter((b) => b !== '').join('\n\n')}\n`;
    notes.push(`${shown}: ${doc.format} is printed as plain prose, one paragraph per block`);
  }
  if (o.alternatives) {
    const sorted = [...edits.values()].sort(
      (a, b) => a.f.start.line - b.f.start.line || a.f.start.column - b.f.start.column,
    );
    for (const { f } of sorted)
      for (const alt of f.alternatives ?? [])
        notes.push(
          `${shown}:${f.start.line}:${f.start.column}: ${alt.label}: ${fieldsOf.get(f)?.(alt.text) ?? alt.text}`,
        );
  }
  const need = missing.size ? `; placeholders need facts: ${[...missing].sort().join(', ')}` : '';
  notes.push(`${shown}: ${rewritten} sentence${rewritten === 1 ? '' : 's'} rewritten${need}`);
  const output = o.diff ? unifiedDiff(shown, before, after) : after;
  return { output, notes, code: 0, rewritten };
}

function nonOverlappingEdits(edits: Edit[]): Edit[] {
  const out: Edit[] = [];
  for (const e of [...edits].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = out.at(-1);
    if (last && e.start < last.end) continue;
    out.push(e);
  }
  return out;
}
