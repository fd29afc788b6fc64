// The claim-context guards (issue 16) on realistic text written for these tests: each
// construction class is let go where the clause holding the claim (or a clause governing it)
// disclaims, narrates, requires, offers, hands the time to the reader, names the writer's own
// step, publishes a back-office schedule, is a bare heading or bounds a price by a plan term;
// and each is still flagged where that sign stands elsewhere or is missing. Through the
// recommended pack, so the wiring in the linter is tested too.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../../../src/engine/ruleset.js';
import { GUARDS, contextGuardsFor } from '../../../src/engine/guards/index.js';
import { expectFlags as expectRuleSetFlags, packRuleSet } from '../helpers.js';

let recommended: RuleSet;
beforeAll(async () => {
  recommended = (await packRuleSet('rules/recommended')).ruleset;
});

const expectFlags = (flagged: string[], passed: string[]): Promise<void> =>
  expectRuleSetFlags(recommended, flagged, passed);

describe('wiring', () => {
  it('registers each context guard by name and by category', () => {
    for (const name of ['disclaimed', 'narrative', 'requirement', 'offered', 'customer-side', 'own-step', 'procedure'])
      expect(GUARDS[name], name).toBeDefined();
    expect(contextGuardsFor('speed')).toContain(GUARDS.offered);
    expect(contextGuardsFor('pressure')).not.toContain(GUARDS['customer-side']);
    expect(contextGuardsFor('pricing')).toContain(GUARDS['price-term']);
  });
});

describe('disclaimed: denials and definitions', () => {
  it('lets a denied warranty reach every item of its list', async () => {
    await expectFlags(
      ['Our platform will be uninterrupted and error-free, every day of the year.'],
      [
        'Northwind does not warrant that the portal will be uninterrupted or error-free; that every defect will be corrected; or that the service will always be available.',
        'These figures do not constitute a quote or a guarantee of cover.',
      ],
    );
  });
  it('lets a definition that sets a promise against what it does not promise', async () => {
    await expectFlags(
      ['We guarantee first-page rankings for every keyword you choose.'],
      ['It is a guarantee of monthly reporting on our work, not a promise of a particular sales result.'],
    );
  });
  it('does not reach past a contrast or a new claim', async () => {
    await expectFlags(["We never make promises we can't keep — we always deliver on time."], []);
    await expectFlags(['We do not warrant third-party parts, but we guarantee our own fittings for life.'], []);
  });
});

describe('narrative: the past told, not the future promised', () => {
  it('lets a story and the record so far', async () => {
    await expectFlags(
      [],
      [
        'Our first foreman never missed a single shift in twenty-two years.',
        'We have never raised our rates in the middle of a contract.',
        'How one dental practice cut no-shows 40% with text reminders',
      ],
    );
  });
  it('keeps the present and the future', async () => {
    await expectFlags(
      [
        'Faults reported before noon are always fixed the same day.',
        'We always ship on time.',
        "With our alerts you'll never miss a renewal again.",
      ],
      [],
    );
  });
});

describe('requirement: duties, obligations, standards and drafting', () => {
  it('lets an obligation on another party and a task list', async () => {
    await expectFlags(
      [],
      [
        'Buyer must accept any offer at or above the guaranteed sale price.',
        'Express orders must be received by 2pm for same day dispatch.',
        'Maintain accurate and current inventory records for each warehouse.',
        'The Contractor provided weekly reports within 3 working days after each site visit.',
        'The invoice needs a countersignature before we can release the shipment.',
        'To make saving simple and rewarding for every household on the street.',
      ],
    );
  });
  it('lets a share below all in the claim subject', async () => {
    await expectFlags(
      ['Every quote is ready in 10 minutes.'],
      ['Most quotes are ready in 10 minutes.', 'Ninety (90) percent of service calls are closed the same day.'],
    );
  });
  it('does not take a share inside the claim, a superlative, or a noun "needs" as a qualifier', async () => {
    await expectFlags(
      [
        'Our outreach sequence will recover 30% of your abandoned carts.',
        'A plumber will be at your door within the hour for all your plumbing needs.',
        "It's plug-and-play: the meter never needs recalibrating.",
        'To recap: your drivers will be fully trained in a week.',
      ],
      [],
    );
  });
});

describe('offered: options and opening hours', () => {
  it('lets a service named as available or as hours', async () => {
    await expectFlags(
      [],
      [
        'Same-day collection available.',
        'Our dispatch desk is available 24/7 to handle any scheduling issue.',
        'We offer 24/7 emergency plumbing for your home.',
        'The help desk is open each week from Sunday at 6 p.m. until Friday at 9 p.m.',
      ],
    );
  });
  it('keeps a speed stated beside the hours or as certain', async () => {
    await expectFlags(
      [
        'Immediate response, around the clock.',
        'Same-day delivery on every order.',
        'The new booking portal will be available from March 1 to all your staff.',
      ],
      [],
    );
  });
});

describe("customer-side: the time is the reader's own step", () => {
  it("lets the reader's deadline", async () => {
    await expectFlags(
      [],
      [
        "If you're not happy with the paint job, let us know within 48 hours and we'll touch it up for free.",
        'Check that your delivery address is correct before the sale starts.',
        'Review the plan details before you apply.',
        'If you are unhappy with the course for any reason within the next 6 months, send it back and we will refund you.',
      ],
    );
  });
  it("keeps the business's promise joined to the reader's step", async () => {
    await expectFlags(
      [
        'As soon as you return the signed order, your office is online within five business days.',
        "Sign by the 15th and you'll be generating your own power before July 4th.",
        "If you order today, we'll ship it tomorrow.",
      ],
      [],
    );
  });
});

describe("own-step: the writer's step on the reader's behalf", () => {
  it('lets a step toward a third party, and a reply within a day or more', async () => {
    await expectFlags(
      [],
      [
        'We will contact the courier immediately to open a damage claim.',
        'Fill in the form and our team will get back to you within 24 hours.',
        'We respond to every quote request within one business day.',
      ],
    );
  });
  it('keeps a fast reply, and a fix promised beside a routine reply', async () => {
    await expectFlags(
      [
        "We'll call you back within 10 minutes, guaranteed.",
        'We reply to every message within 2 hours.',
        'Our engineers will respond within 48 hours and fix it the same day.',
      ],
      [],
    );
  });
});

describe('procedure: a published back-office schedule', () => {
  it('lets a processing step with its time', async () => {
    await expectFlags(
      [],
      [
        'Applications received after Friday will be processed the following Tuesday.',
        'Rebates will be mailed to you within six weeks.',
      ],
    );
  });
  it('keeps a delivery with its time', async () => {
    await expectFlags(['Your boiler will be installed and running by Thursday.'], []);
  });
});

describe('heading: a bare label', () => {
  it('lets a heading or a navigation link of trigger words only', async () => {
    await expectFlags([], ['Guarantee', 'Same Day']);
  });
  it('keeps a label that claims', async () => {
    await expectFlags(['Guaranteed!', 'Free for Life', 'Delivery is free. Always.'], []);
  });
});

describe('price-term: a price bounded by a plan term', () => {
  it('lets a price that holds while a plan or subscription does', async () => {
    await expectFlags(
      [],
      [
        "You'll keep paying the same monthly fee for as long as you stay subscribed to the plan.",
        "You'll never be charged while using the starter plan.",
      ],
    );
  });
  it('keeps a lifetime promise', async () => {
    await expectFlags(
      ['Your price will never go up.', "Your introductory rate stays where it is for as long as you're with us."],
      [],
    );
  });
});
