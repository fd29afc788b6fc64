// Golden tests for every built-in rule, generated at test time from each rule's examples (rules
// are added and edited in parallel): each sentence a rule flags must come with a rewrite (or none,
// when the strict check withholds it and the example expects none) that
// (1) the same rule does not flag again, (2) is grammatical (capital start, a/an, no doubled
// spaces or punctuation), and (3) keeps the sentence's own numbers outside the flagged words and
// adds none. Expected rewrites (examples.flag[].rewrite and rewrite.examples) are compared.
import { describe, expect, it } from 'vitest';
import type { FlagExample, RuleSource } from '../../src/rules/definition.js';
import type { RewriteExample } from '../../src/rules/rewrite-spec.js';
import { allRuleSources, factsOf, flaggedBy, grammarProblems, lintText, numbersIn, ruleSetOf } from './helpers.js';

const sources = await allRuleSources();

interface Case {
  rule: RuleSource;
  text: string;
  expected?: string;
  facts?: Record<string, unknown>;
}

const cases: Case[] = [];
for (const rule of sources) {
  const def = rule.definition;
  for (const ex of def.examples?.flag ?? []) {
    const e: FlagExample = typeof ex === 'string' ? { text: ex } : ex;
    cases.push({ rule, text: e.text, ...(e.rewrite !== undefined ? { expected: e.rewrite } : {}) });
  }
  const rw = def.rewrite as { examples?: RewriteExample[] } | undefined;
  if (rw && typeof rw === 'object' && !Array.isArray(rw) && Array.isArray(rw.examples)) {
    for (const e of rw.examples)
      cases.push({ rule, text: e.text, expected: e.rewrite, ...(e.facts ? { facts: e.facts } : {}) });
  }
}

describe('golden rewrites of every built-in rule', () => {
  it('finds rules with examples in rules/*/', () => {
    expect(sources.length).toBeGreaterThan(5);
    expect(cases.length).toBeGreaterThan(sources.length);
  });

  for (const c of cases) {
    const id = c.rule.definition.id;
    const label = `${c.rule.pack}/${id}: ${c.text}${c.facts ? ' (with facts)' : ''}`;
    it(label, async () => {
      const alone = await ruleSetOf([c.rule]);
      const result = await lintText(c.text, alone, factsOf(c.facts));
      const own = result.findings.filter((f) => f.ruleId === id);
      // An example the rule does not flag is the rule tests' business (test/rules); nothing to rewrite.
      if (own.length === 0) return;
      const f = own[0]!;
      // No rewrite beats a wrong one: a rewrite that fails the strict check is withheld, and
      // then the finding has its suggestion and no fix. An example with an expected rewrite
      // must get it.
      if (f.rewrite === undefined && c.expected === undefined) {
        expect(f.fix).toBeUndefined();
        return;
      }
      expect(f.rewrite, 'the example expects a rewrite').toBeDefined();
      const rewrite = f.rewrite!;
      if (c.expected !== undefined) expect(rewrite).toBe(c.expected);
      expect(rewrite).not.toBe(f.sentence);
      // (1) clean: the rule that made it does not flag it.
      expect(await flaggedBy(rewrite, alone), `re-lint of: ${rewrite}`).not.toContain(id);
      // (2) grammatical.
      expect(grammarProblems(f.sentence, rewrite), rewrite).toEqual([]);
      // (3) numbers: the sentence's own numbers outside the flagged words are kept; none is added.
      const outside = f.sentence.slice(0, f.span[0]) + ' ' + f.sentence.slice(f.span[1]);
      const kept = numbersIn(rewrite);
      for (const n of numbersIn(outside)) expect(kept, `number ${n} kept in: ${rewrite}`).toContain(n);
      const allowed = new Set([...numbersIn(f.sentence), ...numbersIn(JSON.stringify(c.facts ?? {}))]);
      for (const n of kept) expect(allowed.has(n), `number ${n} invented in: ${rewrite}`).toBe(true);
    });
  }
});
