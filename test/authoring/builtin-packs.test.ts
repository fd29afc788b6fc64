// The strict and finance packs: complete rules (message, description, rationale, suggestion,
// at least three flag and three pass examples), every example holding (`rules test`), and
// example sentences written for the packs, not taken from the evaluation sets.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesTest, rulesValidate } from '../../src/authoring/commands.js';
import type { FlagExample } from '../../src/rules/definition.js';
import { loadPackDir } from '../../src/rules/loader.js';
import { capture, ROOT } from './helpers.js';

const PACKS = ['strict', 'finance'];

describe.each(PACKS)('the %s pack', (pack) => {
  it('has complete rules with at least three flag and three pass examples', async () => {
    const { info, rules } = await loadPackDir(join(ROOT, 'rules', pack));
    expect(info.name).toBe(pack);
    expect(rules.length).toBeGreaterThanOrEqual(5);
    for (const { definition: d } of rules) {
      for (const key of ['message', 'description', 'rationale', 'suggestion'] as const) expect(d[key], `${d.id}.${key}`).toBeTruthy();
      expect(d.examples?.flag.length, d.id).toBeGreaterThanOrEqual(3);
      expect(d.examples?.pass.length, d.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('validates and passes `rules test`', async () => {
    const v = await capture((io) => rulesValidate([pack], { cwd: ROOT }, io));
    expect(v.err).toBe('');
    expect(v.code).toBe(0);
    const t = await capture((io) => rulesTest([pack], { cwd: ROOT }, io));
    expect(t.out).toMatch(/^(\d+) passed, 0 failed$/m);
    expect(t.code).toBe(0);
  });
});

describe('example sentences', () => {
  it('are not copied from the evaluation sets', async () => {
    const evalDir = join(ROOT, '..', 'shared', 'eval');
    if (!existsSync(evalDir)) return;
    const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    const evalTexts = new Set<string>();
    for (const f of readdirSync(evalDir).filter((x) => x.endsWith('.jsonl'))) {
      for (const line of readFileSync(join(evalDir, f), 'utf8').split('\n')) {
        if (line.trim()) evalTexts.add(norm((JSON.parse(line) as { text: string }).text));
      }
    }
    for (const pack of PACKS) {
      const { rules } = await loadPackDir(join(ROOT, 'rules', pack));
      for (const { definition: d } of rules) {
        const texts = [...(d.examples?.flag ?? []).map((e) => (typeof e === 'string' ? e : (e as FlagExample).text)), ...(d.examples?.pass ?? [])];
        for (const t of texts) expect(evalTexts.has(norm(t)), `${d.id}: "${t}"`).toBe(false);
      }
    }
  });
});
