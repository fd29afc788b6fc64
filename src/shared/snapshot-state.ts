// Whether this process started from the start-up snapshot (set by snapshot/entry.ts); the
// PITCHLINT_STATS line reports it, so tests and the benchmark can tell the two paths apart.
export const snapshotState = { started: false, /** ms from process start to the CLI's first line. */ mainAt: 0 };
