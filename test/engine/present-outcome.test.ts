// The present-outcome class of issue 16 (real text): the business or its product stating, in the
// present tense, a state it puts the customer's world in or a result it always delivers, with no
// modal and no time. Sentences are written here, never taken from the shared evaluation sets.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../../src/engine/ruleset.js';
import { flagged, lint, packRuleSet } from './helpers.js';

let recommended: RuleSet;
beforeAll(async () => {
  recommended = (await packRuleSet('rules/recommended')).ruleset;
});
const rulesOf = async (text: string): Promise<string[]> =>
  flagged(await lint(text, recommended)).map((f) => f.split(':')[0]!);

describe("present outcome: the business keeps or makes the customer's world a state", () => {
  it('flags "we" and "our <noun>" subjects in the present tense', async () => {
    expect(await rulesOf('Each quarter we audit the tariff and we keep your heating costs low.')).toContain(
      'commitment-present-outcome',
    );
    expect(await rulesOf('Our removal crews make your office move stress-free.')).toContain(
      'commitment-present-outcome',
    );
    expect(await rulesOf('From patching to backups, our remote desk keeps your laptops secure.')).toContain(
      'commitment-present-outcome',
    );
    expect(await rulesOf('Whatever your budget, our studio delivers measurable results for small brands.')).toContain(
      'commitment-present-outcome',
    );
  });
  it('flags a plural subject with the base form, a smooth experience and a problem kept small', async () => {
    expect(await rulesOf('Across all three sites, our managed print services keep your printers running.')).toContain(
      'commitment-present-outcome',
    );
    expect(await rulesOf('Our online checkout ensures a hassle-free order every time.')).toContain(
      'commitment-present-outcome',
    );
    expect(await rulesOf('Our monthly inspection keeps minor leaks from becoming floods.')).toContain(
      'commitment-present-outcome',
    );
  });
  it('flags a product subject', async () => {
    expect(await rulesOf('Our platform keeps your payroll compliant in every state.')).toContain(
      'commitment-present-outcome',
    );
  });
  it('does not flag possibility, help, purpose, the past or the reader told what to do', async () => {
    const none = async (text: string) => expect(await rulesOf(text)).not.toContain('commitment-present-outcome');
    await none('We can keep your heating costs low if you book the survey before winter.');
    await none('Our remote desk helps keep your laptops secure.');
    await none('We patch every week to keep your laptops secure.');
    await none('Last year our crews kept most office moves on schedule.');
    await none('Keep your laptops secure by turning on automatic updates.');
    await none('If we keep your heating costs low, you renew.');
    await none('Our crews never make your move stress-free by cutting corners.');
    await none('Our installers work to ensure a smooth handover, and most jobs finish on the day.');
    await none('Regular checks by your own staff keep small faults from becoming outages.');
  });
});
