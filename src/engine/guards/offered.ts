// `offered`: a service named as an option or as opening hours, not promised as a speed.
//   - the claim's words are followed by "available", "availability", "offered", "on request":
//     "Same-day service available", "call to check same-day availability";
//   - the claim is only the hours a service is open ("24/7", "around the clock") and the clause
//     names no speed: "Our team is available 24/7 to address booking issues", "we offer 24/7
//     emergency care". "Immediate response, around the clock" still promises a speed;
//   - hours given as a range: "the phone line is open from Sunday 9 p.m. to Friday 8:30 p.m.".
import type { Token } from '../../text/tokens.js';
import type { Guard } from '../rule.js';
import { claimContext } from '../claim-context.js';
import { NAMED_TIME, durationAt } from '../claim.js';

const OPTION_AFTER = new Set(['available', 'availability', 'offered', 'optional']);
const ON_REQUEST = new Set(['on', 'upon', 'by']);
const HOURS_IN = /24 ?\/ ?7|24x7|24-7|around the clock|round the clock|24 hours a day|365 days a year|7 days a week/i;
/** Words that state hours or an offer, not a speed: "is available 24/7", "we offer 24/7 care", "open around the clock". */
const OFFER_VERBS = new Set([
  'available',
  'offer',
  'offers',
  'offering',
  'provide',
  'provides',
  'open',
  'staffed',
  'answered',
]);
/** Words that make the clause a speed even with hours in it ("immediate response, around the clock"). */
const SPEED_WORDS =
  /^(immediate|immediately|instant|instantly|fast|faster|rapid|quick|quickly|minutes?|asap|straight|response|responds?|arrive|arrives|fixed|fix|fixes|resolved|resolve)$/;

const OPEN = new Set(['open', 'opens', 'available', 'staffed', 'answered', 'closed', 'closes']);

/** "open ... from <time> to/until <time>": hours a service keeps, not a date it promises. */
function hoursRange(t: readonly Token[], start: number, end: number): boolean {
  let open = -1;
  for (let i = start; i < end; i++) {
    const w = t[i]!.norm;
    if (OPEN.has(w)) open = i;
    if (open >= 0 && w === 'from') {
      for (let k = i + 2; k < Math.min(end, i + 10); k++) {
        if (!/^(to|until|till|through|thru|-|–)$/.test(t[k]!.norm)) continue;
        // the range ends at a time: "to Friday", "until 8:30", not "from March 1 to all users"
        const next = t[k + 1];
        if (next && (next.type === 'number' || NAMED_TIME.test(next.norm) || /^(noon|midnight)$/.test(next.norm)))
          return true;
      }
    }
  }
  return false;
}

export const offered: Guard = {
  name: 'offered',
  docs: 'a service named as an option or as opening hours ("Same-day service available", "we offer 24/7 emergency care")',
  needsTags: false,
  applies(s, match) {
    const t = s.tokens;
    const ctx = claimContext(s, match);
    if (!ctx) return false;
    const end = ctx.clause.end;
    for (let k = match.tokenEnd; k < Math.min(end, match.tokenEnd + 4); k++) {
      const w = t[k]!.norm;
      if (w === ',' || w === '.' || w === 'and') break;
      if (OPTION_AFTER.has(w)) {
        // "will be available within 24 hours": a speed of its own
        if (k + 1 < t.length && durationAt(t, k + 1)) return false;
        return true;
      }
      if (ON_REQUEST.has(w) && t[k + 1]?.norm === 'request') return true;
    }
    // opening hours as a range: "The phone line is open each week from Sunday 9 p.m. to Friday 8:30 p.m."
    // ("until" opens a clause of its own, so the range is read across the claim's neighbours)
    if (
      hoursRange(
        t,
        Math.min(ctx.scope[0], ctx.clause.start, match.tokenStart - 12 < 0 ? 0 : match.tokenStart - 12),
        Math.max(end, match.tokenEnd + 12 > t.length ? t.length : match.tokenEnd + 12),
      )
    )
      return true;
    // opening hours: "24/7" in the claim, a clause that offers or opens, and no speed beside it
    const hours = HOURS_IN.exec(s.text.slice(match.start, match.end));
    if (!hours) return false;
    let offers = false;
    for (let i = ctx.clause.start; i < end; i++) {
      const w = t[i]!.norm;
      if (OFFER_VERBS.has(w)) offers = true;
      if (SPEED_WORDS.test(w)) return false;
      if (durationAt(t, i)) return false;
    }
    if (!offers) return false;
    return true;
  },
};
