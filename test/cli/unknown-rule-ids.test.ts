// An unknown rule id names the file and line where it is written: in a config's `rules:`, in an
// override's `rules:` (exit 2, a configuration error), and in a suppression directive (a warning
// at the directive, as ESLint's "Definition for rule ... was not found").
import { describe, expect, it } from 'vitest';
import { runMain, tempTree } from '../authoring/helpers.js';

const DRAFT = 'Rush orders ship overnight to every site.\n';

describe('unknown rule ids in a config', () => {
  it('under rules: the config file, line and column of the id, and a did-you-mean', async () => {
    const dir = tempTree({
      '.pitchlintrc.yaml': 'extends: recommended\nrules:\n  pressure-urgency: error\n  speed-certian: "off"\n',
      'draft.txt': DRAFT,
    });
    const r = await runMain([`${dir}/draft.txt`]);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(
      `pitchlint: ${dir}/.pitchlintrc.yaml:4:3: unknown rule "speed-certian" in rules settings (did you mean "speed-certain"?)`,
    );
  }, 60_000);

  it("under an override's rules: the line in that override", async () => {
    const dir = tempTree({
      '.pitchlintrc.yaml':
        'rules:\n  speed-certain: error\noverrides:\n  - files: ["legal/**"]\n    rules:\n      absolute-always-never: "off"\n  - files: ["*.txt"]\n    rules:\n      pricing-promise: warning\n',
      'draft.txt': DRAFT,
    });
    const r = await runMain([`${dir}/draft.txt`]);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(
      `pitchlint: ${dir}/.pitchlintrc.yaml:9:7: unknown rule "pricing-promise" in rules settings`,
    );
    expect(r.err).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('a file the override does not cover is not affected by its typo', async () => {
    const dir = tempTree({
      '.pitchlintrc.yaml': 'overrides:\n  - files: ["legal/**"]\n    rules:\n      pricing-promise: warning\n',
      'draft.txt': DRAFT,
    });
    const r = await runMain(['--format', 'compact', `${dir}/draft.txt`]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/speed-certain/);
  }, 60_000);
});

describe('unknown rule ids in a suppression directive', () => {
  const lint = async (
    files: Record<string, string>,
    extra: string[] = [],
  ): Promise<{ code: number; lines: string[] }> => {
    const dir = tempTree(files);
    const r = await runMain(['--format', 'compact', ...extra, ...Object.keys(files).map((f) => `${dir}/${f}`)]);
    return {
      code: r.code,
      lines: r.out
        .trim()
        .split('\n')
        .map((l) => l.replace(/^[^:]*\//, '')),
    };
  };

  it('Markdown: a warning at the directive, with a did-you-mean; the finding stays', async () => {
    const r = await lint({
      'terms.md':
        '# Terms\n\nRush orders ship overnight. <!-- pitchlint-disable-line speed-certian -- the courier contract -->\n',
    });
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      'terms.md:3:13: "ship overnight" states a speed as certain. [warning/speed-certain]',
      'terms.md:3:29: Definition for rule "speed-certian" was not found (did you mean "speed-certain"?). [warning/pitchlint/unknown-rule]',
    ]);
  }, 60_000);

  it('plain text, in a list with a known id: only the unknown one is reported', async () => {
    const r = await lint({
      'reply.txt':
        'Hi Dana,\n\n# pitchlint-disable-next-line absolute-always-never, pricing-promise -- agreed in the order form\nWe always ship overnight.\n',
    });
    expect(r.lines.filter((l) => /unknown-rule/.test(l))).toEqual([
      'reply.txt:3:1: Definition for rule "pricing-promise" was not found. [warning/pitchlint/unknown-rule]',
    ]);
    expect(r.lines.some((l) => /absolute-always-never\]$/.test(l))).toBe(false);
  }, 60_000);

  it('an id turned off in the config is known; an unknown id is not reported again as unused', async () => {
    const r = await lint(
      {
        '.pitchlintrc.yaml': 'rules:\n  pressure-urgency: "off"\n',
        'a.md': 'Act now. <!-- pitchlint-disable-line pressure-urgency, pressure-urgnecy -- a quoted ad -->\n',
      },
      ['--report-unused-disable-directives'],
    );
    const mine = r.lines.filter((l) => l.startsWith('a.md'));
    expect(mine).toContain(
      'a.md:1:10: Definition for rule "pressure-urgnecy" was not found (did you mean "pressure-urgency"?). [warning/pitchlint/unknown-rule]',
    );
    expect(mine.join('\n')).not.toMatch(/pressure-urgency"?\)?\. \[warning\/pitchlint\/unknown-rule/);
    expect(mine.filter((l) => /unused-disable-directive/.test(l))).toEqual([
      'a.md:1:10: Unused pitchlint-disable-line directive (no findings for "pressure-urgency"). [error/pitchlint/unused-disable-directive]',
    ]);
  }, 60_000);
});
