// False-positive classes of real text (issue 16), sentence by sentence: testimonials and quoted
// praise, and advice to the reader after a scene-setting clause. Each class is let go, and the
// writer's own claim in the same construction is still flagged. Sentences written for these
// tests, linted through the recommended pack so the guard wiring is tested too.
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

describe('testimonial: a customer judging what they bought', () => {
  it('is a context guard for every category', () => {
    expect(GUARDS.testimonial).toBeDefined();
    for (const c of ['absolute', 'superlative', 'speed', 'pressure'])
      expect(contextGuardsFor(c)).toContain(GUARDS.testimonial);
  });

  it("lets an experience clause on the praised noun go, not the business's own record", async () => {
    await expectFlags(
      [
        'This is the most reliable scheduling tool on the market.',
        'The fastest turnaround of any printer in the state.',
        // the experience stands before the claim, or behind a clause break: the business speaking
        'We have worked with 400 clinics and always deliver on time.',
        'Our crews always finish on schedule, and we have had no callbacks this year.',
        'This is the best rate we have ever offered, and it will never go up.',
      ],
      [
        'Honestly the most reliable scheduling tool we have used in twelve years of running the practice.',
        'Fastest turnaround of any print shop I have ever worked with.',
        'Best electrician we hired for the whole remodel.',
      ],
    );
  });

  it('lets a relative experience clause anywhere in the sentence go when the business never says "our"', async () => {
    await expectFlags(
      ['We have used this process for 20 years and it never fails.'],
      ['Acme is the fourth scheduling app I have tried this year and this is by far the most reliable.'],
    );
  });

  it('lets a recommendation or a rating go, unless the business recommends its own offer', async () => {
    await expectFlags(
      [
        'We highly recommend our express plan, which always ships the same day.',
        'Hire 5 stars certified installers who always finish on schedule.',
      ],
      ['I highly recommend them, the best movers in town.', 'Best landscaping crew around, five stars!'],
    );
  });

  it('lets a quote signed with a name go', async () => {
    await expectFlags(
      ['Our crews always leave the site spotless - every job, every time.'],
      [
        '"They finished a day early and the site was always spotless." - Priya R., Tucson',
        '“The best support team we could ask for.” — D. Okafor, Facilities Lead',
      ],
    );
  });
});

describe('instruction: advice after a scene-setting clause', () => {
  it('lets "When ..., always <verb>" go, not a claim with its own subject', async () => {
    await expectFlags(
      [
        'When you book with us, you always get a dedicated coordinator.',
        'When your order is in by noon, we always ship the same day.',
        'After you sign, we never miss a deadline.',
      ],
      [
        'When you replace your water heater, always hire a licensed installer.',
        'Before migrating, always back up your data.',
        'If the breaker trips again, never reset it more than once.',
      ],
    );
  });
});

describe('instruction: "make sure" as advice to the reader', () => {
  it('lets an imperative "make sure" go, not the business making sure', async () => {
    await expectFlags(
      ['We make sure every order ships on time.', 'Make sure you never miss a delivery again with our tracking app.'],
      [
        'You can follow the checklist, but make sure that you test every valve.',
        'Read the label twice, and make sure to store every bottle upright.',
      ],
    );
  });
});

describe('advice: a method for the reader', () => {
  it('lets "a way to X is to Y" go, not the writer\'s offer in that form', async () => {
    expect(GUARDS.advice).toBeDefined();
    await expectFlags(
      [
        'The fastest way to get parts is to order from us: we ship every order the same day.',
        'We will speed up your approvals by Friday.',
      ],
      [
        'A great way to speed up approvals is to send the quote before the call.',
        'One easy way to avoid weekend callouts is to book the service before Friday.',
      ],
    );
  });
});

describe('heading: popularity labels', () => {
  it('lets a short label sort the offer, not a sentence that ranks it', async () => {
    await expectFlags(
      ['The most popular plan in the country, guaranteed.', 'Our best-selling kit ships same day.'],
      ['Most popular', 'Most Popular Plan', "Today's top deals"],
    );
  });
});

describe("requirement: a solicitation's party, in lower case too", () => {
  it("lets a contractor's duty go, not the writer's subcontractor", async () => {
    await expectFlags(
      ['Our subcontractor will complete all work by June 30.', 'We will respond to all service calls within 4 hours.'],
      [
        'The selected contractor will complete all work by June 30.',
        'Contractor personnel will respond to all service calls within 4 hours.',
      ],
    );
  });
});

describe('words that only look like a hedge or a negation', () => {
  it('reads "for as long as you own it" as a lifetime, not a condition', async () => {
    await expectFlags(
      [
        'Every roof we fit is guaranteed for as long as you own the house.',
        'We will store your furniture in perfect condition for as long as you like, guaranteed.',
      ],
      [
        'The rate is guaranteed as long as the deposit clears by the 5th.',
        'Installation is guaranteed for Friday as long as the permit is approved this week.',
      ],
    );
  });

  it('reads "not only" as an addition, not a denial', async () => {
    await expectFlags(
      ['Not only do we match any quote, we guarantee the install date.', 'Not just fast: we always deliver overnight.'],
      ['We do not guarantee the install date.', 'Not every order ships overnight.'],
    );
  });
});
