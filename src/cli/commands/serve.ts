// `pitchlint serve`: the local review page and its JSON API, on 127.0.0.1 only. The HTTP server
// loads only here.
import { InvalidArgumentError } from 'commander';
import type { Registrar } from '../program.js';

const port = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('must be a port number, 0-65535 (0 picks a free one)');
  return n;
};

export const registerServe: Registrar = (program, setExit) => {
  program
    .command('serve')
    // Usage errors reach main() (exit code 2) instead of exiting 1 inside commander.
    .exitOverride()
    .description('open the local review page at http://127.0.0.1:PORT (loopback only, with a random token)')
    .option('-p, --port <n>', 'port to listen on (0 picks a free one)', port, 0)
    .option('-c, --config <file>', 'use this configuration file (default: the nearest .pitchlintrc.yaml)')
    .option('--rules <dir>', 'an extra folder of rule files (repeatable)', (v: string, p: string[]) => [...p, v], [])
    .addHelpText(
      'after',
      '\nExamples:\n  $ pitchlint serve                 prints the page address (with its token) and serves until Ctrl-C\n  $ pitchlint serve --port 8321',
    )
    .action(async (opts: { port: number; config?: string; rules: string[] }) => {
      const { startReviewServer } = await import('../../servers/serve/server.js');
      setExit(
        await startReviewServer({
          port: opts.port,
          ...(opts.config ? { config: opts.config } : {}),
          rules: opts.rules,
        }),
      );
    });
};
