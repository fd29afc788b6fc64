// The trigger index: what every rule needs in a sentence before it is worth running, checked for
// all rules at once with a few hash lookups per token, before any tagging. A sentence with no
// possible match is never tagged and never reaches a rule.
//
// Each trigger phrase is indexed by a *key* that any occurrence of the phrase must contain: two
// adjacent words of the phrase when it has them ("with you", "have it"), otherwise its most
// distinctive word, or a word followed by a kind of word ("in <name>"), or a kind of word alone
// ("<percent>"). Inflections are included when the phrase inflects. A rule is a candidate when
// every one of its trigger groups has a key in the sentence. A real match implies its key, so the
// prefilter can only let through too much, never too little; the rule's own matcher decides.
// (A test runs every rule on every sentence, all tagged, and checks the findings are identical.)
import { inflections } from '../text/inflect.js';
import { CLASS_NAMES, inClass, type WordClass } from '../text/phrase-set.js';
import { phraseTokens, type Token } from '../text/tokens.js';
import type { CompiledRule } from './rule.js';
import type { SentenceContext } from './sentence.js';

/** Frequent words make poor keys: any other word of the phrase is preferred. */
const COMMON = new Set(
  (
    'a an the of to in on at by for with and or but is are was were be been being will would can could shall should ' +
    'may might must our your we you it its this that these those my i me us they them their he she not no as from ' +
    'all every any have has had do does did get got make made time up out so if than then there here what which who ' +
    'when how just only also more most one first new now call support'
  ).split(' '),
);

type Key =
  | { type: 'pair'; first: string; second: string }
  | { type: 'word'; word: string }
  | { type: 'word-class'; word: string; cls: WordClass }
  | { type: 'class'; cls: WordClass }
  | { type: 'none' };

interface Hit {
  rule: number;
  group: number;
}

type Part = { word: string } | { cls: WordClass } | { any: true };

function parts(phrase: string): Part[] {
  return phrase
    .trim()
    .split(/\s+/)
    .flatMap((w): Part[] => {
      if (w === '*') return [{ any: true }];
      const cls = CLASS_NAMES[w];
      if (cls) return [{ cls }];
      // a placeholder with a possessive, as phrase-set.ts reads it: "<name>'s" (the UK's)
      const possessive = /^(<\w+>)['’]s$/.exec(w);
      const pcls = possessive ? CLASS_NAMES[possessive[1]!] : undefined;
      if (pcls) return [{ cls: pcls }, { word: "'s" }];
      return phraseTokens(w).map((word) => ({ word }));
    });
}

const rarity = (w: string): number => (COMMON.has(w) ? 0 : 100) + w.length;

/** The key of a phrase: what every occurrence of it contains. */
export function keyOf(phrase: string): Key {
  const ps = parts(phrase);
  let best: Key = { type: 'none' };
  let bestScore = -1;
  const consider = (key: Key, score: number): void => {
    if (score > bestScore) [best, bestScore] = [key, score];
  };
  for (let i = 0; i < ps.length; i++) {
    const a = ps[i]!;
    const b = ps[i + 1];
    if ('word' in a) {
      if (b && 'word' in b)
        consider({ type: 'pair', first: a.word, second: b.word }, 1000 + rarity(a.word) + rarity(b.word));
      if (b && 'cls' in b) consider({ type: 'word-class', word: a.word, cls: b.cls }, 500 + rarity(a.word));
      consider({ type: 'word', word: a.word }, rarity(a.word) + (COMMON.has(a.word) ? 0 : 400));
    } else if ('cls' in a) {
      consider({ type: 'class', cls: a.cls }, 1);
    }
  }
  return best;
}

function addHit(hits: Hit[], hit: Hit): void {
  if (!hits.some((h) => h.rule === hit.rule && h.group === hit.group)) hits.push(hit);
}

function push<K>(map: Map<K, Hit[]>, key: K, hit: Hit): void {
  let hits = map.get(key);
  if (!hits) map.set(key, (hits = []));
  addHit(hits, hit);
}

/** Everything the index keys on one word: one lookup per token. */
interface WordEntry {
  /** The word alone is a key. */
  hits?: Hit[];
  /** Pairs starting with the word, by their second word. */
  pairs?: Map<string, Hit[]>;
  /** The word followed by a kind of word ("in <name>"). */
  classes?: Array<{ cls: WordClass; hit: Hit }>;
}

export class TriggerIndex {
  private readonly byWord = new Map<string, WordEntry>();
  private readonly byClass = new Map<WordClass, Hit[]>();
  /** Rules that name no triggers (regex), or a trigger of wildcards only: always candidates. */
  private readonly always = new Set<number>();
  private readonly groupCounts: number[];
  /** byClass as a list, walked for every token (a Map's iterator allocates on each step). */
  private readonly classHits: Array<[WordClass, Hit[]]>;

  constructor(private readonly rules: readonly CompiledRule[]) {
    this.groupCounts = rules.map((r) => r.matcher.triggers?.length ?? 0);
    rules.forEach((rule, i) => {
      const groups = rule.matcher.triggers;
      if (!groups || groups.length === 0) {
        this.always.add(i);
        return;
      }
      groups.forEach((g, gi) => {
        const hit = { rule: i, group: gi };
        const forms = (w: string): string[] => (g.inflect ? inflections(w) : [w]);
        for (const phrase of g.phrases) this.index(keyOf(phrase), hit, forms);
      });
    });
    this.classHits = [...this.byClass];
    this.masks = new Int32Array(rules.length);
    this.stamp = new Int32Array(rules.length);
  }

  private entry(word: string): WordEntry {
    let e = this.byWord.get(word);
    if (!e) this.byWord.set(word, (e = {}));
    return e;
  }

  private index(key: Key, hit: Hit, forms: (w: string) => string[]): void {
    switch (key.type) {
      case 'pair':
        for (const a of forms(key.first)) {
          const e = this.entry(a);
          e.pairs ??= new Map();
          for (const b of forms(key.second)) push(e.pairs, b, hit);
        }
        return;
      case 'word':
        for (const w of forms(key.word)) addHit((this.entry(w).hits ??= []), hit);
        return;
      case 'word-class':
        for (const w of forms(key.word)) (this.entry(w).classes ??= []).push({ cls: key.cls, hit });
        return;
      case 'class':
        push(this.byClass, key.cls, hit);
        return;
      case 'none':
        this.always.add(hit.rule);
    }
  }

  /**
   * Per rule, the bit mask of its trigger groups seen in the sentence being read, valid where
   * `stamp` holds the current generation: reused for every sentence, so reading one allocates
   * nothing but its answer (every sentence of a run comes through here).
   */
  private readonly masks: Int32Array;
  private readonly stamp: Int32Array;
  private generation = 0;
  /** Rules marked in the sentence being read. */
  private readonly marked: number[] = [];

  private mark(hits: readonly Hit[]): void {
    const gen = this.generation;
    for (let k = 0; k < hits.length; k++) {
      const h = hits[k]!;
      if (this.stamp[h.rule] !== gen) {
        this.stamp[h.rule] = gen;
        this.masks[h.rule] = 0;
        this.marked.push(h.rule);
      }
      this.masks[h.rule]! |= 1 << h.group;
    }
  }

  /** The rules that can possibly match a sentence with these tokens, in rule order. */
  candidates(tokens: readonly Token[]): CompiledRule[] {
    if (this.generation === 0x7fffffff) {
      this.generation = 0;
      this.stamp.fill(0);
    }
    this.generation++;
    this.marked.length = 0;
    const classHits = this.classHits;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const e = this.byWord.get(t.norm);
      if (e) {
        if (e.hits) this.mark(e.hits);
        const next = tokens[i + 1];
        if (next) {
          const pair = e.pairs?.get(next.norm);
          if (pair) this.mark(pair);
          if (e.classes) for (const { cls, hit } of e.classes) if (inClass(next, cls)) this.mark([hit]);
        }
      }
      if (t.type !== 'punct')
        for (let c = 0; c < classHits.length; c++) if (inClass(t, classHits[c]![0])) this.mark(classHits[c]![1]);
    }
    const marked = this.marked;
    if (marked.length === 0 && this.always.size === 0) return [];
    const out: number[] = [...this.always];
    for (let k = 0; k < marked.length; k++) {
      const rule = marked[k]!;
      if (this.masks[rule] === (1 << this.groupCounts[rule]!) - 1 && !this.always.has(rule)) out.push(rule);
    }
    if (out.length === 0) return [];
    out.sort((a, b) => a - b);
    return out.map((i) => this.rules[i]!);
  }

  /**
   * The rules that can match this sentence: the index's candidates, less those whose own lexical
   * check (`mayMatch`: the order of a combination, a required deadline) rules the sentence out.
   * Nothing here reads tags; it decides what gets tagged.
   */
  candidatesFor(sentence: SentenceContext): CompiledRule[] {
    const rules = this.candidates(sentence.tokens);
    return rules.some((r) => r.matcher.mayMatch)
      ? rules.filter((r) => !r.matcher.mayMatch || r.matcher.mayMatch(sentence))
      : rules;
  }

  /** How many keys the index holds (for `explain` and the benchmark). */
  get size(): number {
    let n = this.byClass.size;
    for (const e of this.byWord.values()) n += (e.hits ? 1 : 0) + (e.pairs?.size ?? 0) + (e.classes?.length ? 1 : 0);
    return n;
  }
}
