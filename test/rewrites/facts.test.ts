// The facts sheet: dotted keys and nested maps are the same thing, a plain value is shorthand
// for { value }, the long form carries source and expiry; expired facts are left out and named
// once; a facts file and the config's own facts merge (the config wins); `pitchlint init`'s
// template is a valid configuration with every fact commented out.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/load.js';
import { factCatalog, placeholderFor } from '../../src/config/facts/catalog.js';
import { starterConfig } from '../../src/config/facts/init-template.js';
import { loadFacts } from '../../src/config/facts/load.js';
import { flattenFacts, makeSheet, parseExpiry, type FactProblem } from '../../src/config/facts/normalize.js';
import { resetFactWarnings, takeFactWarnings } from '../../src/config/facts/warnings.js';
import { fillTemplate } from '../../src/rewrites/slots.js';
import { STANDARD_FACTS } from '../../src/rules/facts.js';

const flat = (raw: unknown): { facts: Record<string, unknown>; problems: string[] } => {
  const problems: FactProblem[] = [];
  const m = flattenFacts(raw, 'cfg.yaml', problems);
  return { facts: Object.fromEntries([...m].map(([k, f]) => [k, { value: f.value, source: f.source, expires: f.expires }])), problems: problems.map((p) => p.message) };
};

const dir = (files: Record<string, string>): string => {
  const d = mkdtempSync(join(tmpdir(), 'pitchlint-facts-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
};

describe('facts: the shape of the sheet', () => {
  it('treats dotted keys and nested maps as the same thing, and a plain value as { value }', () => {
    const a = flat({ 'delivery.typical': '2 business days', delivery: { overnight_share: '1%' }, 'support.first_response': { value: '4 business hours' } });
    expect(a.problems).toEqual([]);
    expect(a.facts).toEqual({
      'delivery.typical': { value: '2 business days', source: undefined, expires: undefined },
      'delivery.overnight_share': { value: '1%', source: undefined, expires: undefined },
      'support.first_response': { value: '4 business hours', source: undefined, expires: undefined },
    });
  });

  it('keeps the source and expiry of the long form, numbers as text', () => {
    const a = flat({ delivery: { typical: { value: '2 business days', source: 'Q3 ops report', expires: '2027-03-31' } }, discount: { max: 15 } });
    expect(a.facts['delivery.typical']).toEqual({ value: '2 business days', source: 'Q3 ops report', expires: '2027-03-31' });
    expect(a.facts['discount.max']).toEqual({ value: '15', source: undefined, expires: undefined });
  });

  it('reads the date YAML 1.1 tools write as a Date too', () => {
    expect(parseExpiry(new Date(Date.UTC(2027, 2, 31)))).toBe('2027-03-31');
    expect(parseExpiry('2027-02-30')).toBeUndefined();
    expect(parseExpiry('next year')).toBeUndefined();
  });

  it('skips empty template entries and reports real mistakes', () => {
    expect(flat({ delivery: null, support: { hours: '' } }).facts).toEqual({});
    expect(flat({ delivery: { typical: { value: '2 days', sorce: 'x' } } }).problems[0]).toMatch(/unknown key "sorce"/);
    expect(flat({ delivery: { typical: { value: '2 days', expires: 'soon' } } }).problems[0]).toMatch(/expires must be a date/);
    expect(flat({ delivery: ['2 days'] }).problems[0]).toMatch(/not a list/);
    expect(flat({ 'delivery.typical': '2 days', delivery: { typical: '3 days' } }).problems[0]).toMatch(/defined twice/);
  });

  it('leaves expired facts out of the sheet (valid through their expiry day)', () => {
    const problems: FactProblem[] = [];
    const all = flattenFacts({ a: { value: 'x', expires: '2026-01-01' }, b: { value: 'y', expires: '2025-12-31' }, c: 'z' }, undefined, problems);
    const sheet = makeSheet(all.values(), '2026-01-01');
    expect([...sheet.facts.keys()].sort()).toEqual(['a', 'c']);
    expect(sheet.expired.map((f) => f.key)).toEqual(['b']);
  });
});

describe('facts: loading a configuration', () => {
  beforeEach(() => resetFactWarnings());

  it('merges a facts file (with or without a top-level facts: key) under the config, the config winning', async () => {
    for (const factsYaml of ['facts:\n  delivery:\n    typical: 3 days\n    range: 1-4 days\n', 'delivery.typical: 3 days\ndelivery.range: 1-4 days\n']) {
      const d = dir({ 'facts.yaml': factsYaml, '.pitchlintrc.yaml': 'factsFile: facts.yaml\nfacts:\n  delivery.typical: 2 business days\n' });
      const sheet = await loadFacts(await loadConfigFile(join(d, '.pitchlintrc.yaml')));
      expect(sheet.facts.get('delivery.typical')?.value).toBe('2 business days');
      expect(sheet.facts.get('delivery.range')?.value).toBe('1-4 days');
      expect(sheet.facts.get('delivery.range')?.origin).toBe(join(d, 'facts.yaml'));
    }
  });

  it('reports a broken facts file with its position, and a missing one', async () => {
    const d = dir({ 'facts.yaml': 'delivery:\n  typical: { value: 2 days, expires: someday }\n', '.pitchlintrc.yaml': 'factsFile: facts.yaml\n' });
    await expect(loadFacts(await loadConfigFile(join(d, '.pitchlintrc.yaml')))).rejects.toThrow(/facts\.yaml:2:\d+: fact "delivery\.typical": expires must be a date/);
    const e = dir({ '.pitchlintrc.yaml': 'factsFile: nope.yaml\n' });
    await expect(loadFacts(await loadConfigFile(join(e, '.pitchlintrc.yaml')))).rejects.toThrow(/factsFile: cannot read .*nope\.yaml \(ENOENT\)/);
  });

  it('makes an expired fact a warning of its own, once per run', async () => {
    const d = dir({ '.pitchlintrc.yaml': 'facts:\n  delivery:\n    typical: { value: 2 business days, source: Q3 ops report, expires: 2024-03-31 }\n' });
    const config = await loadConfigFile(join(d, '.pitchlintrc.yaml'));
    const sheet = await loadFacts(config, new Date(2026, 0, 15));
    expect(sheet.facts.has('delivery.typical')).toBe(false);
    await loadFacts(config, new Date(2026, 0, 15));
    const warnings = takeFactWarnings();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^fact "delivery\.typical" in .*\.pitchlintrc\.yaml expired on 2024-03-31; rewrites treat it as missing/);
    expect(takeFactWarnings()).toEqual([]);
  });
});

describe('facts: placeholders and the catalog', () => {
  it('fills a template from the sheet, or leaves a visible placeholder and names the missing fact', () => {
    const sheet = makeSheet(flattenFacts({ delivery: { typical: '2 business days' } }, undefined, []).values(), '2026-01-01');
    const none = (): undefined => undefined;
    expect(fillTemplate('within {facts.delivery.typical}', sheet, none)).toEqual({ text: 'within 2 business days', missing: [], placeholders: 0, used: ['delivery.typical'] });
    expect(fillTemplate('within {facts.support.first_response}', sheet, none)).toMatchObject({ text: 'within [typical first response time]', missing: ['support.first_response'], placeholders: 1 });
    expect(fillTemplate('by {facts.go_live|go-live date}', sheet, none)?.text).toBe('by [go-live date]');
    expect(fillTemplate('for {facts.price.term?the agreed term}', sheet, none)).toMatchObject({ text: 'for the agreed term', missing: [], placeholders: 0 });
    expect(fillTemplate('the best [cite a source]', sheet, none)?.placeholders).toBe(1);
    expect(fillTemplate('{verb} now', sheet, none)).toBeUndefined();
  });

  it('labels every standard fact key', () => {
    const keys = [...factCatalog().keys()];
    for (const k of Object.keys(STANDARD_FACTS)) expect(keys).toContain(k);
    for (const e of factCatalog().values()) expect(e.label, e.key).toMatch(/^[a-z]/);
    expect(placeholderFor('delivery.typical')).toBe('[typical delivery time]');
    expect(placeholderFor('made.up_key')).toBe('[made up key]');
  });

  it('writes a starter config (pitchlint init) that is valid and records no figure', async () => {
    const text = starterConfig();
    const value = parse(text) as { facts: Record<string, unknown> };
    expect(Object.values(value.facts).every((v) => v === null)).toBe(true);
    for (const e of factCatalog().values()) expect(text).toContain(`# ${e.key.split('.').slice(1).join('.')}: `);
    const d = dir({ '.pitchlintrc.yaml': text });
    const config = await loadConfigFile(join(d, '.pitchlintrc.yaml'));
    expect((await loadFacts(config)).facts.size).toBe(0);
    // Uncommenting one line is all it takes.
    writeFileSync(join(d, '.pitchlintrc.yaml'), text.replace('# typical: "2 business days"', 'typical: "3 business days"'));
    expect((await loadFacts(await loadConfigFile(join(d, '.pitchlintrc.yaml')))).facts.get('delivery.typical')?.value).toBe('3 business days');
  });
});
