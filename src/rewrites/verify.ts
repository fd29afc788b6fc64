// The strict check a rewrite passes before anyone sees it (issue 12). A rewrite is checked against
// the claims it replaces, not against the hedge guard: the hedges it inserted qualify nothing
// ("typically overnight" still promises overnight), no strong word of the draft may stay, nothing
// outside the claims' clauses may change (names, facts, markup, merge fields, links), and no figure
// may appear that is neither in the draft nor on the facts sheet. A rewrite that fails is withheld:
// the finding keeps its suggestion only, since no rewrite beats a wrong one.
import type { RuleSet } from '../engine/ruleset.js';
import { Sentence } from '../engine/sentence.js';
import type { FactsSheet } from '../config/facts/types.js';
import { claimScope, splitClauses } from '../text/clauses.js';
import type { RewriteCheck } from '../rules/rewrite-defaults.js';
import { fillPlaceholders, matchSentence, placeholderSpans } from './relint.js';

export interface Claim {
  /** Character offsets of the flagged words in the sentence. */
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
}

export type WithheldReason =
  | 'rephrase'
  | 'strong-word'
  | 'still-flagged'
  | 'outside-claim'
  | 'invented-figure'
  | 'lost-token'
  | 'ungrammatical'
  | 'stray-hedge';

export interface Verdict {
  ok: boolean;
  reasons: WithheldReason[];
  /** The details, for `--debug`-style output and tests. */
  notes: string[];
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Compiled once per word and pattern: verification runs for every rewrite, over the same lists of
// strong words, hedges and ungrammatical patterns. (Global regexes are safe to share here: match,
// replace and matchAll all start from lastIndex 0.)
const compiled = new Map<string, RegExp>();
const cachedRe = (source: string, flags: string): RegExp => {
  const key = `${flags}/${source}`;
  let re = compiled.get(key);
  if (!re) compiled.set(key, (re = new RegExp(source, flags)));
  return re;
};
const wordRe = (w: string): RegExp => cachedRe(`(?<![\\p{L}\\p{N}#%-])${esc(w)}(?![\\p{L}\\p{N}%-])`, 'giu');
const countOf = (text: string, re: RegExp): number => (text.match(re) ?? []).length;

/** Text outside placeholders (their labels are the rep's to fill, not the rewrite's words). */
const withoutPlaceholders = (text: string): string => text.replace(/\[[^\][\n]{1,80}\]/g, (p) => ' '.repeat(p.length));

/**
 * Tokens that must survive byte for byte: merge fields ({{x}}, %X%, [[x]], {x}), heading anchors
 * ({#x}), links, tags, e-mail addresses, inline code.
 */
const PROTECTED =
  /\{\{[^}]*\}\}|\{#[^}]*\}|%[A-Z_][A-Z0-9_]*%|\[\[[^\]]*\]\]|\{[A-Za-z_][\w.]*\}|https?:\/\/\S+|<[^>]+>|\]\([^)]*\)|[\w.+-]+@[\w-]+\.[\w.]+|`[^`]*`/g;
export const protectedTokens = (s: string): string[] => s.match(PROTECTED) ?? [];

const NUMBER = /\d+(?:[.,:]\d+)*%?/g;

/**
 * The hedges of the rewrite that the draft did not have, masked (same length) for the strict
 * re-lint. A hedge that qualifies a measured fact ("typically within [typical delivery time]",
 * "typically within 2 business days" from the facts sheet) stays: that is the conservative truth.
 */
export function maskInsertedHedges(
  original: string,
  rewrite: string,
  hedges: readonly string[],
  factValues: readonly string[] = [],
): string {
  let out = rewrite;
  // The hedge's next few words lead to a fact ("typically deliver within [typical delivery time]").
  const beforeFact = (rest: string): boolean => {
    let next = rest.replace(/^\s+/, '');
    for (let k = 0; k <= 6; k++) {
      if (next.startsWith('[') || factValues.some((v) => v && next.startsWith(v))) return true;
      const w = /^[\p{L}'’-]+\s+/u.exec(next);
      if (!w) return false;
      next = next.slice(w[0].length);
    }
    return false;
  };
  for (const h of hedges) {
    const re = wordRe(h);
    if (countOf(original, re) > 0) continue;
    out = out.replace(re, (m: string, ...rest: unknown[]) => {
      const at = rest.find((x) => typeof x === 'number') as number;
      return beforeFact(rewrite.slice(at + m.length)) ? m : '\u00a0'.repeat(m.length);
    });
  }
  return out;
}

/** Asides the rewrite added that quote a fact ("(overnight on about 1% of orders)"), as ranges. */
function factAsides(original: string, rewrite: string, factValues: readonly string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of rewrite.matchAll(/\([^()]*\)/g)) {
    if (original.includes(m[0])) continue;
    if (factValues.some((v) => v && m[0].includes(v)) || /\[[^\]]+\]/.test(m[0]))
      out.push([m.index!, m.index! + m[0].length]);
  }
  return out;
}

/** Character ranges of the clauses the claims are in (the part of the sentence a rewrite may change). */
export function claimClauses(s: Sentence, claims: readonly Claim[]): Array<[number, number]> {
  const clauses = splitClauses(s.tokens);
  const out: Array<[number, number]> = [];
  for (const c of claims) {
    // The claim's clauses and the conditions and asides that govern them ("..., for as long as
    // you're with us" is part of a price promise).
    const scope = claimScope(clauses, c.tokenStart, Math.max(c.tokenEnd, c.tokenStart + 1));
    if (scope.to <= scope.from) continue;
    const a = s.tokens[scope.from]!.start;
    const b = s.tokens[scope.to - 1]!.end;
    out.push([Math.min(a, c.start), Math.max(b, c.end)]);
  }
  out.sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const r of out) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/** Whether the text outside the claim clauses is in the rewrite unchanged and in order. */
function keepsOutside(original: string, rewrite: string, ranges: Array<[number, number]>): string | undefined {
  if (ranges.length === 0) return original === rewrite ? undefined : 'no claim clause found';
  const pieces: string[] = [];
  let pos = 0;
  for (const [a, b] of ranges) {
    pieces.push(original.slice(pos, a));
    pos = b;
  }
  pieces.push(original.slice(pos));
  // The first piece must open the rewrite (modulo the capital of the first word), the last close it.
  const first = pieces[0]!;
  const last = pieces.at(-1)!;
  const sameStart = rewrite.startsWith(first) || rewrite.toLowerCase().startsWith(first.toLowerCase());
  if (!sameStart) return `changed "${first.trim()}"`;
  // A trailing mark may be repaired ("..., guaranteed!" -> "...!"), the words may not.
  const lastWords = last.replace(/^[\s,;:–—-]+/, '');
  // When the claim opened the sentence and went, the next word takes the capital.
  const capital = (x: string): string => x.charAt(0).toUpperCase() + x.slice(1);
  if (!rewrite.endsWith(lastWords) && !(first.trim() === '' && rewrite === capital(lastWords)))
    return `changed "${lastWords.trim()}"`;
  let at = first.length;
  for (const p of pieces.slice(1, -1)) {
    const core = p.trim();
    if (!core) continue;
    const k = rewrite.indexOf(core, at);
    if (k < 0) return `changed "${core}"`;
    at = k + core.length;
  }
  return undefined;
}

export interface VerifyInput {
  sentence: Sentence;
  rewrite: string;
  claims: readonly Claim[];
  ruleset: RuleSet;
  facts: FactsSheet;
  check: RewriteCheck;
}

/** The strict check of a whole-sentence rewrite against the draft sentence and its claims. */
export function verifyRewrite({ sentence, rewrite, claims, ruleset, facts, check }: VerifyInput): Verdict {
  const original = sentence.text;
  const reasons = new Set<WithheldReason>();
  const notes: string[] = [];
  const fail = (r: WithheldReason, note: string): void => {
    reasons.add(r);
    notes.push(`${r}: ${note}`);
  };
  if (rewrite === original) return { ok: true, reasons: [], notes };
  if (/\[rephrase\b/i.test(rewrite)) fail('rephrase', 'a request to reword is not a rewrite');
  const factValues = [...facts.facts.values()].map((f) => f.value).filter((v) => v && !original.includes(v));
  // An aside quoting a fact is the measured truth: its words are not the rewrite's claims.
  const asides = factAsides(original, rewrite, factValues);
  const blank = (text: string): string => {
    let out = text;
    for (const [a, b] of asides) out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b);
    return out;
  };
  // A removed sentence keeps nothing to check but the tokens it held.
  const own = blank(withoutPlaceholders(rewrite));
  for (const t of protectedTokens(original)) if (!rewrite.includes(t)) fail('lost-token', t);
  if (rewrite === '') return verdict(reasons, notes);
  for (const w of check.strong) {
    const re = wordRe(w);
    if (countOf(own, re) > 0 && countOf(original, re) > 0) fail('strong-word', w);
  }
  const known = new Set([
    ...(original.match(NUMBER) ?? []),
    ...[...facts.facts.values()].flatMap((f) => f.value.match(NUMBER) ?? []),
  ]);
  for (const n of own.match(NUMBER) ?? []) if (!known.has(n)) fail('invented-figure', n);
  for (const p of check.ungrammatical) if (cachedRe(p, 'iu').test(own)) fail('ungrammatical', p);
  // An inserted hedge sits in a claim's clause: one elsewhere qualifies words nobody flagged.
  const ranges = claimClauses(sentence, claims);
  const grow = Math.max(0, rewrite.length - original.length);
  for (const h of check.hedges) {
    const re = wordRe(h);
    if (countOf(original, re) > 0) continue;
    for (const m of rewrite.matchAll(re)) {
      if (!ranges.some(([a, b]) => m.index! >= a && m.index! <= b + grow)) fail('stray-hedge', h);
    }
  }
  const outside = keepsOutside(original, rewrite, ranges);
  if (outside) fail('outside-claim', outside);
  // Strict re-lint: the inserted hedges taken out (but for those qualifying a measured fact), the
  // placeholders filled as the rep would fill them, asides quoting a fact blanked.
  const strict = fillPlaceholders(blank(maskInsertedHedges(original, rewrite, check.hedges, factValues)));
  const again = matchSentence(new Sentence(strict, ruleset.lexicon), ruleset);
  if (again.length) fail('still-flagged', [...new Set(again.map((m) => m.rule.meta.id))].join(', '));
  return verdict(reasons, notes);
}

const verdict = (reasons: Set<WithheldReason>, notes: string[]): Verdict => ({
  ok: reasons.size === 0,
  reasons: [...reasons],
  notes,
});

/**
 * Whether an edit is one of the safe kinds `--fix` may apply on its own: a word swap from the
 * data's list ("always" -> "typically"), checked on the minimal edit's words.
 */
export function isSafeEdit(
  original: string,
  edit: { start: number; end: number; text: string },
  safe: RewriteCheck['safe'],
): boolean {
  const from = original
    .slice(edit.start, edit.end)
    .trim()
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/^[,;:]\s*|\s*[,;:]$/g, '');
  const to = edit.text.trim().toLowerCase();
  return safe.some((p) => p.from === from && p.to === to);
}

/** Placeholders a rewrite added. */
export const addedPlaceholders = (original: string, rewrite: string): number =>
  Math.max(0, placeholderSpans(rewrite).length - placeholderSpans(original).length);
