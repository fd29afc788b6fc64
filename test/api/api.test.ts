// The programmatic API (issue 5, part 6): lintText, lintFiles, loadConfig, formatters.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatters, lintFiles, lintText, loadConfig, type FileResult, type LintRun } from '../../src/api.js';
import { CI_CONFIG, ciConfig } from '../helpers/ci-fixtures.js';
import { builtApi, ensureBuilt, ROOT, tempTree } from '../helpers/cli.js';

describe('lintText', () => {
  it('lints a string as the named kind of file and returns a FileResult with rule metadata', async () => {
    const r = await lintText('Hi Dana,\n\nResults are guaranteed within the first month.\n', {
      filePath: 'reply.txt',
      configFile: CI_CONFIG,
    });
    expect(r.format).toBe('text');
    expect(r.errorCount).toBe(1);
    expect(r.findings[0]).toMatchObject({ ruleId: 'ci-guarantee', severity: 'error', start: { line: 3, column: 13 } });
    expect(r.rules.get('ci-guarantee')).toMatchObject({ severity: 'error', pack: 'ci-pack' });
    expect(r.filePath).toBe(join(process.cwd(), 'reply.txt'));
  });

  it('reads Markdown and HTML by extension, and applies directives', async () => {
    const md = await lintText(
      '**Guaranteed** results.\n\n<!-- pitchlint-disable-next-line -- SLA -->\nAlways on time.\n',
      { filePath: 'p.md', configFile: CI_CONFIG },
    );
    expect(md.findings.map((f) => [f.ruleId, f.start.line, f.start.column])).toEqual([['ci-guarantee', 1, 3]]);
    const html = await lintText('<p>We <b>always</b> ship &amp; install overnight.</p>', {
      filePath: 'q.html',
      configFile: CI_CONFIG,
    });
    expect(html.findings.map((f) => f.ruleId)).toEqual(['ci-always', 'ci-speed']);
  });

  it('accepts bytes, and uses the config found from cwd', async () => {
    const dir = tempTree({ '.pitchlintrc.yaml': ciConfig('rules: { ci-guarantee: warning }\n') });
    const r = await lintText(new TextEncoder().encode('Delivery is guaranteed.'), { cwd: dir });
    expect(r.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['ci-guarantee:warning']);
  });
});

describe('lintFiles, loadConfig and formatters', () => {
  it('lints a folder and formats the run in every format', async () => {
    const dir = tempTree({
      '.pitchlintrc.yaml': ciConfig(),
      'a.md': 'Results are guaranteed.\n',
      'b.txt': 'Thank you for the call.\n',
    });
    const run: LintRun = await lintFiles({ cwd: dir, patterns: ['.'] });
    expect(run.results.map((r: FileResult) => [r.filePath.slice(dir.length + 1), r.errorCount])).toEqual([
      ['a.md', 1],
      ['b.txt', 0],
    ]);
    expect(run.unmatched).toEqual([]);
    expect(run.stats).toEqual({ files: 2, cached: 0, workers: 0, otherShards: 0 });
    expect(formatters.names).toEqual(['stylish', 'json', 'sarif', 'github', 'junit', 'checkstyle', 'compact']);
    for (const name of formatters.names)
      expect((await formatters.format(name, run, { cwd: dir })).length, name).toBeGreaterThan(0);
    const compact = await formatters.format('compact', run, { cwd: dir });
    expect(compact).toContain('a.md:1:13: "guaranteed" promises an outcome. [error/ci-guarantee]');
    const sarif = JSON.parse(await formatters.format('sarif', run, { cwd: dir }));
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('ci-guarantee');
    const fmt = await formatters.load('json');
    expect(JSON.parse(fmt(run.results, { cwd: dir, color: false, rules: run.rules, version: '0' }))).toHaveLength(2);
    await expect(formatters.load('nope')).rejects.toThrow(/unknown format/);
  });

  it('formats a single lintText result', async () => {
    const r = await lintText('Results are guaranteed.', { filePath: 'x.md', configFile: CI_CONFIG });
    const json = JSON.parse(await formatters.format('json', r));
    expect(json).toHaveLength(1);
    expect(json[0].messages[0].ruleId).toBe('ci-guarantee');
    expect(json[0]).not.toHaveProperty('rules');
  });

  it('loadConfig returns the effective configuration of a file', async () => {
    const dir = tempTree({ '.pitchlintrc.yaml': ciConfig('rules: { ci-always: "off" }\n') });
    const cfg = await loadConfig('drafts/new.md', { cwd: dir });
    expect(cfg.configFile).toBe('.pitchlintrc.yaml');
    expect(cfg.rules['ci-always']).toBe('off');
    expect(cfg.rules['ci-guarantee']).toBe('error');
  });
});

describe('the built package', () => {
  beforeAll(() => ensureBuilt(), 300_000);

  it('exports the API from dist/api.js, as package.json "exports" says', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.exports['.'].default).toBe('./dist/api.js');
    const api = await builtApi();
    for (const name of ['lintText', 'lintFiles', 'loadConfig'])
      expect(typeof (api as Record<string, unknown>)[name], name).toBe('function');
    expect(api.formatters.names).toContain('sarif');
    const r = await api.lintText('Results are guaranteed.', { configFile: CI_CONFIG });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['ci-guarantee']);
  });

  it('ships type declarations for the API when built with types', () => {
    const dts = join(ROOT, 'dist/types/api.d.ts');
    if (!existsSync(dts)) return; // built with --no-types
    const text = readFileSync(dts, 'utf8');
    for (const name of ['lintText', 'lintFiles', 'loadConfig', 'formatters', 'LintTextOptions', 'LintRunOptions'])
      expect(text).toContain(name);
  });
});
