// The prevention class of issue 16 (real text): the business, its product or its service stating
// that a problem will not happen, with "will" or in the present tense ("regular servicing will
// prevent breakdowns", "our monitoring prevents outages"). Sentences are written here, never
// taken from the shared evaluation sets.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../../src/engine/ruleset.js';
import { flagged, lint, packRuleSet } from './helpers.js';

let recommended: RuleSet;
beforeAll(async () => {
  recommended = (await packRuleSet('rules/recommended')).ruleset;
});
const rulesOf = async (text: string): Promise<string[]> =>
  flagged(await lint(text, recommended)).map((f) => f.split(':')[0]!);

describe('prevention promised with "will"', () => {
  it('flags a service, a product or the business preventing a problem', async () => {
    expect(await rulesOf('An annual boiler service will prevent costly winter breakdowns.')).toContain(
      'commitment-will-result',
    );
    expect(await rulesOf('The new gutter guards will stop these overflows for good.')).toContain(
      'commitment-will-result',
    );
    expect(await rulesOf('Our bookkeepers will take away the stress of the tax deadline.')).toContain(
      'commitment-will-result',
    );
    expect(await rulesOf('A sealed driveway will protect your car from oil stains and frost damage.')).toContain(
      'commitment-will-result',
    );
  });
  it('does not flag the hedged, conditional, negated, past or a step of the job', async () => {
    const none = async (text: string) => expect(await rulesOf(text)).not.toContain('commitment-will-result');
    await none('An annual boiler service can help prevent costly winter breakdowns.');
    await none('In most homes an annual service will prevent the common winter faults.');
    await none('If the pipes are lagged as well, the new guards will stop these overflows.');
    await none('No service will prevent every breakdown, but it catches worn parts early.');
    await none('Last winter the annual service prevented most breakdowns on the estate.');
    await none('Our fitter will stop by on Thursday to measure the gutters.');
    await none('The engineer will stop the water supply before he opens the tank.');
  });
});

describe('prevention stated in the present tense by the business or its product', () => {
  it('flags "our <noun>" preventing or eliminating a problem', async () => {
    expect(await rulesOf('Our remote monitoring prevents outages on your office network.')).toContain(
      'commitment-present-outcome',
    );
    expect(await rulesOf('Our barcode scanner eliminates picking errors in the warehouse.')).toContain(
      'commitment-present-outcome',
    );
    expect(await rulesOf('We protect your lawn from grubs and moss all season.')).toContain(
      'commitment-present-outcome',
    );
  });
  it('does not flag help, possibility, purpose, the past, the customer or a third party', async () => {
    const none = async (text: string) => expect(await rulesOf(text)).not.toContain('commitment-present-outcome');
    await none('Our remote monitoring helps prevent outages on your office network.');
    await none('Our remote monitoring can prevent many outages on your office network.');
    await none('We check the racks weekly to prevent outages on your office network.');
    await none('Last year our remote monitoring prevented most outages on the network.');
    await none('Your own staff prevent most picking errors by scanning every bin.');
    await none('A good lock on the shed prevents most thefts, the police say.');
  });
});
