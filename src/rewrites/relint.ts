// Running the rule set over one sentence's text, as the engine does (prefilter candidates, tags
// when a rule needs them, guards). Used to check and compose rewrites without a document.
import type { CompiledRule, RuleMatch } from '../engine/rule.js';
import type { RuleSet } from '../engine/ruleset.js';
import { Sentence } from '../engine/sentence.js';
import { factCatalog } from '../rules/fact-catalog.js';
import { nlpLoaded } from '../text/nlp.js';

export interface SentenceMatch {
  rule: CompiledRule;
  match: RuleMatch;
}

export function matchSentence(sentence: Sentence, ruleset: RuleSet): SentenceMatch[] {
  // The prefilter first: a rewrite with no trigger word left is never tagged.
  const rules = ruleset.index.candidatesFor(sentence);
  if (rules.length === 0) return [];
  if (rules.some((r) => r.needsTags) && !nlpLoaded())
    throw new Error('internal: the tagger must be loaded before rewrites are checked');
  // As the engine does (engine/linter.ts): the sentence is tagged only when a rule that declares
  // needsTags first reads a tag, so a candidate whose rules stop at their words (most do) costs
  // no tagger run, and a rule sees tags exactly when it would in the draft.
  const out: SentenceMatch[] = [];
  try {
    for (const rule of rules) {
      sentence.tagsOnRead(rule.needsTags);
      for (const match of rule.matcher.match(sentence)) {
        if (rule.guards.some((g) => g.applies(sentence, match))) continue;
        out.push({ rule, match });
      }
    }
  } finally {
    sentence.tagsOnRead(false);
  }
  return out.sort((a, b) => a.match.start - b.match.start || a.rule.meta.id.localeCompare(b.rule.meta.id));
}

/** Spans of placeholders ("[typical delivery time]") in a rewritten text. */
export function placeholderSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(/\[[^\][\n]{1,80}\]/g)].map((m) => [m.index!, m.index! + m[0].length]);
}

/**
 * The text with each placeholder replaced by a neutral stand-in of the same length, so the label
 * inside ("typical ...") never counts as a hedge when a rewrite is checked.
 */
export function maskPlaceholders(text: string, spans = placeholderSpans(text)): string {
  let out = text;
  for (const [a, b] of spans) out = out.slice(0, a) + '…' + '\u00a0'.repeat(b - a - 1) + out.slice(b);
  return out;
}

export function lintText(text: string, ruleset: RuleSet): SentenceMatch[] {
  return matchSentence(new Sentence(maskPlaceholders(text), ruleset.lexicon), ruleset);
}

let examplesByLabel: Map<string, string> | undefined;

/**
 * The text as it reads once the facts are recorded: each fact placeholder replaced by the
 * catalog's example value ("[typical delivery time]" -> "2 business days"); any other
 * placeholder ("[cite a source]") by a neutral stand-in. Used to check whether a rewrite is clean.
 */
export function fillPlaceholders(text: string): string {
  if (!examplesByLabel) {
    examplesByLabel = new Map();
    for (const e of factCatalog().values()) if (e.example) examplesByLabel.set(`[${e.label}]`, e.example);
  }
  return text.replace(/\[[^\][\n]{1,80}\]/g, (p) => examplesByLabel!.get(p) ?? '…');
}

/** Rule ids that flag the text once its placeholders are filled in. */
export function stillFlagged(text: string, ruleset: RuleSet): Set<string> {
  return new Set(
    matchSentence(new Sentence(fillPlaceholders(text), ruleset.lexicon), ruleset).map((m) => m.rule.meta.id),
  );
}
