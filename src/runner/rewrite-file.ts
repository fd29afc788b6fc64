// `pitchlint rewrite FILE|-`: the whole draft with every rewrite applied, placeholders included,
// for the rep who wants the honest version to paste back; --diff shows what changed instead.
// Writable formats keep their markup: each sentence's rewrite replaces only the words that
// change. Other formats (email, HTML, docx, PDF) print their prose, one block per paragraph.
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { adapterForFile } from '../inputs/registry.js';
import { lintDocument } from '../engine/linter.js';
import { InputError } from '../shared/errors.js';
import { factsForConfig } from '../config/facts/load.js';
import { takeFactWarnings } from '../config/facts/warnings.js';
import { FileLinter } from './file-linter.js';
import { suppressFindings } from '../suppressions/index.js';
import type { AdapterOptions, Finding, TextBlock } from '../shared/types.js';
import { sentenceRewrites, type SentenceRewriteEdit } from '../rewrites/attach.js';
import { unifiedDiff } from '../fix/diff.js';
import { applyEdits, type Edit } from '../rewrites/grammar.js';

export interface RewriteOptions {
  cwd: string;
  config?: string;
  rules: string[];
  diff?: boolean;
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
    return { output: '', notes: [`${shown}: cannot read file (${(e as NodeJS.ErrnoException).code ?? 'error'})`], code: 2, rewritten: 0 };
  }
  const linter = new FileLinter({
    cwd: o.cwd,
    ...(o.config ? { configFile: resolve(o.cwd, o.config) } : {}),
    rulesDirs: o.rules.map((d) => resolve(o.cwd, d)),
    ...(o.adapter ? { adapter: o.adapter } : {}),
  });
  const config = await linter.configFor(filePath);
  const ruleset = await linter.ruleSetFor(config);
  const facts = await factsForConfig(config);
  const adapter = await adapterForFile(filePath);
  let doc;
  try {
    doc = await adapter.parse({ filePath, bytes }, { ...config.adapter, ...o.adapter });
  } catch (e) {
    const why = e instanceof InputError ? e.message : `could not be read as ${adapter.name}: ${(e as Error).message.split('\n')[0]}`;
    return { output: '', notes: [`${shown}: ${why}`], code: 2, rewritten: 0 };
  }
  let findings = await lintDocument(doc, ruleset, { facts, sentenceEdits: true });
  if (doc.source) findings = (await suppressFindings(findings, doc.source.text, doc.format)).findings;

  // One edit per rewritten sentence (its findings share it).
  const edits = new Map<string, { e: SentenceRewriteEdit; f: Finding }>();
  const blockIndex = new Map<TextBlock, number>(doc.blocks.map((b, i) => [b, i]));
  for (const f of findings) {
    const e = sentenceRewrites.get(f);
    if (e) edits.set(`${blockIndex.get(e.block)}:${e.edit.start}:${e.edit.end}`, { e, f });
  }
  const notes: string[] = takeFactWarnings().map((w) => `warning: ${w}`);
  const missing = new Set<string>();
  for (const f of findings) for (const k of f.missingFacts ?? []) missing.add(k);

  let before: string;
  let after: string;
  let rewritten = 0;
  if (doc.source) {
    before = doc.source.text;
    const safe: Edit[] = [];
    for (const { e, f } of edits.values()) {
      if (e.range) safe.push({ start: e.range[0], end: e.range[1], text: e.sourceText ?? e.edit.text });
      else notes.push(`${shown}:${f.start.line}:${f.start.column}: not rewritten in place (markup inside the sentence); write instead: ${f.rewrite === '' ? '(remove the sentence)' : f.rewrite}`);
    }
    const chosen = nonOverlappingEdits(safe);
    rewritten = chosen.length;
    after = applyEdits(before, chosen);
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
