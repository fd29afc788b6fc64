import path from 'node:path';
import { describe, expect, it } from 'vitest';
import checkstyle from '../../src/reporters/checkstyle.js';
import { allResults, context, CWD, proposal } from './fixtures.js';
import { all, parseXml } from './xml-tree.js';

describe('checkstyle', () => {
  const root = parseXml(checkstyle(allResults(), context()));
  const files = all(root, 'file');

  it('lists every file by absolute path, clean ones included', () => {
    expect(root.name).toBe('checkstyle');
    expect(root.attrs.version).toBe('4.3');
    expect(files.map((f) => f.attrs.name)).toEqual([
      `${CWD}/proposals/rack-install.md`,
      `${CWD}/quotes/Q-1042 Acme, final.docx`,
      `${CWD}/notes.txt`,
      `${CWD}/scans/contract.pdf`,
    ]);
    expect(files.map((f) => all(f, 'error').length)).toEqual([3, 1, 0, 1]);
  });

  it('writes each finding with line, column, mapped severity and source', () => {
    expect(all(files[0]!, 'error').map((e) => e.attrs)).toEqual([
      {
        line: '3',
        column: '14',
        severity: 'error',
        message: 'Firm delivery date promised',
        source: 'pitchlint.commitment-deadline',
      },
      {
        line: '3',
        column: '70',
        severity: 'warning',
        message: '"Always" claims more than the contract guarantees',
        source: 'pitchlint.absolute-always',
      },
      {
        line: '5',
        column: '8',
        severity: 'info',
        message: 'Unsupported superlative',
        source: 'pitchlint.superlative-best',
      },
    ]);
  });

  it('reports an unreadable file as a file-level error', () => {
    expect(all(files[3]!, 'error')[0]!.attrs).toEqual({
      line: '0',
      column: '0',
      severity: 'error',
      message: 'not a PDF file (no %PDF header)',
      source: 'pitchlint',
    });
  });

  it('escapes <, &, ", \' and control characters', () => {
    const r = proposal();
    r.filePath = path.join(CWD, `R&D <draft> "v2" it's.md`);
    r.findings = [{ ...r.findings[0]!, message: `We'll ship <b>"today"</b> & tomorrow\u001b\nsecond line` }];
    const x = parseXml(checkstyle([r], context()));
    expect(all(x, 'file')[0]!.attrs.name).toBe(`${CWD}/R&D <draft> "v2" it's.md`);
    expect(all(x, 'error')[0]!.attrs.message).toBe(`We'll ship <b>"today"</b> & tomorrow\uFFFD\nsecond line`);
  });

  it('is well-formed with no files', () => {
    expect(all(parseXml(checkstyle([], context())), 'file')).toEqual([]);
  });
});
