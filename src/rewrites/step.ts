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
import type { RewriteStep, RewriteWhen } from '../rules/rewrite-spec.js';

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
    const hits = when.match.flatMap((p) =>
      phraseOccurrences(s.tokens, p, match.tokenStart, match.tokenEnd).filter(
        ([i, j]) => i >= match.tokenStart && j <= match.tokenEnd,
      ),
    );
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
  if (when.at === 'clause-end') {
    // The flagged words end their clause ("Your satisfaction is guaranteed, ...", "... guaranteed.").
    const next = s.tokens[match.tokenEnd];
    if (next && !(next.type === 'punct' && /^[,.;:!?…)—–]$/.test(next.norm))) return false;
  } else if (when.at === 'alone') {
    // The flagged words are all the sentence has ("Guaranteed!", "Act now!").
    if (s.tokens.some((x, k) => x.type === 'word' && (k < match.tokenStart || k >= match.tokenEnd))) return false;
  } else if (when.at) {
    const edge = edgeOf(input);
    if (when.at === 'start' && edge !== 'start') return false;
    if (when.at === 'end' && edge !== 'end') return false;
    if (when.at === 'edge' && !edge) return false;
  }
  if (when.pos) {
    const at = (when.match ? firstHit(input, when.match) : undefined) ?? match.tokenStart;
    if ((when.pos === 'noun') !== isNounUse(s, at)) return false;
  }
  if (when.subject) {
    const subj = subjectBefore(s, match.tokenStart, match.captures.subject || undefined);
    if (!when.subject.includes(subj.cls)) return false;
  }
  return true;
}

/** The first token of the first occurrence of one of the phrases inside the flagged words. */
function firstHit(input: OpInput, phrases: string[]): number | undefined {
  const { s, match } = input;
  const hits = phrases.flatMap((p) =>
    phraseOccurrences(s.tokens, p, match.tokenStart, match.tokenEnd).filter(
      ([i, j]) => i >= match.tokenStart && j <= match.tokenEnd,
    ),
  );
  return hits.length ? Math.min(...hits.map(([i]) => i)) : undefined;
}

/** A separator before or after words: a comma, colon, semicolon or a spaced dash (" - "). */
const SEPARATOR_AFTER = /^\s*(?:[,:;!]|\s[-–—]\s|[–—])/;
const SEPARATOR_BEFORE = /(?:[,:;]|\s[-–—]|[–—])\s*$/;

/**
 * Whether the flagged words open the sentence and are set off from the rest ("Act now, ..."),
 * close it after a separator ("..., I promise!", "... - Guaranteed!"), or neither. Two words
 * at least must remain, so the sentence still stands without them.
 */
export function edgeOf(input: OpInput): 'start' | 'end' | undefined {
  const { s, match } = input;
  const t = s.tokens;
  const outside = t.filter((x, k) => x.type === 'word' && (k < match.tokenStart || k >= match.tokenEnd)).length;
  if (outside < 2) return undefined;
  const rest = s.text.slice(match.end);
  if (match.tokenStart === 0 && SEPARATOR_AFTER.test(rest) && /[\p{L}\p{N}]/u.test(rest)) return 'start';
  const before = s.text.slice(0, match.start);
  if (SEPARATOR_BEFORE.test(before) && /^[\s.!?…"'”’)]*$/u.test(rest)) return 'end';
  return undefined;
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
  if (step.drop !== undefined) required.push(() => dropAtEdge(input, drop(input, step.drop!)));
  if (step.replace !== undefined) {
    const rep = step.replace;
    required.push(() =>
      typeof rep === 'string' ? replaceWhole(input, rep, scope) : replaceMap(input, rep, step.within ?? 'match'),
    );
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
    const alreadyHedged = all.edits.some((e) =>
      /\b(typically|usually|generally|expect|expected|planned|aim|aims|likely|in most cases)\b/i.test(e.text),
    );
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
  const edit = polishEdits(
    text,
    all.edits.map((e) => (e.text === '' ? hollowClause(input, e) : e)),
  );
  if (!edit) return undefined;
  return { edit: sentenceRemoval(text, edit), missing: all.missing, placeholders: all.placeholders, used: all.used };
}

/** Dropping the whole claim at an edge takes its separator too ("..., I promise!" -> "...!"). */
function dropAtEdge(input: OpInput, r: OpResult | undefined): OpResult | undefined {
  if (!r || r.edits.length !== 1) return r;
  const e = r.edits[0]!;
  const { s, match } = input;
  if (e.text !== '' || e.start !== match.start || e.end !== match.end) return r;
  const edge = edgeOf(input);
  if (edge === 'start') {
    const m = /^\s*(?:[,:;!]|\s[-–—]|[–—])\s*/.exec(s.text.slice(e.end));
    if (m) r.edits[0] = { ...e, end: e.end + m[0].length };
  } else if (edge === 'end') {
    const m = /\s*(?:[,:;]|\s[-–—]|[–—])\s*$/.exec(s.text.slice(0, e.start));
    if (m) r.edits[0] = { ...e, start: e.start - m[0].length };
  } else {
    // Flagged words that run across an "or" into a clause whose words go on after them ("Sign
    // the order by Thursday or we release the crane booking"): dropping only them would stitch
    // the halves together ("Sign the order the crane booking"). The "or" starts the threat or the
    // remedy, which goes from there to the clause's end; the words before it stay.
    const t = s.tokens;
    let k = match.tokenStart + 1;
    while (k < match.tokenEnd && !/^(or|otherwise|else)$/.test(t[k]!.norm)) k++;
    const [, ce] = clauseOf(s, Math.max(match.tokenStart, match.tokenEnd - 1));
    if (k < match.tokenEnd && t.slice(match.tokenEnd, ce).some((x) => x.type === 'word')) {
      const start = t[k]!.start - (/\s*$/.exec(s.text.slice(0, t[k]!.start))?.[0].length ?? 0);
      r.edits[0] = { ...e, start, end: t[ce - 1]!.end };
    }
  }
  return r;
}

/** Whether token i is a noun here ("lifetime guarantees", "a guarantee") rather than a verb. */
function isNounUse(s: OpInput['s'], i: number): boolean {
  // The word checks first: tags are read (and the sentence tagged) only when they cannot tell.
  const prev = s.tokens[i - 1];
  const next = s.tokens[i + 1];
  // "can even guarantee top placement", "that will GUARANTEE the", "Guarantee a safe fit": a verb.
  const MODALS = ['can', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'to', 'we', 'i', 'they', 'you'];
  if (s.tokens.slice(Math.max(0, i - 2), i).some((t) => MODALS.includes(t.norm))) return false;
  if (
    next &&
    [
      'a',
      'an',
      'the',
      'your',
      'our',
      'that',
      'you',
      'it',
      'this',
      'every',
      'each',
      'top',
      'same-day',
      'delivery',
    ].includes(next.norm)
  )
    return false;
  // "SLAs, guarantees, terms": a verb would take an object; before punctuation it is a noun.
  if (!next || next.type === 'punct') return true;
  if (
    prev &&
    ['a', 'an', 'the', 'our', 'your', 'their', 'its', 'my', 'this', 'that', 'every', 'each', 'no', 'any'].includes(
      prev.norm,
    )
  )
    return true;
  if (prev && s.tags(i - 1).has('Adjective') && !s.tags(i - 1).has('Verb')) return true;
  if (prev && s.tags(i - 1).has('Noun') && !s.tags(i - 1).has('Pronoun') && s.tags(i).has('Noun')) return true;
  const tags = s.tags(i);
  return tags.has('Noun') && !tags.has('Verb');
}

/** Words that do not make a sentence on their own ("It's.", "This is your."): drop the sentence then. */
const HOLLOW = new Set([
  'it',
  "'s",
  'is',
  'this',
  'that',
  'be',
  'a',
  'an',
  'the',
  'so',
  'and',
  'but',
  'now',
  'you',
  'your',
  'are',
  'our',
  'to',
  'just',
  'only',
  'here',
  'there',
  'all',
  'get',
  'today',
  'yes',
  'really',
  'do',
  'not',
  'well',
  'oh',
  'ok',
  'okay',
  'again',
  'also',
  'too',
  'then',
  'please',
  'hey',
  'hi',
]);

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
  if (sep && /^[,;:—–]$/.test(sep.norm))
    return { start: Math.min(e.start, t[a]!.start), end: Math.max(e.end, sep.end), text: '' };
  const before = t[a - 1];
  if (a > 0 && before && /^[,;:—–]$/.test(before.norm))
    return { start: before.start, end: Math.max(e.end, t[b - 1]!.end), text: '' };
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
