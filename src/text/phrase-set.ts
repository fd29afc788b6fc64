// A trie of phrases over normalized tokens. One structure serves the prefilter (all rules'
// triggers at once), the phrase and substitute rule kinds, and the lexicon's guard lists.
import { inflections } from './inflect.js';
import { phraseTokens, type Token } from './tokens.js';

interface Node<T> {
  next: Map<string, Node<T>>;
  /** Values of phrases ending here. */
  values: T[];
}

export interface PhraseMatch<T> {
  /** Token indexes [start, end). */
  start: number;
  end: number;
  value: T;
}

const WILDCARD = '*';

export class PhraseSet<T = string> {
  private readonly root: Node<T> = { next: new Map(), values: [] };
  size = 0;

  /** Add a phrase. With inflect, each word also matches its inflected forms. */
  add(phrase: string, value: T, inflect = false): this {
    const words = phraseTokens(phrase);
    if (words.length === 0) return this;
    const alternatives = words.map((w) => (inflect && w !== WILDCARD ? inflections(w) : [w]));
    this.insert(this.root, alternatives, 0, value);
    this.size++;
    return this;
  }

  private insert(node: Node<T>, alts: string[][], i: number, value: T): void {
    if (i === alts.length) {
      node.values.push(value);
      return;
    }
    for (const form of alts[i]!) {
      let child = node.next.get(form);
      if (!child) node.next.set(form, (child = { next: new Map(), values: [] }));
      this.insert(child, alts, i + 1, value);
    }
  }

  /** Every match starting at token i (longest last). */
  matchAt(tokens: readonly Token[], i: number, out: Array<PhraseMatch<T>> = []): Array<PhraseMatch<T>> {
    let nodes: Array<Node<T>> = [this.root];
    for (let j = i; j < tokens.length && nodes.length > 0; j++) {
      const norm = tokens[j]!.norm;
      const nextNodes: Array<Node<T>> = [];
      for (const n of nodes) {
        const exact = n.next.get(norm);
        if (exact) nextNodes.push(exact);
        const any = tokens[j]!.type !== 'punct' ? n.next.get(WILDCARD) : undefined;
        if (any) nextNodes.push(any);
      }
      for (const n of nextNodes) for (const value of n.values) out.push({ start: i, end: j + 1, value });
      nodes = nextNodes;
    }
    return out;
  }

  /** All matches in a token list, in order of start. */
  findAll(tokens: readonly Token[]): Array<PhraseMatch<T>> {
    const out: Array<PhraseMatch<T>> = [];
    for (let i = 0; i < tokens.length; i++) if (this.root.next.has(tokens[i]!.norm) || this.root.next.has(WILDCARD)) this.matchAt(tokens, i, out);
    return out;
  }

  /** True when any phrase occurs in tokens[from, to). */
  occursIn(tokens: readonly Token[], from = 0, to = tokens.length): boolean {
    for (let i = Math.max(0, from); i < to; i++) {
      if (!this.root.next.has(tokens[i]!.norm)) continue;
      for (const m of this.matchAt(tokens, i)) if (m.end <= to) return true;
    }
    return false;
  }

  /** First words of every phrase: what a sentence must contain for any match to be possible. */
  firstWords(): string[] {
    return [...this.root.next.keys()];
  }
}
