// Issue 16, real-text classes (s6-scope): superlatives, pressure, absolutes, price promises and
// guarantees stated in the words of web pages, ads and promotional mail. Each class has sentences
// written for this test, flagged and not flagged, run through the recommended pack and the whole
// engine pipeline.
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

async function expectFlagged(text: string, rule: string): Promise<void> {
  expect(await rulesOn(text), text).toContain(rule);
}

async function expectClean(text: string): Promise<void> {
  expect(await rulesOn(text), text).toEqual([]);
}

describe('a share of a superlative claimed by the business ("one of the best")', () => {
  it('flags the business, its people or its offer ranked among the best', async () => {
    await expectFlagged('Our plasterers are among the best in the North West.', 'superlative-one-of');
    await expectFlagged("We're one of the most experienced damp specialists in Cornwall.", 'superlative-one-of');
    await expectFlagged('We offer some of the cheapest skip hire rates in the borough.', 'superlative-one-of');
    await expectFlagged(
      'Our long service record makes us one of the safest haulage firms around.',
      'superlative-one-of',
    );
    await expectFlagged('Our team is known as one of the friendliest in the trade.', 'superlative-one-of');
  });
  it('leaves ideas, customers, places, other people, sourced ranks and denials alone', async () => {
    await expectClean('One of the best ways to keep a boiler healthy is an annual service.');
    await expectClean('We fit kitchens for some of the busiest restaurants in Soho.');
    await expectClean('We have supplied some of the largest hospitals in the region.');
    await expectClean('Our county has some of the highest council tax bills in England.');
    await expectClean('We think you are one of the most organised clients we have.');
    await expectClean('We were voted one of the best garden centres by readers of the local paper in 2023.');
    await expectClean("We're not among the biggest printers in town, and we don't pretend to be.");
    await expectClean('December is one of the busiest weeks for our couriers.');
  });
});

describe('pressure: offers said to run out, without the stock phrases', () => {
  it('flags a call to buy for a limited time or while it lasts', async () => {
    await expectFlagged('Order the starter kit for a limited time at the launch price.', 'pressure-while-it-lasts');
    await expectFlagged('Shop the end-of-line tiles while they last.', 'pressure-while-it-lasts');
    await expectFlagged(
      'Last batch of the blue mugs, £8. Once they are gone, they are gone.',
      'pressure-while-it-lasts',
    );
    await expectFlagged('Grab a second pair half price for a short time only.', 'pressure-while-it-lasts');
  });
  it('flags an offer said to slip away and a countdown in hours', async () => {
    await expectFlagged("Don't let your spring discount slip away.", 'pressure-scarcity');
    await expectFlagged("Don't let your free fitting go to waste.", 'pressure-scarcity');
    await expectFlagged('Paint sale: 12 hrs only!', 'pressure-urgency');
  });
  it('leaves fine print, advice and a validity term alone', async () => {
    await expectClean('Offer applies while stocks last; see the terms for details.');
    await expectClean('The quote is valid for a limited time and depends on the steel price.');
    await expectClean('Browse our limited-time offers on the deals page.');
    await expectClean("Don't let frozen pipes catch you out: lag them before the first frost.");
    await expectClean("Don't let old paint go to waste; the depot takes it back.");
  });
});

describe('absolutes of scope: every need, nonstop service', () => {
  it('flags a claim to cover every need the customer has', async () => {
    await expectFlagged('We take care of all your bookkeeping needs, from receipts to returns.', 'absolute-every-need');
    await expectFlagged('Our depot team handles any of your pallet storage requirements.', 'absolute-every-need');
    await expectFlagged('Harlow Glass meets every one of your glazing needs.', 'absolute-every-need');
  });
  it('leaves a call to get in touch, an aim, a regulation and a denial alone', async () => {
    await expectClean('Ring us for all your roofing needs.');
    await expectClean('Our mission is to meet all your fleet needs.');
    await expectClean('The lift meets all the requirements of the accessibility code.');
    await expectClean("We don't handle all your IT needs; printers go to your usual supplier.");
  });
  it('flags a service promised without a break', async () => {
    await expectFlagged('Nonstop monitoring for every camera on your site.', 'absolute-nonstop');
    await expectFlagged('Your office gets uninterrupted broadband with our dual line.', 'absolute-nonstop');
    await expectFlagged('Our generators keep your power on without interruption.', 'absolute-nonstop');
  });
  it('leaves a bounded figure, a purpose, a view and an SLA alone', async () => {
    await expectClean('The UPS gives up to 20 minutes of uninterrupted power.');
    await expectClean('We move the servers on a Sunday to keep your service uninterrupted.');
    await expectClean('Every room has an uninterrupted view of the hills.');
    await expectClean('The SLA commits to 99.95% availability, with credits below that.');
  });
});

describe('guarantees and price promises in other words', () => {
  it('flags a warranty with no terms behind it', async () => {
    await expectFlagged('Lifetime warranty on every fence we build.', 'guarantee-warranty-no-terms');
    await expectFlagged('Warranty on all repairs.', 'guarantee-warranty-no-terms');
    await expectFlagged('All our sash windows are warrantied for life.', 'guarantee-warranty-no-terms');
  });
  it('leaves a warranty with its period, cover or maker, a denial and a question alone', async () => {
    await expectClean('Every repair carries a 12-month warranty on parts and labour.');
    await expectClean("New boilers come with the manufacturer's warranty; see the terms for the cover.");
    await expectClean('We cannot offer a lifetime warranty on reclaimed timber.');
    await expectClean('Is the lifetime warranty still valid after a house move?');
  });
  it('flags a one-off payment promised for ever', async () => {
    await expectFlagged('Pay one time and keep the planner forever.', 'pricing-pay-once');
    await expectFlagged('A one-time fee gets you lifetime access to every course.', 'pricing-pay-once');
  });
  it('leaves a one-off fee with a recurring charge or a term alone', async () => {
    await expectClean('A one-time fee of £60 covers installation; monitoring is billed monthly.');
    await expectClean('Pay one time for the licence, which includes 2 years of updates.');
  });
});

describe('comparisons and ranks in other words', () => {
  it('flags the business set above the rest of its trade', async () => {
    await expectFlagged('Unlike other letting agents, we answer the phone at weekends.', 'superlative-unlike-others');
    await expectFlagged('Unlike most print shops, our proofs are checked by hand.', 'superlative-unlike-others');
  });
  it('leaves a comparison of our own plans, a year and a product fact alone', async () => {
    await expectClean('Unlike our other plans, the basic plan has no weekend cover.');
    await expectClean('Unlike most winters, we expect the yard to stay open through January.');
    await expectClean('Unlike other primers, this one needs two coats on bare plaster.');
  });
  it('flags "the premier" and "the very best in" as ranks', async () => {
    await expectFlagged('Castle Skips stands out as the premier waste firm on the Wirral.', 'superlative-rank');
    await expectFlagged('For the very best in bespoke joinery.', 'superlative-unbeatable');
  });
  it('leaves a hotel brand alone', async () => {
    await expectClean('Drop the keys at the Premier Inn reception.');
  });
});

describe('prevention stated as certain', () => {
  it('flags problems promised to be caught before they happen', async () => {
    await expectFlagged('We catch network faults before they slow your tills.', 'absolute-before-it-happens');
    await expectFlagged('Our technicians fix backup errors before you notice them.', 'absolute-before-it-happens');
    await expectFlagged('Proactive care: issues resolved before they become outages.', 'absolute-before-it-happens');
  });
  it('leaves an aim, help, advice, a notice and a denial alone', async () => {
    await expectClean('We aim to fix faults before they reach your customers.');
    await expectClean('Our dashboard helps you spot leaks before they become floods.');
    await expectClean('Clear your gutters before they overflow in the autumn rain.');
    await expectClean('Stop small cracks before they become big ones: seal them each spring.');
    await expectClean("We'll let you know before it happens if a visit runs over.");
    await expectClean("We can't stop every outage before it happens.");
  });
});

describe('problems said to be gone for good', () => {
  it('flags a problem eliminated, eradicated or stopped for good', async () => {
    await expectFlagged('Our mesh network eliminates dead spots in every room.', 'absolute-eliminates');
    await expectFlagged('One treatment and we eradicate the fleas from your home.', 'absolute-eliminates');
    await expectFlagged('Block robocalls for good with the new handset.', 'absolute-eliminates');
  });
  it('leaves a figure, an aim, help, a denial and a past job alone', async () => {
    await expectClean('The dehumidifier helps eliminate mould in damp bedrooms.');
    await expectClean('Our aim is to eliminate queues at the returns desk.');
    await expectClean('A second line reduces dropouts but does not eliminate them.');
    await expectClean('Last spring we eliminated the rats from the mill in 2 visits.');
  });
  it('flags apostrophe-less and negated pushes of promotional mail', async () => {
    await expectFlagged(
      'Final run of the oak boards, from £20. Once theyre gone, theyre gone.',
      'pressure-while-it-lasts',
    );
    await expectFlagged("Don't let FOMO win! The bundle is on now.", 'pressure-scarcity');
  });
});
