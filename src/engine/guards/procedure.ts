// `procedure`: a published back-office schedule, not a delivery promise: "Orders submitted on
// Saturday will be processed on Monday", "Rebates will be issued within 8-10 weeks", "Owner
// payments are processed monthly by the 15th". The verb that the claim's time belongs to is a
// processing step (lexicon-free: text/grammar.ts PROCESSING_VERBS) in the passive. "Your order
// will be processed and shipped within 24 hours" keeps its shipping time: the nearest verb wins.
import type { Guard } from '../rule.js';
import { PROCESSING_VERBS, wordSet } from '../../text/grammar.js';
import { claimContext } from '../claim-context.js';

const PROCESSING = wordSet(PROCESSING_VERBS);
const BE = new Set(['be', 'is', 'are', 'been', 'being', 'was', 'were', 'get', 'gets']);
const ADVERBS = new Set([
  'then',
  'usually',
  'automatically',
  'monthly',
  'weekly',
  'daily',
  'annually',
  'also',
  'normally',
]);

export const procedure: Guard = {
  name: 'procedure',
  docs: 'a published back-office schedule ("orders submitted Saturday will be processed Monday", "rebates are issued within 8 weeks")',
  needsTags: false,
  applies(s, match) {
    const t = s.tokens;
    const ctx = claimContext(s, match);
    if (!ctx) return false;
    // the time the claim names after its verb ("received after Friday will be processed Tuesday")
    const time = ctx.times.filter(([a]) => a > match.tokenStart).at(-1) ?? ctx.times[0];
    const end = time && time[0] > match.tokenStart ? time[0] : match.tokenEnd;
    // the last passive participle before the time, in the claim's clause
    for (let i = end - 1; i >= ctx.clause.start; i--) {
      const w = t[i]!.norm;
      if (t[i]!.type !== 'word' || !/(ed|id|en|de|ne)$/.test(w)) continue;
      let b = i - 1;
      while (b >= 0 && ADVERBS.has(t[b]!.norm)) b--;
      if (!BE.has(t[b]?.norm ?? '')) continue;
      return PROCESSING.has(w);
    }
    return false;
  },
};
