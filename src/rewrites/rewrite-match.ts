// Rewriting one flagged claim: the rule's own steps, then its category's defaults, then the
// general fallback; the first step that applies wins.
import type { RuleDefinition } from '../rules/definition.js';
import { rewriteDefaults } from './defaults.js';
import type { OpInput } from './ops/common.js';
import { stepsOf, type RewriteSpec, type RewriteStep } from '../rules/rewrite-spec.js';
import { runStep, type StepResult } from './step.js';

/** The steps of a rule's rewrite spec; `{ steps, examples }` is the long form. */
export function ruleSteps(spec: RuleDefinition['rewrite']): RewriteStep[] | false {
  if (spec === false) return false;
  if (spec && typeof spec === 'object' && !Array.isArray(spec) && 'steps' in spec) return stepsOf((spec as { steps: RewriteSpec }).steps);
  return stepsOf(spec as RewriteSpec | undefined);
}

export interface MatchRewrite extends StepResult {
  /** Which step produced it: "rule", "category" or "fallback". */
  from: 'rule' | 'category' | 'fallback';
}

export function rewriteMatch(input: OpInput, spec: RuleDefinition['rewrite']): MatchRewrite | undefined {
  const own = ruleSteps(spec);
  if (own === false) return undefined;
  const d = rewriteDefaults();
  const tiers: Array<[MatchRewrite['from'], RewriteStep[]]> = [
    ['rule', own],
    ['category', d.categories[input.category] ?? []],
    ['fallback', d.fallback],
  ];
  for (const [from, steps] of tiers) {
    for (const step of steps) {
      const r = runStep(input, step);
      if (r) return { ...r, from };
    }
  }
  return undefined;
}
