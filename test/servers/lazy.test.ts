// Start-up is a feature: --version, --help and an ordinary lint run must not load the servers
// or their libraries (vscode-languageserver, the MCP SDK, zod). Module loads are traced with a
// loader hook; each loaded bundle chunk is mapped back to its sources through its source map.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, workspace } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'pitchlint-servers-trace-'));
writeFileSync(
  join(dir, 'hooks.mjs'),
  `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (process.env.TRACE_FILE) appendFileSync(process.env.TRACE_FILE, url + '\\n');
  return next(url, context);
}
`,
);
writeFileSync(
  join(dir, 'register.mjs'),
  `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`,
);

function loadedSources(args: string[], cwd = ROOT, input?: string): { sources: string[]; status: number | null } {
  const trace = join(dir, `trace-${Math.random().toString(36).slice(2)}.txt`);
  const r = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), BIN, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, TRACE_FILE: trace, PITCHLINT_NO_SNAPSHOT: '1', NO_COLOR: '1' },
  });
  const sources: string[] = [];
  for (const url of existsSync(trace) ? readFileSync(trace, 'utf8').split('\n').filter(Boolean) : []) {
    if (!url.startsWith('file:')) continue;
    const file = fileURLToPath(url);
    sources.push(file);
    if (existsSync(`${file}.map`))
      sources.push(...(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] }).sources);
  }
  expect(sources.some((s) => s.includes('dist/cli.js'))).toBe(true);
  return { sources, status: r.status };
}

const SERVER_CODE = /node_modules\/(vscode-languageserver|vscode-jsonrpc|@modelcontextprotocol|zod)\/|src\/servers\//;

describe('the servers load lazily', () => {
  it('--version, --help and a lint run load no server code', () => {
    const ws = workspace({ 'draft.md': 'We will have the racks installed by Friday.\n' });
    try {
      for (const args of [['--version'], ['--help'], ['draft.md']]) {
        const { sources } = loadedSources(args, ws.dir);
        expect(
          sources.filter((s) => SERVER_CODE.test(s)),
          args.join(' '),
        ).toEqual([]);
      }
    } finally {
      ws.cleanup();
    }
  });

  it('`pitchlint mcp` loads the MCP SDK and not the language server', () => {
    // Standard input closed at once: the server starts, sees the end, and exits.
    const { sources, status } = loadedSources(['mcp'], ROOT, '');
    expect(status).toBe(0);
    expect(sources.some((s) => s.includes('node_modules/@modelcontextprotocol/sdk/'))).toBe(true);
    expect(sources.some((s) => s.includes('node_modules/vscode-languageserver'))).toBe(false);
  });
});
