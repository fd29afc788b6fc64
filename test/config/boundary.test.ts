// The repository boundary (issue 17): a repository's config cannot make pitchlint read packs,
// rule folders or facts from outside the project; the user allows more on the command line or in
// a user-level setting. `extends: ""` is a clear error.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintText } from '../../src/api.js';
import { ConfigFinder, loadConfigFile } from '../../src/config/load.js';
import { ConfigError } from '../../src/shared/errors.js';
import { projectRoot } from '../../src/shared/boundary.js';
import { tempTree } from '../helpers/tree.js';

const SECRET = 'tok_live_9f8e7d6c5b4a';

const tree = (files: Record<string, string>): string => tempTree(files, 'pitchlint-boundary-');

/** A machine: credentials outside the repository, a repository with a hostile config. */
function machine(config: string): { outside: string; repo: string } {
  const root = tree({
    'secrets/credentials.yaml': `delivery:\n  typical: ${SECRET}\n`,
    'secrets/pack/pack.yaml': 'name: stolen\n',
    'repo/.git/HEAD': 'ref: refs/heads/main\n',
    'repo/docs/quote.txt': 'Delivery is always overnight.\n',
  });
  writeFileSync(join(root, 'repo/docs/.pitchlintrc.yaml'), config);
  return { outside: join(root, 'secrets'), repo: join(root, 'repo') };
}

async function configError(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ConfigError);
  return (e as Error).message;
}

describe('repository boundary', { timeout: 60_000 }, () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.PITCHLINT_TRUSTED_PATHS;
    delete process.env.PITCHLINT_TRUSTED_PATHS;
    process.env.XDG_CONFIG_HOME = tree({});
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.PITCHLINT_TRUSTED_PATHS;
    else process.env.PITCHLINT_TRUSTED_PATHS = saved;
    delete process.env.XDG_CONFIG_HOME;
  });

  it.each([
    [
      'factsFile with ../',
      'factsFile: ../../secrets/credentials.yaml\n',
      /factsFile: .*secrets\/credentials\.yaml is outside the project/,
    ],
    ['factsFile absolute', 'factsFile: {abs}/credentials.yaml\n', /factsFile: .*is outside the project/],
    [
      'extends a folder outside',
      'extends: [recommended, ../../secrets/pack]\n',
      /extends "\.\.\/\.\.\/secrets\/pack": .*outside the project/,
    ],
    ['rulesDirs outside', 'rulesDirs: [{abs}/pack]\n', /rulesDirs ".*secrets\/pack": .*outside the project/],
  ])('%s is refused, naming the path and the setting that allows it', async (_name, body) => {
    const { outside, repo } = machine('');
    writeFileSync(join(repo, 'docs/.pitchlintrc.yaml'), body.replace('{abs}', outside));
    const msg = await configError(loadConfigFile(join(repo, 'docs/.pitchlintrc.yaml')));
    expect(msg).toMatch(_name.startsWith('factsFile') ? /factsFile/ : /extends|rulesDirs/);
    expect(msg).toMatch(/\.pitchlintrc\.yaml:\d+:\d+: /);
    expect(msg).toMatch(/trustedPaths in .*settings\.yaml \(or PITCHLINT_TRUSTED_PATHS\)/);
    expect(msg).not.toContain(SECRET);
  });

  it('a secret outside the repository never reaches the report', async () => {
    const { repo } = machine('factsFile: ../../secrets/credentials.yaml\n');
    const err = await configError(
      lintText('Delivery is always overnight.\n', { cwd: repo, filePath: join(repo, 'docs/q.txt') }),
    );
    expect(err).not.toContain(SECRET);
  });

  it('a symlink inside the project pointing out of it is outside', async () => {
    const { outside, repo } = machine('factsFile: facts.yaml\n');
    symlinkSync(join(outside, 'credentials.yaml'), join(repo, 'docs/facts.yaml'));
    expect(await configError(loadConfigFile(join(repo, 'docs/.pitchlintrc.yaml')))).toMatch(/outside the project/);
  });

  // A rule file whose message quotes a "secret" it was given: what leaks if the link is followed.
  const LEAKY_RULE = `id: leaky-rule\nkind: phrase\ncategory: absolute\nseverity: error\nphrases: [overnight]\nmessage: "${SECRET}"\n`;

  it.each([
    [
      'rulesDirs',
      'rulesDirs: [team-rules]\n',
      /rulesDirs "team-rules", file leaky\.yaml: .*secrets\/leaky\.yaml is outside the project/,
    ],
    [
      'a local pack',
      'extends: [recommended, ./team-rules]\n',
      /extends "\.\/team-rules", file leaky\.yaml: .*outside the project/,
    ],
  ])('a rule file in %s that links out of the project is refused like the folder', async (_n, body, expected) => {
    const { outside, repo } = machine(body);
    writeFileSync(join(outside, 'leaky.yaml'), LEAKY_RULE);
    mkdirSync(join(repo, 'docs/team-rules'));
    writeFileSync(join(repo, 'docs/team-rules/pack.yaml'), 'name: team\n');
    symlinkSync(join(outside, 'leaky.yaml'), join(repo, 'docs/team-rules/leaky.yaml'));
    const msg = await configError(
      lintText('Delivery is always overnight.\n', { cwd: repo, filePath: join(repo, 'docs/q.txt') }),
    );
    expect(msg).toMatch(expected);
    expect(msg).toMatch(/trustedPaths in .*settings\.yaml \(or PITCHLINT_TRUSTED_PATHS\)/);
    expect(msg).not.toContain(SECRET);
    // Trusted, the same link is read (the rule runs).
    process.env.PITCHLINT_TRUSTED_PATHS = outside;
    const r = await lintText('Delivery is always overnight.\n', { cwd: repo, filePath: join(repo, 'docs/q.txt') });
    expect(r.findings.map((f) => f.ruleId)).toContain('leaky-rule');
  });

  it('a symlinked rule file that stays inside the project is fine', async () => {
    const { repo } = machine('rulesDirs: [team-rules]\n');
    mkdirSync(join(repo, 'shared'));
    writeFileSync(
      join(repo, 'shared/house.yaml'),
      LEAKY_RULE.replace(SECRET, 'House style: no promises of overnight delivery.'),
    );
    mkdirSync(join(repo, 'docs/team-rules'));
    symlinkSync(join(repo, 'shared/house.yaml'), join(repo, 'docs/team-rules/house.yaml'));
    const r = await lintText('Delivery is always overnight.\n', { cwd: repo, filePath: join(repo, 'docs/q.txt') });
    expect(r.findings.map((f) => f.ruleId)).toContain('leaky-rule');
  });

  it('paths inside the repository, above the config folder, are fine', async () => {
    const { repo } = machine('factsFile: ../shared/facts.yaml\nrulesDirs: [../shared]\n');
    mkdirSync(join(repo, 'shared'));
    writeFileSync(join(repo, 'shared/facts.yaml'), 'delivery.typical: 2 business days\n');
    const config = await loadConfigFile(join(repo, 'docs/.pitchlintrc.yaml'));
    expect(config.ruleDirs).toContain(join(repo, 'shared'));
    expect(projectRoot(join(repo, 'docs'))).toBe(repo);
  });

  it('a trusted folder (user setting or PITCHLINT_TRUSTED_PATHS) is allowed', async () => {
    const { outside, repo } = machine('factsFile: ../../secrets/credentials.yaml\n');
    mkdirSync(join(process.env.XDG_CONFIG_HOME!, 'pitchlint'));
    writeFileSync(
      join(process.env.XDG_CONFIG_HOME!, 'pitchlint/settings.yaml'),
      `trustedPaths: [${JSON.stringify(outside)}]\n`,
    );
    await expect(loadConfigFile(join(repo, 'docs/.pitchlintrc.yaml'))).resolves.toBeDefined();
    writeFileSync(join(process.env.XDG_CONFIG_HOME!, 'pitchlint/settings.yaml'), 'trustedPaths: []\n');
    await configError(loadConfigFile(join(repo, 'docs/.pitchlintrc.yaml')));
    process.env.PITCHLINT_TRUSTED_PATHS = outside;
    await expect(loadConfigFile(join(repo, 'docs/.pitchlintrc.yaml'))).resolves.toBeDefined();
  });

  it("a config above the repository root is not the project's", async () => {
    const { repo } = machine('');
    const above = join(repo, '..');
    writeFileSync(join(above, '.pitchlintrc.yaml'), 'factsFile: secrets/credentials.yaml\n');
    const finder = new ConfigFinder(repo);
    mkdirSync(join(repo, 'other'));
    const config = await finder.forFile(join(repo, 'other/x.txt'));
    expect(config.file).toBeUndefined();
  });

  it('a pack inside the project cannot extend a folder outside it', async () => {
    const { repo } = machine('extends: [./pack]\n');
    mkdirSync(join(repo, 'docs/pack'));
    writeFileSync(join(repo, 'docs/pack/pack.yaml'), 'name: house\nextends: [../../../secrets/pack]\n');
    const msg = await configError(
      lintText('Delivery is always overnight.\n', { cwd: repo, filePath: join(repo, 'docs/q.txt') }),
    );
    expect(msg).toMatch(/pack\.yaml:2:\d+: extends "\.\.\/\.\.\/\.\.\/secrets\/pack": .*outside the project/);
  });
});

describe('extends: ""', () => {
  it.each(['extends: ""\n', 'extends: [""]\n', 'extends: [recommended, "  "]\n'])(
    '%j is a clear config error',
    async (body) => {
      const dir = tree({ '.pitchlintrc.yaml': body });
      const msg = await configError(loadConfigFile(join(dir, '.pitchlintrc.yaml')));
      expect(msg).toMatch(/\.pitchlintrc\.yaml:1:\d+: extends: an empty entry names no rule pack/);
    },
  );
});
