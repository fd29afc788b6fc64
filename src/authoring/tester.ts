// `pitchlint rules test`: every rule's `examples` are its tests, run like ESLint's RuleTester.
// Each `flag` sentence must be flagged by the rule (at the expected `match` words, with the
// expected `rewrite` when the example names one and the engine produced one); each `pass`
// sentence must not be; and a rule's rewrite of its own flag examples must not be flagged again
// by the rule. Each rule runs alone, so another rule cannot make its tests pass or fail.
import type { EngineTrace } from '../engine/linter.js';
import { compileRuleSet, type RuleSet } from '../engine/ruleset.js';
import { ConfigError } from '../shared/errors.js';
import { maskPlaceholders } from '../rewrites/relint.js';
import { lintBytes } from '../runner/lint-file.js';
import type { Finding } from '../shared/types.js';
import type { FlagExample, RuleSource } from '../rules/definition.js';
import type { Lexicon } from '../rules/lexicon.js';

export interface TestFailure {
  /** Which example: "flag[2]", "pass[0]", "examples". */
  example: string;
  sentence: string;
  expected: string;
  actual: string;
}

export interface RuleTestResult {
  id: string;
  file: string;
  pack: string;
  /** Examples checked. */
  checked: number;
  failures: TestFailure[];
}

interface LintOutcome {
  findings: Finding[];
  /** Matches of the rule that a guard suppressed: the matched words and the guard's name. */
  guarded: Array<{ match: string; guard: string }>;
}

/** Lint one example text with a rule set of one rule, recording what its guards suppressed. */
async function lintExample(text: string, ruleset: RuleSet, rewrites = true): Promise<LintOutcome> {
  const guarded: LintOutcome['guarded'] = [];
  const trace: EngineTrace = {
    match(_rule, match, _sentence, guard) {
      if (guard) guarded.push({ match: match.captures.match ?? '', guard: guard.name });
    },
  };
  const result = await lintBytes('example.txt', Buffer.from(text, 'utf8'), ruleset, { detectEmail: false }, { trace, ...(rewrites ? {} : { rewrites: false }) });
  if (result.fatal) throw new ConfigError(`example could not be linted: ${result.fatal}`);
  return { findings: result.findings, guarded };
}

/** Words compared loosely: case, spacing, curly quotes and surrounding punctuation don't matter. */
export function sameWords(a: string, b: string): boolean {
  const norm = (s: string): string =>
    s
      .replace(/[’‘]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[\s"'(.,;:!?]+|[\s"').,;:!?]+$/g, '')
      .toLowerCase();
  return norm(a) === norm(b);
}

const sameSentence = (a: string, b: string): boolean => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

const quoteList = (xs: string[]): string => xs.map((x) => `"${x}"`).join(', ');
const spanOf = (f: Finding): string => f.sentence.slice(f.span[0], f.span[1]);

function notFlaggedBecause(outcome: LintOutcome): string {
  if (outcome.guarded.length === 0) return 'not flagged (the rule found no match)';
  return `not flagged: ${outcome.guarded.map((g) => `"${g.match}" was suppressed by the "${g.guard}" guard`).join('; ')}`;
}

/** Run one rule's examples. */
export async function testRule(source: RuleSource, lexicon: Lexicon): Promise<RuleTestResult> {
  const def = source.definition;
  const result: RuleTestResult = { id: def.id, file: source.file, pack: source.pack, checked: 0, failures: [] };
  const fail = (example: string, sentence: string, expected: string, actual: string): void => {
    result.failures.push({ example, sentence, expected, actual });
  };
  const flags = def.examples?.flag ?? [];
  const passes = def.examples?.pass ?? [];
  if (flags.length === 0 || passes.length === 0) {
    fail('examples', '', 'at least one flag and one pass example', `${flags.length} flag, ${passes.length} pass`);
    if (flags.length === 0 && passes.length === 0) return result;
  }

  let ruleset: RuleSet;
  try {
    // The rule alone, with its own severity: configured severities do not apply to tests.
    ruleset = await compileRuleSet([source], lexicon);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    fail('rule', '', 'the rule compiles', e.message);
    return result;
  }
  const own = (o: LintOutcome): Finding[] => o.findings.filter((f) => f.ruleId === def.id);

  for (let i = 0; i < flags.length; i++) {
    const ex: FlagExample = typeof flags[i] === 'string' ? { text: flags[i] as string } : (flags[i] as FlagExample);
    const label = `flag[${i}]`;
    result.checked++;
    const outcome = await lintExample(ex.text, ruleset);
    const found = own(outcome);
    if (found.length === 0) {
      fail(label, ex.text, ex.match ? `flagged at "${ex.match}"` : 'flagged', notFlaggedBecause(outcome));
      continue;
    }
    if (ex.match !== undefined && !found.some((f) => sameWords(spanOf(f), ex.match!))) {
      fail(label, ex.text, `flagged at "${ex.match}"`, `flagged at ${quoteList(found.map(spanOf))}`);
    }
    const rewrites = found.filter((f) => typeof f.rewrite === 'string');
    if (ex.rewrite !== undefined && rewrites.length > 0 && !rewrites.some((f) => sameSentence(f.rewrite!, ex.rewrite!))) {
      fail(label, ex.text, `rewrite "${ex.rewrite}"`, `rewrite ${quoteList(rewrites.map((f) => f.rewrite!))}`);
    }
    // A rewrite must be clean: the rule that made it must not flag it again. Each finding's
    // rewrite fixes its own claim, so another claim of the same rule in the sentence may stay;
    // what fails is the same words flagged again, or as many findings as before. Placeholders
    // ("[typical delivery time]") are masked, as the rewrite engine does: a label is not a hedge.
    for (const f of rewrites) {
      const again = own(await lintExample(maskPlaceholders(f.rewrite!), ruleset, false));
      const same = again.filter((a) => sameWords(spanOf(a), spanOf(f)));
      if (same.length > 0 || again.length >= found.length) {
        fail(label, ex.text, `its rewrite "${f.rewrite}" is not flagged again`, `the rewrite is flagged again at ${quoteList((same.length ? same : again).map(spanOf))}`);
      }
    }
  }

  for (let i = 0; i < passes.length; i++) {
    const text = passes[i]!;
    result.checked++;
    const found = own(await lintExample(text, ruleset));
    if (found.length > 0) fail(`pass[${i}]`, text, 'not flagged', `flagged at ${quoteList(found.map(spanOf))}`);
  }
  return result;
}

/** Run the examples of many rules, in order. */
export async function testRules(sources: RuleSource[], lexicon: Lexicon): Promise<RuleTestResult[]> {
  const out: RuleTestResult[] = [];
  for (const s of sources) out.push(await testRule(s, lexicon));
  return out;
}
