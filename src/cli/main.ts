// Entry point of the CLI: parse arguments, run, and turn every known failure into a one-line
// message and an exit code. A stack trace is printed only for a bug (and with PITCHLINT_DEBUG).
import { CommanderError } from 'commander';
import { ConfigError, InputError } from '../shared/errors.js';
import { EXIT_USAGE } from './exit-codes.js';
import { buildProgram, helpArgv, type Registrar } from './program.js';
import { registrars } from './commands/index.js';
import { describeIoError } from '../shared/safe-write.js';

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
  endQuietlyWhenOutputCloses();
  try {
    await program.parseAsync(helpArgv(program, argv));
    return exitCode;
  } catch (e) {
    return handleError(e);
  }
}

let watchingOutput = false;

/**
 * When the reader of the output goes away (`pitchlint drafts/ | head -1`), writing fails with
 * EPIPE. Nothing is left to say to anyone, so end at once, quietly, with exit code 0 (as ripgrep
 * does), instead of Node's unhandled 'error' stack trace.
 */
function endQuietlyWhenOutputCloses(): void {
  if (watchingOutput) return;
  watchingOutput = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED' || e.code === 'ECONNRESET') process.exit(0);
      // Any other failure of an output (disk full behind a redirect, ...): one line, if stderr still works.
      try {
        if (stream !== process.stderr)
          process.stderr.write(`pitchlint: cannot write to standard output: ${describeIoError(e)}\n`);
      } finally {
        process.exit(EXIT_USAGE);
      }
    });
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
