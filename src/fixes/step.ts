// Running one rewrite step on a flagged sentence: check its `when`, run its operations on the
// original sentence, merge their edits, repair the seams, and return one minimal edit.
import { subjectBefore, usedAsAdjective } from './analysis.js';
import { polishEdits, type Edit } from './grammar.js';
import { attribute } from './ops/attribute.js';
import { emptyResult, phraseOccurrences, sentenceHas, type OpInput, type OpResult } from './ops/common.js';
import { hedge } from './ops/hedge.js';
import { drop, replaceMap, replaceWhole } from './ops/replace.js';
import { soften } from './ops/soften.js';
import { append, template } from './ops/template.js';
import type { RewriteStep, RewriteWhen } from './spec.js';

export interface StepResult {
  /** One edit on the sentence (offsets in the sentence). */
  edit: Edit;
  missing: string[];
  placeholders: number;
  /** Facts quoted in the edit. */
  used: string[];
}

export function whenHolds(input: OpInput, when: RewriteWhen | undefined): boolean {
  if (!when) return true;
  const { s, match } = input;
  if (when.match && !when.match.some((p) => phraseOccurrences(s.tokens, p, match.tokenStart, match.tokenEnd).some(([i, j]) => i >= match.tokenStart && j <= match.tokenEnd))) return false;
  if (when.sentence && !when.sentence.some((p) => sentenceHas(s.tokens, p))) return false;
  if (when.notSentence && when.notSentence.some((p) => sentenceHas(s.tokens, p))) return false;
  if (when.facts && !when.facts.every((k) => input.facts.facts.has(k))) return false;
  if (when.use) {
    const adj = usedAsAdjective(s, match.tokenEnd);
    if ((when.use === 'adjective') !== adj) return false;
  }
  if (when.subject) {
    const subj = subjectBefore(s, match.tokenStart, match.captures.subject || undefined);
    if (!when.subject.includes(subj.cls)) return false;
  }
  return true;
}

function merge(into: OpResult, r: OpResult): void {
  into.edits.push(...r.edits);
  for (const m of r.missing) if (!into.missing.includes(m)) into.missing.push(m);
  for (const u of r.used) if (!into.used.includes(u)) into.used.push(u);
  into.placeholders += r.placeholders;
}

/** Run a step; undefined when it does not apply (its `when` fails or an operation finds nothing to do). */
export function runStep(input: OpInput, step: RewriteStep): StepResult | undefined {
  if (!whenHolds(input, step.when)) return undefined;
  const scope = step.scope ?? 'match';
  const all = emptyResult();
  const required: Array<() => OpResult | undefined> = [];
  if (step.drop !== undefined) required.push(() => drop(input, step.drop!));
  if (step.replace !== undefined) {
    const rep = step.replace;
    required.push(() => (typeof rep === 'string' ? replaceWhole(input, rep, scope) : replaceMap(input, rep)));
  }
  if (step.template !== undefined) required.push(() => template(input, step.template!, scope));
  if (step.attribute !== undefined) required.push(() => attribute(input, step.attribute!));
  if (step.soften !== undefined) required.push(() => soften(input, step.soften!));
  for (const op of required) {
    const r = op();
    if (!r) return undefined;
    merge(all, r);
  }
  if (step.hedge !== undefined) {
    // Alone, a hedge must apply; next to other operations it is added when it can be.
    const alreadyHedged = all.edits.some((e) => /\b(typically|usually|generally|expect|expected|planned|aim|aims|likely|in most cases)\b/i.test(e.text));
    const r = alreadyHedged ? undefined : hedge(input, step.hedge);
    if (r) merge(all, r);
    else if (required.length === 0) return undefined;
  }
  if (step.append !== undefined) {
    const r = append(input, step.append);
    if (!r) return undefined;
    merge(all, r);
  }
  if (all.edits.length === 0) return undefined;
  const text = input.s.text;
  const edit = polishEdits(text, all.edits);
  if (!edit) return undefined;
  return { edit: sentenceRemoval(text, edit), missing: all.missing, placeholders: all.placeholders, used: all.used };
}

/** Words that do not make a sentence on their own ("It's.", "This is your."): drop the sentence then. */
const HOLLOW = new Set(['it', "'s", 'is', 'this', 'that', 'be', 'a', 'an', 'the', 'so', 'and', 'but', 'now', 'you', 'your', 'are', 'our', 'to', 'just', 'only', 'here', 'there', 'all', 'get', 'today', 'yes', 'really', 'do', 'not']);

/** When an edit leaves no real words, the rewrite is the removal of the whole sentence. */
function sentenceRemoval(sentence: string, edit: Edit): Edit {
  const after = sentence.slice(0, edit.start) + edit.text + sentence.slice(edit.end);
  const words = (after.match(/[\p{L}\p{N}'’]+/gu) ?? []).map((w) => w.toLowerCase().replace(/’/g, "'"));
  const real = words.filter((w) => !HOLLOW.has(w) && !HOLLOW.has(w.replace(/'s$/, '')));
  if (real.length === 0) return { start: 0, end: sentence.length, text: '' };
  return edit;
}
