// `rules test` and rewrites (Finding.rewrite, built by the rewrites feature): an example's
// expected `rewrite` is compared when the engine produced one, and a rewrite that the rule
// flags again fails the rule. Rewrites are replaced here by known ones (wrapping lintBytes), so
// the test does not depend on the rewrite engine's wording.
import { describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../src/shared/types.js';

vi.mock('../../src/runner/lint-file.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/runner/lint-file.js')>();
  return {
    ...real,
    lintBytes: async (...args: Parameters<typeof real.lintBytes>) => {
      const result = await real.lintBytes(...args);
      const rewrite = (f: Finding): string | undefined =>
        f.ruleId === 'clean-rewrite'
          ? f.sentence.replace(/guaranteed/i, 'typically delivered')
          : f.ruleId === 'dirty-rewrite'
            ? f.sentence.replace(/guaranteed/i, 'guaranteed, always')
            : undefined;
      const withRewrite = (f: Finding): Finding => {
        const { rewrite: _engine, ...rest } = f;
        const r = rewrite(f);
        return f.ruleId === 'no-rewrite' ? rest : r ? { ...f, rewrite: r } : f;
      };
      return { ...result, findings: result.findings.map(withRewrite) };
    },
  };
});

const { rulesTest } = await import('../../src/authoring/commands.js');
const { capture, ruleYaml, tempTree } = await import('./helpers.js');

describe('rules test with rewrites', () => {
  it('passes when the rewrite matches the example and re-lints clean', async () => {
    const dir = tempTree({
      'c.yaml': ruleYaml('clean-rewrite', '', 'examples:\n  flag:\n    - text: Results guaranteed.\n      rewrite: Results typically delivered.\n  pass: [Results vary.]\n'),
    });
    const r = await capture((io) => rulesTest([dir], { cwd: dir }, io));
    expect(r.out).toContain('✓ clean-rewrite');
    expect(r.code).toBe(0);
  });

  it('fails when the rewrite differs from the expected one', async () => {
    const dir = tempTree({
      'c.yaml': ruleYaml('clean-rewrite', '', 'examples:\n  flag:\n    - text: Results guaranteed.\n      rewrite: Results usually arrive.\n  pass: [Results vary.]\n'),
    });
    const r = await capture((io) => rulesTest([dir], { cwd: dir }, io));
    expect(r.code).toBe(1);
    expect(r.out).toContain('        expected: rewrite "Results usually arrive."\n        actual:   rewrite "Results typically delivered."');
  });

  it("fails a rule whose rewrite of its own flag example is flagged again", async () => {
    const dir = tempTree({ 'd.yaml': ruleYaml('dirty-rewrite') });
    const r = await capture((io) => rulesTest([dir], { cwd: dir }, io));
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      '        expected: its rewrite "guaranteed, always results for every client." is not flagged again\n        actual:   the rewrite is flagged again at "guaranteed"',
    );
  });

  it('skips the rewrite comparison when the engine made no rewrite', async () => {
    const dir = tempTree({
      'n.yaml': ruleYaml('no-rewrite', '', 'examples:\n  flag:\n    - text: Results guaranteed.\n      rewrite: Something else entirely.\n  pass: [Results vary.]\n'),
    });
    const r = await capture((io) => rulesTest([dir], { cwd: dir }, io));
    expect(r.out).toContain('✓ no-rewrite');
    expect(r.code).toBe(0);
  });
});
