// Doc tests: every shell example of README.md and docs/*.md that runs pitchlint is run against the
// bundled fixtures, and its exit code and shown output are checked, so an example that drifts
// from what the CLI does fails the suite. The conventions are in ./extract.ts and docs/README.md.
// Each doc runs in a sandbox of its own: a temporary folder with a copy of fixtures/ and this
// package installed as node_modules/pitchlint (a link to the repository, with its built dist/),
// so `pitchlint ...` and `npx pitchlint ...` run the built CLI as an installed package would.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Block, type Command, extractExamples, jsonContains, matchOutput } from './extract.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** What a sandbox path is shown as in the docs. */
const PROJECT = '/path/to/project';

const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
const extracted = DOCS.map((doc) => extractExamples(doc, readFileSync(join(ROOT, doc), 'utf8')));
const blocks = extracted.flatMap((e) => e.blocks);
const runnable = (b: Block): boolean => !b.skip && (b.kind === 'console' || b.kind === 'sh' || b.kind === 'json-of');

function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}

interface Run {
  status: number;
  output: string;
  stdout: string;
}

class Sandbox {
  readonly dir: string;
  constructor() {
    this.dir = realpathSync(mkdtempSync(join(tmpdir(), 'pitchlint-docs-')));
    cpSync(join(ROOT, 'fixtures'), join(this.dir, 'fixtures'), { recursive: true });
    mkdirSync(join(this.dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(ROOT, join(this.dir, 'node_modules', 'pitchlint'), 'dir');
    symlinkSync('../pitchlint/bin/pitchlint.js', join(this.dir, 'node_modules', '.bin', 'pitchlint'));
    writeFileSync(join(this.dir, 'package.json'), `${JSON.stringify({ name: 'doc-sandbox', private: true, devDependencies: { pitchlint: '0.1.0' } }, null, 2)}\n`);
  }

  /** Run one shell command in the sandbox; `merge` puts standard error into the output. */
  run(command: string, merge: boolean): Promise<Run> {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('PITCHLINT_') && k !== 'FORCE_COLOR' && k !== 'NODE_OPTIONS') env[k] = v;
    Object.assign(env, { NO_COLOR: '1', PATH: `${join(this.dir, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`, npm_config_yes: 'false', npm_config_offline: 'true' });
    // Asynchronous, so a long example never blocks the test worker's messages to vitest.
    return new Promise((done) => {
      const child = spawn('sh', ['-c', merge ? `exec 2>&1\n${command}` : command], { cwd: this.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        done({ status: code ?? -1, output: this.normalize(`${stdout}${merge ? '' : stderr}`), stdout: this.normalize(stdout) });
      });
    });
  }

  /** Colours off, the sandbox and the package's folders shown as in the docs. */
  normalize(text: string): string {
    return stripAnsi(text)
      .split(ROOT)
      .join(`${PROJECT}/node_modules/pitchlint`)
      .split(this.dir)
      .join(PROJECT);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function expectedExit(block: Block, index: number): number {
  if (!block.exit) return 0;
  return block.exit.length === 1 ? (block.exit[0] ?? 0) : (block.exit[index] ?? 0);
}

async function checkCommand(box: Sandbox, block: Block, command: Command, index: number): Promise<void> {
  const r = await box.run(command.text, true);
  const where = `${block.doc}:${command.line}: $ ${command.text}`;
  const want = expectedExit(block, index);
  if (r.status !== want) throw new Error(`${where}\nexit code ${r.status}, the doc expects ${want}; output:\n${r.output}`);
  if (command.expected) {
    const m = matchOutput(command.expected, r.output.split('\n'));
    if (!m.ok && process.env.PITCHLINT_DOCS_UPDATE === '1') return updateShownOutput(block.doc, command, r.output);
    if (!m.ok) throw new Error(`${where}\noutput differs from the doc (shown line ${m.at + 1}): ${m.why}\nfull output:\n${r.output}`);
  }
}

/**
 * PITCHLINT_DOCS_UPDATE=1 npx vitest run test/docs: write the real output of a drifted console
 * example back into its doc (the shown lines after the command), for a deliberate output change.
 * Review the diff: the test then checks the new text like any other.
 */
const pendingUpdates = new Map<string, { from: number; count: number; lines: string[] }[]>();

function updateShownOutput(doc: string, command: Command, output: string): void {
  const continued = command.text.split('\n').length - 1;
  const list = pendingUpdates.get(doc) ?? [];
  list.push({
    from: command.line + continued, // 0-based index of the first shown output line
    count: (command.expected ?? []).length,
    lines: output.replace(/\n+$/, '').split('\n'),
  });
  pendingUpdates.set(doc, list);
}

/** Apply a doc's updates bottom-up, so earlier line numbers stay right. */
function writeUpdates(doc: string): void {
  const list = pendingUpdates.get(doc);
  if (!list?.length) return;
  const path = join(ROOT, doc);
  const lines = readFileSync(path, 'utf8').split('\n');
  for (const u of [...list].sort((a, b) => b.from - a.from)) lines.splice(u.from, u.count, ...u.lines);
  writeFileSync(path, lines.join('\n'));
}

describe('the docs follow the doc-test conventions', () => {
  it('every directive is understood and stands before a block', () => {
    expect(extracted.flatMap((e) => e.problems)).toEqual([]);
  });
  it('no pitchlint command hides in a fence the doc tests do not run (use ```console or ```sh)', () => {
    expect(extracted.flatMap((e) => e.hidden).map((h) => `${h.doc}:${h.line} \`\`\`${h.lang}: ${h.text}`)).toEqual([]);
  });
  it('finds the examples in every doc (the extractor is not silently empty)', () => {
    const commands = blocks.filter(runnable).reduce((n, b) => n + Math.max(1, b.commands.length), 0);
    const skipped = blocks.filter((b) => b.skip !== undefined);
    console.info(`doc tests: ${commands} commands in ${blocks.filter(runnable).length} blocks of ${DOCS.length} docs; ${skipped.length} blocks skipped:\n${skipped.map((b) => `  ${b.doc}:${b.line}: ${b.skip}`).join('\n')}`);
    expect(commands).toBeGreaterThanOrEqual(40);
    expect(blocks.some((b) => b.doc === 'README.md' && runnable(b) && b.commands.some((c) => c.expected))).toBe(true);
  });
  it('no install or CI snippet names a registry version of pitchlint, which is not published (npx pitchlint@0.1.0 fails)', () => {
    const files = [...DOCS, '.github/workflows/pitchlint.yml', '.pre-commit-hooks.yaml'];
    const offenders = files.flatMap((f) =>
      readFileSync(join(ROOT, f), 'utf8')
        .split('\n')
        .map((l, k) => ({ l, at: `${f}:${k + 1}` }))
        .filter(({ l }) => /(npx|npm (i|install|exec))\b[^#\n]*\bpitchlint@/.test(l) || /npx\s+(--yes|-y)\s+pitchlint/.test(l)),
    );
    expect(offenders.map((o) => `${o.at}: ${o.l.trim()}`)).toEqual([]);
  });
  it('no shown output is longer than 30 lines: long ones are shortened with `...` lines', () => {
    // PITCHLINT_DOCS_UPDATE writes whole outputs back; a reader needs the shape, not every line.
    const long = blocks.flatMap((b) =>
      b.commands.filter((c) => (c.expected?.length ?? 0) > 30).map((c) => `${b.doc}:${c.line}: ${c.expected?.length} lines`),
    );
    expect(long).toEqual([]);
  });
  it('every skipped example says why', () => {
    for (const b of blocks.filter((x) => x.skip !== undefined)) expect(b.skip?.trim().length, `${b.doc}:${b.line}`).toBeGreaterThan(3);
  });
});

for (const doc of DOCS) {
  const docBlocks = blocks.filter((b) => b.doc === doc);
  if (!docBlocks.length) continue;
  describe(doc, () => {
    let box: Sandbox;
    beforeAll(() => {
      if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/ is not built: run `npm run build` (npm test does)');
      box = new Sandbox();
    });
    afterAll(() => {
      box?.dispose();
      writeUpdates(doc);
    });
    for (const block of docBlocks) {
      const at = `${doc}:${block.line}`;
      if (block.skip !== undefined) {
        it.skip(`${at}: skipped (${block.skip}): ${block.commands[0]?.text ?? block.file ?? block.jsonOf ?? ''}`, () => {});
        continue;
      }
      if (block.kind === 'file') {
        it(`${at}: writes ${block.file}`, () => {
          const path = join(box.dir, block.file ?? '');
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, `${block.body}\n`);
        });
        continue;
      }
      if (block.kind === 'json-of') {
        it(`${at}: JSON shown is in the output of \`${block.jsonOf}\``, async () => {
          const r = await box.run(block.jsonOf ?? '', false);
          const shown: unknown = JSON.parse(block.body);
          let actual: unknown;
          try {
            actual = JSON.parse(r.stdout);
          } catch {
            throw new Error(`${at}: \`${block.jsonOf}\` did not print JSON (exit ${r.status}):\n${r.output}`);
          }
          const mismatch = jsonContains(shown, actual);
          if (mismatch) throw new Error(`${at}: the JSON shown drifted from \`${block.jsonOf}\`: ${mismatch}`);
        });
        continue;
      }
      it(`${at}: ${block.commands.map((c) => c.text.split('\n')[0]).join(' ; ')}`, async () => {
        for (const [k, c] of block.commands.entries()) await checkCommand(box, block, c, k);
      }, 300_000);
    }
  });
}

describe('the output matcher', () => {
  it('matches lines exactly, `...` lines as any lines, ` ...` line ends as prefixes', () => {
    expect(matchOutput(['a', 'b'], ['a', 'b', ''])).toEqual({ ok: true });
    expect(matchOutput(['a', '...', 'd'], ['a', 'b', 'c', 'd'])).toEqual({ ok: true });
    expect(matchOutput(['a', 'long line ...'], ['a', 'long line that goes on'])).toEqual({ ok: true });
    expect(matchOutput(['a', 'b'], ['a', 'c']).ok).toBe(false);
    expect(matchOutput(['a'], ['a', 'extra']).ok).toBe(false);
    expect(matchOutput(['a', '...'], ['a', 'extra', 'more'])).toEqual({ ok: true });
  });
  it('finds JSON shown in the docs inside real output, by keys and in order', () => {
    const actual = [{ filePath: '/x/fixtures/quote.txt', messages: [{ ruleId: 'a', line: 1 }, { ruleId: 'b', line: 2 }] }];
    expect(jsonContains([{ filePath: '…/quote.txt', messages: [{ ruleId: 'b' }] }], actual)).toBeUndefined();
    expect(jsonContains([{ messages: [{ ruleId: 'b' }, { ruleId: 'a' }] }], actual)).toBeDefined();
    expect(jsonContains([{ messages: [{ ruleId: 'b', line: 3 }] }], actual)).toBeDefined();
  });
});
