import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import github, { escapeData, escapeProperty } from '../../src/reporters/github.js';
import { allResults, cleanFile, context, CWD, decodedEmail, proposal, QP_EMAIL, QP_MBOX } from './fixtures.js';

function temp(name: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pitchlint-github-'));
  writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('github', () => {
  const lines = github(allResults(), context()).trimEnd().split('\n');

  it('writes one workflow command per finding, notice for suggestions', () => {
    expect(lines[0]).toBe(
      '::error file=proposals/rack-install.md,line=3,col=14,endLine=3,endColumn=53,title=pitchlint(commitment-deadline)::' +
        'Firm delivery date promised%0ASuggestion: Say what the date depends on.%0ARewrite: We plan to have the racks installed by Friday, provided the hardware arrives by [date].',
    );
    expect(lines[1]).toMatch(
      /^::warning file=proposals\/rack-install\.md,line=3,col=70,endLine=3,endColumn=86,title=pitchlint\(absolute-always\)::/,
    );
    expect(lines[2]).toMatch(/^::notice file=proposals\/rack-install\.md,line=5,col=8,/);
  });

  it('escapes ",", "%" and ":" in properties and "%" in the message; a docx is annotated as a file, the paragraph in words', () => {
    // A docx has no lines: "line=12" would point at line 12 of a zip file.
    expect(lines[3]).toBe(
      '::error file=quotes/Q-1042 Acme%2C final.docx,title=pitchlint(guarantee-uptime)::' +
        'Uptime guaranteed without an SLA reference (at paragraph 12, column 34)%0ASuggestion: Refer to the SLA: "99.9%25 monthly uptime, with service credits".',
    );
  });

  it("annotates decoded email text on the line of its part's header, the decoded position in the message (issue 14)", () => {
    const dir = temp('offer.eml', QP_EMAIL);
    expect(github([decodedEmail(path.join(dir, 'offer.eml'))], context({ cwd: dir }))).toBe(
      '::warning file=offer.eml,line=8,title=pitchlint(absolute-always)::"Always" claims more than the contract guarantees (at decoded part 1, line 3, column 10)\n',
    );
    // Line 8 of the file is where the part starts, not the Subject line that line 3 would be.
    expect(QP_EMAIL.split('\r\n')[7]).toBe('Content-Type: text/plain; charset="UTF-8"');
  });

  it('finds the message of an mbox the decoded finding is in', () => {
    const dir = temp('followups.mbox', QP_MBOX);
    expect(github([decodedEmail(path.join(dir, 'followups.mbox'))], context({ cwd: dir }))).toMatch(
      /^::warning file=followups\.mbox,line=17,title=/,
    );
    expect(QP_MBOX.split('\n')[16]).toBe('Content-Type: text/plain; charset=utf-8');
  });

  it('annotates the file as a whole when the part cannot be found', () => {
    expect(github([decodedEmail(path.join(CWD, 'gone.eml'))], context())).toMatch(
      /^::warning file=gone\.eml,title=pitchlint\(absolute-always\)::.*\(at decoded part 1, line 3, column 10\)\n$/,
    );
  });

  it('keeps exact line and column for a csv cell and names the row and field', () => {
    const r = proposal();
    r.filePath = path.join(CWD, 'quote.csv');
    r.findings = [
      {
        ...r.findings[1]!,
        suggestion: undefined,
        start: { line: 4, column: 4, row: 3, field: 'Delivery Notes' },
        end: { line: 4, column: 10, row: 3, field: 'Delivery Notes' },
      },
    ];
    expect(github([r], context())).toBe(
      '::warning file=quote.csv,line=4,col=4,endLine=4,endColumn=10,title=pitchlint(absolute-always)::"Always" claims more than the contract guarantees (at row 3, field Delivery Notes)\n',
    );
  });

  it('reports an unreadable file as a file-level error', () => {
    expect(lines[4]).toBe('::error file=scans/contract.pdf,title=pitchlint::not a PDF file (no %25PDF header)');
    expect(lines).toHaveLength(5);
  });

  it('escapes newlines, CR, colons and commas in a file name', () => {
    const r = proposal();
    r.filePath = path.join(CWD, 'deals', '50%: Q3,\r\nfinal.md');
    r.findings = [{ ...r.findings[1]!, message: 'Line one\r\nline two: 100%', suggestion: undefined }];
    expect(github([r], context())).toBe(
      '::warning file=deals/50%25%3A Q3%2C%0D%0Afinal.md,line=3,col=70,endLine=3,endColumn=86,title=pitchlint(absolute-always)::Line one%0D%0Aline two: 100%25\n',
    );
  });

  it('escapes a rule id in the title', () => {
    const r = proposal();
    r.findings = [{ ...r.findings[2]!, ruleId: 'acme:pack,best', rewrite: undefined }];
    expect(github([r], context())).toContain(',title=pitchlint(acme%3Apack%2Cbest)::Unsupported superlative\n');
  });

  it('escapes "%" first so escapes are not escaped twice', () => {
    expect(escapeData('%0A\n')).toBe('%250A%0A');
    expect(escapeProperty('a:%,b')).toBe('a%3A%25%2Cb');
  });

  it('prints nothing for clean results', () => {
    expect(github([cleanFile()], context())).toBe('');
  });
});
