// What each guard of `unless:` means, in words for rule authors (docs, `rules explain`,
// `pitchlint explain`): each guard's own `docs`, from the guard registry.
import { GUARDS } from '../engine/guards/index.js';
import type { GuardSpec } from '../rules/definition.js';

export function guardText(name: string): string {
  return GUARDS[name]?.docs ?? `the "${name}" guard applies (see src/engine/guards/${name}.ts)`;
}

/** One line describing a guard of a rule's `unless`. */
export function describeGuard(spec: GuardSpec): { name: string; text: string } {
  if (typeof spec === 'string') return { name: spec, text: guardText(spec) };
  const where = spec.where ?? 'sentence';
  const place =
    where === 'sentence'
      ? 'anywhere in the sentence'
      : `${where} the match${spec.within ? `, within ${spec.within} word${spec.within === 1 ? '' : 's'}` : ''}`;
  return { name: 'phrases', text: `one of ${spec.phrases.map((p) => `"${p}"`).join(', ')} stands ${place}` };
}
