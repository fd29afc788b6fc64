// Corrupt and hostile state files (issue 17): a cache that is not what pitchlint wrote is
// discarded with a notice and never served; a malformed baseline is a one-line error (exit 2);
// user keys (rule ids, paths, words) never reach Object.prototype.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/runner/lint-files.js';
import { applyBaseline, buildBaseline, readBaseline } from '../../src/runner/baseline.js';
import { summarize } from '../../src/runner/lint-file.js';
import { ConfigError } from '../../src/shared/errors.js';
import type { Finding } from '../../src/shared/types.js';

const DRAFT = 'Hi Sam,\n\nWe guarantee results in the first week, and our crews always arrive on time.\n';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pitchlint-state-'));
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), c);
  }
  return dir;
}

const run = (cwd: string) =>
  lintFiles({ cwd, patterns: ['.'], extensions: ['.txt'], cache: { location: join(cwd, 'cache.json') } });

describe('corrupt cache files', { timeout: 120_000 }, () => {
  const broken: Array<[string, (c: Record<string, unknown>) => unknown]> = [
    ['entries: null', (c) => ({ ...c, entries: null })],
    ['entries a list', (c) => ({ ...c, entries: [] })],
    ['an entry null', (c) => ({ ...c, entries: { 'draft.txt': null } })],
    [
      'findings of the wrong type',
      (c) => {
        const e = structuredClone(c.entries) as Record<string, { result: { findings: unknown } }>;
        e['draft.txt']!.result.findings = 'none';
        return { ...c, entries: e };
      },
    ],
    [
      'a forged entry with findings: []',
      (c) => {
        const e = structuredClone(c.entries) as Record<string, { result: Record<string, unknown> }>;
        Object.assign(e['draft.txt']!.result, { findings: [], errorCount: 0, warningCount: 0, suggestionCount: 0 });
        return { ...c, entries: e };
      },
    ],
  ];

  it.each(broken)('%s: discarded with a notice, results as a fresh run', async (_name, corrupt) => {
    const dir = tree({ 'draft.txt': DRAFT });
    const fresh = await run(dir);
    expect(fresh.results[0]!.findings.length).toBeGreaterThan(0);
    const file = join(dir, 'cache.json');
    const good = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify(corrupt(good)));
    const again = await run(dir);
    expect(again.stats.cached).toBe(0);
    expect(again.notices?.[0]).toMatch(/^cache file .*cache\.json .*; it was discarded and will be rebuilt$/);
    expect(again.results[0]!.findings.map((f) => f.ruleId)).toEqual(fresh.results[0]!.findings.map((f) => f.ruleId));
    // Rebuilt: the next run is served from it, quietly.
    const third = await run(dir);
    expect(third.stats.cached).toBe(1);
    expect(third.notices).toBeUndefined();
  });

  it('a rule changed through a pack extends chain is not served stale', async () => {
    const rule = (severity: string) =>
      [
        'id: team-crews-on-time',
        'kind: phrase',
        `severity: ${severity}`,
        'category: absolute',
        'message: \'"{match}" promises punctuality.\'',
        'description: d',
        'rationale: r',
        'phrases: [arrive on time]',
        'examples:',
        '  flag: [Our crews arrive on time.]',
        '  pass: [Our crews usually arrive early.]',
        '',
      ].join('\n');
    const dir = tree({
      'draft.txt': DRAFT,
      '.pitchlintrc.yaml': 'extends: [./packs/top]\n',
      'packs/top/pack.yaml': 'name: top\nextends: [../base]\n',
      'packs/base/pack.yaml': 'name: base\n',
      'packs/base/crews.yaml': rule('warning'),
    });
    const first = await run(dir);
    const sev = (r: Awaited<ReturnType<typeof run>>) =>
      r.results[0]!.findings.find((f) => f.ruleId === 'team-crews-on-time')?.severity;
    expect(sev(first)).toBe('warning');
    writeFileSync(join(dir, 'packs/base/crews.yaml'), rule('error'));
    const second = await run(dir);
    expect(second.stats.cached).toBe(0);
    expect(sev(second)).toBe('error');
  });
});

function finding(ruleId: string, sentence: string, words: string): Finding {
  const at = sentence.indexOf(words);
  return {
    ruleId,
    severity: 'error',
    category: 'guarantee',
    message: 'm',
    start: { line: 1, column: at + 1 },
    end: { line: 1, column: at + words.length + 1 },
    sentence,
    span: [at, at + words.length],
  };
}

describe('corrupt baseline files', () => {
  const write = (files: unknown): string => {
    const dir = mkdtempSync(join(tmpdir(), 'pitchlint-baseline-'));
    const file = join(dir, 'baseline.json');
    writeFileSync(
      file,
      typeof files === 'string' ? files : JSON.stringify({ pitchlint: 'baseline', version: 1, files }),
    );
    return file;
  };
  const cases: Array<[string, string | unknown]> = [
    ['an entry null', { 'a.md': null }],
    ['a rule entry null', { 'a.md': { 'guarantee-outcome': null } }],
    ['a count "x"', { 'a.md': { 'guarantee-outcome': { guaranteed: 'x' } } }],
    ['a count true', { 'a.md': { 'guarantee-outcome': { guaranteed: true } } }],
    ['a count 1e309', '{"pitchlint":"baseline","version":1,"files":{"a.md":{"r":{"guaranteed":1e309}}}}'],
    ['a negative count', { 'a.md': { 'guarantee-outcome': { guaranteed: -1 } } }],
    ['a fractional count', { 'a.md': { 'guarantee-outcome': { guaranteed: 0.5 } } }],
  ];
  it.each(cases)('%s: one line naming the file and what to do', async (_name, files) => {
    const file = write(files);
    const err = await readBaseline(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    expect(msg.split('\n')).toHaveLength(1);
    expect(msg).toContain(file);
    expect(msg).toMatch(/--update-baseline/);
  });

  it('a rule id "constructor" or a key "__proto__" is an ordinary key', async () => {
    const sentence = 'Our constructor always delivers.';
    const f = finding('constructor', sentence, 'always');
    const result = summarize('/p/a.md', 'markdown', [f], { notices: [] });
    // Built from results: the rule id is a key of its own, counted.
    const built = buildBaseline([result], '/p/baseline.json');
    expect(JSON.parse(JSON.stringify(built)).files['a.md'].constructor).toEqual({ always: 1 });
    // A baseline that does not know the file suppresses nothing, whatever the rule id.
    const other = await readBaseline(write({ 'b.md': { x: { y: 1 } } }));
    expect(applyBaseline([result], other, '/p/baseline.json').results[0]!.findings).toHaveLength(1);
    // A path key "__proto__" and a words key "constructor" stay data.
    const file = write('{"pitchlint":"baseline","version":1,"files":{"__proto__":{"constructor":{"always":1}}}}');
    const proto = await readBaseline(file);
    expect(Object.keys(proto.files)).toEqual(['__proto__']);
    expect(applyBaseline([result], proto, '/p/baseline.json').results[0]!.findings).toHaveLength(1);
    // And a baseline keyed "constructor" for this file matches exactly its count.
    const known = await readBaseline(write({ 'a.md': { constructor: { always: 1 } } }));
    const applied = applyBaseline([result, result], known, '/p/baseline.json');
    expect(applied.matched).toBe(2);
  });
});
