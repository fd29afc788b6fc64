import path from 'node:path';
import { describe, expect, it } from 'vitest';
import github, { escapeData, escapeProperty } from '../../src/reporters/github.js';
import { allResults, cleanFile, context, CWD, proposal } from './fixtures.js';

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

  it('escapes ",", "%" and ":" in properties and "%" in the message; says where in a docx', () => {
    expect(lines[3]).toBe(
      '::error file=quotes/Q-1042 Acme%2C final.docx,line=12,col=34,endLine=12,endColumn=55,title=pitchlint(guarantee-uptime)::' +
        'Uptime guaranteed without an SLA reference (at ¶12:34)%0ASuggestion: Refer to the SLA: "99.9%25 monthly uptime, with service credits".',
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
