import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BYTES_PER_WORKER, FILES_PER_WORKER, parseConcurrency, resolveConcurrency } from '../../src/runner/pool.js';

const MB = 2 ** 20;

describe('--concurrency auto', () => {
  it('never starts a worker on one or two cores, whatever the run', () => {
    for (const cores of [1, 2])
      for (const [files, bytes] of <Array<[number, number]>>[
        [2, 4 * MB],
        [200, 0.8 * MB],
        [2000, 8 * MB],
        [16000, 64 * MB],
      ])
        expect(resolveConcurrency('auto', files, bytes, cores)).toBe(1);
  });

  it('keeps one core free and gives each thread enough files and bytes to pay for its start', () => {
    // 2,000 distinct-sentence emails, 7.9 MB, on eight cores: bytes bound it.
    expect(resolveConcurrency('auto', 2000, 7.9 * MB, 8)).toBe(3);
    // The same on four cores: one core left free.
    expect(resolveConcurrency('auto', 2000, 7.9 * MB, 4)).toBe(3);
    expect(resolveConcurrency('auto', 2000, 64 * MB, 4)).toBe(3);
    // Many short files: the byte count says a worker would not get enough to do.
    expect(resolveConcurrency('auto', 500, 300 * 1024, 8)).toBe(1);
    // Few large files: the file count bounds it.
    expect(resolveConcurrency('auto', FILES_PER_WORKER * 2 - 1, 40 * MB, 8)).toBe(1);
    expect(resolveConcurrency('auto', FILES_PER_WORKER * 2, 40 * MB, 8)).toBe(2);
    expect(resolveConcurrency('auto', 1000, BYTES_PER_WORKER * 2 - 1, 8)).toBe(1);
    expect(resolveConcurrency('auto', 1000, BYTES_PER_WORKER * 2, 8)).toBe(2);
  });

  it('a number is taken as given, up to one thread per file; no setting or one file is one thread', () => {
    expect(resolveConcurrency(2, 200, 0.8 * MB, 1)).toBe(2);
    expect(resolveConcurrency(8, 3, 10, 8)).toBe(3);
    expect(resolveConcurrency(undefined, 2000, 8 * MB, 8)).toBe(1);
    expect(resolveConcurrency('auto', 1, 50 * MB, 8)).toBe(1);
  });

  it('parses auto and whole numbers, and names a bad value in one line', () => {
    expect(parseConcurrency('auto')).toBe('auto');
    expect(parseConcurrency('3')).toBe(3);
    for (const bad of ['0', '-1', '1.5', 'two', ''])
      expect(() => parseConcurrency(bad)).toThrow(/--concurrency ".*": must be auto or a whole number/);
  });

  // The policy counts the cores os.availableParallelism() reports: it must follow taskset.
  it.skipIf(!existsSync('/usr/bin/taskset'))('counts one core under taskset -c 0', () => {
    const out = execFileSync(
      '/usr/bin/taskset',
      ['-c', '0', process.execPath, '-p', 'require("os").availableParallelism()'],
      {
        encoding: 'utf8',
      },
    );
    expect(out.trim()).toBe('1');
  });
});
