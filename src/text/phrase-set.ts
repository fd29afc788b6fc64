// A trie of phrases over normalized tokens. One structure serves the prefilter (all rules'
// triggers at once), the phrase and substitute rule kinds, and the lexicon's guard lists.
//
// Besides literal words, a phrase may use placeholders, written as whole words:
//   *          any one word or number (not punctuation)
//   <number>   a number: 40, 1,200, 40%, $5, 2x, or a number word (two, dozen, hundred, ...)
//   <percent>  a percentage written with the sign: 40%, 99.9%
//   <money>    an amount of money: $5, €1,200, £3k
//   <name>     a capitalized word (all caps only when short): Yorkshire, Ohio, UK
//   <superlative>  an adjective in -est: fastest, slimmest, friendliest (not nearest, latest, ...)
// e.g. "save <percent>", "<number> minutes flat".
import { inflections } from './inflect.js';
import { phraseTokens, type Token } from './tokens.js';

// An inflected word is one edge, keyed by INFLECTED + its base form, not one edge per form: a
// token reaches it through `formsOf` (form -> the inflected keys it is a form of). Inserting every
// form as its own edge made the trie the cartesian product of the words' forms (a four-word
// phrase with five forms a word: 780 nodes, about 40 KB; a rule of 100,000 phrases exhausted the
// heap); this way a phrase costs one node a word, and matches exactly the same tokens.
//
// Most nodes are leaves: children and values are only allocated when a node has some, which
// keeps the lexicon's tries (tens of thousands of nodes with inflections) small in memory and in
// the start-up snapshot.
interface Node<T> {
  next: Map<string, Node<T>> | undefined;
  /** Children reached through a placeholder (<number>, <percent>, <money>); rare, so a list. */
  classes: Array<[WordClass, Node<T>]> | undefined;
  /** Values of phrases ending here. */
  values: T[] | undefined;
}

const NO_VALUES: readonly never[] = [];
const newNode = <T>(): Node<T> => ({ next: undefined, classes: undefined, values: undefined });

export interface PhraseMatch<T> {
  /** Token indexes [start, end). */
  start: number;
  end: number;
  value: T;
}

const WILDCARD = '*';
/** Prefix of the edge key of an inflected word (never produced by the tokenizer). */
const INFLECTED = '\u0001';

export type WordClass = 'number' | 'percent' | 'money' | 'name' | 'superlative';
// Null prototype: a phrase word such as "constructor" is not a placeholder.
export const CLASS_NAMES: Readonly<Record<string, WordClass>> = Object.assign(
  Object.create(null) as Record<string, WordClass>,
  {
    '<number>': 'number',
    '<percent>': 'percent',
    '<money>': 'money',
    '<name>': 'name',
    '<superlative>': 'superlative',
  },
);
/** Words in -est that are not superlatives of quality, or that place rather than praise. */
const NOT_SUPERLATIVE = new Set(
  (
    'best rest test interest request west guest honest modest forest harvest latest contest manifest protest suggest ' +
    'invest arrest digest earnest chest nest quest pest vest crest attest behest nearest closest earliest soonest ' +
    'furthest farthest fewest least most'
  ).split(' '),
);

const NUMBER_WORDS = new Set(
  (
    'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen ' +
    'eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion ' +
    'dozen dozens hundreds thousands millions billions half twice'
  ).split(' '),
);

export function inClass(token: Token, cls: WordClass): boolean {
  switch (cls) {
    case 'number':
      return (
        token.type === 'number' ||
        NUMBER_WORDS.has(token.norm) ||
        // "3x", "2.5x" (the test of the first character spares most words the regex)
        (token.norm.charCodeAt(0) <= 57 && /^\d+(\.\d+)?x$/.test(token.norm))
      );
    case 'percent':
      return token.type === 'number' && token.norm.endsWith('%');
    case 'money':
      return token.type === 'number' && /^[$€£¥]/.test(token.norm);
    case 'name':
      return (
        token.type === 'word' &&
        token.capitalized &&
        token.text.length > 1 &&
        (token.text !== token.text.toUpperCase() || token.text.length <= 3)
      );
    case 'superlative':
      return (
        token.type === 'word' && token.norm.length > 5 && token.norm.endsWith('est') && !NOT_SUPERLATIVE.has(token.norm)
      );
  }
}

/** The words of a phrase: placeholders kept whole, everything else tokenized like text. */
function phraseWords(phrase: string): string[] {
  const out: string[] = [];
  for (const chunk of phrase.trim().split(/\s+/)) {
    // a placeholder with a possessive: "<name>'s" (the UK's, Europe's)
    const possessive = /^(<\w+>)['’]s$/.exec(chunk);
    if (possessive && possessive[1]! in CLASS_NAMES) out.push(possessive[1]!, "'s");
    else if (chunk in CLASS_NAMES || chunk === WILDCARD) out.push(chunk);
    else out.push(...phraseTokens(chunk));
  }
  return out;
}

export class PhraseSet<T = string> {
  private readonly root: Node<T> = newNode();
  /** Inflected form -> the INFLECTED keys of the words it is a form of. */
  private readonly formsOf = new Map<string, string[]>();
  /** Word -> its edge key (memo of inflectedKey). */
  private readonly keyOf = new Map<string, string>();
  /** INFLECTED key -> the word's forms. */
  private readonly formsByKey = new Map<string, string[]>();
  /** Every token norm a phrase can start with (literal first words and their forms); built on first use. */
  private starts: Set<string> | undefined;
  size = 0;

  /** Add a phrase. With inflect, each word also matches its inflected forms. */
  add(phrase: string, value: T, inflect = false): this {
    const words = phraseWords(phrase);
    if (words.length === 0) return this;
    this.starts = undefined;
    let node = this.root;
    for (const w of words) {
      const key = inflect && w !== WILDCARD && !(w in CLASS_NAMES) ? this.inflectedKey(w) : w;
      const cls = CLASS_NAMES[key];
      let child: Node<T> | undefined;
      if (cls) {
        node.classes ??= [];
        child = node.classes.find(([c]) => c === cls)?.[1];
        if (!child) node.classes.push([cls, (child = newNode())]);
      } else {
        node.next ??= new Map();
        child = node.next.get(key);
        if (!child) node.next.set(key, (child = newNode()));
      }
      node = child;
    }
    (node.values ??= []).push(value);
    this.size++;
    return this;
  }

  /** The edge key of an inflected word: the word itself when it has no other form. */
  private inflectedKey(word: string): string {
    let key = this.keyOf.get(word);
    if (key === undefined) this.keyOf.set(word, (key = this.newInflectedKey(word)));
    return key;
  }

  private newInflectedKey(word: string): string {
    const forms = [...new Set(inflections(word))];
    if (forms.length === 1) return forms[0]!;
    const key = INFLECTED + forms[0]!;
    if (!this.formsByKey.has(key)) {
      this.formsByKey.set(key, forms);
      for (const f of forms) {
        const keys = this.formsOf.get(f);
        if (keys) keys.push(key);
        else this.formsOf.set(f, [key]);
      }
    }
    return key;
  }

  private startWords(): Set<string> {
    const starts = new Set<string>();
    for (const k of this.root.next?.keys() ?? []) {
      starts.add(k);
      for (const f of this.formsByKey.get(k) ?? []) starts.add(f);
    }
    return (this.starts = starts);
  }

  /** Whether a phrase can start at this token (a cheap test before walking the trie). */
  private canStart(token: Token): boolean {
    if ((this.starts ?? this.startWords()).has(token.norm)) return true;
    const r = this.root;
    if (token.type !== 'punct' && r.next?.has(WILDCARD)) return true;
    const classes = r.classes;
    if (classes !== undefined) for (let c = 0; c < classes.length; c++) if (inClass(token, classes[c]![0])) return true;
    return false;
  }

  /** Every match starting at token i (longest last). */
  matchAt(tokens: readonly Token[], i: number, out: Array<PhraseMatch<T>> = []): Array<PhraseMatch<T>> {
    // Most calls start at a word no phrase starts with: answer those without walking the trie.
    if (i >= tokens.length || !this.canStart(tokens[i]!)) return out;
    return this.walk(tokens, i, out);
  }

  private walk(tokens: readonly Token[], i: number, out: Array<PhraseMatch<T>>): Array<PhraseMatch<T>> {
    let nodes: Array<Node<T>> = [this.root];
    for (let j = i; j < tokens.length && nodes.length > 0; j++) {
      const token = tokens[j]!;
      const norm = token.norm;
      const inflected = this.formsOf.get(norm);
      const nextNodes: Array<Node<T>> = [];
      for (const n of nodes) {
        if (n.next) {
          const exact = n.next.get(norm);
          if (exact) nextNodes.push(exact);
          if (inflected)
            for (const k of inflected) {
              const child = n.next.get(k);
              if (child) nextNodes.push(child);
            }
          const any = token.type !== 'punct' ? n.next.get(WILDCARD) : undefined;
          if (any) nextNodes.push(any);
        }
        if (n.classes) for (const [c, child] of n.classes) if (inClass(token, c)) nextNodes.push(child);
      }
      for (const n of nextNodes) for (const value of n.values ?? NO_VALUES) out.push({ start: i, end: j + 1, value });
      nodes = nextNodes;
    }
    return out;
  }

  /** All matches in a token list, in order of start. */
  findAll(tokens: readonly Token[]): Array<PhraseMatch<T>> {
    const out: Array<PhraseMatch<T>> = [];
    for (let i = 0; i < tokens.length; i++) if (this.canStart(tokens[i]!)) this.walk(tokens, i, out);
    return out;
  }

  /** True when any phrase occurs in tokens[from, to). */
  occursIn(tokens: readonly Token[], from = 0, to = tokens.length): boolean {
    for (let i = Math.max(0, from); i < to; i++) {
      if (!this.canStart(tokens[i]!)) continue;
      for (const m of this.walk(tokens, i, [])) if (m.end <= to) return true;
    }
    return false;
  }

  /** Nodes of the trie (the root included): one per distinct word path, whatever the inflections. */
  nodeCount(): number {
    let n = 0;
    const walk = (node: Node<T>): void => {
      n++;
      for (const child of node.next?.values() ?? []) walk(child);
      for (const [, child] of node.classes ?? []) walk(child);
    };
    walk(this.root);
    return n;
  }

  /** First words of every phrase: what a sentence must contain for any match to be possible. */
  firstWords(): string[] {
    const words = new Set<string>();
    for (const k of this.root.next?.keys() ?? []) for (const w of this.formsByKey.get(k) ?? [k]) words.add(w);
    return [...words, ...(this.root.classes ?? []).map(([c]) => `<${c}>`)];
  }
}
