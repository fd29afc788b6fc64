// Every rule's own examples, for every built-in pack (rules/<pack>/, not the lexicon): each
// `flag` example must be flagged by that rule (at the example's `match` words when given), and
// each `pass` example must not be flagged by it. One test per example, so a failure names the
// rule and the sentence.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '../../src/engine/ruleset.js';
import type { FlagExample, RuleSource } from '../../src/rules/definition.js';
import { builtinPacksDir } from '../../src/shared/paths.js';
import { flagged, lint, packRuleSet } from '../engine/helpers.js';

const root = builtinPacksDir();
const packs = readdirSync(root)
  .filter((d) => d !== 'lexicon' && statSync(join(root, d)).isDirectory())
  .sort();

const loaded = new Map<string, Promise<{ ruleset: RuleSet; sources: RuleSource[] }>>();
const load = (pack: string) => {
  let p = loaded.get(pack);
  if (!p) loaded.set(pack, (p = packRuleSet(join(root, pack))));
  return p;
};

// The rule files are read synchronously here only to name the tests; the engine loads them again.
import { loadPackDir } from '../../src/rules/loader.js';
const sourcesByPack = await Promise.all(packs.map(async (p) => [p, (await loadPackDir(join(root, p))).rules] as const));

describe.each(sourcesByPack)('pack %s', (pack, sources) => {
  it('has rules, each with at least three flag and three pass examples', () => {
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) {
      const ex = s.definition.examples;
      expect(ex, `${s.definition.id} has examples`).toBeDefined();
      expect(ex!.flag.length, `${s.definition.id} flag examples`).toBeGreaterThanOrEqual(3);
      expect(ex!.pass.length, `${s.definition.id} pass examples`).toBeGreaterThanOrEqual(3);
    }
  });

  for (const source of sources) {
    const def = source.definition;
    describe(def.id, () => {
      for (const raw of def.examples?.flag ?? []) {
        const ex: FlagExample = typeof raw === 'string' ? { text: raw } : raw;
        it(`flags: ${ex.text}`, async () => {
          const { ruleset } = await load(pack);
          const findings = (await lint(ex.text, ruleset)).filter((f) => f.ruleId === def.id);
          expect(findings.length, `not flagged by ${def.id}; all findings: ${JSON.stringify(flagged(await lint(ex.text, ruleset)))}`).toBeGreaterThan(0);
          if (ex.match !== undefined) {
            expect(findings.map((f) => f.sentence.slice(f.span[0], f.span[1]))).toContain(ex.match);
          }
        });
      }
      for (const text of def.examples?.pass ?? []) {
        it(`passes: ${text}`, async () => {
          const { ruleset } = await load(pack);
          const findings = (await lint(text, ruleset)).filter((f) => f.ruleId === def.id);
          expect(flagged(findings)).toEqual([]);
        });
      }
    });
  }
});
