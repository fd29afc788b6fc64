// The rule engine's pipeline for one document:
//   blocks -> sentences -> lexical tokens -> trigger prefilter -> (tag candidates) -> rules -> guards.
// Only sentences the prefilter selects for a rule that reads tags are ever tagged. The engine only
// matches: it returns the findings with their claims (rule, match, sentence), and the rewrite
// stage (rewrites/stage.ts), called by the runner, gives them their rewrites and fixes.
import { splitSentences } from '../text/sentences.js';
import { loadNlp } from '../text/nlp.js';
import type { Finding, InputDocument, TextBlock } from '../shared/types.js';
import { fillTemplate } from './message.js';
import type { CompiledRule, Guard, RuleMatch } from './rule.js';
import type { RuleSet } from './ruleset.js';
import { BoundedMap, memoFor } from '../shared/memo.js';
import { Sentence } from './sentence.js';
import { contextGuardsFor } from './guards/index.js';
import { checkFileBudget } from '../shared/budget.js';
import { lazyRegister, registerDrops } from './register.js';

export interface EngineOptions {
  /**
   * Run every rule on every sentence and tag every sentence, bypassing the prefilter. Slow; it
   * exists so tests can prove the prefilter never changes a result.
   */
  exhaustive?: boolean;
  /** Optional tracing (in-process only, not for workers): used by `pitchlint explain` and `rules test`. */
  trace?: EngineTrace;
}

/** A finding with the claim behind it: the rule and its match in the sentence. */
export interface SentenceFinding {
  finding: Finding;
  rule: CompiledRule;
  match: RuleMatch;
}

/** One flagged sentence: where it is, and its findings with their claims. */
export interface SentenceClaims {
  block: TextBlock;
  /** Offset of the sentence in the block's text. */
  offset: number;
  sentence: Sentence;
  found: SentenceFinding[];
}

/** What the engine makes of a document: its findings (sorted by position) and their claims. */
export interface LintedDocument {
  doc: InputDocument;
  findings: Finding[];
  /** The flagged sentences, in document order. */
  sentences: SentenceClaims[];
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
export const engineStats = { sentences: 0, candidates: 0, tagged: 0, rewriteTaggerRuns: 0 };

export async function lintDocument(
  doc: InputDocument,
  ruleset: RuleSet,
  options: EngineOptions = {},
): Promise<LintedDocument> {
  const planned: Planned[] = [];
  let needTags = false;
  for (const block of doc.blocks) {
    checkFileBudget();
    for (const range of splitSentences(block.text, block.lineBreaks)) {
      engineStats.sentences++;
      const text = block.text.slice(range.start, range.end);
      // Most sentences were seen before or can match nothing: those cost one lookup, no objects.
      const known = options.exhaustive || options.trace ? undefined : knownCandidates(text, ruleset);
      if (known?.length === 0) continue;
      const sentence = new Sentence(detached(text), ruleset.lexicon);
      const rules = options.exhaustive ? ruleset.rules : (known ?? candidatesOf(sentence, ruleset));
      options.trace?.sentence?.(sentence, rules);
      if (rules.length === 0) continue;
      engineStats.candidates++;
      if (options.exhaustive ? ruleset.needsTags : rules.some((r) => r.needsTags)) needTags = true;
      planned.push({ block, offset: range.start, sentence, rules });
    }
  }
  if (needTags) await loadNlp();

  const findings: Finding[] = [];
  const sentences: SentenceClaims[] = [];
  // The document's register (register.ts), read only once a claim needs it.
  const register = lazyRegister(doc);
  for (const { block, offset, sentence, rules } of planned) {
    checkFileBudget();
    const found: SentenceFinding[] = [];
    for (const { rule, match } of claimsIn(sentence, rules, ruleset, options)) {
      if (registerDrops(register(), sentence, match)) continue;
      const finding = toFinding(rule, match, sentence, block, offset);
      findings.push(finding);
      found.push({ finding, rule, match });
    }
    if (found.length > 0) sentences.push({ block, offset, sentence, found });
  }
  findings.sort(
    (a, b) => a.start.line - b.start.line || a.start.column - b.start.column || a.ruleId.localeCompare(b.ruleId),
  );
  return { doc, findings, sentences };
}

/**
 * The text as a string of its own. A slice of a long string is, in V8, a view that keeps the whole
 * parent alive; sentence texts outlive their document (the memos below, findings), so they must
 * not pin every block of every file read.
 */
function detached(text: string): string {
  return (text + ' ').slice(0, -1);
}

/**
 * The prefilter's answer per sentence text: boilerplate (greetings, sign-offs, template
 * paragraphs) repeats across a library of drafts, and a repeated sentence then costs one lookup,
 * with no tokenizing. Bounded, like the other memos, so a huge run cannot grow it without limit.
 */
/** Bytes of sentence text each memo of a rule set may hold (about 15,000 typical sentences). */
const MEMO_BYTES = 2 * 2 ** 20;
const CANDIDATES = new WeakMap<RuleSet, BoundedMap<string, CompiledRule[]>>();
const NO_RULES: CompiledRule[] = [];

function knownCandidates(text: string, ruleset: RuleSet): CompiledRule[] | undefined {
  return CANDIDATES.get(ruleset)?.get(text);
}

function candidatesOf(sentence: Sentence, ruleset: RuleSet): CompiledRule[] {
  const memo = memoFor(CANDIDATES, ruleset, () => new BoundedMap(50_000, MEMO_BYTES));
  const known = memo.get(sentence.text);
  if (known) return known;
  const found = ruleset.index.candidatesFor(sentence);
  // One shared empty list: most sentences have no candidates.
  const rules = found.length === 0 ? NO_RULES : found;
  memo.set(sentence.text, rules);
  return rules;
}

/**
 * The claims a sentence makes, after guards: memoized per rule set and sentence text, because
 * proposals, templates and email threads repeat whole sentences (a claim depends on nothing but
 * the sentence's words and the rules). Not memoized while tracing, so `explain` sees every step.
 */
const CLAIMS = new WeakMap<RuleSet, BoundedMap<string, Array<{ rule: CompiledRule; match: RuleMatch }>>>();

function claimsIn(
  sentence: Sentence,
  rules: readonly CompiledRule[],
  ruleset: RuleSet,
  options: EngineOptions,
): Array<{ rule: CompiledRule; match: RuleMatch }> {
  const memo =
    options.trace || options.exhaustive
      ? undefined
      : memoFor(CLAIMS, ruleset, () => new BoundedMap(20_000, MEMO_BYTES));
  const known = memo?.get(sentence.text);
  if (known) return known;
  // The plain path (exhaustive) tags every sentence up front; otherwise a sentence is tagged when
  // a rule that declares needsTags first reads a tag (sentence.ts, tagsOnRead), and a sentence
  // whose claims are known is never tagged again.
  const eager = options.exhaustive && ruleset.needsTags;
  if (eager) sentence.tagged();
  const inSentence: Array<{ rule: CompiledRule; match: RuleMatch }> = [];
  for (const rule of rules) {
    sentence.tagsOnRead(rule.needsTags);
    for (const match of rule.matcher.match(sentence)) {
      const guard =
        rule.guards.find((g) => g.applies(sentence, match)) ??
        contextGuardsFor(rule.meta.category).find((g) => !rule.guards.includes(g) && g.applies(sentence, match));
      options.trace?.match?.(rule, match, sentence, guard);
      if (guard) continue;
      inSentence.push({ rule, match });
    }
  }
  sentence.tagsOnRead(false);
  if (sentence.isTagged) engineStats.tagged++;
  const claims = oneClaimPerCategory(inSentence);
  memo?.set(sentence.text, claims);
  return claims;
}

const SEVERITY_RANK = { error: 3, warning: 2, suggestion: 1 } as const;

/**
 * Two rules of one category flagging overlapping words make one claim, not two: keep the more
 * severe (then the longer) finding, so a rep reads one message per problem.
 */
function oneClaimPerCategory<T extends { rule: CompiledRule; match: RuleMatch }>(items: T[]): T[] {
  if (items.length < 2) return items;
  const rank = (x: T): number => SEVERITY_RANK[x.rule.meta.severity] * 10_000 + (x.match.end - x.match.start);
  const sorted = [...items].sort((a, b) => rank(b) - rank(a));
  const kept: T[] = [];
  for (const x of sorted) {
    const overlaps = kept.some(
      (k) =>
        k.rule.meta.category === x.rule.meta.category && k.match.start < x.match.end && x.match.start < k.match.end,
    );
    if (!overlaps) kept.push(x);
  }
  return items.filter((x) => kept.includes(x));
}

function toFinding(
  rule: CompiledRule,
  match: RuleMatch,
  sentence: Sentence,
  block: TextBlock,
  offset: number,
): Finding {
  const captures: Record<string, string> = { sentence: sentence.text, ...match.captures };
  const suggestionTemplate =
    rule.source.definition.suggestion ?? (captures.replacement ? 'Write "{replacement}" instead.' : undefined);
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
