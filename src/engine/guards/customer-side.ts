// `customer-side`: the time in the claim belongs to the reader's own step, not to the business.
//   - a reader's step stands before the time in the claim's clause: "let us know in the next 24
//     hours and we'll re-clean", "clients who have notified us within 48hrs", "if you change your
//     mind you'll need to do it within 30 days", "if you want it to arrive before the holidays";
//   - an instruction to the reader with an event deadline: "Review offer details before you
//     apply", "Check that your payment details are up to date before the sale".
// A condition on the reader's action does not qualify a promise of the business ("order today and
// we ship tomorrow" is still flagged): only the time tied to the reader's step is let go.
import type { Token } from '../../text/tokens.js';
import type { Guard } from '../rule.js';
import { READER_CHECKS, READER_STEPS, wordSet } from '../../text/grammar.js';
import { claimContext, clauseHolding, findPhrase, lineStart } from '../claim-context.js';
import { analyzeClaims } from '../claim.js';

const CHECKS = wordSet(READER_CHECKS);

/** The business taking over between the reader's step and the time ("let us know and we'll ..."). */
function businessBetween(t: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (/^(we|our|i)$/.test(t[i]!.norm) && t[i - 1]?.norm !== 'let') return true;
  return false;
}

/** "Sign by the 15th and you'll be ...", "Pay today and your patio is finished ...": a promise joined to the step. */
function coordinated(t: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (t[i]!.norm === 'and' && !CHECKS.has(t[i + 1]?.norm ?? '')) return true;
  return false;
}

export const customerSide: Guard = {
  name: 'customer-side',
  docs: 'the time belongs to the reader\'s own step ("let us know within 24 hours", "review the details before you apply")',
  needsTags: false,
  applies(s, match) {
    const t = s.tokens;
    const ctx = claimContext(s, match);
    if (!ctx) return false;
    const time = ctx.times[0];
    const timeStart = time ? time[0] : match.tokenEnd;
    // the step must stand in the clause that holds the time: "As soon as you return the order,
    // your office is online in five days" promises the business's part
    const timeClause = clauseHolding(analyzeClaims(s), timeStart) ?? ctx.clause;
    const from = timeClause.start;
    const step = findPhrase(t, from, timeStart, READER_STEPS);
    if (step >= 0 && !businessBetween(t, step + 1, timeStart)) return true;
    // an instruction to the reader, with a deadline set by an event ("before the sale")
    const first = lineStart(t);
    if (
      CHECKS.has(t[first]?.norm ?? '') &&
      time &&
      /^(before|ahead)$/.test(t[time[0]]!.norm) &&
      !t.some((x) => /^(we|our|us|i|will)$/.test(x.norm)) &&
      !coordinated(t, first + 1, time[0])
    )
      return true;
    return false;
  },
};
