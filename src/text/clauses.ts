// Clauses of a sentence, from its words alone (no tagger): where each clause starts and ends, and
// which clauses govern which. A claim's qualifiers (a hedge, a condition, named terms, a past
// frame) count only inside its scope: its own clause and the clauses that govern it. "We'll have
// it installed by Friday, and our crew cleans up the same day" is two clauses: "the same day" in
// the second says nothing about the first.
import { CONTRAST_OR_REASON, COORDINATORS as GRAMMAR_COORDINATORS, DASHES, wordSet } from './grammar.js';
import type { Token } from './tokens.js';

export type ClauseRole =
  /** A main clause, or a clause coordinated with one (", and we ..."). */
  | 'main'
  /** A condition or circumstance that qualifies its neighbour ("if ...", "once ...", "while supplies last"). */
  | 'condition'
  /** A contrast or concession ("but ...", "although ..."): it qualifies nothing across it. */
  | 'contrast'
  /** A non-restrictive relative clause (", which ...", ", who ..."). */
  | 'relative'
  /** A parenthetical or a dash aside: it qualifies the clause before it ("(terms attached)"). */
  | 'aside';

export interface Clause {
  /** Token range [start, end). */
  start: number;
  end: number;
  role: ClauseRole;
  /** The word that opened the clause ("if", "and", "which"), lower-case; "" for none. */
  marker: string;
}

/** Multi-word condition openers (checked before single words whose sense is ambiguous). */
const CONDITION_PHRASES: readonly (readonly string[])[] = [
  ['as', 'long', 'as'],
  ['so', 'long', 'as'],
  ['as', 'soon', 'as'],
  ['subject', 'to'],
  ['depending', 'on'],
  ['provided', 'that'],
  ['providing', 'that'],
  ['given', 'that'],
  ['in', 'case'],
  ['in', 'the', 'event'],
];
/** Openers that need no phrase: "if", "unless", "once" ... ("as", "so", "subject" need one). */
const SINGLE_CONDITIONS = new Set([
  'if',
  'unless',
  'once',
  'when',
  'whenever',
  'while',
  'provided',
  'providing',
  'assuming',
  'pending',
  'until',
  'till',
  'barring',
  'because',
  'since',
]);
/** Every word that can open a condition: a single-word opener or the first word of a phrase. */
const CONDITION_OPENERS = new Set([...SINGLE_CONDITIONS, ...CONDITION_PHRASES.map((p) => p[0]!)]);
// Word lists come from text/grammar.ts; a clause split adds only what it alone needs.
const CONTRAST = wordSet(
  CONTRAST_OR_REASON.filter((w) => w !== 'because' && w !== 'while'),
  ['yet', 'however'],
);
const COORDINATORS = wordSet(
  GRAMMAR_COORDINATORS.filter((w) => w !== 'but'),
  ['plus', 'then'],
);
const RELATIVES = new Set(['which', 'who', 'whom', 'whose', 'where']);
/** Words that open a new clause's subject after a coordinator without a comma ("... and we ..."). */
const SUBJECT_START = new Set([
  'we',
  'you',
  'i',
  'it',
  'they',
  'he',
  'she',
  'our',
  'your',
  'their',
  'my',
  'this',
  'that',
  'there',
  'everything',
  'nothing',
]);
/** Punctuation that always ends a clause. */
const HARD_BREAK = wordSet([';'], DASHES, ['|', '•']);

/** The condition phrase starting at token i (its length), or 0. */
function conditionAt(tokens: readonly Token[], i: number): number {
  const w = tokens[i]!.norm;
  if (!CONDITION_OPENERS.has(w)) return 0;
  for (const p of CONDITION_PHRASES) if (p.every((x, k) => tokens[i + k]?.norm === x)) return p.length;
  // "once and for all", "at once", "once again", "even if", "as if", "since 2019": not conditions
  if (w === 'once' && (/^(and|again|more|a|per)$/.test(tokens[i + 1]?.norm ?? '') || tokens[i - 1]?.norm === 'at'))
    return 0;
  if (w === 'if' && /^(even|as|only|what)$/.test(tokens[i - 1]?.norm ?? '')) return 0;
  if ((w === 'since' || w === 'until' || w === 'till') && tokens[i + 1]?.type === 'number') return 0;
  return SINGLE_CONDITIONS.has(w) ? 1 : 0;
}

/**
 * Split a sentence's tokens into clauses. Commas alone do not split (lists of adjectives and
 * nouns would fall apart); a comma before a coordinator, a relative or a condition does, as do
 * semicolons, dashes, parentheses, contrast words and conditions anywhere.
 */
export function splitClauses(tokens: readonly Token[]): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  let role: ClauseRole = 'main';
  let marker = '';
  let depth = 0;
  const close = (end: number, nextRole: ClauseRole, nextMarker: string, nextStart: number): void => {
    if (end > start) out.push({ start, end, role, marker });
    start = nextStart;
    role = nextRole;
    marker = nextMarker;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const w = t.norm;
    if (w === '(') {
      depth++;
      if (depth === 1) close(i, 'aside', '(', i);
      continue;
    }
    if (w === ')') {
      if (depth > 0) depth--;
      if (depth === 0) close(i + 1, 'main', '', i + 1);
      continue;
    }
    if (depth > 0) continue;
    if (HARD_BREAK.has(w)) {
      // A dash aside ("— never a subcontractor") qualifies what came before, like a parenthesis.
      close(i, w === ';' ? 'main' : 'aside', w, i + 1);
      continue;
    }
    if (i === 0) {
      if (conditionAt(tokens, 0)) {
        role = 'condition';
        marker = w;
      } else if (CONTRAST.has(w)) {
        role = 'contrast';
        marker = w;
      }
      continue;
    }
    const afterComma = tokens[i - 1]!.norm === ',';
    const cond = conditionAt(tokens, i);
    if (cond && (afterComma || !['as', 'so', 'when', 'before', 'after', 'since'].includes(w))) {
      close(afterComma ? i - 1 : i, 'condition', w, i);
      i += cond - 1;
      continue;
    }
    if (CONTRAST.has(w) && (afterComma || w === 'but' || w === 'although' || w === 'whereas')) {
      close(afterComma ? i - 1 : i, 'contrast', w, i);
      continue;
    }
    if (afterComma && RELATIVES.has(w)) {
      close(i - 1, 'relative', w, i);
      continue;
    }
    if (COORDINATORS.has(w) && (afterComma || SUBJECT_START.has(tokens[i + 1]?.norm ?? ''))) {
      if (SUBJECT_START.has(tokens[i + 1]?.norm ?? '') || (afterComma && tokens[i + 1]?.norm === 'the')) {
        close(afterComma ? i - 1 : i, 'main', w, i);
        continue;
      }
    }
    // A comma after a leading condition ends it: "If the steel arrives Monday, we'll ...".
    if (w === ',' && role === 'condition' && out.length === 0 && start === 0) close(i, 'main', '', i + 1);
  }
  close(tokens.length, 'main', '', tokens.length);
  return out;
}

/** Token range [from, to) of a claim's scope. */
export interface Scope {
  from: number;
  to: number;
}

/**
 * The scope of a claim at tokens [tokenStart, tokenEnd): the clauses it spans, with the
 * conditions and asides next to them (which govern them). A contrast or a relative clause never
 * joins the scope of its neighbour, nor the neighbour the scope of a claim inside it.
 */
export function claimScope(clauses: readonly Clause[], tokenStart: number, tokenEnd: number): Scope {
  let first = clauses.findIndex((c) => c.end > tokenStart);
  if (first < 0) first = clauses.length - 1;
  let last = first;
  while (last + 1 < clauses.length && clauses[last + 1]!.start < tokenEnd) last++;
  const governs = (c: Clause | undefined): boolean => c?.role === 'condition' || c?.role === 'aside';
  // Conditions right before ("If ..., we ...") and conditions or asides right after ("..., if ...").
  while (first > 0 && clauses[first - 1]!.role === 'condition') first--;
  while (governs(clauses[last + 1])) last++;
  return { from: clauses[first]?.start ?? 0, to: clauses[last]?.end ?? 0 };
}
