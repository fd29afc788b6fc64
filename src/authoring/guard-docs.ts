// What each guard of `unless:` means, in words for rule authors (docs, `rules explain`,
// `pitchlint explain`).
import type { GuardName, GuardSpec } from '../rules/definition.js';

/** Partial on purpose: a guard added to the engine without a line here still works (see guardText). */
export const GUARD_DOCS: Partial<Record<GuardName, string>> = {
  hedged: 'the sentence qualifies the claim with real information ("typically", "we aim to", "subject to stock")',
  negated: 'a negation stands shortly before the match ("we can\'t guarantee", "it won\'t always"), or an honest limit anywhere ("I\'m not sure", "not yet committed")',
  reported: 'the customer\'s own words or needs, reported back ("you mentioned", "your team said")',
  past: 'a fact about the past, with numbers or a named past period ("last year we delivered 98% of orders", "to date, we\'ve never lost a file")',
  quoted: 'the words are in quotation marks: mentioned, not claimed',
  'proper-name': 'the word is part of a name ("Guaranteed Rate", "Instant Pot")',
  question: 'the sentence is a question: it asks, it does not promise',
  conditional: 'the claim states its condition ("if", "once", "assuming", "subject to")',
  'own-action': 'the writer\'s own next small action ("I\'ll send the quote by Friday")',
  'contract-terms': 'contract language with its conditions named (SLA, warranty, service credits, "terms attached")',
  courtesy: 'a conventional courtesy ("Best regards", "always happy to help")',
  instruction: 'advice or an instruction to the reader, not a claim ("Always consult your accountant", "Answer every lead within a minute")',
  'third-party': 'the claim is about someone else: a generic group or another company ("Buyers are always looking for a deal", "their old supplier promised next-day")',
};

export function guardText(name: string): string {
  return GUARD_DOCS[name as GuardName] ?? `the "${name}" guard applies (see src/engine/guards/${name}.ts)`;
}

/** One line describing a guard of a rule's `unless`. */
export function describeGuard(spec: GuardSpec): { name: string; text: string } {
  if (typeof spec === 'string') return { name: spec, text: guardText(spec) };
  const where = spec.where ?? 'sentence';
  const place =
    where === 'sentence' ? 'anywhere in the sentence' : `${where} the match${spec.within ? `, within ${spec.within} word${spec.within === 1 ? '' : 's'}` : ''}`;
  return { name: 'phrases', text: `one of ${spec.phrases.map((p) => `"${p}"`).join(', ')} stands ${place}` };
}
