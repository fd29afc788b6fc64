// --baseline / --update-baseline (issue 5, part 4): known findings are keyed on file, rule and
// flagged words, not lines, so moving text does not resurface them; new findings fail.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyBaseline, buildBaseline, flaggedWords } from '../../src/runner/baseline.js';
import { summarize } from '../../src/runner/lint-file.js';
import type { Finding } from '../../src/shared/types.js';
import { ciConfig } from '../helpers/ci-fixtures.js';
import { cli, ensureBuilt, lintJson, tempTree } from '../helpers/cli.js';

beforeAll(() => ensureBuilt(), 300_000);

const MSA = ['# Master services agreement', '', 'Results are guaranteed within the first month.', '', 'Our crews always arrive on time.', ''].join('\n');

function finding(ruleId: string, sentence: string, words: string, line: number): Finding {
  const at = sentence.indexOf(words);
  return {
    ruleId,
    severity: 'error',
    category: 'guarantee',
    message: 'm',
    start: { line, column: at + 1 },
    end: { line, column: at + words.length + 1 },
    sentence,
    span: [at, at + words.length],
  };
}

describe('baseline matching', () => {
  it('normalises the flagged words and counts occurrences', () => {
    const f = finding('r', 'It is  GUARANTEED\nfully.', 'GUARANTEED\nfully', 1);
    expect(flaggedWords(f)).toBe('guaranteed fully');
    const file = '/repo/.pitchlint-baseline.json';
    const known = [summarize('/repo/a.md', 'markdown', [finding('r', 'We guarantee it.', 'guarantee', 3)])];
    const baseline = buildBaseline(known, file);
    expect(baseline.files).toEqual({ 'a.md': { r: { guarantee: 1 } } });
    // The same phrase, moved to another line: known. A second occurrence: new.
    const later = [summarize('/repo/a.md', 'markdown', [finding('r', 'We guarantee it.', 'guarantee', 9), finding('r', 'Also guarantee.', 'guarantee', 12)])];
    const out = applyBaseline(later, baseline, file);
    expect(out.matched).toBe(1);
    expect(out.results[0]!.findings.map((x) => x.start.line)).toEqual([12]);
    expect(out.results[0]!.errorCount).toBe(1);
  });
});

describe('--baseline on the CLI', { timeout: 180_000 }, () => {
  it('records findings, hides them when lines move, and fails on new ones', () => {
    const dir = tempTree({ '.pitchlintrc.yaml': ciConfig(), 'templates/msa.md': MSA, 'templates/quote.txt': 'This price is locked in forever.\n' });
    // Without a baseline the library fails.
    expect(cli(['templates'], { cwd: dir }).status).toBe(1);

    const written = cli(['--update-baseline', '--baseline', 'ci/baseline.json', 'templates'], { cwd: dir });
    expect(written.status).toBe(0);
    expect(written.stderr).toContain('wrote ci/baseline.json: 3 finding(s) in 2 file(s)');
    const data = JSON.parse(readFileSync(join(dir, 'ci/baseline.json'), 'utf8'));
    expect(data).toEqual({
      pitchlint: 'baseline',
      version: 1,
      files: {
        // Paths are relative to the baseline file's folder.
        '../templates/msa.md': { 'ci-always': { always: 1 }, 'ci-guarantee': { guaranteed: 1 } },
        '../templates/quote.txt': { 'ci-forever': { forever: 1 } },
      },
    });

    const clean = lintJson(['--baseline', 'ci/baseline.json', 'templates'], { cwd: dir });
    expect(clean.status).toBe(0);
    expect(clean.results.flatMap((r) => r.messages)).toEqual([]);
    expect(clean.stderr).toContain('3 finding(s) recorded in ci/baseline.json not reported');

    // Move the known sentences down and re-wrap one: still known.
    writeFileSync(join(dir, 'templates/msa.md'), `# Master services agreement\n\nNew intro paragraph.\n\nMore text here.\n\nOur crews\nalways arrive on time.\n\nResults are guaranteed within the first month.\n`);
    expect(cli(['--baseline', 'ci/baseline.json', 'templates'], { cwd: dir }).status).toBe(0);

    // A new finding fails CI and is the only one reported.
    writeFileSync(join(dir, 'templates/new.md'), 'Delivery is guaranteed.\n');
    const withNew = lintJson(['--baseline', 'ci/baseline.json', 'templates'], { cwd: dir });
    expect(withNew.status).toBe(1);
    expect(withNew.results.flatMap((r) => r.messages.map((m) => `${r.filePath.split('/').pop()}:${m.line}:${m.ruleId}`))).toEqual(['new.md:1:ci-guarantee']);

    // A second occurrence of a known phrase in the same file is new too.
    writeFileSync(join(dir, 'templates/quote.txt'), 'This price is locked in forever.\n\nSupport is included forever.\n');
    const twice = lintJson(['--baseline', 'ci/baseline.json', 'templates/quote.txt'], { cwd: dir });
    expect(twice.status).toBe(1);
    expect(twice.results[0]!.messages.map((m) => m.line)).toEqual([3]);

    // A fixed finding is noted; --update-baseline drops it and adds the new ones.
    writeFileSync(join(dir, 'templates/msa.md'), '# Master services agreement\n\nOur crews always arrive on time.\n');
    expect(cli(['--baseline', 'ci/baseline.json', 'templates/msa.md'], { cwd: dir }).stderr).toContain('1 finding(s) in ci/baseline.json no longer occur');
    expect(cli(['--update-baseline', '--baseline', 'ci/baseline.json', 'templates'], { cwd: dir }).status).toBe(0);
    const updated = JSON.parse(readFileSync(join(dir, 'ci/baseline.json'), 'utf8'));
    expect(updated.files['../templates/msa.md']).toEqual({ 'ci-always': { always: 1 } });
    expect(updated.files['../templates/quote.txt']).toEqual({ 'ci-forever': { forever: 2 } });
    expect(cli(['--baseline', 'ci/baseline.json', 'templates'], { cwd: dir }).status).toBe(0);
  });

  it('a missing or invalid baseline file is a usage error', () => {
    const dir = tempTree({ '.pitchlintrc.yaml': ciConfig(), 'a.md': 'Fine text.\n', 'bad.json': '{"x": 1}' });
    const missing = cli(['--baseline', 'nope.json', 'a.md'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--update-baseline');
    expect(cli(['--baseline', 'bad.json', 'a.md'], { cwd: dir }).status).toBe(2);
  });

  it('--update-baseline alone writes .pitchlint-baseline.json', () => {
    const dir = tempTree({ '.pitchlintrc.yaml': ciConfig(), 'a.md': 'Results are guaranteed.\n' });
    expect(cli(['--update-baseline', 'a.md'], { cwd: dir }).status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, '.pitchlint-baseline.json'), 'utf8')).files).toEqual({ 'a.md': { 'ci-guarantee': { guaranteed: 1 } } });
  });
});
