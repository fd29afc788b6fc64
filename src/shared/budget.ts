// The per-file time budget (issue 17): however a hostile file defeats the parsers' and the
// engine's linear-time design, no file holds a run for longer than this. The budget is CPU
// time (user + system) of the whole per-file pipeline (parse, match, rewrite, suppress), so a
// loaded machine (CI, a laptop building at the same time) does not skip files that a quiet one
// lints: the same file gives the same result. The parsers and the
// engine check it between steps (a page, a block, a sentence) and a file over it is skipped
// with one line ("took longer than 8 s (skipped)") while the run goes on. It is carried in an
// AsyncLocalStorage, so files linted side by side in one thread each have their own.
import { AsyncLocalStorage } from 'node:async_hooks';
import { InputError } from './errors.js';

/** Seconds one file may take, unless PITCHLINT_FILE_SECONDS says otherwise (0: no budget). */
export const DEFAULT_FILE_SECONDS = 8;

/** A file that ran out of its time budget: skipped, and never cached (a later run tries again). */
export class BudgetError extends InputError {
  override name = 'BudgetError';
}

interface Budget {
  /** Wall clock (ms) before which the budget cannot be spent: CPU time grows no faster than it. */
  wallEnd: number;
  /** Process CPU time (µs) at which the budget is spent. */
  cpuEnd: number;
  seconds: number;
}
const cpuNow = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const current = new AsyncLocalStorage<Budget>();

/** The budget from PITCHLINT_FILE_SECONDS (a positive number of seconds, or 0 for none), else the default. */
export function fileSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PITCHLINT_FILE_SECONDS?.trim();
  if (raw === undefined || raw === '') return DEFAULT_FILE_SECONDS;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : DEFAULT_FILE_SECONDS;
}

/** Run one file's pipeline under a budget of `seconds` (none when 0). */
export function withFileBudget<T>(fn: () => Promise<T>, seconds: number = fileSeconds()): Promise<T> {
  if (!(seconds > 0)) return current.exit(fn);
  return current.run({ wallEnd: performance.now() + seconds * 1000, cpuEnd: cpuNow() + seconds * 1e6, seconds }, fn);
}

/** Throws a BudgetError when the file being linted has used up its budget; else does nothing. */
export function checkFileBudget(): void {
  const b = current.getStore();
  // The wall clock first: it is cheap, and while it is inside the budget the CPU time is too
  // (one thread does the work; the small extra of parallel GC threads only delays the stop).
  if (b === undefined || performance.now() <= b.wallEnd) return;
  if (cpuNow() > b.cpuEnd) throw new BudgetError(`took longer than ${b.seconds} s`);
}
