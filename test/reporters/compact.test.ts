import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import compact from '../../src/reporters/compact.js';
import { allResults, cleanFile, context, CWD, decodedEmail, proposal, QP_EMAIL, QP_MBOX } from './fixtures.js';

// What a `file:line:col: message` problem matcher (GitHub, VS Code, Vim's errorformat) reads,
// with pitchlint's "[severity/rule]" after the message.
const MATCHER =
  /^(?<file>[^:]+):(?<line>\d+):(?<col>\d+): (?<message>.+) \[(?<severity>error|warning|suggestion)\/(?<rule>[^\]\s]+)\]( \((?<where>[^)]+)\))?$/;

function temp(name: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pitchlint-compact-'));
  writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('compact', () => {
  it('prints one exact line per finding and per unreadable file', () => {
    expect(compact(allResults(), context()).split('\n')).toEqual([
      'proposals/rack-install.md:3:14: Firm delivery date promised [error/commitment-deadline]',
      'proposals/rack-install.md:3:70: "Always" claims more than the contract guarantees [warning/absolute-always]',
      'proposals/rack-install.md:5:8: Unsupported superlative [suggestion/superlative-best]',
      'quotes/Q-1042 Acme, final.docx:12:34: Uptime guaranteed without an SLA reference [error/guarantee-uptime] (paragraph 12)',
      'scans/contract.pdf:1:1: not a PDF file (no %PDF header) [error/unreadable]',
      '',
    ]);
  });

  it('gives every line the file:line:col: shape, a csv row and field after the message (issue 14)', () => {
    const r = proposal();
    r.filePath = path.join(CWD, 'quote.csv');
    const f = r.findings[0]!;
    r.findings = [
      { ...f, start: { line: 2, column: 93, row: 2, field: 'Description' } },
      { ...f, start: { line: 5, column: 4, row: 4 } },
      { ...f, start: { line: 9, column: 12, page: 3 } },
    ];
    const lines = compact([r, ...allResults()], context())
      .trimEnd()
      .split('\n');
    for (const l of lines) expect(l).toMatch(MATCHER);
    expect(lines.slice(0, 3)).toEqual([
      'quote.csv:2:93: Firm delivery date promised [error/commitment-deadline] (row 2, field Description)',
      'quote.csv:5:4: Firm delivery date promised [error/commitment-deadline] (row 4)',
      'quote.csv:9:12: Firm delivery date promised [error/commitment-deadline] (page 3)',
    ]);
  });

  it("points a decoded email finding at its part's header line, the decoded position after the message", () => {
    const dir = temp('offer.eml', QP_EMAIL);
    const out = compact([decodedEmail(path.join(dir, 'offer.eml'))], context({ cwd: dir }));
    expect(out).toBe(
      'offer.eml:8:1: "Always" claims more than the contract guarantees [warning/absolute-always] (decoded part 1, line 3, column 10)\n',
    );
    expect(out.trimEnd()).toMatch(MATCHER);
  });

  it('finds the right message of an mbox whose messages number their parts alike', () => {
    const dir = temp('followups.mbox', QP_MBOX);
    const out = compact([decodedEmail(path.join(dir, 'followups.mbox'))], context({ cwd: dir }));
    expect(out).toMatch(/^followups\.mbox:17:1: .* \(decoded part 1, line 3, column 10\)\n$/);
  });

  it('falls back to the first line, still parseable, when the part cannot be found', () => {
    const out = compact([decodedEmail(path.join(CWD, 'gone.eml'))], context());
    expect(out).toBe(
      'gone.eml:1:1: "Always" claims more than the contract guarantees [warning/absolute-always] (decoded part 1, line 3, column 10)\n',
    );
  });

  it('prints nothing for clean results', () => {
    expect(compact([cleanFile()], context())).toBe('');
    expect(compact([], context())).toBe('');
  });

  it('keeps each finding on one line even with control characters in the message', () => {
    const r = proposal();
    r.findings = [{ ...r.findings[0]!, message: 'bad\nmessage\u001b[31m' }];
    const out = compact([r], context());
    expect(out.split('\n')).toHaveLength(2);
    expect(out).not.toContain('\u001b');
  });
});
