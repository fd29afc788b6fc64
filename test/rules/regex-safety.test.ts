// Every user-supplied regex runs on RE2 (issue 17): /regex/ terms in `kind: pattern` and
// `csvColumns` entries hung a run on a catastrophic pattern; now they run in linear time, and an
// expression RE2 cannot run is the same clear error as in `kind: regex`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/load.js';
import { columnMatcher } from '../../src/inputs/formats/csv.js';
import { loadRuleFile } from '../../src/rules/loader.js';
import { compileSafeRegex, patternRegexTerms } from '../../src/rules/regex-safety.js';
import { ConfigError } from '../../src/shared/errors.js';
import { flagged, lint, ruleSetOf } from '../engine/helpers.js';

const EVIL = '^(a+)+b$';
const scratch = (): string => mkdtempSync(join(tmpdir(), 'pitchlint-regex-'));

describe('compileSafeRegex', () => {
  it('runs a catastrophic expression in linear time', () => {
    const re = compileSafeRegex(EVIL);
    const t0 = performance.now();
    // A backtracking engine needs about 2^5000 steps here; RE2 a few milliseconds (seconds on a loaded machine).
    expect(re.test(`${'a'.repeat(5_000)}c`)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(15_000);
    expect(re.test('aaab')).toBe(true);
  });

  it('refuses what needs backtracking with the kind: regex message', () => {
    expect(() => compileSafeRegex('(a)\\1', '', 'where.yaml:3:4')).toThrow(ConfigError);
    expect(() => compileSafeRegex('(?=a)b')).toThrow(/lookahead .* linear-time \(RE2\)/);
    expect(() => compileSafeRegex('(a')).toThrow(/invalid regex/);
  });

  it('finds the /regex/ terms of a pattern', () => {
    expect(patternRegexTerms('we /^(a+)+b$/ (#Verb|/x\\/y/) ship')).toEqual([
      { source: '^(a+)+b$', offset: 3 },
      { source: 'x\\/y', offset: 21 },
    ]);
  });
});

describe('kind: pattern with /regex/ terms', { timeout: 60_000 }, () => {
  it('a catastrophic term neither hangs nor stops matching', async () => {
    const rules = await ruleSetOf({
      kind: 'pattern',
      pattern: `always /${EVIL.replace('b$', 'd$')}/`,
      triggers: ['always'],
    });
    // On JavaScript's engine this term takes about 2^40 steps: the test would time out.
    const text = `Our team always ${'a'.repeat(40)}x before launch.`;
    expect(flagged(await lint(text, rules))).toEqual([]);
    expect(flagged(await lint('Our team always aaad before launch.', rules))).toEqual(['test-rule-1: always aaad']);
  });

  it('a term RE2 cannot run is a load error with its position', async () => {
    const dir = scratch();
    const file = join(dir, 'r.yaml');
    writeFileSync(
      file,
      [
        'id: look-around',
        'kind: pattern',
        'severity: warning',
        'category: absolute',
        "message: 'm'",
        'description: d',
        'rationale: r',
        "pattern: 'always /(?=x)y/'",
        'triggers: [always]',
        'examples:',
        '  flag: [We always y.]',
        '  pass: [We y.]',
        '',
      ].join('\n'),
    );
    const e = await loadRuleFile(file, 'team').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as Error).message).toMatch(/r\.yaml:8:\d+: \/\(\?=x\)y\/: lookahead/);
  });
});

describe('csvColumns', () => {
  it('a catastrophic column regex runs in linear time', () => {
    const isText = columnMatcher([`/${EVIL}/`, 'notes*']);
    const t0 = performance.now();
    expect(isText(`${'a'.repeat(5_000)}c`)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(15_000);
    expect(isText('AAB')).toBe(true);
    expect(isText('Notes for client')).toBe(true);
  });

  it('a column regex RE2 cannot run is a config error at its position', async () => {
    const dir = scratch();
    writeFileSync(join(dir, '.pitchlintrc.yaml'), 'csvColumns:\n  - notes\n  - "/(\\\\w)\\\\1/"\n');
    const e = await loadConfigFile(join(dir, '.pitchlintrc.yaml')).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as Error).message).toMatch(/\.pitchlintrc\.yaml:3:5: \/\(\\w\)\\1\/: backreference/);
  });
});
