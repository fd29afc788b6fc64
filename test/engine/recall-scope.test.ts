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

// Issue 16, real-text classes (s5-scope): claims stated in the words of web pages, ads and
// promotional mail rather than in the stock phrases. Sentences written for this test.

describe('real text: superlatives of what the business provides, uses or is', () => {
  it('flags a superlative after a verb of providing, using or being', async () => {
    await expectFlagged(
      'We recruit only the most qualified drivers for our refrigerated runs.',
      'superlative-we-provide',
    );
    await expectFlagged('Our bakery uses the finest stoneground flour.', 'superlative-we-provide');
    await expectFlagged('At our clinic your horse receives the very best treatment.', 'superlative-we-provide');
    await expectFlagged('Our skip hire service is the smartest choice for busy sites.', 'superlative-we-provide');
  });
  it('flags "possible" after a superlative as an empty qualifier', async () => {
    await expectFlagged('Our tutors make sure your son gets the best tuition possible.');
    await expectClean('We will deliver the pallets on Friday where possible.');
  });
  it('flags a highest standard or quality claimed for the work', async () => {
    await expectFlagged('Our joiners finish every staircase to the highest standard.', 'superlative-best-price');
    await expectFlagged('We cook with the highest quality local beef.');
  });
  it('leaves idioms, the customer’s search, priorities, denials and world facts alone', async () => {
    await expectClean('We will do our best to fit the survey in before Easter.');
    await expectClean('Our brokers help you find the best cover for your van.');
    await expectClean('Your comfort is our highest priority during the treatment.');
    await expectClean("We're not the cheapest scaffolder in the county, and we say so.");
    await expectClean('The front bedrooms are the quietest in the house.');
    await expectClean('Drains block in autumn, when there is the greatest fall of leaves.');
    await expectClean('Whoever wins the tender is the best fit for the council.');
  });
});

describe('real text: "ensures" and "on time" stated as certain', () => {
  it('flags an outcome the business says it ensures in every case', async () => {
    await expectFlagged('Our inspectors ensure every weld meets the drawing.', 'absolute-ensures');
    await expectFlagged('Insulated crates, ensuring each order reaches your kitchen chilled.', 'absolute-ensures');
  });
  it('leaves a purpose, a duty, a mission and advice alone', async () => {
    await expectClean('We wrap each mirror twice to ensure it travels safely.');
    await expectClean('The subcontractor shall ensure all ladders are tied off.');
    await expectClean('It is our mission to ensure every tenant feels at home.');
    await expectClean('Make sure you have your policy number ready when you call.');
  });
  it('flags punctuality stated as a fact', async () => {
    await expectFlagged('Our removal crew arrives on time and leaves no mess.', 'absolute-on-time');
    await expectFlagged('Reliable couriers, on-time drop-offs, every day of the week.');
  });
  it('leaves "always ... on time" to the always/never rule: one claim, one finding', async () => {
    expect(await rulesOn('Our drivers always deliver on time.')).toEqual(['absolute-always-never']);
  });
  it('leaves a condition, a duty, a goal and a record alone', async () => {
    await expectClean('If the glass arrives on time, we can fit it on Tuesday.');
    await expectClean('Rent must be paid on time each month.');
    await expectClean('Each workshop is limited to 10 people so everyone gets hands-on time.');
    await expectClean('Our aim is to finish the extension on time and on budget.');
    await expectClean('In 2024, 95% of our collections were on time.');
  });
});

describe('real text: one-off prices promised for ever', () => {
  it('flags pay-once and lifetime promises', async () => {
    await expectFlagged('Pay once, keep the app forever.', 'pricing-pay-once');
    await expectFlagged('One payment, lifetime access, no renewals.', 'pricing-pay-once');
    await expectFlagged('Existing members are grandfathered into their current price.', 'pricing-pay-once');
    await expectFlagged('Upgrade now and lock in your rate against future price increases.', 'pricing-locked-forever');
  });
  it('leaves a one-off price with its terms alone', async () => {
    await expectClean('One payment covers the licence and 2 years of updates.');
    await expectClean('Pay once for the boiler; servicing is billed each year.');
  });
});

describe('real text: scarcity and countdown pressure', () => {
  it('flags pushes without the stock phrases', async () => {
    await expectFlagged("Don't wait - grab your winter tyres this week.", 'pressure-scarcity');
    await expectFlagged('Masterclass: 12 seats only!', 'pressure-scarcity');
    await expectFlagged('Warehouse clearance - every rug must go!', 'pressure-scarcity');
    await expectFlagged('In the next 6 hours, use code THAW for 25% off any boiler service.', 'pressure-countdown');
  });
  it('leaves advice, a stated limit and a service window alone', async () => {
    await expectClean("Please don't wait for the next bill to report a leak.");
    await expectClean("Don't wait, browse the spring catalogue online.");
    await expectClean('Places on each workshop are limited to 10 people, so book early if you need a date.');
    await expectClean('Spot a problem with the clean? Let us know in the next 24 hours and we will return.');
  });
});

describe('real text: stories and records in the simple past are not absolutes', () => {
  it('leaves a narrative "never" or "always" in the past alone', async () => {
    await expectClean('The previous landscaper never turned up for the spring cut.');
    await expectClean('We never have come close to the limit on the shared drive.');
    await expectClean('The fitters were great and the van was always tidy, they were always polite.');
  });
  it('still flags the present and the future', async () => {
    await expectFlagged('Our fitters never leave a mess behind.', 'absolute-always-never');
    await expectFlagged('Your boiler will never break down again.');
  });
});
