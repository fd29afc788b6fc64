// schema/rule.schema.json, schema/pack.schema.json and schema/config.schema.json: valid JSON
// Schema (draft-07), and they accept what pitchlint ships and what its docs show.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/shared/yaml-source.js';
import { validateAgainstSchema } from '../../src/shared/validate.js';
import { ROOT } from './helpers.js';

const yaml = (text: string, file = 'x.yaml') => parseYaml(text, file);

describe('schemas', () => {
  it('compile under Ajv strict mode', async () => {
    const { default: Ajv } = (await import('ajv')) as unknown as { default: new (o: object) => { compile(s: object): unknown } };
    for (const name of ['rule', 'pack', 'config']) {
      const schema = JSON.parse(readFileSync(join(ROOT, 'schema', `${name}.schema.json`), 'utf8')) as object;
      expect(() => new Ajv({ strict: false, allErrors: true }).compile(schema), name).not.toThrow();
    }
  });

  it('every built-in pack.yaml is valid', async () => {
    for (const pack of ['recommended', 'strict', 'finance']) {
      const file = join(ROOT, 'rules', pack, 'pack.yaml');
      expect(await validateAgainstSchema(yaml(readFileSync(file, 'utf8'), file), 'pack'), pack).toEqual([]);
    }
  });

  it('accepts a full configuration with facts in every documented shape', async () => {
    const config = `extends: [recommended, finance, "@acme/pitchlint-rules", ./our-pack]
rules:
  tone-trust-me: off
  finance-risk-free: warning
rulesDirs: [house-rules]
facts:
  delivery.typical: { value: 2 business days, source: Q3 ops report, expires: 2027-03-31 }
  delivery:
    overnight_share: 1%
  uptime.sla: "99.9% monthly"
  principal.terms:
    value: repaid at maturity on 1 March 2030, subject to the issuer's credit risk
    note: structured note ABC only
overrides:
  - files: "templates/legal/**"
    rules: { pressure-fomo: off }
    facts: { price.valid_until: June 30 }
`;
    expect(await validateAgainstSchema(yaml(config), 'config')).toEqual([]);
  });

  it('says "did you mean" for a misspelled config key and rejects a bad fact', async () => {
    const problems = await validateAgainstSchema(yaml('extend: strict\nfacts:\n  delivery.typical: { value: 2 days, expires: [2027] }\n', 'c.yaml'), 'config');
    expect(problems.map((p) => `${p.where}: ${p.message}`)).toContain('c.yaml:1:1: unknown key "extend" (did you mean "extends"?)');
    expect(problems.some((p) => p.where.startsWith('c.yaml:3:'))).toBe(true);
  });

  it('every built-in rule file starts with the yaml-language-server $schema line', () => {
    for (const pack of ['strict', 'finance']) {
      for (const f of readdirSync(join(ROOT, 'rules', pack))) {
        const first = readFileSync(join(ROOT, 'rules', pack, f), 'utf8').split('\n')[0];
        const schema = f === 'pack.yaml' ? 'pack' : 'rule';
        expect(first, `${pack}/${f}`).toBe(`# yaml-language-server: $schema=../../schema/${schema}.schema.json`);
      }
    }
  });
});
