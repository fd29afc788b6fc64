// Overrides and cascade, --print-config (issue 5, part 3).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintFiles, loadConfig } from '../../src/api.js';
import { ciConfig, CI_PACK } from '../helpers/ci-fixtures.js';
import { cli, ensureBuilt, lintJson, tempTree } from '../helpers/cli.js';

beforeAll(() => ensureBuilt(), 300_000);

const SENTENCE = 'Results are guaranteed and our crews always arrive overnight.\n';

function library(): string {
  return tempTree({
    '.pitchlintrc.yaml': ciConfig(
      [
        'rules:',
        '  ci-speed: "off"',
        'facts:',
        '  company: { name: Acme, uptime: "99.5%" }',
        'overrides:',
        '  - files: ["templates/legal/**"]',
        '    excludedFiles: ["templates/legal/drafts/**"]',
        '    rules: { ci-always: "off", ci-guarantee: warning }',
        '    facts: { company: { uptime: "99.9%" } }',
        '  - files: "*.txt"',
        '    rules: { ci-speed: error }',
        '',
      ].join('\n'),
    ),
    'templates/legal/msa.md': SENTENCE,
    'templates/legal/drafts/msa-v2.md': SENTENCE,
    'templates/legal/terms.txt': SENTENCE,
    'drafts/a.md': SENTENCE,
    'drafts/b.txt': SENTENCE,
    // A nested config replaces the root one for its folder (nearest config wins).
    'teams/emea/.pitchlintrc.yaml': ciConfig('rules: { ci-guarantee: suggestion }\n'),
    'teams/emea/offer.md': SENTENCE,
  });
}

const byFile = (results: Array<{ filePath: string; messages: Array<{ ruleId: string | null; level?: string }> }>) =>
  Object.fromEntries(results.map((r) => [r.filePath.split('/').slice(-2).join('/'), r.messages.map((m) => `${m.ruleId}:${m.level}`).sort()]));

describe('overrides', { timeout: 180_000 }, () => {
  it('change rules and severities for the files matching their globs', () => {
    const dir = library();
    const run = lintJson(['.'], { cwd: dir });
    expect(byFile(run.results)).toEqual({
      'legal/msa.md': ['ci-guarantee:warning'],
      'drafts/msa-v2.md': ['ci-always:warning', 'ci-guarantee:error'], // excludedFiles
      'legal/terms.txt': ['ci-guarantee:warning', 'ci-speed:error'], // both overrides, in order
      'drafts/a.md': ['ci-always:warning', 'ci-guarantee:error'],
      'drafts/b.txt': ['ci-always:warning', 'ci-guarantee:error', 'ci-speed:error'],
      'emea/offer.md': ['ci-always:warning', 'ci-guarantee:suggestion', 'ci-speed:warning'],
    });
  });

  it('are applied by the API too, with facts merged', async () => {
    const dir = library();
    const cfg = await loadConfig('templates/legal/msa.md', { cwd: dir });
    expect(cfg.overridesApplied).toEqual([{ files: ['templates/legal/**'], excludedFiles: ['templates/legal/drafts/**'] }]);
    expect(cfg.rules).toMatchObject({ 'ci-always': 'off', 'ci-guarantee': 'warning', 'ci-speed': 'off' });
    expect(cfg.facts).toEqual({ company: { name: 'Acme', uptime: '99.9%' } });
    const run = await lintFiles({ cwd: dir, patterns: ['templates/legal/msa.md'] });
    expect(run.results[0]!.findings.map((f) => f.ruleId)).toEqual(['ci-guarantee']);
  });

  it('an override naming an unknown rule is a configuration error', () => {
    const dir = tempTree({ '.pitchlintrc.yaml': ciConfig('overrides:\n  - files: "*.md"\n    rules: { ci-guarante: error }\n'), 'a.md': SENTENCE });
    const r = cli(['a.md'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown rule "ci-guarante".*ci-guarantee/);
  });

  it('an override can extend another pack', () => {
    const dir = tempTree({
      '.pitchlintrc.yaml': 'extends: ./base\noverrides:\n  - files: "legal/**"\n    extends: ./extra\n',
      'base/pack.yaml': 'name: base\n',
      'base/ci-always.yaml': readRule('ci-always'),
      'extra/pack.yaml': 'name: extra\n',
      'extra/ci-guarantee.yaml': readRule('ci-guarantee'),
      'legal/a.md': SENTENCE,
      'other/a.md': SENTENCE,
    });
    expect(byFile(lintJson(['.'], { cwd: dir }).results)).toEqual({
      'legal/a.md': ['ci-always:warning', 'ci-guarantee:error'],
      'other/a.md': ['ci-always:warning'],
    });
  });
});

describe('--print-config', { timeout: 180_000 }, () => {
  it('prints the effective configuration of a file as YAML and exits 0', () => {
    const dir = library();
    const r = cli(['--print-config', 'templates/legal/terms.txt'], { cwd: dir });
    expect(r.status).toBe(0);
    const cfg = parse(r.stdout);
    expect(cfg).toMatchObject({
      file: 'templates/legal/terms.txt',
      configFile: '.pitchlintrc.yaml',
      ignored: false,
      rules: { 'ci-always': 'off', 'ci-guarantee': 'warning', 'ci-speed': 'error', 'ci-best': 'warning', 'ci-forever': 'error', 'ci-urgency': 'suggestion' },
      facts: { company: { name: 'Acme', uptime: '99.9%' } },
    });
    expect(cfg.overridesApplied).toHaveLength(2);
    expect(cfg.ruleDirs).toEqual([CI_PACK]);
  });

  it('prints JSON with --format json, for files that do not exist yet too', () => {
    const dir = library();
    const r = cli(['--print-config', 'teams/emea/new-offer.md', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    const cfg = JSON.parse(r.stdout);
    expect(cfg.configFile).toBe('teams/emea/.pitchlintrc.yaml');
    expect(cfg.rules['ci-guarantee']).toBe('suggestion');
    expect(cfg.overridesApplied).toEqual([]);
  });

  it('honours --config', () => {
    const dir = library();
    const cfg = JSON.parse(cli(['--print-config', 'teams/emea/offer.md', '-f', 'json', '--config', '.pitchlintrc.yaml'], { cwd: dir }).stdout);
    expect(cfg.configFile).toBe('.pitchlintrc.yaml');
    expect(cfg.rules['ci-guarantee']).toBe('error');
  });
});

function readRule(id: string): string {
  return readFileSync(`${CI_PACK}/${id}.yaml`, 'utf8');
}
