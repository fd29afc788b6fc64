// `own-step`: the writer's business takes a step on the reader's behalf, fully in its control:
// "We will contact the carrier immediately to file a claim", "I will advise you before
// undertaking any procedure". Reaching the reader fast is a speed promise and stays flagged ("our
// dispatcher will text back within 10 minutes", "we'll call you within the hour"); a reply
// within a day or more is the routine of answering mail ("our team will get back to you within 24
// hours", "we respond within one business day").
import type { Guard } from '../rule.js';
import type { Token } from '../../text/tokens.js';
import { OWN_STEP_VERBS, REPLY_PHRASES, wordSet } from '../../text/grammar.js';
import { claimContext, findPhrase } from '../claim-context.js';

const VERBS = wordSet(OWN_STEP_VERBS);
const WRITER = new Set(['we', 'i']);
const MODAL = new Set(['will', 'shall', 'also', 'then', 'always', 'immediately', 'promptly']);
/** Objects that make the step a reply to the reader: its speed is the claim. */
const READER = new Set(['you', 'back', 'your', 'yourself']);

/** A window of a day or more: "24 hours", "48 hours", "one business day", "2 working days". */
function dayOrMore(t: readonly Token[], [a, b]: [number, number]): boolean {
  for (let k = a; k < b; k++) {
    const w = t[k]!.norm;
    // "the same day" is a speed, not a window of a day
    if (/^(days?|weeks?)$/.test(w) && t[k - 1]?.norm !== 'same') return true;
    if (/^(hours?|hrs?)$/.test(w)) {
      const n = Number(t[k - 1]?.norm.replace(/^\d+[-–]/, ''));
      if (n >= 24) return true;
    }
  }
  return false;
}

export const ownStep: Guard = {
  name: 'own-step',
  docs: 'the writer\'s own step on the reader\'s behalf ("we will contact the carrier immediately to file a claim")',
  needsTags: false,
  applies(s, match) {
    const t = s.tokens;
    const ctx = claimContext(s, match);
    if (!ctx) return false;
    // a reply to the reader within a day or more
    const reply = findPhrase(t, ctx.clause.start, ctx.clause.end, REPLY_PHRASES);
    if (reply >= 0) {
      // every time in the claim is the reply's window ("respond within 48 hours and fix it the
      // same day" still promises the fix)
      const inClaim = ctx.clause.times
        .map((x) => x.span)
        .filter(([a, b]) => b > match.tokenStart && a < match.tokenEnd);
      if (inClaim.length > 0 && inClaim.every((span) => span[0] > reply && dayOrMore(t, span))) return true;
    }
    for (let i = ctx.clause.start; i < Math.min(ctx.clause.end, match.tokenEnd); i++) {
      if (!WRITER.has(t[i]!.norm)) continue;
      let v = i + 1;
      while (v < t.length && MODAL.has(t[v]!.norm)) v++;
      if (!VERBS.has(t[v]?.norm ?? '') || v >= ctx.clause.end) continue;
      const object = t[v + 1]?.norm ?? '';
      if (!READER.has(object)) return true;
      // "advise you before undertaking ...": a step before an event the writer controls
      const time = ctx.times[0];
      if (time && /^(before|ahead)$/.test(t[time[0]]!.norm)) return true;
    }
    return false;
  },
};
