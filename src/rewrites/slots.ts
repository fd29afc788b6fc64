// Filling a rewrite template: {match}, the rule kind's captures ({verb}, {deadline}, ...), derived
// slots ({noun}, {noun:plural}, {be}) and facts ({facts.delivery.typical}, optionally with the
// placeholder label after a bar: {facts.delivery.typical|typical delivery time}, or with words
// that are true without the fact after a question mark: {facts.price.term?the agreed term}). A
// missing fact becomes a visible placeholder and is listed; literal [brackets] in a template are
// placeholders too.
import { placeholderFor } from '../config/facts/catalog.js';
import type { FactsSheet } from '../config/facts/types.js';

export interface Filled {
  text: string;
  /** Fact keys the template needed and the sheet does not have. */
  missing: string[];
  /** Visible placeholders in the text ([typical delivery time], [cite a source]). */
  placeholders: number;
  /** Fact keys that were filled in. */
  used: string[];
}

/** Resolves a non-fact slot; undefined = the slot cannot be filled (the step does not apply). */
export type SlotResolver = (name: string) => string | undefined;

const SLOT = /\{([a-zA-Z_][\w.:-]*\??)(?:([|?])([^}]*))?\}/g;
const LITERAL_PLACEHOLDER = /\[[^\][]+\]/g;

export function fillTemplate(template: string, facts: FactsSheet, resolve: SlotResolver): Filled | undefined {
  const missing: string[] = [];
  const used: string[] = [];
  let placeholders = (template.replace(SLOT, '').match(LITERAL_PLACEHOLDER) ?? []).length;
  let failed = false;
  const text = template.replace(SLOT, (_whole, name: string, sep: string | undefined, extra: string | undefined) => {
    if (name.startsWith('facts.')) {
      const key = name.slice('facts.'.length);
      const fact = facts.facts.get(key);
      if (fact) {
        used.push(key);
        return fact.value;
      }
      // {facts.key?words}: words that are true without the fact stand in for it.
      if (sep === '?') return extra ?? '';
      const label = sep === '|' ? extra : undefined;
      if (!missing.includes(key)) missing.push(key);
      placeholders++;
      return placeholderFor(key, label);
    }
    const v = resolve(name);
    if (v === undefined) {
      failed = true;
      return '';
    }
    return v;
  });
  if (failed) return undefined;
  return { text, missing, placeholders, used };
}

/** Names of the slots a template uses (for checks). */
export function slotNames(template: string): string[] {
  return [...template.matchAll(SLOT)].map((m) => m[1]!);
}
