// Entry point of the CLI: parse arguments, run, and turn every known failure into a one-line
// message and an exit code. A stack trace is printed only for a bug (and with PITCHLINT_DEBUG).
import { CommanderError } from 'commander';
import { ConfigError, InputError } from '../shared/errors.js';
import { EXIT_USAGE } from './exit-codes.js';
import { buildProgram, type Registrar } from './program.js';
import { registrars } from './commands/index.js';
import { guardStdio } from '../shared/safe-write.js';

export async function main(argv: string[] = process.argv): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number): void => {
    exitCode = Math.max(exitCode, code);
  };
  const program = buildProgram(
    async (paths, options) => (await import('./lint-command.js')).runLint(paths, options),
    registrars as Registrar[],
    setExit,
  );
  program.exitOverride();
  guardStdio();
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (e) {
    return handleError(e);
  }
}

export function handleError(e: unknown): number {
  if (e instanceof CommanderError) {
    // --help and --version "fail" with exit code 0; usage errors were already printed.
    return e.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (e instanceof ConfigError) {
    process.stderr.write(`pitchlint: ${e.message.split('\n').join('\npitchlint: ')}\n`);
    return EXIT_USAGE;
  }
  if (e instanceof InputError) {
    process.stderr.write(`pitchlint: ${e.message}\n`);
    return EXIT_USAGE;
  }
  process.stderr.write(`pitchlint: internal error: ${(e as Error)?.message ?? String(e)}\n`);
  if (process.env.PITCHLINT_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
  else process.stderr.write('pitchlint: this is a bug; run again with PITCHLINT_DEBUG=1 for details and report it\n');
  return EXIT_USAGE;
}
