// A progress bar on stderr for long runs. Shown only when stderr is a terminal, not in CI, and the
// run has more than PROGRESS_MIN_FILES files; redrawn at most ten times a second and erased at
// the end, so it never mixes with the report.
export const PROGRESS_MIN_FILES = 50;

export interface Progress {
  tick(done: number): void;
  end(): void;
}

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): boolean;
}

export function wantsProgress(
  total: number,
  stream: ProgressStream = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return Boolean(stream.isTTY) && !env.CI && !env.GITHUB_ACTIONS && env.TERM !== 'dumb' && total > PROGRESS_MIN_FILES;
}

export function progressBar(
  total: number,
  stream: ProgressStream = process.stderr,
  now: () => number = Date.now,
): Progress {
  let last = -Infinity;
  let shown = false;
  const draw = (done: number): void => {
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 40));
    const filled = Math.round((done / total) * width);
    const pct = Math.floor((done / total) * 100);
    stream.write(
      `\r\x1b[2Kpitchlint [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} files ${pct}%`,
    );
    shown = true;
  };
  return {
    tick(done) {
      const t = now();
      if (t - last < 100 && done < total) return;
      last = t;
      draw(done);
    },
    end() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
