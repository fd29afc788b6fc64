// Applying fixes ESLint-style (sorted, non-overlapping per pass, conflicts kept for the next
// pass), the multi-pass loop, and writing files back atomically: BOM, line endings, trailing
// newline and mode kept; a file changed on disk before or during the run is not overwritten.
import {
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { spawn } from 'node:child_process';
import { build as esbuild } from 'esbuild';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/inputs/source-text.js';
import { applyFixes } from '../../src/fix/apply.js';
import { fixFile } from '../../src/fix/fixer.js';
import { unifiedDiff } from '../../src/fix/diff.js';
import { removeStaleTemps, writeFixed } from '../../src/fix/write.js';
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
    ({
      ruleId: 'r',
      severity: 'warning',
      category,
      message: 'm',
      start: { line: 1, column: 1 },
      end: { line: 1, column: 1 },
      sentence: '',
      span: [0, 0],
      ...(fix ? { fix } : {}),
    }) as Finding;
  const result = (text: string, findings: Finding[]): FileResult => ({
    filePath: 'x.txt',
    format: 'text',
    findings,
    errorCount: 0,
    warningCount: findings.length,
    suggestionCount: 0,
    notices: [],
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
    const flip = async (text: string): Promise<FileResult> =>
      result(text, [finding(fx(0, text.length, text === 'a' ? 'b' : 'a'))]);
    const cycle = await fixFile(await flip('a'), { relint: flip });
    expect(cycle.passes).toBe(1);
    const grow = async (text: string): Promise<FileResult> =>
      result(text, [finding(fx(text.length, text.length, 'x'))]);
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

describe('writeFixed and the file system', () => {
  const dir = (): string => mkdtempSync(join(tmpdir(), 'pitchlint-fs-'));
  const draft = 'We always ship.\n';
  const fixedText = 'We typically ship.\n';

  it('fixes the target of a symlink and keeps the link', async () => {
    const d = dir();
    writeFileSync(join(d, 'real.txt'), draft);
    symlinkSync('real.txt', join(d, 'link.txt'));
    const r = await writeFixed(join(d, 'link.txt'), decodeText(Buffer.from(draft)), fixedText);
    expect(r).toEqual({ written: true });
    expect(lstatSync(join(d, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(d, 'link.txt'))).toBe('real.txt');
    expect(readFileSync(join(d, 'real.txt'), 'utf8')).toBe(fixedText);
    expect(readdirSync(d).sort()).toEqual(['link.txt', 'real.txt']);
  });

  it('refuses a read-only file, a hard-linked file and a non-regular file, changing nothing', async () => {
    const d = dir();
    const ro = join(d, 'ro.txt');
    writeFileSync(ro, draft);
    chmodSync(ro, 0o444);
    const r1 = await writeFixed(ro, decodeText(Buffer.from(draft)), fixedText);
    expect(r1).toEqual({ written: false, reason: 'read-only; not changed' });
    expect(readFileSync(ro, 'utf8')).toBe(draft);
    expect(statSync(ro).mode & 0o777).toBe(0o444);

    const a = join(d, 'a.txt');
    writeFileSync(a, draft);
    linkSync(a, join(d, 'b.txt'));
    const r2 = await writeFixed(a, decodeText(Buffer.from(draft)), fixedText);
    expect(r2.written).toBe(false);
    expect((r2 as { reason: string }).reason).toMatch(/^has 2 hard links; not changed/);
    expect(statSync(a).nlink).toBe(2);
    expect(readFileSync(join(d, 'b.txt'), 'utf8')).toBe(draft);

    const r3 = await writeFixed('/dev/null', decodeText(Buffer.from('')), 'x');
    expect(r3).toEqual({ written: false, reason: 'not a regular file; not changed' });
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('reports a file that vanished as an I/O error naming the cause', async () => {
    const r = await writeFixed(join(dir(), 'gone.txt'), decodeText(Buffer.from(draft)), fixedText);
    expect(r).toEqual({ written: false, reason: 'cannot read it back (ENOENT)', ioError: true });
  });

  it('removes temp files a killed run left behind, but not those of a live run or other files', async () => {
    const d = dir();
    // A PID that is not running: a child that has exited.
    const child = spawn(process.execPath, ['-e', '0']);
    const dead = await new Promise<number>((res) => child.on('exit', () => res(child.pid!)));
    const stale = `.draft.txt.pitchlint-${dead}-0a1b2c3d.tmp`;
    const mine = `.draft.txt.pitchlint-${process.pid}-0a1b2c3d.tmp`;
    for (const n of [stale, mine, 'draft.txt', '.draft.txt.other.tmp']) writeFileSync(join(d, n), 'x');
    expect(await removeStaleTemps([d, d])).toEqual([join(d, stale)]);
    expect(readdirSync(d).sort()).toEqual(['.draft.txt.other.tmp', mine, 'draft.txt'].sort());
  });

  it('removes its temp file when the run is interrupted by SIGTERM', async () => {
    const d = dir();
    const file = join(d, 'draft.txt');
    writeFileSync(file, draft);
    // write.ts bundled on its own, run in a child that is killed while its temp file exists.
    const bundle = join(d, '..', `write-${process.pid}-${Date.now()}.mjs`);
    await esbuild({
      entryPoints: [new URL('../../src/fix/write.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      logLevel: 'silent',
    });
    const script = `
      const { writeFixed } = await import(${JSON.stringify(bundle)});
      const fs = await import('node:fs');
      const source = { text: fs.readFileSync(${JSON.stringify(file)}, 'utf8'), bom: false, encoding: 'utf8', eol: '\\n' };
      await writeFixed(${JSON.stringify(file)}, source, 'We typically ship.\\n', {
        beforeCommit: () => { console.log(fs.readdirSync(${JSON.stringify(d)}).length); return new Promise(() => setInterval(() => {}, 1000)); },
      });`;
    const p = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'pipe' });
    let out = '';
    p.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('\n')) p.kill('SIGTERM');
    });
    const code = await new Promise<NodeJS.Signals | null>((res) => p.on('exit', (_c, sig) => res(sig)));
    expect(out.trim()).toBe('2'); // the draft and the temp file existed
    expect(code).toBe('SIGTERM');
    expect(readdirSync(d)).toEqual(['draft.txt']);
    expect(readFileSync(file, 'utf8')).toBe(draft);
    expect(existsSync(file)).toBe(true);
  });
});

describe('unifiedDiff', () => {
  it('prints a git-style diff, and nothing when nothing changed', () => {
    expect(unifiedDiff('d.txt', 'a\nb\n', 'a\nB\n')).toBe('--- a/d.txt\n+++ b/d.txt\n@@ -1,2 +1,2 @@\n a\n-b\n+B\n');
    expect(unifiedDiff('d.txt', 'a\n', 'a\n')).toBe('');
  });
});
