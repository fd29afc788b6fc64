// The kind registry: rule kinds by name, one line each. A kind is one module under kinds/
// exporting a RuleKind (name, docs, captures, scaffold, starting guards, compile); the schema's
// `kind` enum (built by scripts/build.mjs), `rules new` and `rules validate` read it from here.
// Kinds with heavy dependencies (regex: re2js) load only when a rule uses them.
import { ConfigError } from '../../shared/errors.js';
import { didYouMean } from '../../shared/did-you-mean.js';
import type { RuleKind } from '../rule.js';

const LOADERS: Record<string, () => Promise<RuleKind>> = {
  phrase: async () => (await import('./phrase.js')).phraseKind,
  substitute: async () => (await import('./substitute.js')).substituteKind,
  pattern: async () => (await import('./pattern.js')).patternKind,
  commitment: async () => (await import('./commitment.js')).commitmentKind,
  regex: async () => (await import('./regex.js')).regexKind,
};

export const KIND_NAMES: readonly string[] = Object.keys(LOADERS);

export function loadKind(name: string): Promise<RuleKind> {
  const loader = LOADERS[name];
  // The schema rejects unknown kinds first; this is for rule sets built in code.
  if (!loader)
    return Promise.reject(
      new ConfigError(`unknown rule kind "${name}"${didYouMean(name, KIND_NAMES)}; kinds: ${KIND_NAMES.join(', ')}`),
    );
  return loader();
}
