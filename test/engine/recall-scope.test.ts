// Issue 16, the claims pitchlint missed or wrongly flagged, by construction class: each class
// with sentences written for this test, flagged and not flagged, through the recommended pack
// and the whole engine pipeline.
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { RuleSet } from '../../src/engine/ruleset.js';
import { lint, packRuleSet } from './helpers.js';

let ruleset: RuleSet;
beforeAll(async () => {
  ruleset = (await packRuleSet(fileURLToPath(new URL('../../rules/recommended', import.meta.url)))).ruleset;
});

/** The rule ids that flag the sentence. */
async function rulesOn(text: string): Promise<string[]> {
  return [...new Set((await lint(text, ruleset)).map((f) => f.ruleId))];
}

async function expectFlagged(text: string, rule?: string): Promise<void> {
  const ids = await rulesOn(text);
  if (rule) expect(ids, text).toContain(rule);
  else expect(ids.length, text).toBeGreaterThan(0);
}

async function expectClean(text: string): Promise<void> {
  expect(await rulesOn(text), text).toEqual([]);
}

/** Not flagged by the rules of one category (another category's rules may still have a say). */
async function expectNoneOf(text: string, prefix: string): Promise<void> {
  expect(
    (await rulesOn(text)).filter((id) => id.startsWith(prefix)),
    text,
  ).toEqual([]);
}

describe('class 5: absolutes without always/never', () => {
  it('flags an intensified absolute state', async () => {
    await expectFlagged('After the upgrade your file server is totally secure.', 'absolute-total-state');
    await expectFlagged('100 % protection against phishing for every mailbox.', 'absolute-total-state');
    await expectFlagged('Your payroll data is completely immune to ransomware.', 'absolute-total-state');
  });
  it('flags failure-proof compounds', async () => {
    await expectFlagged('Bulletproof backups for all three clinics.', 'absolute-failure-proof');
    await expectFlagged('Our flat roofs are leak-proof.', 'absolute-failure-proof');
  });
  it('flags a capability over a universal quantifier', async () => {
    await expectFlagged('The chiller handles any heat wave the summer brings.', 'absolute-catches-everything');
    await expectFlagged('Our till integrates with every accounting package.', 'absolute-catches-everything');
  });
  it('flags universal negatives before a failure', async () => {
    await expectFlagged('No more downtime once the new switch is in.', 'absolute-zero-defects');
    await expectFlagged('Not a single scratch on your floors during the move.', 'absolute-zero-defects');
  });
  it('flags a perfect value in a label-and-value line', async () => {
    await expectFlagged('Picking accuracy: 100%.', 'absolute-perfect-metric');
    await expectFlagged('Missed collections: zero.', 'absolute-perfect-metric');
  });
  it('leaves goals, uses, requirements and records alone', async () => {
    await expectClean('Our goal is a fully secure network by the end of the project.');
    await expectClean('The degreaser is completely safe to use around food prep areas.');
    await expectClean('Your brief asks for leak-proof containers for the soup orders.');
    await expectClean('Missed collections since March: zero.');
    await expectClean('We repair all makes and models of ice machines.');
  });
});

describe('class 6: rankings and comparisons', () => {
  it('flags rank claims', async () => {
    await expectFlagged("We're the No. 1 rated roofer in the valley.", 'superlative-rank');
    await expectFlagged('The top-rated payroll service for dental practices.', 'superlative-rank');
    await expectFlagged('We are a leading supplier of lab glassware across the region.', 'superlative-rank');
    await expectFlagged("Leeds's top-selling bathroom showroom.");
  });
  it('flags comparisons with every other option', async () => {
    await expectFlagged('Nobody in the county stocks more hydraulic hose.', 'superlative-no-equal');
    await expectFlagged('Nothing else on the market comes close to our yield.', 'superlative-no-equal');
    await expectFlagged("You won't find a more careful joiner anywhere in town.", 'superlative-no-equal');
  });
  it('leaves numbering, reasons, brands and sourced ranks alone', async () => {
    await expectClean('Item #1 on the quote is the wall bracket.');
    await expectClean('Late invoices are the number one reason small suppliers run short of cash.');
    await expectClean('We stock filters from the leading manufacturers.');
    await expectClean("You won't find any setup fees on the invoice.");
  });
});

describe('class 7: pressure without stock phrases', () => {
  it('flags a deadline with a loss attached', async () => {
    await expectFlagged('Sign the order by Thursday or we release the crane booking.', 'pressure-or-lose');
    await expectFlagged("If you don't renew this week, you'll lose your priority engineer.", 'pressure-or-lose');
  });
  it('flags an offer said to vanish for good', async () => {
    await expectFlagged("The install rebate ends Friday and it's not coming back.", 'pressure-offer-ends');
    await expectFlagged('I can only keep this quote open until end of day.', 'pressure-offer-ends');
  });
  it('leaves a plain deadline and a validity term alone', async () => {
    await expectClean('Please sign by Friday so we can book the crane for the 12th.');
    await expectClean('Send the drawings by Thursday or call me and we can walk through them.');
    await expectClean('This quote is valid until 30 June.');
  });
});

describe('class 8: price promises in other words', () => {
  it('flags prices that never move and increases the seller carries', async () => {
    await expectFlagged("Your unit cost doesn't budge, whatever steel does.", 'pricing-locked-forever');
    await expectFlagged('Any fuel increase is on us.', 'pricing-absorb-increases');
    await expectFlagged("Whatever another garage charges, we'll charge less.", 'pricing-price-match');
  });
  it('leaves a capped or dated price and a reader instruction alone', async () => {
    await expectClean('Fuel increases are on us until 31 December, capped at 3 cents a litre.');
    await expectClean('Lunch on the first day is on us.');
  });
});

describe('class 11: remedies that still promise, and guarantees with terms', () => {
  it('flags an outcome backed only by a remedy', async () => {
    await expectFlagged('Spotless carpets or your money back.', 'guarantee-or-remedy');
    await expectFlagged("Your pizza in 30 minutes or it's on us.", 'guarantee-or-remedy');
  });
  it('leaves a remedy with its conditions and a named guarantee alone', async () => {
    await expectClean('Not happy? Return it within 30 days, unused, for a full refund.');
    await expectNoneOf('Every rewire is covered by our 5-year workmanship guarantee.', 'guarantee-');
    await expectClean('To claim the guarantee, fill in the form on our returns page.');
    await expectClean('sorry, we dont do guaranteed delivery to the islands');
  });
});

describe('false positives: narrative, attitude and the sender’s own conduct', () => {
  it('does not read a story or a feeling as an absolute', async () => {
    await expectClean('Our foreman always wanted to work on hospital jobs, and now he runs ours.');
    await expectClean('Our founder always says the best install is the one nobody notices.');
    await expectClean('We never want a customer to feel rushed into a decision.');
  });
  it('does not read the sender’s own restraint or routine as an absolute', async () => {
    await expectClean('We never share your details with anyone outside the firm.');
    await expectClean('We always announce scheduled maintenance at least three days ahead.');
    await expectClean('We will never ask for your card number by text.');
  });
  it('still flags an absolute about results', async () => {
    await expectFlagged('We always ship on time.', 'absolute-always-never');
    await expectFlagged('Our installers never miss a deadline.', 'absolute-always-never');
  });
});

describe('false positives: testimonials, case studies and preparedness', () => {
  it('does not flag the last sentence of a quoted testimonial', async () => {
    await expectClean('We switched last spring. It is very simple and it works on any device.”');
  });
  it('does not flag a named company described in a case study', async () => {
    await expectClean('Hollis Freight is one of the largest parcel carriers in the Midlands.');
  });
  it('does not flag preparedness for any incident', async () => {
    await expectClean('We have written plans to handle any data breach.');
  });
  it('still flags the writer’s own rank', async () => {
    await expectFlagged('We are one of the leading recruiters in Lagos.', 'superlative-rank');
  });
});
