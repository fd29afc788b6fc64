// The progress bar: only on a terminal, never in CI, only for long runs; erased at the end.
import { describe, expect, it } from 'vitest';
import { progressBar, wantsProgress } from '../../src/runner/progress.js';

describe('progress bar', () => {
  const tty = { isTTY: true, columns: 100, write: () => true };

  it('is shown only on a terminal, outside CI, for more than 50 files', () => {
    expect(wantsProgress(200, tty, {})).toBe(true);
    expect(wantsProgress(50, tty, {})).toBe(false);
    expect(wantsProgress(200, { ...tty, isTTY: false }, {})).toBe(false);
    expect(wantsProgress(200, tty, { CI: 'true' })).toBe(false);
    expect(wantsProgress(200, tty, { GITHUB_ACTIONS: 'true' })).toBe(false);
    expect(wantsProgress(200, tty, { TERM: 'dumb' })).toBe(false);
  });

  it('redraws at most every 100 ms, always at the end, and erases itself', () => {
    const out: string[] = [];
    let t = 0;
    const bar = progressBar(100, { isTTY: true, columns: 60, write: (s: string) => out.push(s) > 0 }, () => t);
    bar.tick(1);
    t = 50;
    bar.tick(2); // throttled
    t = 200;
    bar.tick(50);
    bar.tick(100); // the last tick always draws
    bar.end();
    expect(out).toHaveLength(4);
    expect(out[1]).toContain('50/100 files 50%');
    expect(out[2]).toContain('100/100 files 100%');
    expect(out[3]).toBe('\r\x1b[2K');
  });
});
