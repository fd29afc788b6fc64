// Each `unless` guard on realistic sales sentences: when it keeps a claim from being reported,
// and when it must not.
import { describe, expect, it } from 'vitest';
import { compileGuard, GUARDS } from '../../src/engine/guards/index.js';
import { guards } from './helpers.js';

const g = GUARDS;

describe('hedged', () => {
  it('applies to a claim qualified with real information', async () => {
    expect(await guards(g.hedged, 'We typically deliver within 48 hours.', 'deliver within 48 hours')).toBe(true);
    expect(await guards(g.hedged, 'Subject to stock, we can ship the pumps Friday.', 'ship the pumps Friday')).toBe(
      true,
    );
    expect(
      await guards(g.hedged, 'Our target is a four-hour response on priority tickets.', 'four-hour response'),
    ).toBe(true);
    expect(await guards(g.hedged, 'In most cases the crew finishes the same day.', 'same day')).toBe(true);
  });
  it('does not count empty hedges or words that only look like hedges', async () => {
    expect(await guards(g.hedged, 'Virtually guaranteed to lift your reply rates.', 'guaranteed')).toBe(false);
    expect(await guards(g.hedged, 'Up to 100% of your invoices matched automatically.', '100%')).toBe(false);
    expect(await guards(g.hedged, 'The portal will be live by May 12.', 'will be live by May 12')).toBe(false);
    expect(await guards(g.hedged, 'Expect faster close times from week one.', 'faster close times')).toBe(false);
    expect(
      await guards(g.hedged, "We'll lift your average order value by 20%.", 'lift your average order value by 20%'),
    ).toBe(false);
  });
  it('lets a modal qualify only its own clause', async () => {
    expect(
      await guards(g.hedged, 'We may be able to install the racks by Friday.', 'install the racks by Friday'),
    ).toBe(true);
    const s = "I'd suggest holding off on the workaround, which our team will release in March.";
    expect(await guards(g.hedged, s, 'will release in March')).toBe(false);
  });
  it('does not count a hedge that is part of the rule phrase itself', async () => {
    const s = 'The coating holds no matter how often the trucks drive over it.';
    expect(await guards(g.hedged, s, 'no matter how often', { phrase: 'no matter how often' })).toBe(false);
  });
});

describe('negated', () => {
  it('applies to a denied claim', async () => {
    expect(await guards(g.negated, "We can't guarantee overnight delivery to the islands.", 'guarantee')).toBe(true);
    expect(await guards(g.negated, "It won't always be same-day in December.", 'always')).toBe(true);
    expect(await guards(g.negated, "Overnight freight isn't available to rural postcodes.", 'Overnight freight')).toBe(
      true,
    );
  });
  it('applies to an honest limit anywhere before the claim, or trailing after it', async () => {
    expect(await guards(g.negated, "I'm not sure the connector will ship in March.", 'will ship in March')).toBe(true);
    expect(
      await guards(
        g.negated,
        "We'll be done before the holidays, but I can't guarantee it.",
        'done before the holidays',
      ),
    ).toBe(true);
  });
  it('does not reach across a clause break or into a push', async () => {
    expect(await guards(g.negated, 'No setup fees, and we always ship on time.', 'always')).toBe(false);
    const push = "Sign by Friday or I can't promise the rate will still be there next week.";
    expect(await guards(g.negated, push, 'Sign by Friday')).toBe(false);
  });
  it('does not treat a negative absolute as a denial', async () => {
    expect(await guards(g.negated, "Our pumps don't fail, even in a flood.", "don't fail")).toBe(false);
  });
});

describe('reported', () => {
  it("applies to the customer's words and needs", async () => {
    expect(await guards(g.reported, 'You mentioned your line always needs parts within a day.', 'always')).toBe(true);
    expect(await guards(g.reported, 'Your ops lead said the dock is never closed on weekends.', 'never')).toBe(true);
    expect(
      await guards(
        g.reported,
        'Per your tender pack, the kiosks must be installed by week 12.',
        'be installed by week 12',
      ),
    ).toBe(true);
    expect(
      await guards(
        g.reported,
        'According to your buyer, the last supplier promised overnight restocking.',
        'overnight restocking',
      ),
    ).toBe(true);
  });
  it('does not apply when the customer is only part of a noun phrase', async () => {
    expect(
      await guards(g.reported, 'The stock report you need will ship in the May update.', 'will ship in the May update'),
    ).toBe(false);
  });
  it('does not apply to our own claim', async () => {
    expect(await guards(g.reported, 'We always ship on time.', 'always')).toBe(false);
  });
});

describe('past', () => {
  it('applies to a past fact with a number', async () => {
    expect(await guards(g.past, 'Last year we delivered 98% of orders within 48 hours.', 'within 48 hours')).toBe(true);
    expect(
      await guards(g.past, 'In 2023 our crews installed 1,100 heat pumps without a callback.', 'without a callback'),
    ).toBe(true);
  });
  it('applies to a record over a named past period', async () => {
    expect(await guards(g.past, "To date, we've never lost a customer's data.", 'never')).toBe(true);
  });
  it('does not apply to a promise, even with a number', async () => {
    expect(await guards(g.past, 'We will deliver 98% of orders within 48 hours.', 'within 48 hours')).toBe(false);
    expect(await guards(g.past, 'We ship 500 orders a day, always on time.', 'always')).toBe(false);
  });
});

describe('quoted', () => {
  it('applies to a phrase mentioned in quotes', async () => {
    expect(await guards(g.quoted, 'Legal asked us to stop writing "guaranteed" in proposals.', 'guaranteed')).toBe(
      true,
    );
    expect(await guards(g.quoted, '“Overnight, the new scheduler changed how we work.', 'Overnight')).toBe(true);
  });
  it('does not apply to apostrophes or to text after a closed quote', async () => {
    expect(await guards(g.quoted, "We're the region's fastest installer.", 'fastest')).toBe(false);
    expect(await guards(g.quoted, 'The brochure says “premium”, and we always deliver on time.', 'always')).toBe(false);
  });
});

describe('proper-name', () => {
  it('applies to trigger words inside names', async () => {
    expect(
      await guards(g['proper-name'], 'Our partner Guaranteed Freight Lines covers the last mile.', 'Guaranteed'),
    ).toBe(true);
    expect(await guards(g['proper-name'], 'Forever Young Dental referred us to you.', 'Forever')).toBe(true);
    expect(
      await guards(g['proper-name'], 'Our Best-in-Class (BIC) contract vehicle is listed on page 2.', 'Best-in-Class'),
    ).toBe(true);
  });
  it('does not apply to shouting or to Title Case headlines', async () => {
    expect(await guards(g['proper-name'], 'RESULTS GUARANTEED!', 'GUARANTEED')).toBe(false);
    expect(await guards(g['proper-name'], 'The Best Payroll Service On The Market', 'Best')).toBe(false);
    expect(await guards(g['proper-name'], 'Guaranteed delivery before your launch.', 'Guaranteed')).toBe(false);
  });
});

describe('question', () => {
  it('applies to a real question', async () => {
    expect(await guards(g.question, 'Which morning works best for the site walk?', 'best')).toBe(true);
    expect(await guards(g.question, 'Is overnight delivery possible to Jersey?', 'overnight delivery')).toBe(true);
  });
  it('does not apply to a teaser dressed as a question, or a statement', async () => {
    expect(await guards(g.question, 'Ready to halve your payroll admin?', 'halve your')).toBe(false);
    expect(await guards(g.question, 'We always ship on time.', 'always')).toBe(false);
  });
});

describe('conditional', () => {
  it('applies when the claim names its condition', async () => {
    expect(
      await guards(
        g.conditional,
        'If the steel arrives Monday, we will have the frame up by Friday.',
        'will have the frame up by Friday',
      ),
    ).toBe(true);
    expect(await guards(g.conditional, 'Provided the site is clear, the crew finishes the same day.', 'same day')).toBe(
      true,
    );
    expect(
      await guards(
        g.conditional,
        'In the unlikely event of a failure, the unit is replaced within 4 hours.',
        'within 4 hours',
      ),
    ).toBe(true);
  });
  it('does not count a concessive "even if" or a participle "providing"', async () => {
    expect(await guards(g.conditional, 'It works on every phone, even if it is ten years old.', 'works on every')).toBe(
      false,
    );
    expect(await guards(g.conditional, 'We cut costs by 30% while providing better service.', 'cut costs by 30%')).toBe(
      false,
    );
  });
});

describe('own-action', () => {
  it("applies to the writer's own next step", async () => {
    expect(
      await guards(
        g['own-action'],
        'I will send the revised quote by Friday.',
        'will send the revised quote by Friday',
      ),
    ).toBe(true);
    expect(await guards(g['own-action'], "I'll call you Tuesday at 10.", 'call you Tuesday')).toBe(true);
    expect(
      await guards(
        g['own-action'],
        "You'll have the revised estimate by end of day.",
        'have the revised estimate by end of day',
      ),
    ).toBe(true);
    expect(
      await guards(
        g['own-action'],
        "We'll send you the signed copy this afternoon.",
        'send you the signed copy this afternoon',
      ),
    ).toBe(true);
  });
  it('does not apply to work that depends on more than the writer', async () => {
    expect(
      await guards(
        g['own-action'],
        'We will have the racks installed by Friday.',
        'will have the racks installed by Friday',
      ),
    ).toBe(false);
    expect(await guards(g['own-action'], 'Get a moving estimate in 90 seconds.', 'estimate in 90 seconds')).toBe(false);
    expect(await guards(g['own-action'], 'We respond to every ticket within 15 minutes.', 'within 15 minutes')).toBe(
      false,
    );
  });
});

describe('contract-terms', () => {
  it('applies to contract language with its conditions', async () => {
    expect(
      await guards(
        g['contract-terms'],
        'The Contractor shall remove all waste from site within 3 days of completion.',
        'within 3 days',
      ),
    ).toBe(true);
    expect(
      await guards(
        g['contract-terms'],
        'Our SLA guarantees 99.9% uptime, with service credits below that.',
        'guarantees',
      ),
    ).toBe(true);
    expect(
      await guards(
        g['contract-terms'],
        'Severity 2 faults are attended within 8 hours, per Appendix C.',
        'within 8 hours',
      ),
    ).toBe(true);
    expect(await guards(g['contract-terms'], 'Free same-day shipping on all orders*', 'same-day shipping')).toBe(true);
  });
  it('does not apply to a bare mention of a contract or a scheduling verb', async () => {
    expect(await guards(g['contract-terms'], 'Guaranteed savings on your 2026 freight contract', 'Guaranteed')).toBe(
      false,
    );
    expect(
      await guards(g['contract-terms'], "Let's schedule a call; we'll have it live by Friday.", 'live by Friday'),
    ).toBe(false);
    expect(await guards(g['contract-terms'], 'Refunds reach your card within minutes.', 'within minutes')).toBe(false);
  });
});

describe('courtesy', () => {
  it('applies to trigger words in a harmless sense', async () => {
    expect(await guards(g.courtesy, "We're always happy to walk your planners through the portal.", 'always')).toBe(
      true,
    );
    expect(await guards(g.courtesy, 'Best regards, Priya', 'Best')).toBe(true);
    expect(await guards(g.courtesy, 'The 100% wool rugs are on page 6.', '100%')).toBe(true);
  });
  it('does not apply to the claim next to the courtesy', async () => {
    expect(await guards(g.courtesy, 'We always ship on time.', 'always')).toBe(false);
  });
});

describe('instruction', () => {
  it('applies to advice and task lists for the reader', async () => {
    expect(await guards(g.instruction, 'Always check the pressure gauge before the first shift.', 'Always')).toBe(true);
    expect(await guards(g.instruction, 'Never mix the two cleaners in one bucket.', 'Never')).toBe(true);
    expect(await guards(g.instruction, 'Answer every inbound lead within five minutes.', 'within five minutes')).toBe(
      true,
    );
  });
  it('does not apply to slogans and promised benefits', async () => {
    expect(await guards(g.instruction, 'Always fresh, always local.', 'Always')).toBe(false);
    expect(await guards(g.instruction, 'Never miss a delivery window again.', 'Never')).toBe(false);
    expect(await guards(g.instruction, 'Never worry about a surprise invoice.', 'Never')).toBe(false);
    expect(await guards(g.instruction, 'Replies within five minutes, around the clock.', 'within five minutes')).toBe(
      false,
    );
  });
});

describe('third-party', () => {
  it('applies to generic truths and other companies', async () => {
    expect(await guards(g['third-party'], 'Field engineers are always short of time in winter.', 'always')).toBe(true);
    expect(
      await guards(g['third-party'], 'Their previous supplier promised next-day delivery.', 'next-day delivery'),
    ).toBe(true);
    expect(await guards(g['third-party'], 'They chose a platform that works every time.', 'every time')).toBe(true);
  });
  it('does not apply to our offer, the reader, or a slogan', async () => {
    expect(await guards(g['third-party'], 'Our fitters never leave a site untidy.', 'never')).toBe(false);
    expect(await guards(g['third-party'], 'Delivery is always free.', 'always')).toBe(false);
    expect(await guards(g['third-party'], 'Guests are always seated on time at our venues.', 'always')).toBe(false);
    expect(await guards(g['third-party'], 'A glazier attends within 2 hours.', 'within 2 hours')).toBe(false);
  });
});

describe('phrase guards', () => {
  it('checks phrases before, after or anywhere in the sentence', async () => {
    const before = compileGuard({ phrases: ['one of'], where: 'before', within: 3 });
    expect(await guards(before, 'We are one of the largest installers in Wales.', 'largest')).toBe(true);
    expect(await guards(before, 'We are the largest installer in Wales, one of many claims.', 'largest')).toBe(false);
    const after = compileGuard({ phrases: ['off'], where: 'after', within: 5 });
    expect(await guards(after, 'Save 30% off all gift boxes this weekend.', 'Save 30%')).toBe(true);
    expect(await guards(after, 'Save 30% on your heating bill.', 'Save 30%')).toBe(false);
    const sentence = compileGuard({ phrases: ['rewards'] });
    expect(await guards(sentence, 'Earn $50 in rewards when you spend $500.', 'Earn $50')).toBe(true);
  });
});
