// The rewrite stage, after matching: give each finding its rewrite (the whole sentence,
// rewritten), the facts it is missing, and a fix when the rewrite can be written back: no
// placeholder left, an edit that maps one to one onto the file's characters, and bounded
// (bound.ts) to the words that change. The fix a finding carries is exactly the edit --fix
// makes, so JSON, SARIF, the editor and --fix agree; an edit the bound refuses gets no fix (the
// rewrite stays a suggestion). The runner (and so the API, `rewrite` and --fix) calls it on what
// lintDocument returned.
import { BoundedMap, memoFor } from '../shared/memo.js';
import type { RuleSet } from '../engine/ruleset.js';
import { taggerRuns, type Sentence } from '../engine/sentence.js';
import { engineStats, type LintedDocument, type SentenceClaims } from '../engine/linter.js';
import { EMPTY_FACTS, type FactsSheet } from '../config/facts/types.js';
import { loadNlp } from '../text/nlp.js';
import type { Finding, Fix, RewriteAlternative, InputDocument, TextBlock } from '../shared/types.js';
import { composeAlternatives, composeSentence, type SentenceFinding } from './compose.js';
import type { MatchRewrite } from './rewrite-match.js';
import { minimalEdit, type Edit } from './grammar.js';
import { safeReplacement, toSourceFix } from './source-map.js';
import { isSafeEdit } from './verify.js';
import { boundFix } from './bound.js';
import { checkFileBudget } from '../shared/budget.js';

export type { SentenceFinding };

export interface RewriteStageOptions {
  /** The facts sheet rewrites may quote (issue 3). */
  facts?: FactsSheet;
  /**
   * Also return each finding's whole-sentence edit (for `pitchlint rewrite`). Off by default: the
   * edit holds on to its block of the document.
   */
  sentenceEdits?: boolean;
}

/** Where a finding's whole-sentence rewrite goes: for `pitchlint rewrite` (placeholders allowed). */
export interface SentenceRewriteEdit {
  block: TextBlock;
  /** Edit in the block's text. */
  edit: Edit;
  /** The same edit in the source, when it maps safely, and its text there (line breaks kept). */
  range?: [number, number];
  sourceText?: string;
  placeholders: number;
}

/** Per finding (same object the engine returns), the edit of its sentence's rewrite. */
export type SentenceRewrites = Map<Finding, SentenceRewriteEdit>;

/**
 * The rewrite stage over a linted document: sets `rewrite`, `missingFacts` and `fix` on its
 * findings, and returns the whole-sentence edits when asked for them (else an empty map).
 */
export async function rewriteDocument(
  linted: LintedDocument,
  ruleset: RuleSet,
  options: RewriteStageOptions = {},
): Promise<SentenceRewrites> {
  const edits: SentenceRewrites = new Map();
  for (const claims of linted.sentences) {
    checkFileBudget();
    const before = taggerRuns();
    await rewriteSentence(linted.doc, claims, ruleset, options, edits);
    engineStats.rewriteTaggerRuns += taggerRuns() - before;
  }
  return edits;
}

/** A sentence-relative edit as a block edit; a removed sentence takes the space after it too. */
function toBlockEdit(
  block: TextBlock,
  offset: number,
  sentenceLength: number,
  e: Edit,
): { edit: Edit; removal: boolean } | undefined {
  let start = offset + e.start;
  let end = offset + e.end;
  const removal = e.text === '' && e.start === 0 && e.end >= sentenceLength;
  if (removal) {
    let z = end;
    while (z < block.text.length && /\s/.test(block.text[z]!)) z++;
    if (z < block.text.length) end = z;
    else {
      while (start > 0 && /\s/.test(block.text[start - 1]!)) start--;
    }
    // The whole block (a heading, a one-sentence paragraph): not removed automatically.
    if (block.text.slice(0, start).trim() === '' && block.text.slice(end).trim() === '') return undefined;
  }
  return { edit: { start, end, text: e.text }, removal };
}

/** The source range of block text [offset, offset + length): its first to its last real character. */
function sourceRangeOf(block: TextBlock, offset: number, length: number): [number, number] | undefined {
  const at = block.sourceOffset;
  if (!at) return undefined;
  let first = -1;
  let last = -1;
  for (let k = offset; k < offset + length; k++) {
    const o = at(k);
    if (o < 0) continue;
    if (first < 0) first = o;
    last = o;
  }
  return first < 0 ? undefined : [first, last + 1];
}

/**
 * Composed rewrites, memoized per rule set, facts sheet, sentence text and claims: a rewrite
 * depends on nothing else, and templates and threads repeat whole sentences. Each finding's own
 * rewrite is kept by its position in `found`, since findings are new objects every time.
 */
interface ComposedMemo {
  text: string;
  missing: string[];
  placeholders: number;
  own: Array<MatchRewrite | undefined>;
  alternatives?: RewriteAlternative[];
}
const COMPOSED = new WeakMap<RuleSet, WeakMap<FactsSheet, BoundedMap<string, ComposedMemo>>>();

const composeMemo = (ruleset: RuleSet, facts: FactsSheet): BoundedMap<string, ComposedMemo> =>
  memoFor(
    memoFor(COMPOSED, ruleset, () => new WeakMap()),
    facts,
    () => new BoundedMap(5000),
  );

const claimKey = (sentence: Sentence, found: SentenceFinding[]): string =>
  `${sentence.text}\0${found.map(({ rule, match }) => `${rule.meta.id}@${match.start}-${match.end}`).join(',')}`;

async function composedRewrite(
  sentence: Sentence,
  found: SentenceFinding[],
  ruleset: RuleSet,
  facts: FactsSheet,
): Promise<ComposedMemo> {
  const memo = composeMemo(ruleset, facts);
  const key = claimKey(sentence, found);
  const known = memo.get(key);
  if (known) return known;
  // The rewrite operations read part-of-speech tags; many rewrites never get that far.
  await loadNlp();
  sentence.tagOnDemand();
  const c = composeSentence(sentence, found, ruleset, facts);
  if (c.text !== sentence.text) c.alternatives = composeAlternatives(sentence, found, ruleset, facts, c.text);
  const entry = {
    text: c.text,
    missing: c.missing,
    placeholders: c.placeholders,
    own: found.map((f) => c.own.get(f.finding)),
    ...(c.alternatives?.length ? { alternatives: c.alternatives } : {}),
  };
  memo.set(key, entry);
  return entry;
}

async function rewriteSentence(
  doc: InputDocument,
  { block, offset, sentence, found }: SentenceClaims,
  ruleset: RuleSet,
  input: RewriteStageOptions,
  edits: SentenceRewrites,
): Promise<void> {
  if (found.length === 0) return;
  const composed = await composedRewrite(sentence, found, ruleset, input.facts ?? EMPTY_FACTS);
  const changed = composed.text !== sentence.text;
  let whole: SentenceRewriteEdit | undefined;
  if (changed && input.sentenceEdits) {
    const e =
      composed.text === ''
        ? { start: 0, end: sentence.text.length, text: '' }
        : minimalEdit(sentence.text, composed.text);
    const be = toBlockEdit(block, offset, sentence.text.length, e);
    if (be) {
      const fix =
        doc.source && !/[\r\n]/.test(be.edit.text)
          ? toSourceFix(block, doc.source, be.edit.start, be.edit.end, be.edit.text, be.removal)
          : undefined;
      whole = {
        block,
        edit: be.edit,
        ...(fix ? { range: fix.range, sourceText: fix.text } : {}),
        placeholders: composed.placeholders,
      };
    }
  }
  // One rewrite per sentence: every finding of the sentence carries it, and its fix is the
  // sentence's one edit (the first fix applied settles the others, as --fix re-lints each pass).
  // A fix is safe (plain --fix applies it) only when that edit is a word swap the data lists as
  // safe; any other rewrite is a suggestion, applied when asked for.
  let sentenceFix: Fix | undefined;
  if (changed && composed.placeholders === 0 && doc.source) {
    const e =
      composed.text === ''
        ? { start: 0, end: sentence.text.length, text: '' }
        : minimalEdit(sentence.text, composed.text);
    const be = toBlockEdit(block, offset, sentence.text.length, e);
    if (be && safeReplacement(doc.format, be.edit.text)) {
      const fix = toSourceFix(block, doc.source, be.edit.start, be.edit.end, be.edit.text, be.removal);
      const safe = composed.text !== '' && isSafeEdit(sentence.text, e, ruleset.rewriteDefaults.check.safe);
      if (fix) {
        // Cut to the changed words and checked against the file's lines, markup and the
        // sentence; refused: no fix.
        const bounded = boundFix(doc.source.text, fix, sourceRangeOf(block, offset, sentence.text.length));
        if (bounded.ok && bounded.fix) sentenceFix = { ...bounded.fix, kind: safe ? 'safe' : 'suggested' };
      }
    }
  }
  for (const { finding } of found) {
    if (changed) finding.rewrite = composed.text;
    if (composed.missing.length) finding.missingFacts = [...composed.missing];
    if (composed.alternatives?.length) finding.alternatives = composed.alternatives.map((a) => ({ ...a }));
    if (whole) edits.set(finding, whole);
    if (sentenceFix) finding.fix = { ...sentenceFix, range: [...sentenceFix.range] };
  }
}
