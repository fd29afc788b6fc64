// The guards a rule can name in `unless`.
import type { GuardName, GuardSpec } from '../../rules/definition.js';
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

export const GUARDS: Record<GuardName, Guard> = {
  hedged,
  negated,
  reported,
  past,
  quoted,
  'proper-name': properName,
  question,
  conditional,
  'own-action': ownAction,
  'contract-terms': contractTerms,
  courtesy,
  instruction,
  'third-party': thirdParty,
};

export function compileGuard(spec: GuardSpec): Guard {
  return typeof spec === 'string' ? GUARDS[spec] : phraseGuard(spec);
}
