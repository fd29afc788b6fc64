// Running one rewrite step on a flagged sentence: check its `when`, run its operations on the
// original sentence, merge their edits, repair the seams, and return one minimal edit.
import { clauseOf, subjectBefore, usedAsAdjective } from './analysis.js';
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
  // Where the phrase named in `match` ends: `use` looks at the word after it.
  let anchor = match.tokenEnd;
  if (when.match) {
    const hits = when.match.flatMap((p) => phraseOccurrences(s.tokens, p, match.tokenStart, match.tokenEnd).filter(([i, j]) => i >= match.tokenStart && j <= match.tokenEnd));
    if (hits.length === 0) return false;
    anchor = Math.min(...hits.map(([, j]) => j));
  }
  if (when.sentence && !when.sentence.some((p) => sentenceHas(s.tokens, p))) return false;
  if (when.notSentence && when.notSentence.some((p) => sentenceHas(s.tokens, p))) return false;
  if (when.facts && !when.facts.every((k) => input.facts.facts.has(k))) return false;
  if (when.use) {
    const adj = usedAsAdjective(s, anchor);
    if ((when.use === 'adjective') !== adj) return false;
  }
  if (when.at) {
    const t = s.tokens;
    const last = t[t.length - 1];
    const endAt = last && last.type === 'punct' && /[.!?]/.test(last.norm) ? t.length - 1 : t.length;
    // Only words set off from a sentence that stands without them (two words at least remain).
    const outside = t.filter((x, k) => x.type === 'word' && (k < match.tokenStart || k >= match.tokenEnd)).length;
    const openS = outside >= 2 && match.tokenStart === 0 && match.tokenEnd < endAt && /^[,:;!—–.]$/.test(t[match.tokenEnd]!.norm);
    const closeS = outside >= 2 && match.tokenEnd >= endAt && match.tokenStart > 0 && /^[,:;—–]$/.test(t[match.tokenStart - 1]!.norm);
    if (when.at === 'start' && !openS) return false;
    if (when.at === 'end' && !closeS) return false;
    if (when.at === 'edge' && !openS && !closeS) return false;
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
    required.push(() => (typeof rep === 'string' ? replaceWhole(input, rep, scope) : replaceMap(input, rep, step.within ?? 'match')));
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
  const edit = polishEdits(text, all.edits.map((e) => (e.text === '' ? hollowClause(input, e) : e)));
  if (!edit) return undefined;
  return { edit: sentenceRemoval(text, edit), missing: all.missing, placeholders: all.placeholders, used: all.used };
}

/** Words that do not make a sentence on their own ("It's.", "This is your."): drop the sentence then. */
const HOLLOW = new Set(['it', "'s", 'is', 'this', 'that', 'be', 'a', 'an', 'the', 'so', 'and', 'but', 'now', 'you', 'your', 'are', 'our', 'to', 'just', 'only', 'here', 'there', 'all', 'get', 'today', 'yes', 'really', 'do', 'not']);

/**
 * A deletion that leaves its clause without real words ("It's [not rocket science], the ...")
 * takes the whole clause and its comma with it.
 */
function hollowClause(input: OpInput, e: Edit): Edit {
  const { s } = input;
  const t = s.tokens;
  const first = t.findIndex((x) => x.start >= e.start && x.end <= e.end);
  if (first < 0) return e;
  const [a, b] = clauseOf(s, first);
  const rest = t.slice(a, b).filter((x) => x.type === 'word' && (x.start < e.start || x.end > e.end));
  if (rest.length === 0 || rest.some((x) => !HOLLOW.has(x.norm.replace(/'s$/, '')) && !HOLLOW.has(x.norm))) return e;
  const sep = t[b];
  if (sep && /^[,;:—–]$/.test(sep.norm)) return { start: Math.min(e.start, t[a]!.start), end: Math.max(e.end, sep.end), text: '' };
  const before = t[a - 1];
  if (a > 0 && before && /^[,;:—–]$/.test(before.norm)) return { start: before.start, end: Math.max(e.end, t[b - 1]!.end), text: '' };
  return e;
}

/** When an edit leaves no real words, the rewrite is the removal of the whole sentence. */
function sentenceRemoval(sentence: string, edit: Edit): Edit {
  const after = sentence.slice(0, edit.start) + edit.text + sentence.slice(edit.end);
  const words = (after.match(/[\p{L}\p{N}'’]+/gu) ?? []).map((w) => w.toLowerCase().replace(/’/g, "'"));
  const real = words.filter((w) => !HOLLOW.has(w) && !HOLLOW.has(w.replace(/'s$/, '')));
  if (real.length === 0) return { start: 0, end: sentence.length, text: '' };
  return edit;
}
