// Errors the CLI turns into one-line messages (never a stack trace).

/** A file that cannot be linted: unreadable, binary, wrong encoding, content not matching its extension. */
export class InputError extends Error {
  override name = 'InputError';
}

/** A configuration, rule or usage problem: exit code 2. `where` is "file:line:column" when known. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    message: string,
    readonly where?: string,
  ) {
    super(where ? `${where}: ${message}` : message);
  }
}

