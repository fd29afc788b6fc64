// `pitchlint explain "sentence"`: how the engine sees a text, for rule authors debugging a rule.
// It runs the real engine (lintDocument) with a trace, so what it shows is what a lint run
// does: the sentences, their tokens and tags, the prefilter's candidate rules and the trigger
// words that selected them, the claims the commitment detector finds, the hedges, negations
// and other signals of the lexicon, and every match with the guard that suppressed it.
import type { EngineTrace } from '../engine/linter.js';
import { lintDocument } from '../engine/linter.js';
import { loadKind } from '../engine/kinds/index.js';
import type { CompiledRule, RuleMatch } from '../engine/rule.js';
import type { RuleSet } from '../engine/ruleset.js';
import type { Sentence } from '../engine/sentence.js';
import { fillTemplate } from '../engine/message.js';
import { loadNlp } from '../text/nlp.js';
import { PhraseSet } from '../text/phrase-set.js';
import type { Token } from '../text/tokens.js';
import type { InputDocument, TextBlock } from '../shared/types.js';
import type { RuleDefinition } from '../rules/definition.js';
import { guardText } from './guard-docs.js';
import type { Lexicon } from '../rules/lexicon.js';

export interface ExplainedToken {
  text: string;
  norm: string;
  type: Token['type'];
  tags: string[];
}

export interface ExplainedClaim {
  match: string;
  who: string;
  modal: string;
  verb: string;
  deadline: string;
  quantity: string;
}

export interface ExplainedMatch {
  rule: string;
  match: string;
  /** merged: another rule of the same category flagged overlapping words (one claim, one finding). */
  outcome: 'fired' | 'suppressed' | 'merged';
  /** The guard that suppressed the match (the first that applied, as the engine checks them). */
  guard?: string;
  why?: string;
  /** Every guard of the rule that applies to this match. */
  guards: string[];
  message?: string;
  /** The sentence rewritten (when the finding has a rewrite), and the facts it lacks. */
  rewrite?: string;
  missingFacts?: string[];
}

export interface ExplainedSentence {
  text: string;
  tokens: ExplainedToken[];
  candidates: Array<{ rule: string; triggers: string[] }>;
  /** Rules that were not candidates: the sentence has none of their trigger words. */
  skipped: string[];
  claims: ExplainedClaim[];
  signals: Record<string, string[]>;
  matches: ExplainedMatch[];
  /** Candidate rules whose matcher found nothing. */
  noMatch: string[];
}

function phrasesIn(set: PhraseSet<string>, tokens: readonly Token[], text: string): string[] {
  return [...new Set(set.findAll(tokens).map((m) => text.slice(tokens[m.start]!.start, tokens[m.end - 1]!.end)))];
}

/** Lexicon words in the sentence that guards and the commitment detector react to. */
function signals(s: Sentence, lexicon: Lexicon): Record<string, string[]> {
  const t = s.tokens;
  return {
    hedges: phrasesIn(lexicon.hedges, t, s.text),
    'empty hedges': phrasesIn(lexicon.emptyHedges, t, s.text),
    negations: phrasesIn(lexicon.negations, t, s.text),
    'certainty modals': phrasesIn(lexicon.certainty, t, s.text),
    'soft modals': phrasesIn(lexicon.softModals, t, s.text),
    'deadline words': phrasesIn(lexicon.deadlineWords, t, s.text),
    'past markers': phrasesIn(lexicon.pastMarkers, t, s.text),
    'reporting phrases': phrasesIn(lexicon.reportingPhrases, t, s.text),
    'customer subjects': phrasesIn(lexicon.customerSubjects, t, s.text),
    'reporting verbs': phrasesIn(lexicon.reportingVerbs, t, s.text),
    courtesy: phrasesIn(lexicon.courtesy, t, s.text),
    'own actions': phrasesIn(lexicon.ownActions, t, s.text),
  };
}

/** The commitment detector with every verb and subject class and no requirement: all claims. */
async function claimDetector(lexicon: Lexicon, ruleset: RuleSet): Promise<(s: Sentence) => RuleMatch[]> {
  const def: RuleDefinition = {
    id: 'explain-claims',
    kind: 'commitment',
    severity: 'suggestion',
    category: 'commitment',
    message: '{match}',
    description: 'all claims',
    rationale: 'explain',
    verbs: Object.keys(lexicon.data.verbs.classes),
    subjects: Object.keys(lexicon.data.subjects.classes),
    requires: 'none',
  };
  const kind = await loadKind('commitment');
  const source = ruleset.rules[0]?.source ?? { definition: def, file: '<explain>', pack: 'explain', keyLines: {} };
  const matcher = kind.compile(def, { lexicon, source: { ...source, definition: def } });
  return (s) => matcher.match(s);
}

function triggerWords(rule: CompiledRule, s: Sentence): string[] {
  const groups = rule.matcher.triggers;
  if (!groups) return ['(no triggers: tried on every sentence)'];
  const out: string[] = [];
  for (const g of groups) {
    const set = new PhraseSet<string>();
    for (const p of g.phrases) set.add(p, p, g.inflect);
    out.push(...phrasesIn(set, s.tokens, s.text));
  }
  return [...new Set(out)];
}

/** Explain how the engine sees `text` with `ruleset`. */
export async function explainText(text: string, ruleset: RuleSet): Promise<ExplainedSentence[]> {
  const seen: Array<{ sentence: Sentence; candidates: readonly CompiledRule[]; matches: Array<{ rule: CompiledRule; match: RuleMatch; guard?: string }> }> = [];
  const trace: EngineTrace = {
    sentence(sentence, candidates) {
      seen.push({ sentence, candidates, matches: [] });
    },
    match(rule, match, sentence, guard) {
      const entry = seen.find((e) => e.sentence === sentence);
      entry?.matches.push({ rule, match, ...(guard ? { guard: guard.name } : {}) });
    },
  };
  const block: TextBlock = { text, kind: 'paragraph', locate: (i) => ({ line: 1, column: i + 1 }) };
  const doc: InputDocument = { filePath: '<explain>', format: 'text', blocks: [block] };
  const findings = await lintDocument(doc, ruleset, { trace });
  await loadNlp();
  const claims = await claimDetector(ruleset.lexicon, ruleset);

  return seen.map(({ sentence, candidates, matches }) => {
    sentence.tagged();
    const candidateIds = new Set(candidates.map((r) => r.meta.id));
    const matched = new Set(matches.map((m) => m.rule.meta.id));
    return {
      text: sentence.text,
      tokens: sentence.tokens.map((t, i) => ({ text: t.text, norm: t.norm, type: t.type, tags: [...sentence.tags(i)] })),
      candidates: candidates.map((r) => ({ rule: r.meta.id, triggers: triggerWords(r, sentence) })),
      skipped: ruleset.rules.filter((r) => !candidateIds.has(r.meta.id)).map((r) => r.meta.id),
      claims: claims(sentence).map((m) => ({
        match: m.captures.match ?? '',
        who: m.captures.subject ?? '',
        modal: m.captures.modal ?? '',
        verb: m.captures.verb ?? '',
        deadline: m.captures.deadline ?? '',
        quantity: m.captures.quantity ?? '',
      })),
      signals: signals(sentence, ruleset.lexicon),
      matches: matches.map(({ rule, match, guard }) => {
        const applying = rule.guards.filter((g) => g.applies(sentence, match)).map((g) => g.name);
        const finding = guard
          ? undefined
          : findings.find((f) => f.ruleId === rule.meta.id && f.sentence === sentence.text && f.span[0] === match.start && f.span[1] === match.end);
        const outcome = guard ? 'suppressed' : finding ? 'fired' : 'merged';
        const out: ExplainedMatch = { rule: rule.meta.id, match: match.captures.match ?? '', outcome, guards: applying };
        if (finding?.rewrite) out.rewrite = finding.rewrite;
        if (finding?.missingFacts?.length) out.missingFacts = finding.missingFacts;
        if (guard) {
          out.guard = guard;
          out.why = guard.startsWith('phrases(') ? `one of the rule's own "unless" phrases is present` : guardText(guard);
        } else {
          out.message = fillTemplate(rule.meta.message, { sentence: sentence.text, ...match.captures });
        }
        return out;
      }),
      noMatch: candidates.filter((r) => !matched.has(r.meta.id)).map((r) => r.meta.id),
    };
  });
}
