// `price-term`: a price promise with its term named: the price holds for as long as a state the
// reader keeps ("you'll keep paying the same amount as long as you don't cancel your subscription", "for as
// long as you remain subscribed", "while your contract is active", "while using the Free plan"). The
// condition bounds the promise, as a contract term does. "Your price never goes up" stays flagged,
// and so does a push on the reader's one-off action ("lock this price if you sign today").
import type { Guard } from '../rule.js';
import { claimContext } from '../claim-context.js';

/**
 * A term the reader keeps, named as a plan, a subscription or a contract ("as long as you remain
 * subscribed", "while your contract is active", "while using the Free plan"). "For as long as
 * you're with us" names no term: it is the lifetime promise itself.
 */
const TERM =
  /\b(?:(?:for )?as long as|so long as|while|until) (?:you|your)\b[^.;!?]{0,60}?\b(?:subscribed|subscription|contract|plan|membership|agreement|term|don't cancel|do not cancel|using)\b|\bwhile (?:using|on|subscribed)\b/i;
const PRICE =
  /\b(?:price|prices|pay|paying|paid|rate|rates|fee|fees|charge|charged|charges|cost|costs|amount|billed|free)\b/i;

export const priceTerm: Guard = {
  name: 'price-term',
  docs: 'a price promise bounded by a term the reader keeps ("as long as you remain subscribed", "while your contract is active")',
  needsTags: false,
  applies(s, match) {
    const ctx = claimContext(s, match);
    if (!ctx) return false;
    const t = s.tokens;
    const [from, to] = ctx.scope;
    if (to <= from) return false;
    const text = s.text.slice(t[from]!.start, t[Math.max(to, match.tokenEnd) - 1]!.end);
    return TERM.test(text) && PRICE.test(text);
  },
};
