// `substitute`: phrase -> preferred phrase. The replacement becomes the finding's suggestion
// (and the rewrite), e.g. "guaranteed delivery" -> "scheduled delivery".
import { PhraseSet } from '../../text/phrase-set.js';
import { dedupe, matchFromTokens } from '../match.js';
import type { RuleKind } from '../rule.js';

export const substituteKind: RuleKind = {
  name: 'substitute',
  docs: 'a phrase and what to write instead; the replacement becomes the suggestion',
  captures: ['phrase', 'replacement'],
  guards: '[negated, quoted, reported]',
  scaffold: `# substitute: phrase -> what to write instead. The replacement becomes the suggestion.
replacements:
  TODO phrase to flag: TODO what to write instead
`,
  compile(def) {
    const replacements = def.replacements ?? {};
    const inflect = def.inflect ?? false;
    const set = new PhraseSet<string>();
    for (const phrase of Object.keys(replacements)) set.add(phrase, phrase, inflect);
    return {
      triggers: [{ phrases: Object.keys(replacements), inflect: inflect }],
      needsTags: false,
      match(s) {
        return dedupe(
          set
            .findAll(s.tokens)
            .map((m) =>
              matchFromTokens(s, m.start, m.end, { phrase: m.value, replacement: replacements[m.value] ?? '' }),
            ),
        );
      },
    };
  },
};
