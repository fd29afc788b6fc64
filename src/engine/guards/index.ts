// The guard registry: the guards a rule can name in `unless`, one line each. A guard is one
// module exporting a Guard (name, docs, needsTags, applies); the schema's `unless` enum (built by
// scripts/build.mjs), the rule docs and `explain` all read this list.
import type { GuardSpec } from '../../rules/definition.js';
import { ConfigError } from '../../shared/errors.js';
import type { Guard } from '../rule.js';
import { advice } from './advice.js';
import { conditional } from './conditional.js';
import { contractTerms } from './contract-terms.js';
import { courtesy } from './courtesy.js';
import { customerSide } from './customer-side.js';
import { disclaimed } from './disclaimed.js';
import { hedged } from './hedged.js';
import { heading } from './heading.js';
import { instruction } from './instruction.js';
import { narrative } from './narrative.js';
import { negated } from './negated.js';
import { offered } from './offered.js';
import { ownStep } from './own-step.js';
import { ownAction } from './own-action.js';
import { past } from './past.js';
import { phraseGuard } from './phrases.js';
import { priceTerm } from './price-term.js';
import { procedure } from './procedure.js';
import { properName } from './proper-name.js';
import { question } from './question.js';
import { quoted } from './quoted.js';
import { reported } from './reported.js';
import { requirement } from './requirement.js';
import { testimonial } from './testimonial.js';
import { thirdParty } from './third-party.js';

export const GUARD_LIST: readonly Guard[] = [
  hedged,
  negated,
  reported,
  past,
  quoted,
  properName,
  question,
  conditional,
  ownAction,
  contractTerms,
  courtesy,
  instruction,
  thirdParty,
  disclaimed,
  narrative,
  requirement,
  offered,
  customerSide,
  ownStep,
  procedure,
  heading,
  priceTerm,
  testimonial,
  advice,
];

/**
 * The claim-context guards (issue 16) and the categories they apply to. They read the clause
 * model (engine/claim-context.ts) and hold for every rule of those categories, so a rule file
 * need not list them; a rule may still name one in `unless`. Pressure is left out of the
 * reader's-step guard on purpose: a deadline on the reader is what pressure is.
 */
const ALL = ['absolute', 'guarantee', 'commitment', 'speed', 'superlative', 'roadmap', 'pricing', 'pressure'];
export const CONTEXT_GUARDS: ReadonlyArray<{ guard: Guard; categories: ReadonlySet<string> }> = [
  { guard: disclaimed, categories: new Set(ALL) },
  { guard: narrative, categories: new Set(['absolute', 'guarantee', 'commitment', 'speed', 'pricing']) },
  { guard: requirement, categories: new Set(ALL.filter((c) => c !== 'pressure')) },
  { guard: offered, categories: new Set(['speed', 'commitment']) },
  { guard: customerSide, categories: new Set(['commitment', 'speed', 'roadmap']) },
  { guard: ownStep, categories: new Set(['commitment', 'speed']) },
  { guard: procedure, categories: new Set(['commitment', 'speed']) },
  { guard: heading, categories: new Set(['guarantee', 'speed', 'absolute', 'commitment', 'superlative']) },
  { guard: priceTerm, categories: new Set(['pricing', 'absolute']) },
  { guard: testimonial, categories: new Set(ALL) },
  { guard: advice, categories: new Set(ALL.filter((c) => c !== 'pressure')) },
];

const CONTEXT_BY_CATEGORY = new Map<string, Guard[]>();

/** The claim-context guards that hold for a rule of this category. */
export function contextGuardsFor(category: string): readonly Guard[] {
  let list = CONTEXT_BY_CATEGORY.get(category);
  if (!list)
    CONTEXT_BY_CATEGORY.set(
      category,
      (list = CONTEXT_GUARDS.filter((c) => c.categories.has(category)).map((c) => c.guard)),
    );
  return list;
}

export const GUARDS: Readonly<Record<string, Guard>> = Object.fromEntries(GUARD_LIST.map((g) => [g.name, g]));

export const GUARD_NAMES: readonly string[] = GUARD_LIST.map((g) => g.name);

export function compileGuard(spec: GuardSpec): Guard {
  if (typeof spec !== 'string') return phraseGuard(spec);
  const guard = GUARDS[spec];
  // The schema rejects unknown names first; this is for rule sets built in code.
  if (!guard) throw new ConfigError(`unknown guard "${spec}" in unless; guards: ${GUARD_NAMES.join(', ')}`);
  return guard;
}
