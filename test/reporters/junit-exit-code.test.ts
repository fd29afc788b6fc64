// JUnit and the exit code agree in every combination of --quiet and --max-warnings (issue 14):
// the report has a failing or erroring test case exactly when the run exits 1, and warnings are
// failures only with --max-warnings, when there are more of them than it allows (warnings that
// --quiet hides count too, as they do for the exit code).
import { describe, expect, it } from 'vitest';
import { runMain, tempTree } from '../authoring/helpers.js';
import { all, parseXml } from './xml-tree.js';

const dir = tempTree({
  // Two warning-level findings (an absolute, a speed claim), no error.
  'warnings.txt': 'Our crews always deliver overnight to your site.\n',
  // An error-level finding (a guarantee with no terms).
  'errors.txt': 'Installation is guaranteed to pass inspection.\n',
  'clean.txt': 'We typically deliver within two business days of the signed order.\n',
});
const file = (name: string): string => `${dir}/${name}`;

const SETS: Record<string, string[]> = {
  'warnings only': ['warnings.txt'],
  'an error': ['errors.txt'],
  clean: ['clean.txt'],
  'warnings and clean': ['warnings.txt', 'clean.txt'],
};
const MAX: (number | undefined)[] = [undefined, 0, 1, 2, 10];

describe('JUnit matches the exit code', () => {
  it('the inputs are what the matrix needs', async () => {
    const r = await runMain(['--format', 'json', file('warnings.txt'), file('errors.txt'), file('clean.txt')]);
    const results = JSON.parse(r.out) as { filePath: string; errorCount: number; warningCount: number }[];
    const counts = (name: string): number[] => {
      const x = results.find((y) => y.filePath.endsWith(name));
      return [x?.errorCount ?? -1, x?.warningCount ?? -1];
    };
    expect(counts('warnings.txt')).toEqual([0, 2]);
    expect(counts('errors.txt')[0]).toBeGreaterThan(0);
    expect(counts('clean.txt')).toEqual([0, 0]);
  }, 60_000);

  for (const [name, files] of Object.entries(SETS))
    for (const quiet of [false, true])
      for (const max of MAX) {
        const args = [...(quiet ? ['--quiet'] : []), ...(max !== undefined ? ['--max-warnings', String(max)] : [])];
        it(`${name}: ${args.join(' ') || '(no options)'}`, async () => {
          const r = await runMain(['--format', 'junit', ...args, ...files.map(file)]);
          const xml = parseXml(r.out);
          const suite = all(xml, 'testsuite')[0]!;
          const failing = Number(suite.attrs.failures) + Number(suite.attrs.errors);
          expect(r.code === 0 || r.code === 1, r.err).toBe(true);
          expect([failing > 0, r.code]).toEqual([r.code === 1, r.code]);
          // Which findings fail: errors always; warnings only past --max-warnings.
          const warningsFail = max !== undefined && files.includes('warnings.txt') && 2 > max;
          const warningsCase = all(xml, 'testcase').find((c) => c.attrs.name?.endsWith('warnings.txt'));
          if (warningsCase) {
            const failures = all(warningsCase, 'failure');
            expect(failures).toHaveLength(warningsFail ? 1 : 0);
            if (warningsFail)
              expect(failures[0]!.attrs.message).toBe(quiet ? '2 warnings not listed (--quiet)' : '2 warnings');
            // --quiet lists no warning anywhere.
            if (quiet) expect(r.out).not.toMatch(/ warning "/);
          }
          for (const c of all(xml, 'testcase')) expect(all(c, 'failure').length).toBeLessThanOrEqual(1);
        }, 60_000);
      }
});
