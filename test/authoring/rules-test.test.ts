// `pitchlint rules test`: examples run like a test runner; a failing example exits 1 with the
// summary line "N passed, N failed".
import { describe, expect, it } from 'vitest';
import { rulesTest } from '../../src/authoring/commands.js';
import { sameWords } from '../../src/authoring/tester.js';
import { capture, ROOT, ruleYaml, runMain, tempTree } from './helpers.js';

const SUMMARY = /^(\d+) passed, (\d+) failed$/m;

describe('rules test', () => {
  it('passes a rule whose examples hold, and prints ✓ and the summary', async () => {
    const dir = tempTree({ 'ok.yaml': ruleYaml('ok-rule') });
    const r = await capture((io) => rulesTest([dir], { cwd: dir }, io));
    expect(r.code).toBe(0);
    expect(r.out).toContain('  ✓ ok-rule (2 examples)');
    expect(r.out).toMatch(/^2 examples checked in 1 rules$/m);
    expect(r.out.trim().split('\n').at(-1)).toBe('1 passed, 0 failed');
  });

  it('fails a rule with a pass example it flags: exit 1, the sentence, expected and actual', async () => {
    const dir = tempTree({
      'ok.yaml': ruleYaml('ok-rule'),
      'bad.yaml': ruleYaml('bad-rule', '', 'examples:\n  flag: [Guaranteed uptime.]\n  pass: [Delivery is guaranteed by Friday.]\n'),
    });
    const r = await capture((io) => rulesTest([dir], { cwd: dir }, io));
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      [
        '  ✗ bad-rule (2 examples, 1 failed)',
        '      pass[0]: "Delivery is guaranteed by Friday."',
        '        expected: not flagged',
        '        actual:   flagged at "guaranteed"',
      ].join('\n'),
    );
    expect(SUMMARY.exec(r.out)?.slice(1)).toEqual(['1', '1']);
    expect(r.out.trim().split('\n').at(-1)).toBe('1 passed, 1 failed');
  });

  it('says which guard suppressed a flag example', async () => {
    const dir = tempTree({
      'g.yaml': ruleYaml('guarded-rule', 'unless: [negated]\n', "examples:\n  flag: [We can't say results are guaranteed.]\n  pass: [Results vary.]\n"),
    });
    const r = await capture((io) => rulesTest([dir], { cwd: dir }, io));
    expect(r.code).toBe(1);
    expect(r.out).toContain('        actual:   not flagged: "guaranteed" was suppressed by the "negated" guard');
  });

  it('checks the expected match words', async () => {
    const dir = tempTree({
      'm.yaml': ruleYaml('match-rule', '', 'examples:\n  flag:\n    - text: Results are guaranteed.\n      match: results are guaranteed\n  pass: [Results vary.]\n'),
    });
    const r = await capture((io) => rulesTest([dir], { cwd: dir }, io));
    expect(r.code).toBe(1);
    expect(r.out).toContain('        expected: flagged at "results are guaranteed"\n        actual:   flagged at "guaranteed"');
  });

  it('fails a rule with no examples', async () => {
    const dir = tempTree({ 'n.yaml': ruleYaml('no-examples', '', '') });
    const r = await capture((io) => rulesTest([dir], { cwd: dir }, io));
    expect(r.code).toBe(1);
    expect(r.out).toContain('      examples\n        expected: at least one flag and one pass example\n        actual:   0 flag, 0 pass');
  });

  it('a rule file that does not load is a failure with its error, and exit 2', async () => {
    const dir = tempTree({ 'ok.yaml': ruleYaml('ok-rule'), 'broken.yaml': ruleYaml('broken-rule').replace('kind: phrase', 'kind: phrse') });
    const r = await capture((io) => rulesTest([dir], { cwd: dir }, io));
    expect(r.code).toBe(2);
    expect(r.out).toContain('  ✗ broken.yaml cannot be loaded\n      broken.yaml:2:7: "kind" must be one of: phrase, substitute, pattern, commitment, regex (did you mean "phrase"?)');
    expect(r.out.trim().split('\n').at(-1)).toBe('1 passed, 1 failed');
  });

  it('through the CLI: a failing example exits 1 with the summary line', async () => {
    const dir = tempTree({ 'bad.yaml': ruleYaml('bad-rule', '', 'examples:\n  flag: [Results vary.]\n  pass: [Results vary.]\n') });
    const r = await runMain(['rules', 'test', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^0 passed, 1 failed$/m);
    expect(r.out).toContain('      flag[0]: "Results vary."\n        expected: flagged\n        actual:   not flagged (the rule found no match)');
  });

  it('defaults to the configured packs and accepts built-in pack names', async () => {
    const dir = tempTree({ '.pitchlintrc.yaml': 'extends: finance\n' });
    const r = await capture((io) => rulesTest([], { cwd: dir }, io));
    expect(r.out).toMatch(/^finance /m);
    expect(r.out).not.toMatch(/^recommended /m);
    const named = await capture((io) => rulesTest(['finance'], { cwd: ROOT }, io));
    expect(named.out).toMatch(/^finance rules\/finance$/m);
  });
});

describe('sameWords', () => {
  it('ignores case, spacing, curly quotes and surrounding punctuation', () => {
    expect(sameWords('“Guaranteed,”', 'guaranteed')).toBe(true);
    expect(sameWords('will  have', 'Will have')).toBe(true);
    expect(sameWords('will have', 'will')).toBe(false);
  });
});
