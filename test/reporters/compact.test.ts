import path from 'node:path';
import { describe, expect, it } from 'vitest';
import compact from '../../src/reporters/compact.js';
import { allResults, cleanFile, context, CWD, proposal } from './fixtures.js';

describe('compact', () => {
  it('prints one exact line per finding and per unreadable file', () => {
    expect(compact(allResults(), context()).split('\n')).toEqual([
      'proposals/rack-install.md:3:14: error Firm delivery date promised [commitment-deadline]',
      'proposals/rack-install.md:3:70: warning "Always" claims more than the contract guarantees [absolute-always]',
      'proposals/rack-install.md:5:8: suggestion Unsupported superlative [superlative-best]',
      'quotes/Q-1042 Acme, final.docx:¶12:34: error Uptime guaranteed without an SLA reference [guarantee-uptime]',
      'scans/contract.pdf: error not a PDF file (no %PDF header)',
      '',
    ]);
  });

  it('puts the decoded-part note after the rule so file:line:col: stays parseable', () => {
    const r = proposal();
    r.filePath = path.join(CWD, 'mail', 'offer.eml');
    r.findings = [{ ...r.findings[0]!, start: { line: 9, column: 4, part: '1.1 text/plain', decoded: true } }];
    expect(compact([r], context())).toBe(
      'mail/offer.eml:9:4: error Firm delivery date promised [commitment-deadline] (decoded part 1.1)\n',
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
