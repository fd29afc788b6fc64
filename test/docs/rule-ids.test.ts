// Every rule id the user is shown, in the help of any command or in README.md and docs/, exists:
// a built-in rule, or one the text itself creates (`rules new <id>`, `id: <id>`), or one shown on
// purpose as unknown (next to an "unknown rule" message). Copying an example must not fail on an
// id that was renamed or never existed (issue 14: `rules explain guarantee-outcome`).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMain } from '../authoring/helpers.js';
import { buildProgram } from '../../src/cli/program.js';
import { registrars } from '../../src/cli/commands/index.js';
import type { Command } from 'commander';

const builtin = new Set(
  ['recommended', 'strict', 'finance'].flatMap((pack) =>
    readdirSync(join(ROOT, 'rules', pack))
      .filter((f) => f.endsWith('.yaml') && f !== 'pack.yaml')
      .map((f) => f.replace(/\.yaml$/, '')),
  ),
);
const CATEGORIES = [...new Set([...builtin].map((id) => id.split('-')[0]))];
/** A token that looks like a rule id: a category prefix and kebab-case words. */
const ID_LIKE = new RegExp(`(?<![\\w./-])(?:${CATEGORIES.join('|')})-[a-z0-9]+(?:-[a-z0-9]+)*(?![\\w/-])`, 'g');
/** Places where whatever word follows must be a rule id, whatever it looks like. */
const ID_SLOT = /(?:rules explain|pitchlint-disable(?:-next-line|-line|-file)?|pitchlint-enable)\s+((?:[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?:,\s*)?)+)/g;

interface Shown {
  where: string;
  id: string;
}

function idsIn(where: string, text: string): { shown: Shown[]; created: Set<string> } {
  const shown: Shown[] = [];
  const created = new Set<string>();
  for (const m of text.matchAll(/(?:rules new|^\s*id:)\s+([a-z][a-z0-9-]+)/gm)) created.add(m[1] ?? '');
  const lines = text.split('\n');
  lines.forEach((line, k) => {
    // An id shown on purpose as unknown: the line, or one of the next three (the output of the
    // command that writes it), says so.
    if (/unknown rule|was not found/.test(lines.slice(k, k + 4).join('\n'))) return;
    const ids = new Set<string>(line.match(ID_LIKE) ?? []);
    for (const m of line.matchAll(ID_SLOT)) for (const id of (m[1] ?? '').split(/,\s*/)) if (id) ids.add(id);
    for (const id of ids) shown.push({ where: `${where}:${k + 1}`, id });
  });
  return { shown, created };
}

function commandPaths(cmd: Command, prefix: string[] = []): string[][] {
  return cmd.commands.flatMap((c) => {
    const path = [...prefix, c.name()];
    return [path, ...commandPaths(c, path)];
  });
}

describe('rule ids in help and docs', () => {
  it('the scanner finds ids (not silently empty)', () => {
    expect(builtin.size).toBeGreaterThan(30);
    const { shown } = idsIn('x', 'Run `pitchlint rules explain guarantee-unbacked`; <!-- pitchlint-disable-line speed-certain, my-rule -->');
    expect(shown.map((s) => s.id).sort()).toEqual(['guarantee-unbacked', 'my-rule', 'speed-certain']);
  });

  it('every id in the help of every command exists', async () => {
    const program = buildProgram(async () => 0, registrars, () => {});
    const paths = [[], ...commandPaths(program).filter((p) => p[0] !== 'help')];
    expect(paths.length).toBeGreaterThan(10);
    const all: Shown[] = [];
    const created = new Set<string>();
    for (const path of paths) {
      const r = await runMain([...path, '--help']);
      expect(r.code, path.join(' ')).toBe(0);
      const found = idsIn(`pitchlint ${path.join(' ')} --help`, r.out);
      all.push(...found.shown);
      for (const id of found.created) created.add(id);
    }
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((s) => !builtin.has(s.id) && !created.has(s.id))).toEqual([]);
  }, 60_000);

  it('every id in README.md and docs/ exists (or the doc creates it, or shows it as unknown)', () => {
    const docs = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
    const all: Shown[] = [];
    const created = new Set<string>();
    for (const doc of docs) {
      const found = idsIn(doc, readFileSync(join(ROOT, doc), 'utf8'));
      all.push(...found.shown);
      for (const id of found.created) created.add(id);
    }
    expect(all.length).toBeGreaterThan(20);
    expect(all.filter((s) => !builtin.has(s.id) && !created.has(s.id))).toEqual([]);
  });
});
