// `pitchlint mcp`: the Model Context Protocol server over stdio, for drafting assistants. The
// MCP SDK loads only here.
import type { Registrar } from '../program.js';

export const registerMcp: Registrar = (program) => {
  program
    .command('mcp')
    // Usage errors reach main() (exit code 2) instead of exiting 1 inside commander.
    .exitOverride()
    .description('run the MCP server over stdio (tools: lint_text, rewrite_text, explain_rule; see docs/servers.md)')
    .option('-c, --config <file>', 'use this configuration file (default: the nearest .pitchlintrc.yaml)')
    .option('--rules <dir>', 'an extra folder of rule files (repeatable)', (v: string, p: string[]) => [...p, v], [])
    .action(async (opts: { config?: string; rules: string[] }) => {
      const { startMcpServer } = await import('../../servers/mcp/server.js');
      await startMcpServer({ ...(opts.config ? { config: opts.config } : {}), rules: opts.rules });
    });
};
