// Fuzzing every input format (issue 17): generated files (fast-check over pieces of prose, each
// format's markup, awkward characters, placeholders and directives; docx and PDF built for real,
// and every format also damaged byte by byte) go through the per-file pipeline, asserting:
//   - nothing throws: a bad file is one line (`fatal`), never a stack trace;
//   - every finding is inside the file, on the words it flags (the characters at its start and
//     end in the file are the first and last characters of the flagged words);
//   - parsing is idempotent (the same bytes give the same blocks and positions);
//   - the CLI over a folder of them exits 0, 1 or 2 and prints no stack trace.
// PITCHLINT_FUZZ_RUNS sets the cases per format (default 200 in `npm test`, 100 for PDF; `npm run fuzz` runs
// thousands, see scripts/fuzz.mjs); PITCHLINT_FUZZ_SEED replays a run.
import { isUtf8 } from 'node:buffer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterForFile } from '../../src/inputs/registry.js';
import { LineIndex } from '../../src/inputs/positions/line-index.js';
import { processBytes } from '../../src/runner/lint-file.js';
import { ruleSetOfDirs } from '../../src/runner/rulesets.js';
import type { RuleSet } from '../../src/engine/ruleset.js';
import { builtinPacksDir } from '../../src/shared/paths.js';
import type { Finding, InputDocument } from '../../src/shared/types.js';
import { cli, ensureBuilt } from '../helpers/cli.js';
import { damage, FORMATS, type Case } from './formats.js';

const RUNS = Number(process.env.PITCHLINT_FUZZ_RUNS ?? 200);
/** In `npm test`, PDF (pdf.js is slow to start on each file) runs half as many. */
const runsOf = (format: string): number =>
  process.env.PITCHLINT_FUZZ_RUNS || format !== 'pdf' ? RUNS : Math.ceil(RUNS / 2);
const SEED = process.env.PITCHLINT_FUZZ_SEED ? Number(process.env.PITCHLINT_FUZZ_SEED) : undefined;
/** Cases per format that also go through the built CLI, in one run over a folder. */
const CLI_CASES = Math.min(RUNS, Number(process.env.PITCHLINT_FUZZ_CLI ?? 40));

let ruleset: RuleSet;
beforeAll(async () => {
  ruleset = await ruleSetOfDirs([join(builtinPacksDir(), 'recommended')]);
});

/** Figures for scripts/fuzz.mjs. */
const figures: Record<string, { cases: number; findings: number; fatal: number }> = {};
afterAll(() => {
  if (process.env.PITCHLINT_FUZZ_REPORT) writeFileSync(process.env.PITCHLINT_FUZZ_REPORT, JSON.stringify(figures));
});

const STACK = /^\s+at .+(?::\d+:\d+\)?|\(native\))$/m;
const WORD_CHAR = /^[A-Za-z0-9]$/;

function decodedSource(bytes: Buffer): string | undefined {
  // A mail file that is not UTF-8 is read byte for byte (latin1), and its columns count bytes.
  const text = bytes.toString(isUtf8(bytes) ? 'utf8' : 'latin1');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The file's text at a 1-based line and column (as LineIndex counts them), or undefined. */
function offsetOf(lines: LineIndex, starts: number[], text: string, line: number, column: number): number | undefined {
  if (line < 1 || line > starts.length) return undefined;
  const start = starts[line - 1]!;
  const end = line < starts.length ? starts[line]! : text.length + 1;
  const o = start + column - 1;
  return column >= 1 && o < end ? o : undefined;
}

function lineStarts(text: string): number[] {
  const index = new LineIndex(text);
  const starts: number[] = [];
  for (let line = 1, o = 0; o <= text.length;) {
    const loc = index.locate(o);
    if (loc.line === line) {
      starts.push(o - loc.column + 1);
      line++;
    }
    // Jump to the next line start.
    let i = o;
    while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    if (i >= text.length) break;
    o = text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return starts;
}

/** Assert a finding is inside the file and on its words. */
function checkPosition(c: Case, f: Finding, source: string | undefined, format: string): void {
  const where = `${c.name} ${JSON.stringify(f.start)} ${JSON.stringify(f.sentence.slice(f.span[0], f.span[1]))}`;
  expect(f.start.line, where).toBeGreaterThanOrEqual(1);
  expect(f.start.column, where).toBeGreaterThanOrEqual(1);
  expect(f.span[0], where).toBeLessThanOrEqual(f.span[1]);
  expect(f.span[1], where).toBeLessThanOrEqual(f.sentence.length);
  const flagged = f.sentence.slice(f.span[0], f.span[1]);
  const first = flagged.charAt(0);
  const last = flagged.charAt(flagged.length - 1);
  if ((format === 'docx' && !c.paragraphs) || (format === 'pdf' && !c.pages)) return; // damaged: content unknown
  if (format === 'docx') {
    const p = c.paragraphs?.[f.start.line - 1];
    expect(p, where).toBeDefined();
    if (WORD_CHAR.test(first)) expect(p!.charAt(f.start.column - 1), where).toBe(first);
    return;
  }
  if (format === 'pdf') {
    expect(f.start.page, where).toBeGreaterThanOrEqual(1);
    expect(f.start.page!, where).toBeLessThanOrEqual(c.pages!.length);
    return;
  }
  // Directive findings (a missing reason) cover the whole directive comment, not words.
  if (f.start.decoded || source === undefined || f.category === 'directive') return;
  const starts = lineStarts(source);
  const lines = new LineIndex(source);
  const a = offsetOf(lines, starts, source, f.start.line, f.start.column);
  const b = offsetOf(lines, starts, source, f.end.line, f.end.column);
  expect(a, `${where}: start outside the file`).toBeDefined();
  expect(b, `${where}: end outside the file`).toBeDefined();
  expect(a!, where).toBeLessThanOrEqual(b!);
  if (WORD_CHAR.test(first)) expect(source.charAt(a!), `${where}: start not on the flagged words`).toBe(first);
  if (WORD_CHAR.test(last)) expect(source.charAt(b! - 1), `${where}: end not on the flagged words`).toBe(last);
}

/** A parse as data: every block's text, kind and where its ends are. */
function snapshot(doc: InputDocument): unknown {
  return doc.blocks.map((b) => [b.text, b.kind, b.locate(0), b.locate(b.text.length), b.lineBreaks ?? []]);
}

async function check(c: Case, format: string): Promise<void> {
  const figure = (figures[format] ??= { cases: 0, findings: 0, fatal: 0 });
  figure.cases++;
  // Let the test runner's messages through now and then (thousands of cases in one test).
  if (figure.cases % 50 === 0) await new Promise((r) => setImmediate(r));
  const { result } = await processBytes(c.name, c.bytes, ruleset, {}, {});
  if (result.fatal !== undefined) {
    figure.fatal++;
    expect(result.fatal, c.name).not.toMatch(/\n/);
    expect(result.fatal.length, c.name).toBeGreaterThan(0);
    return;
  }
  figure.findings += result.findings.length;
  const source = ['text', 'markdown', 'html', 'csv', 'email', 'mbox'].includes(result.format)
    ? decodedSource(c.bytes)
    : undefined;
  for (const f of result.findings) checkPosition(c, f, source, format);
  // Idempotence: the same bytes parse to the same blocks.
  const adapter = await adapterForFile(c.name);
  const one = await adapter.parse({ filePath: c.name, bytes: Buffer.from(c.bytes) }, {});
  const two = await adapter.parse({ filePath: c.name, bytes: Buffer.from(c.bytes) }, {});
  expect(snapshot(two), c.name).toEqual(snapshot(one));
}

const params = (format: string): fc.Parameters<[Case]> => ({
  numRuns: runsOf(format),
  ...(SEED !== undefined ? { seed: SEED } : {}),
  endOnFailure: true,
});

describe('fuzz: every format', () => {
  for (const [format, arb] of Object.entries(FORMATS)) {
    it(`${format}: ${runsOf(format)} generated files (a third of them damaged)`, async () => {
      const cases = fc.oneof({ weight: 2, arbitrary: arb }, { weight: 1, arbitrary: arb.chain(damage) });
      await fc.assert(
        fc.asyncProperty(cases, (c) => check(c, format)),
        params(format),
      );
    }, 600_000);
  }
});

/** Run the built CLI over a folder of cases; assert the exit code and that no stack trace shows. */
function cliOver(cases: Case[], label: string): void {
  const dir = mkdtempSync(join(tmpdir(), `pitchlint-fuzz-${label}-`));
  try {
    cases.forEach((c, i) => writeFileSync(join(dir, `${i}-${c.name}`), c.bytes));
    const r = cli(['--format', 'json', dir]);
    expect([0, 1, 2], r.stderr).toContain(r.status);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toMatch(/internal error|UnhandledPromiseRejection/i);
    if (r.status !== 2) expect((JSON.parse(r.stdout) as unknown[]).length).toBe(cases.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sample = (arb: fc.Arbitrary<Case>, n: number): Case[] =>
  fc.sample(
    fc.oneof({ weight: 2, arbitrary: arb }, { weight: 1, arbitrary: arb.chain(damage) }),
    SEED !== undefined ? { numRuns: n, seed: SEED } : n,
  );

describe('fuzz: the CLI exits 0, 1 or 2 without a stack trace', () => {
  beforeAll(() => ensureBuilt(), 300_000);

  if (!process.env.PITCHLINT_FUZZ_RUNS) {
    it(`every format: ${CLI_CASES / 4} files each, in one run`, () => {
      cliOver(
        Object.values(FORMATS).flatMap((arb) => sample(arb, CLI_CASES / 4)),
        'all',
      );
    }, 300_000);
    return;
  }
  for (const [format, arb] of Object.entries(FORMATS)) {
    it(`${format}: ${CLI_CASES} files in one run`, () => cliOver(sample(arb, CLI_CASES), format), 600_000);
  }
});
