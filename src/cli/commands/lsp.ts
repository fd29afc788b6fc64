// `pitchlint lsp`: the language server for editors, over stdio. The server and its protocol
// library load only here, so the CLI's other commands start as fast as before.
import type { Registrar } from '../program.js';

export const registerLsp: Registrar = (program) => {
  program
    .command('lsp')
    // Usage errors reach main() (exit code 2) instead of exiting 1 inside commander.
    .exitOverride()
    .description('run the language server over stdio (for VS Code, Neovim, Helix, Zed...; see docs/servers.md)')
    .option('--stdio', 'talk over standard input and output (the default and only transport)')
    .option(
      '-c, --config <file>',
      'use this configuration file for every draft (default: the nearest .pitchlintrc.yaml)',
    )
    .option('--rules <dir>', 'an extra folder of rule files (repeatable)', (v: string, p: string[]) => [...p, v], [])
    .action(async (opts: { config?: string; rules: string[] }) => {
      const { startLanguageServer } = await import('../../servers/lsp/server.js');
      await startLanguageServer({ ...(opts.config ? { config: opts.config } : {}), rules: opts.rules });
    });
};
