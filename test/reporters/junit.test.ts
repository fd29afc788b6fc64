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

  it('fails a file once per finding, with the position, rule and suggestion', () => {
    const failures = all(cases[0]!, 'failure');
    expect(failures.map((f) => f.attrs.type)).toEqual(['commitment-deadline', 'absolute-always', 'superlative-best']);
    expect(failures[0]!.attrs.message).toBe('Firm delivery date promised');
    expect(failures[0]!.text).toBe(
      '3:14 error Firm delivery date promised (commitment-deadline)\nSuggestion: Say what the date depends on.\n' +
        'Rewrite: We plan to have the racks installed by Friday, provided the hardware arrives by [date].',
    );
    expect(all(cases[1]!, 'failure')[0]!.text).toMatch(/^¶12:34 error Uptime guaranteed/);
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
    expect(f.attrs.message).toBe('Promise <b>"now"</b> & \'forever\'\uFFFD');
    expect(f.text).toContain(
      'Promise <b>"now"</b> & \'forever\'\uFFFD (commitment-deadline)\nSuggestion: Use ]]> carefully',
    );
  });

  it('is a valid empty suite for no files', () => {
    const x = parseXml(junit([], context()));
    expect(all(x, 'testsuite')[0]!.attrs).toMatchObject({ tests: '0', failures: '0', errors: '0' });
    expect(all(parseXml(junit([cleanFile()], context())), 'failure')).toEqual([]);
  });
});
