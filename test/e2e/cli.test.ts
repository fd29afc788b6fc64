// End-to-end: the built CLI on the bundled fixtures and on bad input, as a rep or CI runs it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, lintJson, positionOf, ROOT, tempTree } from '../helpers/cli.js';

const proposal = readFileSync(join(ROOT, 'fixtures/proposal.md'), 'utf8');

describe('linting the bundled fixtures', () => {
  const run = lintJson(['fixtures/proposal.md', 'fixtures/email.txt', 'fixtures/quote.txt']);
  const byFile = (name: string) => run.results.find((r) => r.filePath.endsWith(name))!;

  it('exits 1 because the drafts contain error-level overpromises', () => {
    expect(run.status).toBe(1);
    expect(run.results).toHaveLength(3);
    for (const r of run.results) expect(r.filePath).toBe(join(ROOT, 'fixtures', r.filePath.split('/').at(-1)!));
  });

  it('points at the exact words inside Markdown emphasis', () => {
    const msgs = byFile('proposal.md').messages;
    const always = positionOf(proposal, 'always**', 'Our crews');
    const hit = msgs.find((m) => m.line === always.line && m.column === always.column);
    expect(hit, JSON.stringify(msgs, null, 1)).toBeDefined();
    expect(hit!.category).toBe('absolute');
    const guaranteed = positionOf(proposal, 'guaranteed_', 'project is');
    expect(
      msgs.some((m) => m.line === guaranteed.line && m.column === guaranteed.column && m.category === 'guarantee'),
    ).toBe(true);
  });

  it('points at words inside a table cell', () => {
    const sameDay = positionOf(proposal, 'Same-day');
    expect(byFile('proposal.md').messages.some((m) => m.line === sameDay.line && m.column === sameDay.column)).toBe(
      true,
    );
  });

  it('does not lint front matter, code blocks, inline code, URLs or HTML comments', () => {
    const lines = proposal.split('\n');
    const skipped = new Set<number>();
    lines.forEach((l, i) => {
      if (/^(---|title:|prepared_by:|guaranteed:|eta:|# code blocks|<!--|Inline code)/.test(l)) skipped.add(i + 1);
    });
    for (const m of byFile('proposal.md').messages) {
      expect(skipped.has(m.line), `${m.line}:${m.column} ${m.message}`).toBe(false);
      expect(m.message).not.toMatch(/always_on_time|always-on-time/);
    }
  });

  it('leaves look-alikes alone: hedged, past with numbers, own next action, customer words, courtesies', () => {
    const all = run.results.flatMap((r) => r.messages.map((m) => ({ file: r.filePath, ...m })));
    const quietLines = [
      ['proposal.md', 'You mentioned that the'],
      ['proposal.md', 'We typically survey'],
      ['proposal.md', 'Last year we completed'],
      ['proposal.md', "I'll send the revised layout"],
      ['proposal.md', 'Subject to steel availability'],
      ['email.txt', 'Always happy to answer'],
      ['email.txt', 'We typically onboard'],
      ['email.txt', "I'll call you Tuesday"],
      ['email.txt', 'What time works best'],
      ['quote.txt', 'Estimated production time'],
      ['quote.txt', 'Historically, 97%'],
    ] as const;
    for (const [file, text] of quietLines) {
      const content = readFileSync(join(ROOT, 'fixtures', file), 'utf8');
      const { line } = positionOf(content, text);
      const hits = all.filter(
        (m) => m.file.endsWith(file) && m.line === line && m.column >= positionOf(content, text).column,
      );
      expect(
        hits.map((h) => h.message),
        `${file}: ${text}`,
      ).toEqual([]);
    }
  });

  it('gives every message ESLint fields plus category and suggestion', () => {
    for (const r of run.results) {
      expect(r.errorCount).toBe(r.messages.filter((m) => m.severity === 2).length);
      for (const m of r.messages) {
        expect(m.ruleId).toMatch(/^[a-z][a-z0-9-]+$/);
        expect([1, 2]).toContain(m.severity);
        expect(m.endLine * 10_000 + m.endColumn).toBeGreaterThan(m.line * 10_000 + m.column);
        expect(m.category).toMatch(/^(absolute|guarantee|commitment|speed|superlative|roadmap|pricing|pressure)$/);
        expect(typeof m.suggestion).toBe('string');
      }
    }
  });
});

describe('stylish output', () => {
  it('groups by file, shows line:column, the sentence with the flagged words, the suggestion and a summary', () => {
    const r = cli(['fixtures/quote.txt']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('fixtures/quote.txt');
    expect(r.stdout).toMatch(/^\s+\d+:\d+\s+(error|warning)\s+/m);
    expect(r.stdout).toContain('Your price will never go up');
    expect(r.stdout).toMatch(/\^{4,}/);
    expect(r.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?/);
    // eslint-disable-next-line no-control-regex -- an ANSI escape is what is being looked for
    expect(r.stdout).not.toMatch(/\u001b\[/); // NO_COLOR
  });

  it('prints nothing and exits 0 for a clean draft', () => {
    const dir = tempTree({
      'clean.txt': 'We typically ship within two business days.\nI will send the quote on Friday.\n',
    });
    const r = cli([dir]);
    expect(r).toMatchObject({ status: 0, stdout: '' });
  });

  it('uses color when forced', () => {
    const r = cli(['fixtures/quote.txt', '--color'], { env: { NO_COLOR: '' } });
    // eslint-disable-next-line no-control-regex -- an ANSI escape is what is being looked for
    expect(r.stdout).toMatch(/\u001b\[/);
  });
});

describe('standard input', () => {
  it('lints text from - under the --stdin-filename', () => {
    const r = lintJson(['--stdin-filename', 'draft.md', '-'], { input: 'Intro.\n\nWe **always** ship overnight.\n' });
    expect(r.status).not.toBe(2);
    expect(r.results).toHaveLength(1);
    expect(r.results[0]!.filePath).toBe(join(ROOT, 'draft.md'));
    const m = r.results[0]!.messages.find((x) => x.category === 'absolute' || x.category === 'speed');
    expect(m).toBeDefined();
    expect(m!.line).toBe(3);
  });
});

describe('bad input gets a one-line error, never a stack trace', () => {
  it('skips binary and non-UTF-8 files, lints the others, exits 1', () => {
    const dir = tempTree({
      'a-binary.txt': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10, 0x00]),
      'b-latin1.txt': Buffer.from('Caf\xe9 menus are guaranteed to arrive.', 'latin1'),
      'c-good.txt': 'We always ship overnight.\n',
    });
    const r = cli(['--format', 'json', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/a-binary\.txt: binary file/);
    expect(r.stderr).toMatch(/b-latin1\.txt: not valid UTF-8/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const results = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ fatal?: boolean }> }>;
    expect(results.find((x) => x.filePath.endsWith('c-good.txt'))!.messages.length).toBeGreaterThan(0);
  });

  it('names a path or glob that matches nothing and exits 2 after linting the rest', () => {
    const r = cli(['fixtures/quote.txt', 'no-such-folder/', 'drafts/**/*.md']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no files matching "no-such-folder/"');
    expect(r.stderr).toContain('no files matching "drafts/**/*.md"');
    expect(r.stdout).toContain('fixtures/quote.txt');
  });

  it('reports a broken rule file with its path, line and column, exit 2', () => {
    const dir = tempTree({
      'rules/bad.yaml':
        'id: my-rule\nkind: phrase\nseverity: eror\ncategory: absolute\nmessage: x\ndescription: x\nrationale: x\nphrases: [always]\n',
      'draft.txt': 'We always ship.\n',
    });
    const r = cli(['--rules', join(dir, 'rules'), join(dir, 'draft.txt')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /bad\.yaml:3:11: "severity" must be one of: error, warning, suggestion \(did you mean "error"\?\)/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports invalid YAML with its position', () => {
    const dir = tempTree({ 'rules/broken.yaml': 'id: x\nkind: [phrase\n', 'draft.txt': 'Hi.\n' });
    const r = cli(['--rules', join(dir, 'rules'), join(dir, 'draft.txt')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+: invalid YAML/);
  });

  it('rejects an unknown config key with did-you-mean', () => {
    const dir = tempTree({
      '.pitchlintrc.yaml': 'extends: recommended\nrule:\n  guarantee-outcome: off\n',
      'draft.txt': 'Hi.\n',
    });
    const r = cli([join(dir, 'draft.txt')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\.pitchlintrc\.yaml:2:1: unknown key "rule" \(did you mean "rules"\?\)/);
  });

  it('rejects an unknown format and an unknown option as usage errors', () => {
    expect(cli(['--format', 'xml', 'fixtures/']).status).toBe(2);
    const r = cli(['--frobnicate', 'fixtures/']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option/);
  });
});

describe('options', () => {
  it('--quiet reports errors only', () => {
    const r = lintJson(['--quiet', 'fixtures/email.txt']);
    expect(r.results[0]!.messages.length).toBeGreaterThan(0);
    expect(r.results[0]!.messages.every((m) => m.severity === 2)).toBe(true);
  });

  // A team's own pack: these tests do not depend on how the built-in rules are tuned.
  const TEAM_RULE = [
    'id: team-no-asap',
    'kind: phrase',
    'severity: warning',
    'category: speed',
    'message: \'"{match}" sets no date.\'',
    'description: Flags ASAP.',
    'rationale: ASAP means something different to every reader.',
    'suggestion: Give a date.',
    'phrases: [asap]',
    '',
  ].join('\n');

  it('--max-warnings turns warnings into a failing exit code', () => {
    const dir = tempTree({
      '.pitchlintrc.yaml': 'extends: []\nrulesDirs: [./team]\n',
      'team/no-asap.yaml': TEAM_RULE,
      'w.txt': 'Please send the signed form ASAP.\n',
    });
    const quiet = lintJson([dir]);
    expect(quiet.results[0]!.warningCount).toBe(1);
    expect(quiet.results[0]!.errorCount).toBe(0);
    expect(quiet.status).toBe(0);
    const strict = cli(['--max-warnings', '0', dir]);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/too many warnings/);
  });

  it('the nearest config applies: it can change a severity or turn a rule off', () => {
    const dir = tempTree({
      '.pitchlintrc.yaml': 'extends: []\nrulesDirs: [./team]\nrules:\n  team-no-asap: error\n',
      'team/no-asap.yaml': TEAM_RULE,
      'sub/.pitchlintrc.yaml': 'extends: []\nrulesDirs: [../team]\nrules:\n  team-no-asap: "off"\n',
      'a.txt': 'Please send the signed form ASAP.\n',
      'sub/b.txt': 'Please send the signed form ASAP.\n',
    });
    const r = lintJson([dir]);
    expect(r.status).toBe(1);
    const a = r.results.find((x) => x.filePath.endsWith('a.txt'))!;
    const b = r.results.find((x) => x.filePath.endsWith('b.txt'))!;
    expect(a.messages.map((m) => [m.ruleId, m.severity, m.line, m.column])).toEqual([['team-no-asap', 2, 1, 29]]);
    expect(b.messages).toEqual([]);
  });

  it('--rules adds a folder of rules to the configured packs', () => {
    const dir = tempTree({ 'team/no-asap.yaml': TEAM_RULE, 'a.txt': 'Please send the signed form ASAP.\n' });
    const r = lintJson(['--rules', join(dir, 'team'), join(dir, 'a.txt')]);
    expect(r.results[0]!.messages.some((m) => m.ruleId === 'team-no-asap')).toBe(true);
  });

  it('an override for a rule nobody defines is a configuration error', () => {
    const dir = tempTree({ '.pitchlintrc.yaml': 'rules:\n  no-such-rule: error\n', 'a.txt': 'Hi.\n' });
    const r = cli([join(dir, 'a.txt')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown rule "no-such-rule"/);
  });

  it('respects .gitignore, .pitchlintignore and config ignore globs', () => {
    const dir = tempTree({
      '.gitignore': 'drafts-old/\n',
      '.pitchlintignore': 'vendor-copy.md\n',
      '.pitchlintrc.yaml': 'ignore:\n  - "legal/**"\n',
      'drafts-old/x.md': 'We always ship.\n',
      'vendor-copy.md': 'We always ship.\n',
      'legal/terms.md': 'We always ship.\n',
      'keep.md': 'We always ship.\n',
    });
    const r = lintJson([dir]);
    expect(r.results.map((x) => x.filePath.slice(dir.length + 1))).toEqual(['keep.md']);
  });

  it('--ext limits which files a folder walk lints', () => {
    const dir = tempTree({ 'a.md': 'We always ship.\n', 'b.txt': 'We always ship.\n' });
    const r = lintJson(['--ext', 'txt', dir]);
    expect(r.results.map((x) => x.filePath.split('/').at(-1))).toEqual(['b.txt']);
  });

  it('--version and --help answer without linting', () => {
    const v = cli(['--version']);
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = cli(['--help']);
    expect(h.status).toBe(0);
    expect(h.stdout).toContain('Examples:');
    expect(h.stdout).toContain('--stdin-filename');
    expect(h.stdout).toContain('Exit codes');
  });
});
