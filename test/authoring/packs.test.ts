// Packs: pack.yaml validated; packs load from built-in names, local paths and npm packages named
// in `extends` (resolved from the config's folder, or the pack's), and a pack.yaml's own
// `extends` pulls in the packs it builds on (strict -> recommended).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/runner/lint-files.js';
import { rulesList, rulesValidate } from '../../src/authoring/commands.js';
import { expandPackDirs } from '../../src/rules/packs.js';
import { RuleLoadError } from '../../src/rules/loader.js';
import { ROOT, capture, ruleYaml, tempTree } from './helpers.js';

const ids = async (dir: string, file: string): Promise<string[]> => {
  const run = await lintFiles({ cwd: dir, patterns: [file] });
  return [...new Set(run.results.flatMap((r) => r.findings.map((f) => f.ruleId)))].sort();
};

describe('built-in packs', () => {
  it('strict extends recommended: extends: strict runs both', async () => {
    const dir = tempTree({
      '.pitchlintrc.yaml': 'extends: strict\n',
      'draft.txt': 'Obviously, this is a no-brainer.\n\nOur team always ships on time.\n',
    });
    const found = await ids(dir, 'draft.txt');
    expect(found).toEqual(expect.arrayContaining(['pressure-fomo', 'tone-condescension', 'absolute-always-never']));
  });

  it('expands strict to [recommended, strict] and lists each rule once with its pack', async () => {
    expect((await expandPackDirs([join(ROOT, 'rules/strict')])).map((d) => d.split('/').at(-1))).toEqual(['recommended', 'strict']);
    const dir = tempTree({ '.pitchlintrc.yaml': 'extends: [recommended, strict, finance]\n' });
    const r = await capture((io) => rulesList([], { cwd: dir, format: 'json' }, io));
    const rows = JSON.parse(r.out) as Array<{ id: string; pack: string }>;
    expect(new Set(rows.map((x) => x.id)).size).toBe(rows.length);
    expect(new Set(rows.map((x) => x.pack))).toEqual(new Set(['recommended', 'strict', 'finance']));
  });

  it('finance flags promissory language, recommended alone does not', async () => {
    const text = 'With this fund you simply cannot lose, and your capital is protected whatever happens.\n';
    const withFinance = tempTree({ '.pitchlintrc.yaml': 'extends: [recommended, finance]\n', 'pitch.txt': text });
    expect(await ids(withFinance, 'pitch.txt')).toEqual(expect.arrayContaining(['finance-cant-lose', 'finance-principal-protected']));
    const plain = tempTree({ '.pitchlintrc.yaml': 'extends: recommended\n', 'pitch.txt': text });
    expect((await ids(plain, 'pitch.txt')).some((id) => id.startsWith('finance-'))).toBe(false);
  });
});

describe('npm packages and local folders', () => {
  const pkg = (name: string, packYaml: string, rules: Record<string, string>): Record<string, string> => ({
    [`node_modules/${name}/package.json`]: JSON.stringify({ name, version: '1.0.0' }),
    [`node_modules/${name}/pack.yaml`]: packYaml,
    ...Object.fromEntries(Object.entries(rules).map(([f, t]) => [`node_modules/${name}/${f}`, t])),
  });

  it('loads a pack from an npm package named in extends, resolved from the config folder', async () => {
    const dir = tempTree({
      ...pkg('@acme/pitchlint-rules', 'name: "@acme/pitchlint-rules"\nversion: 1.0.0\ndescription: Acme house rules.\n', {
        'acme-guaranteed.yaml': ruleYaml('acme-guaranteed'),
      }),
      'team/.pitchlintrc.yaml': 'extends: ["@acme/pitchlint-rules"]\n',
      'team/draft.txt': 'Guaranteed results for every client.\n',
    });
    expect(await ids(join(dir, 'team'), 'draft.txt')).toEqual(['acme-guaranteed']);
    const r = await capture((io) => rulesList([], { cwd: join(dir, 'team'), format: 'json' }, io));
    expect(JSON.parse(r.out)).toEqual([expect.objectContaining({ id: 'acme-guaranteed', pack: '@acme/pitchlint-rules' })]);
  });

  it("a package's pack.yaml may extend a built-in pack and another package (resolved from the package)", async () => {
    const dir = tempTree({
      ...pkg('base-rules', 'name: base-rules\n', { 'base-rule.yaml': ruleYaml('base-rule') }),
      ...pkg('acme-rules', 'name: acme-rules\nextends: [strict, base-rules]\n', { 'acme-rule.yaml': ruleYaml('acme-rule').replace('[guaranteed]', '[assured]').replace('Guaranteed results', 'Assured results') }),
      '.pitchlintrc.yaml': 'extends: acme-rules\n',
      'draft.txt': 'Obviously, results are assured.\n',
    });
    expect(await ids(dir, 'draft.txt')).toEqual(['acme-rule', 'tone-condescension']);
    const r = await capture((io) => rulesList([], { cwd: dir, format: 'json' }, io));
    const packs = new Map((JSON.parse(r.out) as Array<{ id: string; pack: string }>).map((x) => [x.id, x.pack]));
    expect([packs.get('acme-rule'), packs.get('base-rule'), packs.get('tone-condescension'), packs.get('absolute-always-never')]).toEqual([
      'acme-rules',
      'base-rules',
      'strict',
      'recommended',
    ]);
  });

  it('loads a local pack folder named in extends', async () => {
    const dir = tempTree({
      'packs/house/pack.yaml': 'name: house\nextends: finance\n',
      'packs/house/house-rule.yaml': ruleYaml('house-rule'),
      '.pitchlintrc.yaml': 'extends: [./packs/house]\n',
      'draft.txt': 'Guaranteed results for every client, and you cannot lose.\n',
    });
    expect(await ids(dir, 'draft.txt')).toEqual(['finance-cant-lose', 'house-rule']);
  });
});

describe('pack.yaml validation', () => {
  it('reports unknown keys, bad versions and unknown packs with their position', async () => {
    const dir = tempTree({
      'pack/pack.yaml': 'name: house\nversion: 1.0\ndescripton: House rules.\nextends: [recomended]\n',
      'pack/house-rule.yaml': ruleYaml('house-rule'),
    });
    const r = await capture((io) => rulesValidate([join(dir, 'pack')], { cwd: dir }, io));
    expect(r.code).toBe(2);
    expect(r.err).toContain('pack/pack.yaml:2:10: "version" must be a string: write it in quotes ("1.0")');
    expect(r.err).toContain('pack/pack.yaml:3:1: unknown key "descripton" (did you mean "description"?)');
    expect(r.err).toContain('✖ 2 problems in 0 of 1 rule file and 1 pack file');
    const load = await expandPackDirs([join(dir, 'pack')]).catch((e: unknown) => e);
    expect(load).toBeInstanceOf(RuleLoadError);
  });

  it('reports an unknown pack in extends at the entry, with did-you-mean', async () => {
    const dir = tempTree({ 'pack/pack.yaml': 'name: house\nextends: [recomended]\n', 'pack/house-rule.yaml': ruleYaml('house-rule') });
    const r = await capture((io) => rulesValidate([join(dir, 'pack')], { cwd: dir }, io));
    expect(r.err).toMatch(/pack\/pack\.yaml:2:11: extends: unknown rule pack "recomended" \(did you mean "recommended"\?\); built-in packs: finance, recommended, strict/);
  });

  it('refuses a cycle of extends', async () => {
    const dir = tempTree({
      'a/pack.yaml': 'name: a\nextends: [../b]\n',
      'a/a-rule.yaml': ruleYaml('a-rule'),
      'b/pack.yaml': 'name: b\nextends: [../a]\n',
      'b/b-rule.yaml': ruleYaml('b-rule'),
    });
    const err = (await expandPackDirs([join(dir, 'a')]).catch((e: unknown) => e)) as RuleLoadError;
    expect(err).toBeInstanceOf(RuleLoadError);
    expect(err.problems[0]!.message).toBe('extends: "../a" makes a cycle (a -> b -> a)');
  });
});
