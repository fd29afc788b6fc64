import path from 'node:path';
import { describe, expect, it } from 'vitest';
import junit from '../../src/reporters/junit.js';
import { allResults, cleanFile, context, CWD, proposal } from './fixtures.js';
import { all, parseXml } from './xml-tree.js';

describe('junit', () => {
  const root = parseXml(junit(allResults(), context()));
  const suite = all(root, 'testsuite')[0]!;
  const cases = all(root, 'testcase');

  it('has one pitchlint suite with one test case per file', () => {
    expect(root.name).toBe('testsuites');
    expect(all(root, 'testsuite')).toHaveLength(1);
    // Failing: the proposal and the docx (errors); erroring: the unreadable pdf.
    expect(suite.attrs).toMatchObject({ name: 'pitchlint', tests: '4', failures: '2', errors: '1' });
    expect(root.attrs).toMatchObject({ tests: '4', failures: '2', errors: '1' });
    expect(cases.map((c) => [c.attrs.classname, c.attrs.name])).toEqual([
      ['proposals/rack-install.md', 'proposals/rack-install.md'],
      ['quotes/Q-1042 Acme, final.docx', 'quotes/Q-1042 Acme, final.docx'],
      ['notes.txt', 'notes.txt'],
      ['scans/contract.pdf', 'scans/contract.pdf'],
    ]);
    expect(all(suite, 'property')[0]!.attrs).toEqual({ name: 'pitchlint.version', value: '0.1.0' });
  });

  it('fails a file with one <failure> for its errors; warnings and suggestions go to system-out', () => {
    const failures = all(cases[0]!, 'failure');
    expect(failures).toHaveLength(1);
    expect(failures[0]!.attrs).toEqual({ message: '1 error', type: 'pitchlint' });
    expect(failures[0]!.text).toBe(
      '3:14 error Firm delivery date promised (commitment-deadline)\n' +
        '  Rewrite: We plan to have the racks installed by Friday, provided the hardware arrives by [date].',
    );
    const out = all(cases[0]!, 'system-out')[0]!.text;
    expect(out).toBe(
      '3:70 warning "Always" claims more than the contract guarantees (absolute-always)\n  Suggestion: Name the actual support hours.\n' +
        '5:8 suggestion Unsupported superlative (superlative-best)\n  Rewrite: We are an experienced integrator in the region.',
    );
    expect(all(cases[1]!, 'failure')[0]!.text).toMatch(/^¶12:34 error Uptime guaranteed/);
  });

  it('puts several errors of a file in its one <failure> (issue 14)', () => {
    const r = proposal();
    r.findings = r.findings.map((f) => ({ ...f, severity: 'error' as const }));
    Object.assign(r, { errorCount: 3, warningCount: 0, suggestionCount: 0 });
    const c = all(parseXml(junit([r], context())), 'testcase')[0]!;
    const failures = all(c, 'failure');
    expect(failures).toHaveLength(1);
    expect(failures[0]!.attrs.message).toBe('3 errors');
    expect(failures[0]!.text.split('\n').filter((l) => / error /.test(l))).toHaveLength(3);
  });

  it('passes a file with warnings only, as the exit code does (issue 14)', () => {
    const r = proposal();
    r.findings = r.findings.slice(1);
    Object.assign(r, { errorCount: 0, warningCount: 1, suggestionCount: 1 });
    const x = parseXml(junit([r, cleanFile()], context()));
    expect(all(x, 'testsuite')[0]!.attrs).toMatchObject({ tests: '2', failures: '0', errors: '0' });
    expect(all(x, 'failure')).toEqual([]);
    expect(all(x, 'system-out')[0]!.text).toContain('3:70 warning "Always" claims more');
  });

  it('fails warnings too when there are more than --max-warnings, and only then', () => {
    const r = proposal();
    r.findings = r.findings.slice(1);
    Object.assign(r, { errorCount: 0, warningCount: 1, suggestionCount: 1 });
    const within = parseXml(junit([r], context({ maxWarnings: 1 })));
    expect(all(within, 'failure')).toEqual([]);
    const over = parseXml(junit([r], context({ maxWarnings: 0 })));
    expect(all(over, 'testsuite')[0]!.attrs).toMatchObject({ failures: '1' });
    const failure = all(over, 'failure');
    expect(failure).toHaveLength(1);
    expect(failure[0]!.attrs.message).toBe('1 warning');
    expect(failure[0]!.text).toMatch(/^3:70 warning "Always"/);
    // The suggestion never fails the run, so it stays out of the failure.
    expect(failure[0]!.text).not.toContain('superlative-best');
    expect(all(over, 'property').map((p) => p.attrs)).toContainEqual({ name: 'pitchlint.max-warnings', value: '0' });
  });

  it('passes clean files and errors unreadable ones', () => {
    expect(cases[2]!.children).toEqual([]);
    const error = all(cases[3]!, 'error');
    expect(error).toHaveLength(1);
    expect(error[0]!.attrs.message).toBe('not a PDF file (no %PDF header)');
    expect(all(cases[3]!, 'failure')).toEqual([]);
  });

  it('escapes <, &, quotes and control characters in names and messages', () => {
    const r = proposal();
    r.filePath = path.join(CWD, `Tom & Jerry's "<best>".md`);
    r.findings = [
      { ...r.findings[0]!, message: 'Promise <b>"now"</b> & \'forever\'\u0008', suggestion: 'Use ]]> carefully' },
    ];
    const x = parseXml(junit([r], context()));
    const c = all(x, 'testcase')[0]!;
    expect(c.attrs.name).toBe(`Tom & Jerry's "<best>".md`);
    const f = all(c, 'failure')[0]!;
    expect(f.attrs.message).toBe('1 error');
    expect(f.text).toContain('Promise <b>"now"</b> & \'forever\'\uFFFD (commitment-deadline)\n  Rewrite: We plan');
    const r2 = proposal();
    r2.findings = [{ ...r2.findings[0]!, rewrite: undefined, suggestion: 'Use ]]> carefully' }];
    expect(all(parseXml(junit([r2], context())), 'failure')[0]!.text).toContain('\n  Suggestion: Use ]]> carefully');
  });

  it('is a valid empty suite for no files', () => {
    const x = parseXml(junit([], context()));
    expect(all(x, 'testsuite')[0]!.attrs).toMatchObject({ tests: '0', failures: '0', errors: '0' });
    expect(all(parseXml(junit([cleanFile()], context())), 'failure')).toEqual([]);
  });
});
