import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    // No per-file time budget (shared/budget.ts) unless a test sets one: a slow, loaded CI
    // machine must not skip a file a test expects findings from. Spawned CLIs inherit it.
    env: { PITCHLINT_FILE_SECONDS: '0' },
    hookTimeout: 60_000,
    // End-to-end tests spawn the CLI; two cores on CI machines.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
