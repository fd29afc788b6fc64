// A rule's own guard: `unless: [{ phrases: [...], where: before, within: 3 }]`.
import type { PhraseGuard } from '../../rules/definition.js';
import { PhraseSet } from '../../text/phrase-set.js';
import type { Guard } from '../rule.js';

export function phraseGuard(spec: PhraseGuard): Guard {
  const set = new PhraseSet();
  for (const p of spec.phrases) set.add(p, p, true);
  const where = spec.where ?? 'sentence';
  const within = spec.within ?? 1000;
  return {
    name: `phrases(${spec.phrases.slice(0, 3).join(', ')}${spec.phrases.length > 3 ? ', …' : ''})`,
    needsTags: false,
    applies(s, match) {
      if (where === 'sentence') return set.occursIn(s.tokens);
      if (where === 'before') return set.occursIn(s.tokens, Math.max(0, match.tokenStart - within), match.tokenStart);
      return set.findAll(s.tokens).some((m) => m.start >= match.tokenEnd && m.start < match.tokenEnd + within);
    },
  };
}
