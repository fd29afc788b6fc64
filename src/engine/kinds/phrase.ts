// `phrase`: a list of words or phrases, matched on word boundaries, case-insensitively, with
// inflections (guarantee, guarantees, guaranteed).
//
// With `near`, a phrase only counts when words of each near group stand close to it
// ("price" near "forever", "same day" near "delivery"): a lexical co-occurrence, still without
// tags. Every near group is a trigger group of its own, so the prefilter only lets through
// sentences that hold a phrase of each group.
import type { NearGroup } from '../../rules/definition.js';
import { PhraseSet, type PhraseMatch } from '../../text/phrase-set.js';
import { dedupe, matchFromTokens } from '../match.js';
import type { RuleKind, RuleMatch, TriggerGroup } from '../rule.js';

interface CompiledNear {
  set: PhraseSet<string>;
  within: number;
  where: 'before' | 'after' | 'either';
}

/** Default distance, in words, between a phrase and its near words. */
export const NEAR_WITHIN = 6;

export const phraseKind: RuleKind = {
  name: 'phrase',
  docs: 'words or phrases, matched on word boundaries in any case, with their inflections',
  captures: ['phrase'],
  guards: '[negated, quoted, reported, proper-name, courtesy]',
  scaffold: `# phrase: words or phrases, matched on word boundaries in any case. '*' stands for any one
# word, '<number>' for a number. Inflections match too (guarantee, guarantees, guaranteed)
# unless you set inflect: false.
phrases:
  - TODO first phrase
  - TODO second phrase
`,
  compile(def) {
    const phrases = def.phrases ?? [];
    const inflect = def.inflect ?? true;
    const set = new PhraseSet<string>();
    for (const p of phrases) set.add(p, p, inflect);
    const near: CompiledNear[] = (def.near ?? []).map((g: NearGroup) => {
      const s = new PhraseSet<string>();
      for (const p of g.phrases) s.add(p, p, g.inflect ?? inflect);
      return { set: s, within: g.within ?? NEAR_WITHIN, where: g.where ?? 'either' };
    });
    const triggers: TriggerGroup[] = [
      { phrases, inflect },
      ...(def.near ?? []).map((g: NearGroup) => ({ phrases: g.phrases, inflect: g.inflect ?? inflect })),
    ];
    return {
      triggers,
      needsTags: false,
      match(s) {
        const found = set.findAll(s.tokens);
        if (found.length === 0) return [];
        if (near.length === 0) return dedupe(found.map((m) => matchFromTokens(s, m.start, m.end, { phrase: m.value })));
        const nearFound = near.map((g) => g.set.findAll(s.tokens));
        const out: RuleMatch[] = [];
        for (const m of found) {
          let start = m.start;
          let end = m.end;
          let ok = true;
          for (let gi = 0; gi < near.length && ok; gi++) {
            const n = closest(m, nearFound[gi]!, near[gi]!);
            if (!n) ok = false;
            else {
              start = Math.min(start, n.start);
              end = Math.max(end, n.end);
            }
          }
          if (ok && !out.some((o) => o.tokenStart === start && o.tokenEnd === end))
            out.push(matchFromTokens(s, start, end, { phrase: m.value }));
        }
        // Overlapping spans are kept: each pairs a different phrase with its near words, and a
        // guard may drop one but not the other ("No setup fees, no price hikes, ever"). The
        // engine keeps one finding per claim after the guards have run.
        return out;
      },
    };
  },
};

/** The near match closest to m that satisfies the group's side and distance. */
function closest(
  m: PhraseMatch<string>,
  candidates: Array<PhraseMatch<string>>,
  g: CompiledNear,
): PhraseMatch<string> | undefined {
  let best: PhraseMatch<string> | undefined;
  let bestGap = Infinity;
  for (const n of candidates) {
    let gap: number;
    if (n.start >= m.end) {
      if (g.where === 'before') continue;
      gap = n.start - m.end;
    } else if (n.end <= m.start) {
      if (g.where === 'after') continue;
      gap = m.start - n.end;
    } else continue; // overlapping words are one phrase, not two
    // the nearest wins; at the same distance, the longer phrase ("by 3/15" over "by 3")
    if (
      gap <= g.within &&
      (gap < bestGap || (gap === bestGap && best !== undefined && n.end - n.start > best.end - best.start))
    ) {
      best = n;
      bestGap = gap;
    }
  }
  return best;
}
