// Qualifiers count only in the claim's own scope (its clause and the clauses governing it), and a
// line break ends a unit where the next line starts a new one: through the recommended pack.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../../src/engine/ruleset.js';
import { lint, packRuleSet } from './helpers.js';

let recommended: RuleSet;
beforeAll(async () => {
  recommended = (await packRuleSet('rules/recommended')).ruleset;
});
const flags = async (text: string): Promise<boolean> => (await lint(text, recommended)).length > 0;

describe('claim-in-multi-clause: a qualifier in another clause does not hide the claim', () => {
  it('a hedge in a coordinated clause', async () => {
    expect(
      await flags('We will have the shelving installed by Friday, and our crew usually tidies up the same afternoon.'),
    ).toBe(true);
    expect(await flags('We will usually have the shelving installed by Friday.')).toBe(false);
  });
  it('a condition in a coordinated clause', async () => {
    expect(
      await flags(
        'Your new boiler will be fitted by Thursday, and if you need a hand with the thermostat we can show you.',
      ),
    ).toBe(true);
    expect(await flags('If the boiler arrives from the wholesaler Monday, it will be fitted by Thursday.')).toBe(false);
  });
  it('an honest limit in a contrasting clause', async () => {
    expect(await flags("We can't promise the rankings, but we guarantee page-one placement for your brand name.")).toBe(
      true,
    );
    expect(await flags("We can't guarantee page-one placement for your brand name.")).toBe(false);
  });
});

describe("customer-condition: the customer's own action does not qualify a claim", () => {
  it('flags a promise triggered by the customer signing or ordering', async () => {
    expect(await flags('As soon as you sign, we will have your warehouse live within two weeks.')).toBe(true);
    expect(
      await flags('Once you approve the artwork, we will have the banners printed and delivered by Tuesday.'),
    ).toBe(true);
  });
  it('still accepts a dependency outside the writer control', async () => {
    expect(await flags('Once the council signs off the permit, we will have the scaffolding up by Tuesday.')).toBe(
      false,
    );
  });
});

describe('sentence units follow line breaks', () => {
  it('a hedge on one chat line does not qualify a claim on the next', async () => {
    expect(await flags('Usually we text first\nThe crew will have your racking installed by 9 tomorrow')).toBe(true);
  });
  it('a hard-wrapped sentence stays one sentence', async () => {
    expect(await flags('We typically get the van to you\nby 9 the next morning.')).toBe(false);
  });
});
