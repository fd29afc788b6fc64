// `third-party`: the claim is about someone else, not about what the writer's business offers:
// a generic group ("Sales reps have always struggled with scripts", "Buyers are always looking
// for a deal") or another company ("Their platform works every time, they say"). The subject of
// the claim's clause names neither the writer (we, our, I), nor the reader (you, your), nor the
// offer (it, this, the ...). A claim that opens the sentence with no subject at all ("Always on
// time, always on budget") is a slogan for the offer and is not guarded.
import type { Lexicon } from '../../rules/lexicon.js';
import type { Token } from '../../text/tokens.js';
import type { Guard } from '../rule.js';
import { AUXILIARIES_BEFORE_VERB, CLAUSE_BREAKS, wordSet } from '../../text/grammar.js';

/** Words that tie a clause to the writer, the reader or the offer. */
const CLAIMANT = new Set([
  'we',
  'our',
  'ours',
  'us',
  'i',
  'my',
  'me',
  'you',
  'your',
  'yours',
  'it',
  'its',
  'this',
  'these',
  'the',
  'a',
  'an',
  'each',
  'every',
  'all',
  'any',
  'everything',
  'nothing',
  'there',
]);
/** Words that make the subject someone else even next to "the" ("their team", "the competition"). */
const OTHERS = new Set([
  'their',
  'his',
  'her',
  'they',
  'he',
  'she',
  'competitors',
  'competitor',
  'competition',
  'rivals',
  'others',
]);
const BREAK = CLAUSE_BREAKS.thirdParty;

const RELATIVE = new Set(['that', 'which', 'who']);
const AUX = wordSet(AUXILIARIES_BEFORE_VERB);

/** Habitual absolutes: the form of a generic truth ("Buyers are always looking for a deal"). */
const HABITUAL = new Set(['always', 'never', 'ever']);
/** Words after the claim that tie it back to the offer ("Guests are always seated on time at our venues"). */
const CLAIMANT_AFTER = new Set(['we', 'our', 'us', 'you', 'your']);

function restOfClause(t: readonly Token[], from: number): Token[] {
  const out: Token[] = [];
  for (let i = from; i < t.length && !BREAK.has(t[i]!.norm); i++) out.push(t[i]!);
  return out;
}

const SERVICE_CACHE = new WeakMap<Lexicon, Set<string>>();
function serviceWords(lexicon: Lexicon): Set<string> {
  let set = SERVICE_CACHE.get(lexicon);
  if (!set)
    SERVICE_CACHE.set(
      lexicon,
      (set = new Set(lexicon.hasSubjectClass('service') ? lexicon.subjects(['service']) : [])),
    );
  return set;
}

export const thirdParty: Guard = {
  name: 'third-party',
  docs: 'the claim is about someone else: a generic group or another company ("Buyers are always looking for a deal", "their old supplier promised next-day")',
  needsTags: false,
  applies(s, match) {
    const t = s.tokens;
    let from = match.tokenStart;
    while (from > 0 && !BREAK.has(t[from - 1]!.norm)) from--;
    let end = match.tokenStart;
    // A relative clause ("a vendor that always answers") takes its subject from the noun before it.
    const words = (a: number, b: number): number =>
      t.slice(a, b).filter((x) => x.type === 'word' && !AUX.has(x.norm)).length;
    if (words(from, end) < 2 && from > 0 && RELATIVE.has(t[from - 1]!.norm)) {
      end = from - 1;
      from = end;
      while (from > 0 && !BREAK.has(t[from - 1]!.norm)) from--;
    }
    const subject = t.slice(from, end).filter((x) => x.type === 'word' && !AUX.has(x.norm));
    if (subject.length === 0) return false;
    // One word: a bare noun with its verb right before the claim is a generic truth ("Persistence
    // is always rewarded", "price is always evaluated") unless it names the offer ("Delivery is
    // always free"); anything else is too short to tell a subject from an elided one ("..., but
    // works no matter how").
    if (subject.length === 1) {
      if (!HABITUAL.has(t[match.tokenStart]!.norm)) return false;
      // "Persistence always pays off": one bare word opening the sentence, with its verb after
      const opening = from === 0 && match.tokenStart === 1;
      if (!opening && !AUX.has(t[match.tokenStart - 1]?.norm ?? '')) return false;
      if (restOfClause(t, match.tokenEnd).some((x) => CLAIMANT_AFTER.has(x.norm))) return false;
      const w = subject[0]!;
      if (CLAIMANT.has(w.norm) || OTHERS.has(w.norm) || serviceWords(s.lexicon).has(w.norm)) return false;
      return w.type === 'word' && /^[a-z]+$/i.test(w.text) && (w === t[0] || !w.capitalized);
    }
    // A capitalized word inside the subject is a name, maybe the writer's own brand ("Acme always ...").
    if (subject.some((x) => x.capitalized && x !== t[0])) return false;
    if (subject.some((x) => OTHERS.has(x.norm)))
      return !subject.some((x) => x.norm === 'we' || x.norm === 'our' || x.norm === 'you' || x.norm === 'your');
    // A generic subject is a noun phrase with its verb right before the claim ("Sales reps have
    // always ...", "Buyers are always ..."); "Order by 8pm for next-day delivery" has none.
    if (!AUX.has(t[match.tokenStart - 1]?.norm ?? '')) return false;
    if (restOfClause(t, match.tokenEnd).some((x) => CLAIMANT_AFTER.has(x.norm))) return false;
    return !subject.some((x) => CLAIMANT.has(x.norm));
  },
};
