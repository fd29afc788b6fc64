// The CI formats on the bundled fixtures, through the built CLI, as CI runs them (issue 14).
import { describe, expect, it } from 'vitest';
import { cli, tempTree } from '../helpers/cli.js';

// Line 11 of fixtures/email-reply.eml is the Content-Type header of its quoted-printable part 1.
const REPLY_PART_HEADER = 11;

describe('compact on the fixtures', () => {
  const r = cli(['--format', 'compact', 'fixtures']);
  const lines = r.stdout.trimEnd().split('\n');

  it('writes every finding as file:line:col: message [severity/rule] (where)', () => {
    expect(r.status).toBe(1);
    expect(lines.length).toBeGreaterThan(30);
    for (const l of lines)
      expect(l).toMatch(/^fixtures\/[^:]+:\d+:\d+: .+ \[(error|warning|suggestion)\/[^\]\s]+\]( \([^)]+\))?$/);
    expect(lines).toContain(
      'fixtures/quote.csv:2:93: "Guaranteed" promises an outcome with no terms behind it. [error/guarantee-unbacked] (row 2, field Description)',
    );
  });

  it("puts decoded email findings on the part's header line", () => {
    const reply = lines.filter((l) => l.includes('(decoded part 1,'));
    expect(reply.length).toBeGreaterThan(0);
    for (const l of reply) expect(l.startsWith(`fixtures/email-reply.eml:${REPLY_PART_HEADER}:1: `)).toBe(true);
  });
});

describe('github on the fixtures', () => {
  const r = cli(['--format', 'github', 'fixtures']);
  const lines = r.stdout.trimEnd().split('\n');

  it("annotates decoded email text on the part's header line, with the decoded position in the message", () => {
    const decoded = lines.filter((l) => l.includes('decoded part 1,'));
    expect(decoded.length).toBeGreaterThan(0);
    for (const l of decoded) {
      expect(l).toMatch(new RegExp(`^::warning file=fixtures/email-reply\\.eml,line=${REPLY_PART_HEADER},title=`));
      expect(l).toMatch(/\(at decoded part 1, line 3, column \d+\)/);
    }
  });

  it('gives docx and pdf findings no line number (they have no lines)', () => {
    const binary = lines.filter((l) => /file=fixtures\/proposal\.(docx|pdf),/.test(l));
    expect(binary.length).toBeGreaterThan(0);
    for (const l of binary) expect(l).not.toMatch(/,line=/);
  });
});

describe('junit through the CLI', () => {
  it('passes a warnings-only file when the run exits 0, and fails it with one <failure> per file when errors exit 1', () => {
    const dir = tempTree({
      'warn.txt': 'Our crew always cleans up the same day.\n',
      'err.txt': 'We guarantee the install. We guarantee the price too.\n',
    });
    const warnOnly = cli(['--format', 'junit', 'warn.txt'], { cwd: dir });
    expect(warnOnly.status).toBe(0);
    expect(warnOnly.stdout).toContain('failures="0"');
    expect(warnOnly.stdout).not.toContain('<failure');
    const both = cli(['--format', 'junit', 'warn.txt', 'err.txt'], { cwd: dir });
    expect(both.status).toBe(1);
    expect(both.stdout).toContain('failures="1"');
    expect(both.stdout.match(/<failure /g)).toHaveLength(1);
  });
});

describe('stylish on the fixtures (issues 12, 14)', () => {
  const r = cli(['fixtures']);
  const lines = r.stdout.split('\n');
  const json = JSON.parse(cli(['--format', 'json', '--rewrites', 'fixtures']).stdout) as {
    filePath: string;
    messages: { ruleId: string; line: number; column: number; sentence: string; rewrite?: string; fix?: unknown }[];
  }[];
  const findings = json.flatMap((f) => f.messages);

  it('fits in at most 60% of the lines the per-finding layout took', () => {
    // The per-finding layout (main before this change) printed 281 lines for 42 findings in 8
    // files; 60% of that is 168. (The detection rebuild since left 41 findings on the fixtures.)
    expect(r.status).toBe(1);
    expect(findings).toHaveLength(41);
    expect(lines.length).toBeLessThanOrEqual(168);
  });

  it('reports the same findings as the json format, one line each', () => {
    const findingLines = lines.filter((l) => /^ {4}\S+.* {2}(error|warning|suggestion) +\S/.test(l));
    expect(findingLines).toHaveLength(findings.length);
    for (const m of findings) expect(findingLines.some((l) => l.includes(m.ruleId))).toBe(true);
  });

  it('shows each sentence once per file with its one rewrite, and no notices', () => {
    const blocks = r.stdout.trim().split('\n\n').slice(0, -1);
    for (const file of json.filter((f) => f.messages.length > 0)) {
      const name = file.filePath.slice(file.filePath.indexOf('fixtures/'));
      const block = blocks.find((b) => b.startsWith(`${name}\n`))!;
      expect(block, name).toBeDefined();
      const blockLines = block.split('\n');
      for (const sentence of new Set(file.messages.map((m) => m.sentence))) {
        if (sentence.length > 160) continue;
        expect(
          blockLines.filter((l) => l === `  ${sentence}`),
          sentence,
        ).toHaveLength(1);
      }
      for (const rewrite of new Set(file.messages.map((m) => m.rewrite).filter(Boolean))) {
        expect(
          blockLines.filter((l) => l === `    ↳ rewrite: ${rewrite}`),
          rewrite,
        ).toHaveLength(1);
      }
    }
    expect(r.stdout).not.toContain('positions in part');
    expect(r.stdout).not.toContain('looks like an email');
  });

  it('ends with the counts, the number --fix can fix and where to read why', () => {
    const fixable = findings.filter((m) => m.fix).length;
    expect(lines.slice(-3, -1)).toEqual([
      `✖ 41 problems (17 errors, 24 warnings, 0 suggestions), ${fixable} fixable with --fix`,
      'Run `pitchlint rules explain <rule-id>` for why.',
    ]);
  });
});
