// `pitchlint rules new ID --kind KIND [--pack DIR]`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesNew, rulesTest, rulesValidate } from '../../src/authoring/commands.js';
import { RULE_KINDS } from '../../src/authoring/scaffold.js';
import { capture, ruleYaml, runMain, tempTree } from './helpers.js';

describe('rules new', () => {
  for (const kind of RULE_KINDS) {
    it(`writes a ${kind} rule that validates (TODOs are warnings) and whose placeholder examples fail`, async () => {
      const dir = tempTree({});
      const made = await capture((io) => rulesNew(`my-${kind}`, { cwd: dir, kind, pack: 'our-rules' }, io));
      expect(made.code).toBe(0);
      expect(made.out).toContain(`Created our-rules/my-${kind}.yaml`);
      const text = readFileSync(join(dir, 'our-rules', `my-${kind}.yaml`), 'utf8');
      expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)+.*schema\/rule\.schema\.json$/);
      expect(text).toMatch(new RegExp(`^id: my-${kind}$`, 'm'));
      expect(text).toMatch(new RegExp(`^kind: ${kind}$`, 'm'));
      const v = await capture((io) => rulesValidate(['our-rules'], { cwd: dir }, io));
      expect(v.code).toBe(0);
      expect(v.out).toMatch(/TODO placeholders left/);
      expect(v.out).toMatch(/^1 rule file valid$/m);
      const t = await capture((io) => rulesTest(['our-rules'], { cwd: dir }, io));
      expect(t.code).toBe(1);
      expect(t.out).toMatch(/^0 passed, 1 failed$/m);
    });
  }

  it('points the $schema line at the project\'s installed pitchlint when there is one', async () => {
    const dir = tempTree({ 'node_modules/pitchlint/package.json': '{"name":"pitchlint"}', 'node_modules/pitchlint/schema/rule.schema.json': '{}' });
    await capture((io) => rulesNew('house-rule', { cwd: dir, kind: 'phrase', pack: 'rules/house' }, io));
    expect(readFileSync(join(dir, 'rules/house/house-rule.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../node_modules/pitchlint/schema/rule.schema.json',
    );
  });

  it('refuses bad ids, unknown kinds and existing files', async () => {
    const dir = tempTree({ 'rules/taken.yaml': ruleYaml('taken') });
    expect((await capture((io) => rulesNew('Not_Kebab', { cwd: dir }, io))).err).toContain('must be kebab-case');
    const kind = await capture((io) => rulesNew('fine-id', { cwd: dir, kind: 'regexp' }, io));
    expect(kind.code).toBe(2);
    expect(kind.err).toBe('pitchlint: unknown kind "regexp" (did you mean "regex"?); kinds: phrase, substitute, pattern, commitment, regex\n');
    const taken = await capture((io) => rulesNew('taken', { cwd: dir }, io));
    expect(taken.err).toBe('pitchlint: rules/taken.yaml already exists (use --force to overwrite it)\n');
  });

  it('runs from the command line, defaulting to the config\'s rulesDirs', async () => {
    const dir = tempTree({ '.pitchlintrc.yaml': 'rulesDirs: [house-rules]\n' });
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await runMain(['rules', 'new', 'uptime-promise', '--kind', 'commitment']);
      expect(r.code).toBe(0);
      expect(r.out).toContain('Created house-rules/uptime-promise.yaml');
    } finally {
      process.chdir(cwd);
    }
  });
});
