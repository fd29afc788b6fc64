// The trigger index: every rule's trigger words and phrases (inflections included) compiled into
// one trie over normalized tokens. A sentence reaches a rule only when it contains a phrase of
// each of the rule's trigger groups; a sentence that can match no rule is never tagged.
import { PhraseSet } from '../text/phrase-set.js';
import type { Token } from '../text/tokens.js';
import type { CompiledRule } from './rule.js';

interface Hit {
  rule: number;
  group: number;
}

export class TriggerIndex {
  private readonly trie = new PhraseSet<Hit>();
  /** Rules that name no triggers (regex): candidates for every sentence. */
  private readonly always: number[] = [];
  private readonly groupCounts: number[];

  constructor(private readonly rules: readonly CompiledRule[]) {
    this.groupCounts = rules.map((r) => r.matcher.triggers?.length ?? 0);
    rules.forEach((rule, i) => {
      const groups = rule.matcher.triggers;
      if (!groups) {
        this.always.push(i);
        return;
      }
      groups.forEach((g, gi) => {
        for (const phrase of g.phrases) this.trie.add(phrase, { rule: i, group: gi }, g.inflect);
      });
    });
  }

  /** The rules that can possibly match a sentence with these tokens, in rule order. */
  candidates(tokens: readonly Token[]): CompiledRule[] {
    const hits = this.trie.findAll(tokens);
    if (hits.length === 0 && this.always.length === 0) return [];
    // Bit per (rule, group); a rule is a candidate when all its groups are hit.
    const seen = new Map<number, number>();
    for (const h of hits) seen.set(h.value.rule, (seen.get(h.value.rule) ?? 0) | (1 << h.value.group));
    const out: number[] = [...this.always];
    for (const [rule, mask] of seen) if (mask === (1 << this.groupCounts[rule]!) - 1) out.push(rule);
    return out.sort((a, b) => a - b).map((i) => this.rules[i]!);
  }
}
