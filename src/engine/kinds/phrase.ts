// `phrase`: a list of words or phrases, matched on word boundaries, case-insensitively, with
// inflections (guarantee, guarantees, guaranteed).
import { PhraseSet } from '../../text/phrase-set.js';
import { dedupe, matchFromTokens } from '../match.js';
import type { RuleKind } from '../rule.js';

export const phraseKind: RuleKind = {
  name: 'phrase',
  compile(def) {
    const phrases = def.phrases ?? [];
    const inflect = def.inflect ?? true;
    const set = new PhraseSet<string>();
    for (const p of phrases) set.add(p, p, inflect);
    return {
      triggers: [{ phrases: phrases, inflect: inflect }],
      needsTags: false,
      match(s) {
        return dedupe(set.findAll(s.tokens).map((m) => matchFromTokens(s, m.start, m.end, { phrase: m.value })));
      },
    };
  },
};
