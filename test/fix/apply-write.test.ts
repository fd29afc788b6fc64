// Applying fixes ESLint-style (sorted, non-overlapping per pass, conflicts kept for the next
// pass), the multi-pass loop, and writing files back atomically: BOM, line endings, trailing
// newline and mode kept; a file changed on disk before or during the run is not overwritten.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/inputs/source-text.js';
import { applyFixes } from '../../src/fix/apply.js';
import { fixFile } from '../../src/fix/fixer.js';
import { unifiedDiff } from '../../src/fix/diff.js';
import { writeFixed } from '../../src/fix/write.js';
import type { FileResult, Finding, Fix } from '../../src/shared/types.js';

const fx = (a: number, b: number, text: string): Fix => ({ range: [a, b], text });

describe('applyFixes', () => {
  it('applies fixes in order and leaves overlapping ones for the next pass', () => {
    const text = 'We always deliver overnight.';
    const r = applyFixes(text, [fx(3, 9, 'typically'), fx(3, 27, 'typically deliver within 2 days'), fx(0, 2, 'We')]);
    expect(r.output).toBe('We typically deliver within 2 days.');
    expect(r.applied).toHaveLength(2);
    expect(r.conflicts).toEqual([fx(3, 9, 'typically')]);
  });

  it('counts identical fixes once and never applies two insertions at one point', () => {
    expect(applyFixes('ab', [fx(1, 1, 'X'), fx(1, 1, 'X')]).output).toBe('aXb');
    const r = applyFixes('ab', [fx(1, 1, 'X'), fx(1, 1, 'Y')]);
    expect(r.output).toBe('aXb');
    expect(r.conflicts).toHaveLength(1);
  });
});

describe('fixFile', () => {
  const finding = (fix: Fix | undefined, category: Finding['category'] = 'absolute'): Finding =>
    ({ ruleId: 'r', severity: 'warning', category, message: 'm', start: { line: 1, column: 1 }, end: { line: 1, column: 1 }, sentence: '', span: [0, 0], ...(fix ? { fix } : {}) }) as Finding;
  const result = (text: string, findings: Finding[]): FileResult => ({
    filePath: 'x.txt', format: 'text', findings, errorCount: 0, warningCount: findings.length, suggestionCount: 0, notices: [],
    source: { text, bom: false, encoding: 'utf8', eol: '\n' },
  });

  it('re-lints after each pass until nothing is left to fix', async () => {
    // A toy linter: every "always" is fixable to "typically", one at a time per sentence.
    const relint = async (text: string): Promise<FileResult> => {
      const i = text.indexOf('always');
      return result(text, i < 0 ? [] : [finding(fx(i, i + 6, 'typically'))]);
    };
    const first = await relint('always, always, always');
    const out = await fixFile(first, { relint });
    expect(out.output).toBe('typically, typically, typically');
    expect(out.passes).toBe(3);
    expect(out.fixed).toBe(3);
    expect(out.result.findings).toEqual([]);
  });

  it('stops at the pass limit, on a cycle, and fixes only the --fix-type categories', async () => {
    const flip = async (text: string): Promise<FileResult> => result(text, [finding(fx(0, text.length, text === 'a' ? 'b' : 'a'))]);
    const cycle = await fixFile(await flip('a'), { relint: flip });
    expect(cycle.passes).toBe(1);
    const grow = async (text: string): Promise<FileResult> => result(text, [finding(fx(text.length, text.length, 'x'))]);
    const capped = await fixFile(await grow(''), { relint: grow, maxPasses: 10 });
    expect(capped.output).toBe('x'.repeat(10));
    expect(capped.unresolved).toHaveLength(1);
    const typed = await fixFile(result('ab', [finding(fx(0, 1, 'A'), 'speed'), finding(fx(1, 2, 'B'), 'absolute')]), {
      types: new Set(['speed']),
      relint: async (t) => result(t, []),
    });
    expect(typed.output).toBe('Ab');
  });
});

describe('writeFixed', () => {
  const dir = (): string => mkdtempSync(join(tmpdir(), 'pitchlint-write-'));

  it('keeps the BOM, CRLF line endings, the trailing newline and the mode; leaves no temp file', () => {
    const d = dir();
    const file = join(d, 'draft.md');
    const original = Buffer.from('\ufeffWe always ship.\r\nSecond line.\r\n', 'utf8');
    writeFileSync(file, original);
    chmodSync(file, 0o640);
    const source = decodeText(original);
    return writeFixed(file, source, source.text.replace('always', 'typically')).then((r) => {
      expect(r).toEqual({ written: true });
      expect(readFileSync(file)).toEqual(Buffer.from('\ufeffWe typically ship.\r\nSecond line.\r\n', 'utf8'));
      expect(statSync(file).mode & 0o777).toBe(0o640);
      expect(readdirSync(d)).toEqual(['draft.md']);
    });
  });

  it('does not overwrite a file that changed since it was linted', async () => {
    const d = dir();
    const file = join(d, 'draft.txt');
    writeFileSync(file, 'We always ship.\n');
    const source = decodeText(readFileSync(file));
    writeFileSync(file, 'We always ship. Edited meanwhile.\n');
    const r = await writeFixed(file, source, 'We typically ship.\n');
    expect(r).toEqual({ written: false, reason: 'changed on disk since it was linted; not overwritten' });
    expect(readFileSync(file, 'utf8')).toBe('We always ship. Edited meanwhile.\n');
  });

  it('does not overwrite a file that changed during the run (the mtime race), and cleans up', async () => {
    const d = dir();
    const file = join(d, 'draft.txt');
    writeFileSync(file, 'We always ship.\n');
    const source = decodeText(readFileSync(file));
    const r = await writeFixed(file, source, 'We typically ship.\n', {
      beforeCommit: () => {
        // Someone saves the file between our check and our rename (same size, new time).
        writeFileSync(file, 'We ALWAYS ship.\n');
      },
    });
    expect(r.written).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('We ALWAYS ship.\n');
    expect(readdirSync(d)).toEqual(['draft.txt']);
  });
});

describe('unifiedDiff', () => {
  it('prints a git-style diff, and nothing when nothing changed', () => {
    expect(unifiedDiff('d.txt', 'a\nb\n', 'a\nB\n')).toBe('--- a/d.txt\n+++ b/d.txt\n@@ -1,2 +1,2 @@\n a\n-b\n+B\n');
    expect(unifiedDiff('d.txt', 'a\n', 'a\n')).toBe('');
  });
});
