// The per-file time budget (issue 17): a file that takes longer is skipped in one line, the run
// goes on, and the skip is never cached.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BudgetError,
  checkFileBudget,
  DEFAULT_FILE_SECONDS,
  fileSeconds,
  withFileBudget,
} from '../../src/shared/budget.js';
import { lintText } from '../../src/api.js';
import { CLASSES } from '../fuzz/documents.mjs';
import { cli, ensureBuilt } from '../helpers/cli.js';

/** Spin until this process has used `ms` of CPU (not wall) time: the budget's own measure. */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const busy = (ms: number): void => {
  const end = cpuMs() + ms;
  while (cpuMs() < end) {
    // spin
  }
};
const prose = (bytes: number): string => String(CLASSES['txt-prose']![1](bytes));

describe('fileSeconds', () => {
  it('reads PITCHLINT_FILE_SECONDS; 0 turns the budget off; nonsense keeps the default', () => {
    expect(fileSeconds({})).toBe(DEFAULT_FILE_SECONDS);
    expect(fileSeconds({ PITCHLINT_FILE_SECONDS: '30' })).toBe(30);
    expect(fileSeconds({ PITCHLINT_FILE_SECONDS: '0.5' })).toBe(0.5);
    expect(fileSeconds({ PITCHLINT_FILE_SECONDS: '0' })).toBe(0);
    expect(fileSeconds({ PITCHLINT_FILE_SECONDS: 'soon' })).toBe(DEFAULT_FILE_SECONDS);
    expect(fileSeconds({ PITCHLINT_FILE_SECONDS: '-3' })).toBe(DEFAULT_FILE_SECONDS);
  });
});

describe('withFileBudget', () => {
  it('throws once the budget is spent, and only inside it', async () => {
    await expect(
      withFileBudget(async () => {
        checkFileBudget(); // fresh: fine
        busy(30);
        checkFileBudget();
      }, 0.01),
    ).rejects.toThrow(new BudgetError('took longer than 0.01 s'));
    busy(5);
    expect(() => checkFileBudget()).not.toThrow();
  });

  it('files linted side by side in one thread each have their own budget', async () => {
    const tight = withFileBudget(async () => {
      await new Promise((r) => setTimeout(r, 40));
      busy(40);
      checkFileBudget();
      return 'tight finished';
    }, 0.02);
    const roomy = withFileBudget(async () => {
      await new Promise((r) => setTimeout(r, 40));
      checkFileBudget();
      return 'roomy finished';
    }, 60);
    const [a, b] = await Promise.allSettled([tight, roomy]);
    expect(a.status).toBe('rejected');
    expect(b).toEqual({ status: 'fulfilled', value: 'roomy finished' });
  });

  it('counts CPU time, not waiting: a file is not skipped because the machine is busy elsewhere', async () => {
    // 150 ms asleep (as on a loaded machine, where other processes hold the cores) spends
    // next to nothing of a 50 ms budget; 80 ms of work spends all of it.
    await expect(
      withFileBudget(async () => {
        await new Promise((r) => setTimeout(r, 150));
        checkFileBudget();
        return 'waited';
      }, 0.05),
    ).resolves.toBe('waited');
    await expect(
      withFileBudget(async () => {
        busy(80);
        checkFileBudget();
      }, 0.05),
    ).rejects.toThrow(BudgetError);
  });

  it('0 seconds means no budget, even inside an outer one', async () => {
    await withFileBudget(async () => {
      busy(20);
      await expect(withFileBudget(async () => checkFileBudget(), 0)).resolves.toBeUndefined();
      expect(() => checkFileBudget()).toThrow(BudgetError);
    }, 0.005);
    await expect(withFileBudget(async () => (busy(10), 'ok'), 0)).resolves.toBe('ok');
  });
});

describe('the pipeline under a budget', () => {
  const saved = process.env.PITCHLINT_FILE_SECONDS;
  afterEach(() => {
    if (saved === undefined) delete process.env.PITCHLINT_FILE_SECONDS;
    else process.env.PITCHLINT_FILE_SECONDS = saved;
  });

  it('a file over the budget is one fatal line, marked transient; a small one is linted', async () => {
    process.env.PITCHLINT_FILE_SECONDS = '0.001';
    const big = await lintText(prose(100_000), { filePath: 'proposal.txt' });
    expect(big.fatal).toBe('took longer than 0.001 s');
    expect(big.transient).toBe(true);
    expect(big.findings).toEqual([]);
    process.env.PITCHLINT_FILE_SECONDS = '60';
    const small = await lintText('We always ship on time.\n', { filePath: 'note.txt' });
    expect(small.fatal).toBeUndefined();
    expect(small.findings.map((f) => f.ruleId)).toContain('absolute-always-never');
  });
});

describe('the CLI', () => {
  beforeAll(() => ensureBuilt());

  it('skips the slow file in one line (exit 1) and does not cache the skip', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pitchlint-budget-'));
    try {
      writeFileSync(join(dir, 'big.txt'), prose(100_000));
      const cache = join(dir, 'cache.json');
      const first = cli(['--format', 'json', '--cache', '--cache-location', cache, 'big.txt'], {
        cwd: dir,
        env: { PITCHLINT_FILE_SECONDS: '0.001' },
      });
      expect(first.stderr).toBe('pitchlint: big.txt: took longer than 0.001 s (skipped)\n');
      expect(first.status).toBe(1);
      // Without the budget the same cache gives the file's findings: the skip was not stored.
      const second = cli(['--format', 'json', '--cache', '--cache-location', cache, 'big.txt'], {
        cwd: dir,
        env: { PITCHLINT_FILE_SECONDS: '0' },
      });
      expect(second.stderr).toBe('');
      const results = JSON.parse(second.stdout) as { messages: { ruleId: string | null }[] }[];
      expect(results[0]!.messages.length).toBeGreaterThan(100);
      expect(results[0]!.messages.every((m) => m.ruleId !== null)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
