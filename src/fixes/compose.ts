// The rewrite of a whole sentence. Each finding's own rewrite is computed on the original
// sentence; the non-overlapping ones are applied together, then the result is checked again with
// the rule set and whatever is still flagged is rewritten in turn (a few passes at most), the way
// --fix converges on a file. Placeholders are masked while checking.
import type { RuleMatch } from '../engine/rule.js';
import type { CompiledRule } from '../engine/rule.js';
import type { RuleSet } from '../engine/ruleset.js';
import { Sentence } from '../engine/sentence.js';
import type { FactsSheet } from '../facts/types.js';
import type { Finding } from '../types.js';
import { applyEdits, type Edit } from './grammar.js';
import { maskPlaceholders, matchSentence, placeholderSpans } from './relint.js';
import { rewriteMatch, type MatchRewrite } from './rewrite-match.js';

export interface SentenceFinding {
  finding: Finding;
  rule: CompiledRule;
  match: RuleMatch;
}

export interface Composed {
  /** The sentence rewritten (placeholders included); equal to the sentence when nothing changed. */
  text: string;
  missing: string[];
  placeholders: number;
  /** Each finding's own rewrite, on the original sentence. */
  own: Map<Finding, MatchRewrite | undefined>;
}

export const MAX_SENTENCE_PASSES = 5;

function rewriteOne(sentence: Sentence, rule: CompiledRule, match: RuleMatch, facts: FactsSheet): MatchRewrite | undefined {
  return rewriteMatch({ s: sentence, match, facts, category: rule.meta.category }, rule.source.definition.rewrite);
}

/** Apply edits that do not overlap and do not share a seam (one word at least between them). */
function applyDisjoint(text: string, edits: Array<{ edit: Edit; r: MatchRewrite }>): { text: string; applied: MatchRewrite[] } {
  const sorted = [...edits].sort((a, b) => a.edit.start - b.edit.start || b.edit.end - a.edit.end);
  const chosen: typeof sorted = [];
  for (const e of sorted) {
    const last = chosen.at(-1);
    if (last && (e.edit.start < last.edit.end || !/[\p{L}\p{N}]/u.test(text.slice(last.edit.end, e.edit.start)))) continue;
    chosen.push(e);
  }
  return { text: applyEdits(text, chosen.map((c) => c.edit)), applied: chosen.map((c) => c.r) };
}

export function composeSentence(sentence: Sentence, found: SentenceFinding[], ruleset: RuleSet, facts: FactsSheet): Composed {
  const own = new Map<Finding, MatchRewrite | undefined>();
  const missing = new Set<string>();
  let placeholders = 0;
  const seen = new Set<string>();
  const first: Array<{ edit: Edit; r: MatchRewrite }> = [];
  for (const f of found) {
    const r = rewriteOne(sentence, f.rule, f.match, facts);
    own.set(f.finding, r);
    seen.add(`${f.rule.meta.id}\0${f.match.captures.match ?? ''}`);
    if (r) first.push({ edit: r.edit, r });
  }
  let { text, applied } = applyDisjoint(sentence.text, first);
  const note = (rs: MatchRewrite[]): void => {
    for (const r of rs) {
      for (const m of r.missing) missing.add(m);
      placeholders += r.placeholders;
    }
  };
  note(applied);
  for (let pass = 1; pass < MAX_SENTENCE_PASSES && applied.length > 0 && text !== ''; pass++) {
    const spans = placeholderSpans(text);
    const masked = new Sentence(maskPlaceholders(text, spans), ruleset.lexicon);
    const edits: Array<{ edit: Edit; r: MatchRewrite }> = [];
    for (const { rule, match } of matchSentence(masked, ruleset)) {
      const key = `${rule.meta.id}\0${match.captures.match ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const r = rewriteOne(masked, rule, match, facts);
      // Never rewrite inside a placeholder.
      if (!r || spans.some(([a, b]) => r.edit.start < b && r.edit.end > a)) continue;
      edits.push({ edit: r.edit, r });
    }
    ({ text, applied } = applyDisjoint(text, edits));
    note(applied);
  }
  return { text, missing: [...missing].sort(), placeholders, own };
}
