// Exit codes, documented in docs/cli.md, "Exit codes".
export const EXIT_OK = 0;
/** Error-level findings, a file that could not be linted, or more warnings than --max-warnings. */
export const EXIT_FINDINGS = 1;
/** Usage, configuration or rule errors; a path or glob that matched nothing. */
export const EXIT_USAGE = 2;
