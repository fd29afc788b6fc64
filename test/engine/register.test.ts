// The document register (engine/register.ts): a requirements or terms document (an RFQ, a
// statement of work, a services agreement) is told from a pitch by the density of its drafting
// cues, and in such a document only the writer's own claims ("we", "our", "I") are reported.
// Documents written for these tests.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../../src/engine/ruleset.js';
import { REGISTER_MIN_WORDS, registerOf } from '../../src/engine/register.js';
import { flagged, lint, packRuleSet } from './helpers.js';

let recommended: RuleSet;
beforeAll(async () => {
  recommended = (await packRuleSet('rules/recommended')).ruleset;
});

const SOW_HEAD = `STATEMENT OF WORK: Fleet Telematics Support Services

1.1 Background
The Agency operates 2,400 vehicles across nine regional depots. The Contractor shall provide
telematics installation, monitoring and reporting services in accordance with this Statement of
Work. The Contractor shall furnish all labor, tools and materials, except as otherwise specified
herein.

1.2 Scope
(a) The Contractor shall install tracking units in each vehicle listed in Attachment A.
(b) The Contractor shall maintain a help desk staffed during normal business hours.
(c) The Government shall provide access to each depot pursuant to the site security plan.
(d) The Contractor is responsible for the removal of all packaging waste.

1.3 Deliverables
The Contractor shall submit a monthly status report to the Contracting Officer.
`;

/** Lines of a requirements document that read like claims once the document is forgotten. */
const REQUIREMENT_LINES = [
  'Deliver complete and on time on the 5th day of each month.',
  'Identify any opportunities to consolidate duplicate vehicle contracts.',
  'Review of best in class telematics providers to close the gaps in depot coverage.',
  'In an effort to receive the highest quality solution at the lowest possible price, the Agency asks for all available discounts.',
];

const PITCH = `Hi Dana,

Thanks for the call on Tuesday. Our fleet team has looked at the depot list you sent over and we
think the rollout can be phased across the nine depots without taking vans off the road.

We price per vehicle per month, with installation included, and the first depot can start once
the site surveys are done. I have attached two customer references from regional councils.

Privacy Policy | Terms and Conditions | Unsubscribe
`;

describe('registerOf: the cue density of a document', () => {
  it('reads a statement of work as a requirements document, and says why', () => {
    const r = registerOf(`${SOW_HEAD}\n${REQUIREMENT_LINES.join('\n')}\n`);
    expect(r.kind).toBe('requirements');
    expect(r.cues.shall).toBeGreaterThanOrEqual(6);
    expect(r.cues.party).toBeGreaterThanOrEqual(6);
    expect(r.cues.clause).toBeGreaterThanOrEqual(4);
  });

  it('reads terms of service as a terms document', () => {
    const terms = `Terms of Service

1. Acceptance. By using the Service, Customer agrees to these Terms. Notwithstanding anything
herein, Provider may update the Service from time to time.
2. Fees. Customer shall pay all fees within thirty days of the invoice date. Late amounts accrue
interest pursuant to Section 6.
3. Warranties. Provider warrants that the Service will perform materially in accordance with the
Documentation. Customer acknowledges that the Service may be interrupted for maintenance.
4. Termination. Either Party may terminate this Agreement on thirty days' written notice.
5. Liability. Neither Party shall be liable for indirect damages. The liability of each Party is
limited to the fees paid in the twelve months before the claim. Customer shall indemnify Provider
against claims arising from Customer Data, and Provider shall indemnify Customer against claims
that the Service infringes the rights of a third party.
`;
    expect(registerOf(terms).kind).toBe('requirements');
  });

  it('keeps a sales email a pitch, even with a terms link in its footer', () => {
    const r = registerOf(PITCH);
    expect(r.kind).toBe('pitch');
    expect(r.cues.title).toBeGreaterThan(0);
  });

  it('gives a short text no register: a sentence is judged by its own words', () => {
    const one = 'The Contractor shall deliver every report on time.';
    expect(one.split(/\s+/).length).toBeLessThan(REGISTER_MIN_WORDS);
    expect(registerOf(one).kind).toBe('pitch');
  });
});

describe('lintDocument: claims in a requirements document', () => {
  it('reports none of the duties a requirements document puts on a contractor', async () => {
    const findings = await lint(`${SOW_HEAD}\n${REQUIREMENT_LINES.join('\n')}\n`, recommended);
    expect(flagged(findings)).toEqual([]);
  });

  it('flags the same lines when they stand in a pitch', async () => {
    // the same lines inside a sales email: no register, so each is judged by itself
    const pitch = `${PITCH}\n${REQUIREMENT_LINES.join('\n')}\n`;
    expect((await lint(pitch, recommended)).length).toBeGreaterThanOrEqual(2);
  });

  it("keeps the writer's own claims in a proposal that answers a statement of work", async () => {
    const proposal = `${SOW_HEAD}\nOur response: we will install every unit by March 3, guaranteed, and our help desk never misses a call.\n`;
    const found = flagged(await lint(proposal, recommended));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => !/Contractor|Government/.test(f))).toBe(true);
  });
});
