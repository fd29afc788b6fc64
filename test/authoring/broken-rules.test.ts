// The ten-plus broken rule files of test/fixtures/broken-rules: each error exactly as the user
// sees it from `pitchlint rules validate` (file:line:col and text).
import { describe, expect, it } from 'vitest';
import { rulesValidate } from '../../src/authoring/commands.js';
import { loadPackDir, RuleLoadError } from '../../src/rules/loader.js';
import { checkRegex, compileRe2 } from '../../src/rules/regex-safety.js';
import { BROKEN, capture, ROOT } from './helpers.js';

const NOT_LINEAR =
  'needs a backtracking regex engine, which can backtrack catastrophically (exponential time on some inputs); pitchlint only runs linear-time (RE2) expressions';

/** The exact line `rules validate` prints for each fixture. */
const EXPECTED: Record<string, string> = {
  'bad-yaml.yaml': `${BROKEN}/bad-yaml.yaml:5:10: invalid YAML: the ' quote opened here is never closed (add the closing ')`,
  'unknown-kind.yaml': `${BROKEN}/unknown-kind.yaml:2:7: "kind" must be one of: phrase, substitute, pattern, commitment, regex (did you mean "phrase"?)`,
  'misspelled-key.yaml': `${BROKEN}/misspelled-key.yaml:5:1: unknown key "mesage" (did you mean "message"?)`,
  'bad-pattern.yaml': `${BROKEN}/bad-pattern.yaml:8:11: malformed pattern: unbalanced "(": it is never closed with ")"`,
  'unknown-tag.yaml': `${BROKEN}/unknown-tag.yaml:8:35: malformed pattern: unknown tag "#Verbb" (did you mean "#Verb"?); tags are compromise's (#Noun, #Verb, #Adjective, #Adverb, #Modal, #Value, ...)`,
  'evil-regex.yaml': `${BROKEN}/evil-regex.yaml:8:19: lookahead "(?=...)" ${NOT_LINEAR}; match the words themselves, or use the rule's \`unless\` guards for context`,
  'backreference.yaml': `${BROKEN}/backreference.yaml:8:17: backreference "\\1" ${NOT_LINEAR}`,
  'missing-fact.yaml': `${BROKEN}/missing-fact.yaml:8:36: unknown fact "delivery.typcal" in {facts.delivery.typcal} (did you mean "delivery.typical"?); use a standard fact key (see docs/writing-rules.md, "Standard fact keys") or add it to your config's facts:`,
  'duplicate-id.yaml': `${BROKEN}/duplicate-id.yaml:2:5: duplicate rule id "bad-guard": already defined at ${BROKEN}/bad-guard.yaml:1:5; rule ids must be unique across all packs`,
  'wrong-severity.yaml': `${BROKEN}/wrong-severity.yaml:3:11: "severity" must be one of: error, warning, suggestion`,
  'missing-examples.yaml': `${BROKEN}/missing-examples.yaml:1:1: missing required key "examples": every rule needs sentences it must flag and sentences it must pass (examples: { flag: [...], pass: [...] }); \`pitchlint rules test\` runs them`,
  'bad-guard.yaml': `${BROKEN}/bad-guard.yaml:9:19: unknown guard "hedgd" (did you mean "hedged"?); guards: hedged, negated, reported, past, quoted, proper-name, question, conditional, own-action, contract-terms, courtesy, instruction`,
  'bad-rewrite.yaml': `${BROKEN}/bad-rewrite.yaml:10:3: unknown key "replce" in "rewrite" (did you mean "replace"?)`,
  'unknown-verb-class.yaml': `${BROKEN}/unknown-verb-class.yaml:8:9: unknown verb class "delivry" (did you mean "delivery"?); verb classes: ${'VERB_CLASSES'} (or write a plain verb)`,
};

/** Guard and verb-class lists grow as the lexicon and engine do; compare those parts loosely. */
function matches(actual: string, expected: string): boolean {
  if (expected.includes('VERB_CLASSES')) {
    const [head, tail] = expected.split('VERB_CLASSES') as [string, string];
    return actual.startsWith(head) && actual.endsWith(tail) && /delivery, outcome/.test(actual);
  }
  if (expected.includes('guards: hedged'))
    return actual.startsWith(expected.slice(0, expected.indexOf('guards:') + 'guards: hedged, negated'.length));
  return actual === expected;
}

describe('rules validate on broken rule files', () => {
  it('lists every problem of the folder, one line each, and exits 2', async () => {
    const r = await capture((io) => rulesValidate([BROKEN], { cwd: ROOT }, io));
    expect(r.code).toBe(2);
    const lines = r.err.trim().split('\n');
    expect(lines.at(-1)).toBe(
      `✖ ${Object.keys(EXPECTED).length} problems in ${Object.keys(EXPECTED).length} of ${Object.keys(EXPECTED).length} rule files`,
    );
    for (const [file, expected] of Object.entries(EXPECTED)) {
      const line = lines.filter((l) => l.startsWith(`${BROKEN}/${file}:`));
      expect(line, file).toHaveLength(1);
      expect(matches(line[0]!, expected), `${line[0]}\n  expected\n${expected}`).toBe(true);
    }
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    if (file === 'duplicate-id.yaml') continue; // needs the file it duplicates
    it(`${file}: exact message`, async () => {
      const r = await capture((io) => rulesValidate([`${BROKEN}/${file}`], { cwd: ROOT }, io));
      expect(r.code).toBe(2);
      const [first, summary] = r.err.trim().split('\n');
      expect(matches(first!, expected), `${first}\n  expected\n${expected}`).toBe(true);
      expect(summary).toBe('✖ 1 problem in 1 of 1 rule file');
    });
  }

  it('duplicate ids are found across packs', async () => {
    const r = await capture((io) =>
      rulesValidate([`${BROKEN}/bad-guard.yaml`, `${BROKEN}/duplicate-id.yaml`], { cwd: ROOT }, io),
    );
    expect(r.err).toContain(EXPECTED['duplicate-id.yaml']);
  });

  it('the lint path refuses the same files (schema, pattern brackets, regexes)', async () => {
    const err = await loadPackDir(`${ROOT}/${BROKEN}`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RuleLoadError);
    const text = (err as RuleLoadError).problems.map((p) => `${p.where.replace(`${ROOT}/`, '')}: ${p.message}`);
    for (const file of [
      'unknown-kind',
      'misspelled-key',
      'bad-pattern',
      'evil-regex',
      'backreference',
      'wrong-severity',
      'bad-guard',
      'bad-yaml',
    ]) {
      expect(
        text.some((t) => matches(t, EXPECTED[`${file}.yaml`]!)),
        file,
      ).toBe(true);
    }
  });
});

describe('regex safety', () => {
  it('accepts (a+)+$ with a warning: RE2 runs it in linear time', () => {
    const [p] = checkRegex('(a+)+$');
    expect(p?.severity).toBe('warning');
    expect(p?.message).toBe(
      'nested quantifier "(a+)+": safe in pitchlint (RE2 runs in linear time), but it would backtrack catastrophically in other regex engines',
    );
    // The input that takes a backtracking engine exponential time: instant here.
    const started = Date.now();
    expect(
      compileRe2('(a+)+$')
        .matcher(`${'a'.repeat(50_000)}!`)
        .find(),
    ).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('rejects lookbehind, negative lookahead, atomic groups and possessive quantifiers', () => {
    expect(checkRegex('(?<=a)b')[0]?.message).toMatch(/^lookbehind "\(\?<=\.\.\.\)" needs a backtracking/);
    expect(checkRegex('(?!a)b')[0]?.message).toMatch(/^negative lookahead/);
    expect(checkRegex('(?>a+)b')[0]?.message).toMatch(/^atomic group/);
    expect(checkRegex('a++')[0]?.message).toMatch(/^possessive quantifier "\+\+"/);
    expect(checkRegex('\\k<word>')[0]?.message).toMatch(/^named backreference/);
  });

  it('reports RE2 syntax errors with their position', () => {
    expect(checkRegex('guarantee[ds')).toEqual([
      { offset: 9, message: 'invalid regex: missing closing ]: `[ds`', severity: 'error' },
    ]);
  });

  it('does not mistake escapes and classes for lookaround or backreferences', () => {
    expect(checkRegex('\\(?=\\)')).toEqual([]);
    expect(checkRegex('[(?=]x')).toEqual([]);
    expect(checkRegex('\\\\1')).toEqual([]);
  });
});

describe('compromise pattern checks', () => {
  it("uses compromise's own parser and tag set", async () => {
    const { checkPattern } = await import('../../src/rules/pattern-syntax.js');
    const { didYouMean } = await import('../../src/shared/did-you-mean.js');
    const nlp = (await import('compromise/two')).default as unknown as {
      parseMatch(p: string): Array<{ word?: string; tag?: string }>;
      world(): { model: { one: { tagSet: Record<string, unknown> } } };
    };
    const tags = Object.keys(nlp.world().model.one.tagSet);
    const check = (p: string) =>
      checkPattern(p, tags, didYouMean, (x) => nlp.parseMatch(x)).map((x) => `${x.offset}: ${x.message}`);
    expect(check('(always|never) #Adverb? #Verb')).toEqual([]);
    expect(check('[<who>#Pronoun] (will|shall) /^deliver/ #Noun+')).toEqual([]);
    expect(check('always|never #Verb')).toEqual([
      '0: compromise reads "always|never" as one literal word: put alternatives in parentheses, "(always|never)"',
    ]);
    expect(check('always) #Verb')).toEqual(['6: unbalanced ")": no "(" opens it']);
    expect(check('(always|) #Verb')).toEqual([
      '7: empty alternative "|)": every "|" needs a word or tag on both sides',
    ]);
    expect(check('(always [#Verb)]')).toEqual(['14: ")" closes "[" (opened at column 9 of the pattern); expected "]"']);
    expect(check('#Adverbb #Verb')).toEqual([
      '0: unknown tag "#Adverbb" (did you mean "#Adverb"?); tags are compromise\'s (#Noun, #Verb, #Adjective, #Adverb, #Modal, #Value, ...)',
    ]);
    expect(check('we # ship')).toEqual(['3: "#" without a tag name: write a tag such as #Verb or #Noun']);
  });
});
