// User keys never reach Object.prototype (issue 17): a rule id "constructor", a severity table
// without it, fact keys "__proto__" and "constructor", a phrase word "constructor".
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/api.js';
import { loadConfigFile } from '../../src/config/load.js';
import { mergeFacts } from '../../src/config/overrides.js';
import { fillTemplate } from '../../src/engine/message.js';
import { inflections } from '../../src/text/inflect.js';
import { tempTree } from '../helpers/tree.js';

const project = (files: Record<string, string>): string => tempTree(files, 'pitchlint-proto-');

const RULE = [
  'id: constructor',
  'kind: phrase',
  'severity: warning',
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

describe('prototype keys', { timeout: 60_000 }, () => {
  it('a rule id "constructor" has its own message and severity', async () => {
    const dir = project({ '.pitchlintrc.yaml': 'extends: [./team]\n', 'team/constructor.yaml': RULE });
    const r = await lintText('Our crews always arrive on time.\n', { cwd: dir, filePath: join(dir, 'd.txt') });
    const f = r.findings.find((x) => x.ruleId === 'constructor');
    expect(f?.message).toBe('"arrive on time" promises punctuality.');
    expect(f?.severity).toBe('warning');
    expect(r.findings.map((x) => x.message).join('\n')).not.toMatch(/native code/);
  });

  it('config tables are null-prototype: "constructor" and "__proto__" are plain keys', async () => {
    const dir = project({
      '.pitchlintrc.yaml': 'rules: {}\nfacts:\n  constructor: acme\n  delivery.typical: 2 days\n',
    });
    const config = await loadConfigFile(join(dir, '.pitchlintrc.yaml'));
    expect(config.rules.constructor).toBeUndefined();
    expect(config.facts.constructor).toBe('acme');
    const merged = mergeFacts(config.facts, JSON.parse('{"__proto__": {"polluted": "yes"}, "toString": "x"}'));
    expect(Object.keys(merged).sort()).toEqual(['__proto__', 'constructor', 'delivery.typical', 'toString']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('message captures and inflections ignore inherited names', () => {
    expect(fillTemplate('{constructor} and {match}', { match: 'always' })).toBe('{constructor} and always');
    expect(inflections('constructor')).toContain('constructors');
  });
});
