// A minimal user rule (id, kind, message and the kind's own keys) loads and lints: severity and
// category get defaults, description and rationale are optional. `rules validate --strict` and
// `rules docs` ask for description and rationale (issue 14: sales ops write quick rules).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runMain, tempTree } from './helpers.js';

const EXAMPLES = 'examples:\n  flag: [Uptime is guaranteed, always.]\n  pass: [Our uptime target is 99.9%.]\n';

function project(rule: string): string {
  return tempTree({
    '.pitchlintrc.yaml': 'extends: recommended\nrulesDirs: [our-rules]\n',
    'our-rules/rule.yaml': rule,
    'draft.txt': 'Hi Dana,\n\nOur platform has rock-solid uptime for every customer.\n',
  });
}

describe('a minimal rule', () => {
  it('id, kind, message, phrases: loads and lints, a warning by default', async () => {
    const dir = project(
      `id: uptime-rock-solid\nkind: phrase\nmessage: '"{match}" promises uptime with nothing behind it.'\nphrases: [rock-solid uptime]\n`,
    );
    const r = await runMain(['--config', `${dir}/.pitchlintrc.yaml`, '--format', 'json', `${dir}/draft.txt`]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const [result] = JSON.parse(r.out) as {
      messages: {
        ruleId: string;
        severity: number;
        message: string;
        line: number;
        column: number;
        category?: string;
      }[];
    }[];
    const mine = result!.messages.filter((m) => m.ruleId === 'uptime-rock-solid');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      severity: 1,
      line: 3,
      column: 18,
      message: '"rock-solid uptime" promises uptime with nothing behind it.',
    });
  }, 60_000);

  it("the category is the id's first word when it names one, else other", async () => {
    for (const [id, category] of [
      ['guarantee-rock-solid', 'guarantee'],
      ['uptime-rock-solid', 'other'],
    ]) {
      const dir = project(`id: ${id}\nkind: phrase\nmessage: m\nphrases: [rock-solid uptime]\n`);
      const r = await runMain([
        'rules',
        'list',
        '--format',
        'json',
        '--config',
        `${dir}/.pitchlintrc.yaml`,
        `${dir}/our-rules`,
      ]);
      const rule = (JSON.parse(r.out) as { id: string; category: string; severity: string }[]).find((x) => x.id === id);
      expect([id, rule?.category, rule?.severity]).toEqual([id, category, 'warning']);
    }
  }, 60_000);

  it('rules validate accepts it; --strict asks for description and rationale, at the id', async () => {
    const dir = project(`id: uptime-rock-solid\nkind: phrase\nmessage: m\nphrases: [rock-solid uptime]\n${EXAMPLES}`);
    const plain = await runMain(['rules', 'validate', `${dir}/our-rules`]);
    expect(plain.err).toBe('');
    expect(plain.code).toBe(0);
    const strict = await runMain(['rules', 'validate', '--strict', `${dir}/our-rules`]);
    expect(strict.code).toBe(2);
    const lines = strict.err.trim().split('\n');
    expect(
      lines.filter((l) =>
        /rule\.yaml:1:1: missing "description" \(what the rule flags, in one sentence\): rules validate --strict asks for it/.test(
          l,
        ),
      ),
    ).toHaveLength(1);
    expect(lines.filter((l) => /rule\.yaml:1:1: missing "rationale" /.test(l))).toHaveLength(1);
  }, 60_000);

  it('rules docs refuses it, naming the file and the keys, and writes nothing', async () => {
    const dir = project(
      `kind: phrase\nid: uptime-rock-solid\nmessage: m\nphrases: [rock-solid uptime]\ndescription: Flags rock-solid uptime.\n${EXAMPLES}`,
    );
    const r = await runMain(['rules', 'docs', '--out', `${dir}/docs`, `${dir}/our-rules`]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/rule\.yaml:2:1: missing "rationale" .*rules docs asks for it/);
    expect(r.err).not.toMatch(/missing "description"/);
    expect(existsSync(`${dir}/docs`)).toBe(false);
  }, 60_000);

  it('what the engine needs is still required: no message, no phrases', async () => {
    const dir = project('id: uptime-rock-solid\nkind: phrase\n');
    const r = await runMain(['rules', 'validate', `${dir}/our-rules`]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/missing required key "message"/);
    expect(r.err).toMatch(/missing required key "phrases"/);
    expect(r.err).not.toMatch(/"description"|"rationale"|"severity"|"category"/);
  }, 60_000);
});
