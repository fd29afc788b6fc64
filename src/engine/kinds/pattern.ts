// `pattern`: a compromise match pattern over part-of-speech tags, for what a word list cannot say
// ("(always|never) #Adverb? #Verb"). Its `triggers` let the prefilter skip sentences without
// any of the pattern's words, so only candidate sentences are ever tagged.
import { PhraseSet } from '../../text/phrase-set.js';
import { safeMatchRegs, type MatchParser } from '../../rules/pattern-syntax.js';
import { dedupe, tokenRange } from '../match.js';
import type { RuleKind, RuleMatch } from '../rule.js';

export const patternKind: RuleKind = {
  name: 'pattern',
  docs: 'a compromise match pattern over part-of-speech tags, tried on sentences with one of its trigger words',
  captures: [],
  guards: '[hedged, negated, reported, past, quoted, question]',
  scaffold: `# pattern: a compromise match pattern over part-of-speech tags (#Verb, #Adverb, #Value, ...),
# with (a|b) alternatives and ? for optional words. Replace this example.
pattern: '(always|never) #Adverb? #Verb'
# The prefilter only tries the pattern on sentences with one of these words.
triggers: [always, never]
`,
  compile(def) {
    const pattern = def.pattern ?? '';
    const triggers = def.triggers ?? [];
    const inflect = def.inflect ?? true;
    const triggerSet = new PhraseSet();
    for (const t of triggers) triggerSet.add(t, t, inflect);
    // Parsed once, with /regex/ terms on RE2 (no backtracking on any input).
    let regs: unknown;
    return {
      triggers: [{ phrases: triggers, inflect: inflect }],
      needsTags: true,
      match(s) {
        if (!triggerSet.occursIn(s.tokens)) return [];
        const { view, termSpan } = s.tagged();
        regs ??= safeMatchRegs(view as unknown as MatchParser, pattern);
        const found = view.match(regs as string);
        const out: RuleMatch[] = [];
        for (const terms of found.docs) {
          const first = terms[0];
          const last = terms.at(-1);
          if (!first || !last) continue;
          const a = termSpan.get(first);
          const b = termSpan.get(last);
          if (!a || !b) continue;
          const [ts, te] = tokenRange(s, a[0], Math.max(b[1], a[0] + 1));
          if (te <= ts) continue;
          const start = s.tokens[ts]!.start;
          const end = s.tokens[te - 1]!.end;
          out.push({ start, end, tokenStart: ts, tokenEnd: te, captures: { match: s.text.slice(start, end) } });
        }
        return dedupe(out);
      },
    };
  },
};
