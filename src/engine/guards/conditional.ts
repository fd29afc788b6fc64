// `conditional`: the claim states its condition ("Subject to stock, we can ship Friday",
// "Assuming the crane is free that day, ..."; "If the site is ready, ..."). A concessive "even
// if" or "as if" names no condition: it makes the claim stronger ("works on any phone, even if
// it's ten years old").
import type { Guard } from '../rule.js';

const CONDITIONS =
  /\b(if|unless|assuming|provided that|providing that|provided(?= (?:the|you|your|we|it|they|there|all)\b)|as long as|so long as|once|subject to|pending|in case|in the (?:\w+ )?event|contingent|depending on|dependent on|barring|given that|whenever|otherwise)\b/gi;
const NOT_A_CONDITION = /\b(even|as|what|only)\s+$/i;
/** "if anything breaks", "if you ever need us": the event the promise covers, not a qualifier of it. */
/**
 * A condition on the customer's own action is the offer's trigger, not a qualifier of it: "if you
 * order today", "as soon as you sign", "once you approve the layout". A dependency outside the
 * writer's control ("if the steel arrives Monday", "once your site is ready") is.
 */
const CUSTOMER_ACTION = /^\s+(?:you|you've|you'll|you're)\b/i;
const EVENT_AFTER_IF =
  /^\s+(?:anything|something|ever|you ever|it ever|you need us|there's a problem|there is a problem|disaster strikes)\b/i;

// s5-commit: "if your server goes down, we'll bring it back up": the failure a promise covers is
// the event it answers, not a qualifier of it (a subject of up to four words, then the failure).
const FAILURE_AFTER_IF =
  /^\s+(?:[\w'’-]+\s+){1,4}?(?:goes down|go down|went down|breaks(?: down)?|break down|drops out|drop out|goes offline|go offline|fails|crashes|stops working|stop working|is (?:damaged|hacked|infected|exploited)|gets (?:damaged|hacked|infected|exploited)|leaks|floods)\b/i;

export const conditional: Guard = {
  name: 'conditional',
  docs: 'the claim states its condition ("if", "once", "assuming", "subject to")',
  needsTags: false,
  applies(s, match) {
    // Only a condition in the claim's own scope qualifies it ("We'll ship Friday, and if you
    // need help we're here" still promises Friday).
    const { text } = s.scopeText(match);
    for (const m of text.matchAll(CONDITIONS)) {
      const word = m[1]!.toLowerCase();
      if (CUSTOMER_ACTION.test(text.slice(m.index + m[0].length))) continue;
      if (word === 'if' && NOT_A_CONDITION.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
      if (word === 'if' && EVENT_AFTER_IF.test(text.slice(m.index + 2))) continue;
      if ((word === 'if' || word === 'whenever') && FAILURE_AFTER_IF.test(text.slice(m.index + m[0].length))) continue;
      // "once and for all", "at once", "once again": not a condition
      if (
        word === 'once' &&
        (/^\s+(?:and for all|again|more)\b/i.test(text.slice(m.index + 4)) || /\bat\s+$/i.test(text.slice(0, m.index)))
      )
        continue;
      return true;
    }
    return false;
  },
};
