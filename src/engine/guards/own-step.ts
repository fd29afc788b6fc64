// `own-step`: the writer's business takes a step on the reader's behalf, fully in its control:
// "We will contact the carrier immediately to file a claim", "I will advise you before
// undertaking any procedure". Reaching the reader fast is a speed promise and stays flagged ("our
// dispatcher will text back within 10 minutes", "we'll call you within the hour").
import type { Guard } from '../rule.js';
import { OWN_STEP_VERBS, wordSet } from '../../text/grammar.js';
import { claimContext } from '../claim-context.js';

const VERBS = wordSet(OWN_STEP_VERBS);
const WRITER = new Set(['we', 'i']);
const MODAL = new Set(['will', 'shall', 'also', 'then', 'always', 'immediately', 'promptly']);
/** Objects that make the step a reply to the reader: its speed is the claim. */
const READER = new Set(['you', 'back', 'your', 'yourself']);

export const ownStep: Guard = {
  name: 'own-step',
  docs: 'the writer\'s own step on the reader\'s behalf ("we will contact the carrier immediately to file a claim")',
  needsTags: false,
  applies(s, match) {
    const t = s.tokens;
    const ctx = claimContext(s, match);
    if (!ctx) return false;
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
