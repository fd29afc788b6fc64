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
