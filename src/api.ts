// The programmatic API: embed the engine in other tools (a CRM plugin, a mail add-in).
export { lintFiles, type LintRun, type LintRunOptions } from './runner/lint-files.js';
export type * from './types.js';
