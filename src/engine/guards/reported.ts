// `reported`: the customer's own words or needs, reported back ("You mentioned you always need
// delivery within a day", "Your team said downtime is never acceptable").
// A customer subject inside a noun phrase ("the dashboard you need will be live ...") describes
// the thing being promised, it does not report the customer's words.
import type { Token } from '../../text/tokens.js';
import type { Guard } from '../rule.js';
import { NEUTRAL_DETERMINERS, wordSet } from '../../text/grammar.js';

const DETERMINERS = wordSet(NEUTRAL_DETERMINERS);
/** Words that may stand right before a reported clause ("I know you need", "so you said"). */
const CLAUSE_OPENERS = new Set([
  'that',
  'as',
  'if',
  'because',
  'since',
  'and',
  'but',
  'so',
  'when',
  'what',
  'whether',
  'know',
  'understand',
  'hear',
  'heard',
  'said',
  'think',
  'told',
  'feel',
  'noted',
  'see',
  'sounds',
  'like',
  'why',
  'how',
  'where',
  'while',
  'though',
  'although',
]);

/** "the dashboard you need": the customer subject follows a noun phrase, as a relative clause. */
function insideNounPhrase(tokens: readonly Token[], subjStart: number): boolean {
  const prev = tokens[subjStart - 1];
  if (!prev || prev.type !== 'word' || CLAUSE_OPENERS.has(prev.norm) || DETERMINERS.has(prev.norm)) return false;
  for (let i = subjStart - 2; i >= Math.max(0, subjStart - 4); i--) {
    const x = tokens[i]!;
    if (x.type !== 'word') return false;
    if (DETERMINERS.has(x.norm)) return true;
  }
  return false;
}

export const reported: Guard = {
  name: 'reported',
  docs: 'the customer\'s own words or needs, reported back ("you mentioned", "your team said")',
  needsTags: false,
  applies(s, match) {
    const lx = s.lexicon;
    if (lx.reportingPhrases.occursIn(s.tokens, 0, match.tokenStart)) return true;
    for (const subj of lx.customerSubjects.findAll(s.tokens)) {
      if (subj.end > match.tokenStart) break;
      if (insideNounPhrase(s.tokens, subj.start)) continue;
      // s5-commit: "hot water when you need it", "whatever you want": the occasion of the offer
      if (/^(when|whenever|wherever|whatever)$/.test(s.tokens[subj.start - 1]?.norm ?? '')) continue;
      // "you (always) need", "your team said", "your CFO was clear that"
      for (let j = subj.end; j < Math.min(match.tokenStart + 1, subj.end + 4); j++) {
        if (lx.reportingVerbs.matchAt(s.tokens, j).length > 0) return true;
      }
    }
    return false;
  },
};
