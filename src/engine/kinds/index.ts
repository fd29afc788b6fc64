// Rule kinds by name. Kinds with heavy dependencies (regex: re2js) load only when a rule uses them.
import type { RuleDefinition } from '../../rules/definition.js';
import type { RuleKind } from '../rule.js';

const LOADERS: Record<RuleDefinition['kind'], () => Promise<RuleKind>> = {
  phrase: async () => (await import('./phrase.js')).phraseKind,
  substitute: async () => (await import('./substitute.js')).substituteKind,
  pattern: async () => (await import('./pattern.js')).patternKind,
  commitment: async () => (await import('./commitment.js')).commitmentKind,
  regex: async () => (await import('./regex.js')).regexKind,
};

export const KIND_NAMES = Object.keys(LOADERS) as Array<RuleDefinition['kind']>;

export function loadKind(name: RuleDefinition['kind']): Promise<RuleKind> {
  const loader = LOADERS[name];
  if (!loader) throw new Error(`unknown rule kind ${name}`);
  return loader();
}
