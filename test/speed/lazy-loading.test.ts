// Start-up is a feature: --help and --version must not load the NLP tagger, and neither must a
// run whose sentences hold no trigger; none of them, nor an ordinary lint run, loads the servers
// or their libraries (vscode-languageserver, the MCP SDK, zod). Module loads are traced with a
// loader hook, and each loaded bundle chunk is mapped back to its sources through its source map.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempTree } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'pitchlint-trace-'));
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

/** The source files behind every module the CLI loaded (and its exit status). */
function traced(args: string[], cwd = ROOT, input?: string): { sources: string[]; status: number | null } {
  const trace = join(dir, `trace-${Math.random().toString(36).slice(2)}.txt`);
  const r = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), BIN, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, TRACE_FILE: trace, PITCHLINT_NO_SNAPSHOT: '1', NO_COLOR: '1' },
  });
  expect(r.status, r.stderr).not.toBe(null);
  const urls = existsSync(trace) ? readFileSync(trace, 'utf8').split('\n').filter(Boolean) : [];
  const sources: string[] = [];
  for (const url of urls) {
    if (!url.startsWith('file:')) continue;
    const file = fileURLToPath(url);
    sources.push(file);
    if (existsSync(`${file}.map`)) {
      const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
      sources.push(...map.sources);
    }
  }
  expect(sources.some((s) => s.includes('dist/cli.js'))).toBe(true);
  return { sources, status: r.status };
}

const loadedSources = (args: string[]): string[] => traced(args).sources;

const SERVER_CODE = /node_modules\/(vscode-languageserver|vscode-jsonrpc|@modelcontextprotocol|zod)\/|src\/servers\//;

const usesTagger = (sources: string[]): boolean => sources.some((s) => s.includes('node_modules/compromise/'));

describe('lazy loading', () => {
  it('--version and --help do not load the tagger, the rules or the parsers', () => {
    for (const args of [['--version'], ['--help']]) {
      const sources = loadedSources(args);
      expect(usesTagger(sources), args.join(' ')).toBe(false);
      expect(
        sources.some((s) => /node_modules\/(yaml|markdown-it|mailparser|ajv|htmlparser2|jszip)\//.test(s)),
        args.join(' '),
      ).toBe(false);
    }
  });

  it('a draft with no trigger words is linted without loading the tagger', () => {
    const tree = tempTree({ 'note.txt': 'Thanks for the call today. Here are the notes from our meeting.\n' });
    expect(usesTagger(loadedSources([join(tree, 'note.txt')]))).toBe(false);
  });

  it('a draft with a commitment loads the tagger', () => {
    const tree = tempTree({ 'note.txt': 'We will have the racks installed by Friday.\n' });
    expect(usesTagger(loadedSources([join(tree, 'note.txt')]))).toBe(true);
  });
});

describe('the servers load lazily', () => {
  it('--version, --help and a lint run load no server code', () => {
    const tree = tempTree({ 'draft.md': 'We will have the racks installed by Friday.\n' });
    for (const args of [['--version'], ['--help'], ['draft.md']]) {
      const { sources } = traced(args, tree);
      expect(
        sources.filter((s) => SERVER_CODE.test(s)),
        args.join(' '),
      ).toEqual([]);
    }
  });

  it('`pitchlint mcp` loads the MCP SDK and not the language server', () => {
    // Standard input closed at once: the server starts, sees the end, and exits.
    const { sources, status } = traced(['mcp'], ROOT, '');
    expect(status).toBe(0);
    expect(sources.some((s) => s.includes('node_modules/@modelcontextprotocol/sdk/'))).toBe(true);
    expect(sources.some((s) => s.includes('node_modules/vscode-languageserver'))).toBe(false);
  });
});
