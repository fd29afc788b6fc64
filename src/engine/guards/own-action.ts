// `own-action`: the writer's own next small action, fully in their control ("I'll send the
// revised quote by Friday", "I'll call you Tuesday at 10", "You'll get the signed order form back
// today", "I promise I'll have the minutes out tonight").
//
// Two signs, both lexical:
//   1. I (or we, for the few steps a team takes on the writer's behalf: send, call, follow up)
//      followed closely by an own-action verb (lexicon verbs.own_actions / own_actions_we);
//   2. a writer's deliverable (a quote, the notes, my markup: lexicon verbs.own_deliverables)
//      that someone will have, get, send or receive, inside or right around the match.
import type { Token } from '../../text/tokens.js';
import type { Guard } from '../rule.js';
import { CLAUSE_BREAKS } from '../../text/grammar.js';

const SINGULAR = new Set(['i', 'me']);
const PLURAL = new Set(['we']);
const GIVE = new Set(['have', 'get', 'send', 'receive', 'email', 'see', 'sent', 'got', 'had', 'received']);
const BREAK = CLAUSE_BREAKS.ownAction;

const PERSON = new Set(['i', 'we', 'you', 'me']);

function hasPersonBefore(t: readonly Token[], j: number): boolean {
  for (let k = j - 1; k >= Math.max(0, j - 3); k--) {
    if (BREAK.has(t[k]!.norm)) return false;
    if (PERSON.has(t[k]!.norm)) return true;
  }
  return false;
}

const HANDOVER_END = [
  ['to', 'you'],
  ['over', 'to', 'you'],
  ['across', 'to', 'you'],
  ['back', 'to', 'you'],
  ['to', 'your', 'inbox'],
  ['in', 'your', 'inbox'],
];

/** I + will/'ll + have/get/send + a few words + "to you" / "in your inbox". */
function handsOver(t: readonly Token[], match: { tokenStart: number; tokenEnd: number }): boolean {
  for (let i = Math.max(0, match.tokenStart - 3); i < Math.min(t.length, match.tokenEnd); i++) {
    if (t[i]!.norm !== 'i') continue;
    let v = i + 1;
    while (v < t.length && (t[v]!.norm === 'will' || t[v]!.norm === 'shall' || t[v]!.norm === 'can')) v++;
    if (!GIVE.has(t[v]?.norm ?? '')) continue;
    for (let k = v + 1; k < Math.min(t.length, v + 9); k++) {
      if (BREAK.has(t[k]!.norm)) break;
      if (HANDOVER_END.some((seq) => seq.every((w, n) => t[k + n]?.norm === w))) return true;
    }
  }
  return false;
}

function deliverableNear(
  s: {
    tokens: readonly Token[];
    lexicon: { ownDeliverables: { findAll(t: readonly Token[]): Array<{ start: number; end: number }> } };
  },
  from: number,
  to: number,
): boolean {
  const t = s.tokens;
  for (const d of s.lexicon.ownDeliverables.findAll(t)) {
    if (d.start < from || d.start >= to) continue;
    // a giving verb shortly before the deliverable, in the same clause, with a person as its
    // subject: "I'll have the revised estimate", "you'll get the signed copy" (an imperative
    // "Get a quote in 60 seconds" promises a service, not a step the writer takes)
    for (let j = d.start - 1; j >= Math.max(0, d.start - 5); j--) {
      if (BREAK.has(t[j]!.norm)) break;
      if (GIVE.has(t[j]!.norm) && hasPersonBefore(t, j)) return true;
    }
  }
  return false;
}

export const ownAction: Guard = {
  name: 'own-action',
  docs: 'the writer\'s own next small action ("I\'ll send the quote by Friday")',
  needsTags: false,
  applies(s, match) {
    const t = s.tokens;
    const lx = s.lexicon;
    for (let i = Math.max(0, match.tokenStart - 4); i < Math.min(t.length, match.tokenEnd + 1); i++) {
      const single = SINGULAR.has(t[i]!.norm);
      if (!single && !PLURAL.has(t[i]!.norm)) continue;
      const verbs = single ? lx.ownActions : lx.ownActionsWe;
      for (let j = i + 1; j < Math.min(t.length, i + 5); j++) {
        if (BREAK.has(t[j]!.norm)) break;
        if (verbs.matchAt(t, j).length > 0) return true;
      }
    }
    // "I'll have the costings over to you first thing": the writer handing something over.
    if (handsOver(t, match)) return true;
    // A trailing ", promise" vouches for the whole sentence before it.
    const trailing = t.slice(match.tokenEnd).every((x) => x.type === 'punct');
    return deliverableNear(s, trailing ? 0 : Math.max(0, match.tokenStart - 2), Math.min(t.length, match.tokenEnd + 6));
  },
};
