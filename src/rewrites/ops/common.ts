// What every rewrite operation gets and returns.
import type { RuleMatch } from '../../engine/rule.js';
import type { SentenceContext } from '../../engine/sentence.js';
import type { FactsSheet } from '../../config/facts/types.js';
import { PhraseSet } from '../../text/phrase-set.js';
import type { Token } from '../../text/tokens.js';
import type { Category } from '../../shared/types.js';
import { beFor, nounPhraseAt, subjectBefore } from '../analysis.js';
import type { Edit } from '../grammar.js';
import { matchCase, pluralize } from '../language.js';
import { fillTemplate, slotNames, type Filled } from '../slots.js';

export interface OpInput {
  s: SentenceContext;
  match: RuleMatch;
  facts: FactsSheet;
  category: Category;
}

export interface OpResult {
  edits: Edit[];
  missing: string[];
  placeholders: number;
  used: string[];
}

export const emptyResult = (): OpResult => ({ edits: [], missing: [], placeholders: 0, used: [] });

export function addFilled(r: OpResult, f: Filled): void {
  for (const m of f.missing) if (!r.missing.includes(m)) r.missing.push(m);
  for (const u of f.used) if (!r.used.includes(u)) r.used.push(u);
  r.placeholders += f.placeholders;
}

/**
 * Fill a template for a replacement of tokens [from, to). {noun} and {noun:plural} take the noun
 * phrase after `to`, and the returned `end` then covers it.
 */
export function fillAt(
  input: OpInput,
  template: string,
  from: number,
  to: number,
): { filled: Filled; endToken: number } | undefined {
  const { s, match } = input;
  let endToken = to;
  const names = slotNames(template);
  const usesNoun = names.some((n) => n === 'noun' || n === 'noun:plural');
  const mayUseNoun = usesNoun || names.some((n) => n === 'noun?' || n === 'noun:plural?');
  const np = mayUseNoun ? nounPhraseAt(s, to, true) : undefined;
  if (usesNoun && !np) return undefined;
  if (np) endToken = np.end;
  const resolve = (name: string): string | undefined => {
    switch (name) {
      case 'match': {
        const m = match.captures.match ?? s.text.slice(match.start, match.end);
        // The flagged words moved from the start of the sentence ("Painless fillings" ->
        // "Fillings designed to be painless") lose the capital they had there.
        const moved = from === 0 && match.tokenStart === 0 && !template.trimStart().startsWith('{match}');
        return moved && m.length > 1 && m !== m.toUpperCase() ? m.charAt(0).toLowerCase() + m.slice(1) : m;
      }
      case 'sentence':
        return s.text;
      case 'noun?':
      case 'noun':
        return np ? s.text.slice(s.tokens[to]!.start, s.tokens[np.end - 1]!.end) : name.endsWith('?') ? '' : undefined;
      case 'noun:plural?':
      case 'noun:plural': {
        if (!np) return name.endsWith('?') ? '' : undefined;
        const head = s.tokens[np.head]!;
        return s.text.slice(s.tokens[to]!.start, head.start) + pluralize(head.text);
      }
      case 'be': {
        // No subject ("Expires at midnight!" -> "Valid until midnight!"): no verb either.
        const subj = subjectBefore(s, from);
        return subj.start === subj.end ? '' : beFor(subj.person);
      }
      default: {
        const v = match.captures[name];
        return v === undefined || v === '' ? undefined : v;
      }
    }
  };
  const filled = fillTemplate(template, input.facts, resolve);
  return filled ? { filled, endToken } : undefined;
}

const phraseSets = new Map<string, PhraseSet<string>>();

/**
 * Occurrences of a phrase overlapping tokens [a, b), matched like rule phrases: normalized tokens,
 * `*` for any word, <number>, <percent> and <money> placeholders.
 */
export function phraseOccurrences(
  tokens: readonly Token[],
  phrase: string,
  a: number,
  b: number,
): Array<[number, number]> {
  let set = phraseSets.get(phrase);
  if (!set) {
    set = new PhraseSet<string>().add(phrase, phrase);
    phraseSets.set(phrase, set);
  }
  return set
    .findAll(tokens)
    .filter((m) => m.start < b && m.end > a)
    .map((m) => [m.start, m.end] as [number, number]);
}

/** Whether the sentence contains the phrase anywhere. */
export function sentenceHas(tokens: readonly Token[], phrase: string): boolean {
  return phraseOccurrences(tokens, phrase, 0, tokens.length).length > 0;
}

/** The replacement text, written in the case of the words it replaces. */
export function inCaseOf(original: string, replacement: string): string {
  if (!replacement) return replacement;
  const first = original.charAt(0);
  if (original.length > 1 && original === original.toUpperCase() && /\p{L}/u.test(original))
    return replacement.toUpperCase();
  if (first !== first.toLowerCase() && replacement.charAt(0) === replacement.charAt(0).toLowerCase())
    return matchCase(original, replacement);
  return replacement;
}
