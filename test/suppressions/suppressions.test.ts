// Inline suppression directives in Markdown, HTML and plain text (issue 5, part 2).
import { beforeAll, describe, expect, it } from 'vitest';
import { lintText } from '../../src/api.js';
import { parseDirectives } from '../../src/suppressions/directives.js';
import { isDirectiveLine, parseDirectiveBody } from '../../src/inputs/prose/directive-syntax.js';
import type { Finding } from '../../src/shared/types.js';
import { CI_CONFIG, ciConfig } from '../helpers/ci-fixtures.js';
import { cli, ensureBuilt, tempTree } from '../helpers/cli.js';

const G = 'Results are guaranteed within the first month.';
const A = 'Our crews always arrive on time.';

const lint = async (text: string, filePath: string, unused = false): Promise<Finding[]> =>
  (await lintText(text, { filePath, configFile: CI_CONFIG, reportUnusedDisableDirectives: unused })).findings;
const rulesAt = (findings: Finding[], line: number): string[] =>
  findings.filter((f) => f.start.line === line).map((f) => f.ruleId);

describe('directive syntax', () => {
  it('parses kinds, rule lists and reasons', () => {
    expect(parseDirectiveBody('pitchlint-disable-next-line ci-guarantee -- SLA in annex B')).toEqual({
      kind: 'disable-next-line',
      rules: ['ci-guarantee'],
      reason: 'SLA in annex B',
    });
    expect(parseDirectiveBody(' pitchlint-disable a, b c -- why -- really ')).toEqual({
      kind: 'disable',
      rules: ['a', 'b', 'c'],
      reason: 'why -- really',
    });
    expect(parseDirectiveBody('pitchlint-disable-file')).toEqual({ kind: 'disable-file', rules: [] });
    expect(parseDirectiveBody('pitchlint-enable')).toEqual({ kind: 'enable', rules: [] });
    expect(parseDirectiveBody('pitchlint-disable-file --')).toEqual({ kind: 'disable-file', rules: [] });
    expect(parseDirectiveBody('pitchlint-disabled x')).toBeUndefined();
    expect(parseDirectiveBody('see pitchlint-disable x')).toBeUndefined();
  });

  it('recognises plain-text directive lines, bare or after a comment leader', () => {
    for (const line of [
      'pitchlint-disable-next-line x -- y',
      '  # pitchlint-disable x -- y',
      '// pitchlint-enable x',
      '; pitchlint-disable-file -- y',
      '<!-- pitchlint-disable-next-line x -- y -->',
    ]) {
      expect(isDirectiveLine(line), line).toBe(true);
    }
    for (const line of ['We use pitchlint-disable rarely.', 'pitchlint-disabled', '> pitchlint-disable x'])
      expect(isDirectiveLine(line), line).toBe(false);
  });

  it('finds Markdown directives in HTML comments but not inside code', async () => {
    const md = [
      '<!-- pitchlint-disable-file -- ok -->',
      '',
      '```html',
      '<!-- pitchlint-disable-next-line x -- example -->',
      '```',
      '',
      'Use `<!-- pitchlint-disable x -->` inline.',
      '',
    ].join('\n');
    const ds = await parseDirectives(md, 'markdown');
    expect(ds.map((d) => [d.kind, d.line])).toEqual([['disable-file', 1]]);
  });

  it('finds multi-line HTML comments with their end line', async () => {
    const html =
      '<p>x</p>\n<!--\n  pitchlint-disable-next-line ci-guarantee\n  -- signed SLA\n-->\n<p>y</p>\n<script>// <!-- pitchlint-disable-file -- no --></script>';
    const ds = await parseDirectives(html, 'html');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({
      kind: 'disable-next-line',
      rules: ['ci-guarantee'],
      reason: 'signed SLA',
      line: 2,
      endLine: 5,
    });
  });
});

describe('Markdown', () => {
  it('disable-next-line suppresses only the named rule on the next line', async () => {
    const md = `<!-- pitchlint-disable-next-line ci-guarantee -- annex B SLA -->\n${G} ${A}\n\n${G}\n`;
    const f = await lint(md, 'p.md');
    expect(rulesAt(f, 2)).toEqual(['ci-always']);
    expect(rulesAt(f, 4)).toEqual(['ci-guarantee']);
  });

  it('disable … enable covers a range, per rule and for all rules', async () => {
    const md = [
      `${A}`, // 1: reported
      '',
      '<!-- pitchlint-disable ci-always -- customer testimonial -->', // 3
      `${A} ${G}`, // 4: only guarantee reported
      '',
      '<!-- pitchlint-enable ci-always -->', // 6
      '',
      `${A}`, // 8: reported
      '',
      '<!-- pitchlint-disable -- legal clause quoted verbatim -->', // 10
      `${A} ${G}`, // 11: nothing
      '<!-- pitchlint-enable ci-guarantee -->', // 12
      '',
      `${A} ${G}`, // 14: only guarantee reported (all disabled, guarantee re-enabled)
      '<!-- pitchlint-enable -->', // 15
      '',
      `${A}`, // 17: reported
      '',
    ].join('\n');
    const f = await lint(md, 'p.md');
    expect(rulesAt(f, 1)).toEqual(['ci-always']);
    expect(rulesAt(f, 4)).toEqual(['ci-guarantee']);
    expect(rulesAt(f, 8)).toEqual(['ci-always']);
    expect(rulesAt(f, 11)).toEqual([]);
    expect(rulesAt(f, 14)).toEqual(['ci-guarantee']);
    expect(rulesAt(f, 17)).toEqual(['ci-always']);
  });

  it('disable-file with a rule list keeps the other rules; without a list it silences everything', async () => {
    const body = `# Title\n\n${A}\n\n${G}\n`;
    const some = await lint(`<!-- pitchlint-disable-file ci-always -- review quotes -->\n${body}`, 'p.md');
    expect(some.map((f) => f.ruleId)).toEqual(['ci-guarantee']);
    const all = await lint(
      `${body}\n<!-- pitchlint-disable-file -- archived template, kept for reference -->\n`,
      'p.md',
    );
    expect(all).toEqual([]);
  });

  it('a directive without a reason still works but is a warning of its own', async () => {
    const md = `<!-- pitchlint-disable-next-line ci-guarantee -->\n${G}\n`;
    const f = await lint(md, 'p.md');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      ruleId: 'pitchlint/directive-reason',
      severity: 'warning',
      category: 'directive',
      start: { line: 1, column: 1 },
    });
  });

  it('reports unused directives only with reportUnusedDisableDirectives', async () => {
    const md = [
      '<!-- pitchlint-disable-next-line ci-speed -- nothing fast here -->',
      `${G}`,
      '',
      '<!-- pitchlint-disable-next-line ci-guarantee, ci-forever -- SLA -->',
      `${G}`,
      '',
      '<!-- pitchlint-disable -- all -->',
      'Thank you for your time.',
      '<!-- pitchlint-enable -->',
      '',
    ].join('\n');
    expect((await lint(md, 'p.md')).map((f) => f.ruleId)).toEqual(['ci-guarantee']);
    const f = await lint(md, 'p.md', true);
    const unused = f.filter((x) => x.ruleId === 'pitchlint/unused-disable-directive');
    expect(unused.map((x) => x.start.line)).toEqual([1, 4, 7]);
    expect(unused[1]!.message).toContain('"ci-forever"');
    expect(unused[1]!.message).not.toContain('ci-guarantee');
    expect(unused.every((x) => x.severity === 'error')).toBe(true);
  });
});

describe('HTML', () => {
  it('supports next-line, same-line and range comments', async () => {
    const html = [
      '<html><body>',
      '<!-- pitchlint-disable-next-line ci-guarantee -- SLA -->',
      `<p>${G}</p>`,
      `<p>${G} <!-- pitchlint-disable-line -- quoted from the signed contract --></p>`,
      `<p>${G}</p>`,
      '<!-- pitchlint-disable ci-always -- testimonial -->',
      `<blockquote>${A}</blockquote>`,
      '<!-- pitchlint-enable ci-always -->',
      `<p>${A}</p>`,
      '</body></html>',
    ].join('\n');
    const f = await lint(html, 'q.html');
    expect(f.map((x) => [x.start.line, x.ruleId])).toEqual([
      [5, 'ci-guarantee'],
      [9, 'ci-always'],
    ]);
  });
});

describe('plain text', () => {
  it('accepts bare, # and // directive lines, and never lints the directive line as prose', async () => {
    const txt = [
      'Hello Dana,',
      '',
      '# pitchlint-disable-next-line ci-guarantee -- we always guarantee this, per the SLA',
      G,
      '',
      '// pitchlint-disable-next-line ci-always -- customer review',
      A,
      '',
      'pitchlint-disable-next-line -- quoted from the signed order form',
      `${G} ${A}`,
      '',
      G,
      '',
    ].join('\n');
    const f = await lint(txt, 'e.txt');
    // Lines 3, 6 and 9 contain "always" and "guarantee" but are directives, not prose.
    expect(f.map((x) => [x.start.line, x.ruleId])).toEqual([[12, 'ci-guarantee']]);
  });

  it('a directive line splits the paragraph it stands in', async () => {
    const txt = `Thank you for the call.\n# pitchlint-disable-next-line ci-guarantee -- SLA\n${G}\nWe will send the notes.\n`;
    expect(await lint(txt, 'e.txt')).toEqual([]);
  });

  it('ranges and whole-file directives work in plain text too', async () => {
    const txt = ['pitchlint-disable ci-guarantee -- legal wording', G, 'pitchlint-enable ci-guarantee', G, ''].join(
      '\n',
    );
    expect((await lint(txt, 'e.txt')).map((x) => x.start.line)).toEqual([4]);
    expect(await lint(`${G}\n\n; pitchlint-disable-file -- template archive\n`, 'e.txt')).toEqual([]);
  });

  it('HTML comments in a .txt file are directives too (on their own line)', async () => {
    expect(await lint(`<!-- pitchlint-disable-next-line -- signed SLA -->\n${G}\n`, 'e.txt')).toEqual([]);
  });
});

describe('on the CLI', { timeout: 180_000 }, () => {
  beforeAll(() => ensureBuilt(), 300_000);

  it('--report-unused-disable-directives fails the run on a stale directive; reasons are warnings', () => {
    const dir = tempTree({
      '.pitchlintrc.yaml': ciConfig(),
      'a.md': `<!-- pitchlint-disable-next-line ci-guarantee -->\n${G}\n\n<!-- pitchlint-disable-next-line ci-speed -- nothing fast -->\nThank you.\n`,
    });
    const plain = cli(['--format', 'compact', 'a.md'], { cwd: dir });
    expect(plain.status).toBe(0);
    expect(plain.stdout.trim()).toBe(
      'a.md:1:1: pitchlint-disable-next-line needs a reason: add " -- " and why this exception is acceptable. [warning/pitchlint/directive-reason]',
    );
    const strict = cli(['--format', 'compact', '--report-unused-disable-directives', 'a.md'], { cwd: dir });
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain(
      'a.md:4:1: Unused pitchlint-disable-next-line directive (no findings for "ci-speed"). [error/pitchlint/unused-disable-directive]',
    );
    const sarif = JSON.parse(
      cli(['--format', 'sarif', '--report-unused-disable-directives', 'a.md'], { cwd: dir }).stdout,
    );
    const ids = sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['pitchlint/directive-reason', 'pitchlint/unused-disable-directive']));
  });
});
