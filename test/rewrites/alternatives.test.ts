// The soft and strict alternatives of a rewrite (issue 12), on the shipped rules: a soft form (the
// claim kept, hedged) and a strict one (a measured fact or its placeholder), each passing the same
// strict check as the rewrite and left out when it cannot be made well. Drafts written for this test.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../../src/engine/ruleset.js';
import type { FactsSheet } from '../../src/config/facts/types.js';
import type { RewriteAlternative } from '../../src/shared/types.js';
import { Sentence } from '../../src/engine/sentence.js';
import { verifyRewrite, protectedTokens } from '../../src/rewrites/verify.js';
import { matchSentence } from '../../src/rewrites/relint.js';
import { dropStackedHedges } from '../../src/rewrites/compose.js';
import { allRuleSources, factsOf, grammarProblems, lintText, ruleSetOf } from './helpers.js';

let rules: RuleSet;
beforeAll(async () => {
  rules = await ruleSetOf(await allRuleSources());
}, 120_000);

interface Outcome {
  rewrite: string | undefined;
  soft: string | undefined;
  strict: string | undefined;
  alternatives: RewriteAlternative[];
}

async function outcomeOf(text: string, facts?: FactsSheet): Promise<Outcome> {
  const r = await lintText(text, rules, facts);
  const f = r.findings.find((x) => x.rewrite !== undefined);
  const alternatives = f?.alternatives ?? [];
  // One sentence, one set of alternatives: every finding of it carries the same.
  for (const g of r.findings) expect(g.alternatives ?? []).toEqual(alternatives);
  return {
    rewrite: f?.rewrite,
    soft: alternatives.find((a) => a.label === 'soft')?.text,
    strict: alternatives.find((a) => a.label === 'strict')?.text,
    alternatives,
  };
}

/** The checks every alternative passes, independently of the stage: the same as the rewrite's. */
function expectSound(draft: string, alt: string, facts: FactsSheet = factsOf(undefined)): void {
  expect(grammarProblems(draft, alt), alt).toEqual([]);
  const s = new Sentence(draft, rules.lexicon);
  const claims = matchSentence(s, rules).map(({ match }) => match);
  const v = verifyRewrite({
    sentence: s,
    rewrite: alt,
    claims,
    ruleset: rules,
    facts,
    check: rules.rewriteDefaults.check,
  });
  expect(v.notes, alt).toEqual([]);
  for (const t of protectedTokens(draft)) expect(alt).toContain(t);
}

// category, draft, soft, strict (undefined: none can be made well)
const cases: Array<[string, string, string | undefined, string | undefined]> = [
  [
    'absolute',
    'Our installers always leave the site clean.',
    'Our installers usually leave the site clean.',
    undefined,
  ],
  [
    'absolute, on time',
    'Our drivers always deliver on time.',
    undefined,
    'Our drivers deliver on time in [on-time delivery rate] of cases.',
  ],
  [
    'commitment, result',
    'The retrofit will cut your energy bill by a third.',
    'The retrofit should cut your energy bill by a third.',
    undefined,
  ],
  [
    'commitment, deadline',
    "We'll have the new switches racked by Thursday.",
    'We should have the new switches racked by Thursday.',
    undefined,
  ],
  [
    'guarantee, "guaranteed to"',
    'Your boiler is guaranteed to pass its annual inspection.',
    'Your boiler should pass its annual inspection.',
    undefined,
  ],
  [
    'roadmap',
    'The mobile app launches in September.',
    'The mobile app should launch in September.',
    'The mobile app is currently planned to launch in September ([release policy]).',
  ],
  [
    'speed, adjective',
    'We offer overnight shipping to all fifty states.',
    'We offer fast shipping to all fifty states.',
    'We offer shipping in [usual range of delivery times] to all fifty states.',
  ],
  [
    'speed, adverb',
    'Our team replies instantly to every ticket.',
    'Our team usually replies quickly to every ticket.',
    undefined,
  ],
  ['superlative', 'We are the best HVAC contractor in Ohio.', 'We are a trusted HVAC contractor in Ohio.', undefined],
];

describe('alternatives of a rewrite, by category', () => {
  for (const [cls, draft, soft, strict] of cases) {
    it(`${cls}: ${draft}`, async () => {
      const o = await outcomeOf(draft);
      expect(o.rewrite, 'the sentence has a rewrite').toBeDefined();
      expect(o.soft).toBe(soft);
      expect(o.strict).toBe(strict);
      for (const a of o.alternatives) {
        expect(a.text).not.toBe(o.rewrite);
        expect(a.text).not.toBe(draft);
        expectSound(draft, a.text);
      }
      // A strict alternative states a fact: a placeholder the draft did not have.
      if (o.strict) expect(o.strict).toMatch(/\[[^\]]+\]/);
    });
  }

  it('a strict form quotes the facts sheet when the fact is recorded', async () => {
    const facts = factsOf({ 'delivery.range': '1 to 4 business days', 'release.policy': 'dates are confirmed at GA' });
    const o = await outcomeOf('We offer overnight shipping to all fifty states.', facts);
    expect(o.strict).toBe('We offer shipping in 1 to 4 business days to all fifty states.');
    expectSound('We offer overnight shipping to all fifty states.', o.strict!, facts);
    // The rewrite already quotes the release policy: a strict form saying the same is left out.
    const r = await outcomeOf('The mobile app launches in September.', facts);
    expect(r.rewrite).toBe('The mobile app is currently planned to launch in September (dates are confirmed at GA).');
    expect(r.strict).toBeUndefined();
    expect(r.soft).toBe('The mobile app should launch in September.');
  });

  it('leaves them out where none can be made well: prices, pressure, a delivery the roadmap rules catch', async () => {
    for (const draft of [
      'Your subscription price will never go up.',
      'Only two install slots left this week, book now!',
      'Nobody services forklifts faster than we do.',
    ]) {
      const o = await outcomeOf(draft);
      expect(o.rewrite, draft).toBeDefined();
      expect(o.alternatives, draft).toEqual([]);
    }
    // The release policy belongs to product releases, not to a car on its way from the port.
    const car = await outcomeOf('Your car arrives from the port Thursday and is ready Friday afternoon.');
    expect(car.strict).toBeUndefined();
  });

  it('has none when the rewrite itself is withheld', async () => {
    const o = await outcomeOf('We guarantee same-day callouts across the county.');
    expect(o.rewrite).toBeUndefined();
    expect(o.alternatives).toEqual([]);
  });

  it('sees a merge field as the rewrite does (pitchlint rewrite puts it back)', async () => {
    // The linted sentence holds a merge field as "…" (pitchlint rewrite puts it back).
    const o = await outcomeOf('Hi {{first_name}}, your new router will be live by Friday.');
    expect(o.rewrite).toBe('Hi …, your new router is expected to be live by Friday.');
    expect(o.soft).toBe('Hi …, your new router should be live by Friday.');
  });
});

describe('one hedge per clause', () => {
  it('keeps the later, fuller hedge when two passes hedged the same clause', async () => {
    expect(dropStackedHedges('We always ship on time.', 'We typically ship at the agreed time in most cases.')).toBe(
      'We ship at the agreed time in most cases.',
    );
    expect(dropStackedHedges('Always on time.', 'Typically at the agreed time in most cases.')).toBe(
      'At the agreed time in most cases.',
    );
    // A hedge of the draft stays, and so does one in another clause.
    expect(dropStackedHedges('We usually ship on time.', 'We usually ship on time in most cases.')).toBe(
      'We usually ship on time in most cases.',
    );
    expect(
      dropStackedHedges(
        'We always pack, and we ship on time.',
        'We typically pack, and we ship on time in most cases.',
      ),
    ).toBe('We typically pack, and we ship on time in most cases.');
    expect((await outcomeOf('We always ship on time.')).rewrite).toBe('We ship at the agreed time in most cases.');
  });
});
