// The guard registry: the guards a rule can name in `unless`, one line each. A guard is one
// module exporting a Guard (name, docs, needsTags, applies); the schema's `unless` enum (built by
// scripts/build.mjs), the rule docs and `explain` all read this list.
import type { GuardSpec } from '../../rules/definition.js';
import { ConfigError } from '../../shared/errors.js';
import type { Guard } from '../rule.js';
import { conditional } from './conditional.js';
import { contractTerms } from './contract-terms.js';
import { courtesy } from './courtesy.js';
import { hedged } from './hedged.js';
import { instruction } from './instruction.js';
import { negated } from './negated.js';
import { ownAction } from './own-action.js';
import { past } from './past.js';
import { phraseGuard } from './phrases.js';
import { properName } from './proper-name.js';
import { question } from './question.js';
import { quoted } from './quoted.js';
import { reported } from './reported.js';
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
];

export const GUARDS: Readonly<Record<string, Guard>> = Object.fromEntries(GUARD_LIST.map((g) => [g.name, g]));

export const GUARD_NAMES: readonly string[] = GUARD_LIST.map((g) => g.name);

export function compileGuard(spec: GuardSpec): Guard {
  if (typeof spec !== 'string') return phraseGuard(spec);
  const guard = GUARDS[spec];
  // The schema rejects unknown names first; this is for rule sets built in code.
  if (!guard) throw new ConfigError(`unknown guard "${spec}" in unless; guards: ${GUARD_NAMES.join(', ')}`);
  return guard;
}
