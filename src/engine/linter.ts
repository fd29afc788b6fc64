// The rule engine's pipeline for one document:
//   blocks -> sentences -> lexical tokens -> trigger prefilter -> (tag candidates) -> rules -> guards.
// Only sentences the prefilter selects for a rule that reads tags are ever tagged.
import { splitSentences } from '../text/sentences.js';
import { loadNlp } from '../text/nlp.js';
import type { Finding, InputDocument, TextBlock } from '../types.js';
import { fillTemplate } from './message.js';
import type { CompiledRule, Guard, RuleMatch } from './rule.js';
import type { RuleSet } from './ruleset.js';
import { Sentence } from './sentence.js';

export interface EngineOptions {
  /**
   * Run every rule on every sentence and tag every sentence, bypassing the prefilter. Slow; it
   * exists so tests can prove the prefilter never changes a result.
   */
  exhaustive?: boolean;
  /** Optional tracing (in-process only, not for workers): used by `pitchlint explain` and `rules test`. */
  trace?: EngineTrace;
}

/** Callbacks that show how the engine sees a document. */
export interface EngineTrace {
  /** Every sentence, with the rules the prefilter selected for it. */
  sentence?(sentence: Sentence, candidates: readonly CompiledRule[]): void;
  /** Every match of a rule, with the guard that suppressed it (undefined: it was reported). */
  match?(rule: CompiledRule, match: RuleMatch, sentence: Sentence, guard: Guard | undefined): void;
}

interface Planned {
  block: TextBlock;
  offset: number;
  sentence: Sentence;
  rules: CompiledRule[];
}

/** Counters for the benchmark and `explain`. */
export const engineStats = { sentences: 0, candidates: 0, tagged: 0 };

export async function lintDocument(doc: InputDocument, ruleset: RuleSet, options: EngineOptions = {}): Promise<Finding[]> {
  const planned: Planned[] = [];
  let needTags = false;
  for (const block of doc.blocks) {
    for (const range of splitSentences(block.text)) {
      engineStats.sentences++;
      const sentence = new Sentence(block.text.slice(range.start, range.end), ruleset.lexicon);
      const rules = options.exhaustive ? ruleset.rules : ruleset.index.candidates(sentence.tokens);
      options.trace?.sentence?.(sentence, rules);
      if (rules.length === 0) continue;
      engineStats.candidates++;
      if (options.exhaustive ? ruleset.needsTags : rules.some((r) => r.needsTags)) needTags = true;
      planned.push({ block, offset: range.start, sentence, rules });
    }
  }
  if (needTags) await loadNlp();

  const findings: Finding[] = [];
  for (const { block, offset, sentence, rules } of planned) {
    if (options.exhaustive ? ruleset.needsTags : rules.some((r) => r.needsTags)) {
      sentence.tagged();
      engineStats.tagged++;
    }
    for (const rule of rules) {
      for (const match of rule.matcher.match(sentence)) {
        const guard = rule.guards.find((g) => g.applies(sentence, match));
        options.trace?.match?.(rule, match, sentence, guard);
        if (guard) continue;
        findings.push(toFinding(rule, match, sentence, block, offset));
      }
    }
  }
  return findings.sort(
    (a, b) => a.start.line - b.start.line || a.start.column - b.start.column || a.ruleId.localeCompare(b.ruleId),
  );
}

function toFinding(rule: CompiledRule, match: RuleMatch, sentence: Sentence, block: TextBlock, offset: number): Finding {
  const captures: Record<string, string> = { sentence: sentence.text, ...match.captures };
  const suggestionTemplate = rule.source.definition.suggestion ?? (captures.replacement ? 'Write "{replacement}" instead.' : undefined);
  return {
    ruleId: rule.meta.id,
    severity: rule.meta.severity,
    category: rule.meta.category,
    message: fillTemplate(rule.meta.message, captures),
    start: block.locate(offset + match.start),
    end: block.locate(offset + match.end),
    sentence: sentence.text,
    span: [match.start, match.end],
    ...(suggestionTemplate ? { suggestion: fillTemplate(suggestionTemplate, captures) } : {}),
  };
}
