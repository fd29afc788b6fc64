// The phrase trie (issue 17): an inflected word is one edge, so a phrase costs one node a word
// (the cartesian product of every word's forms made a rule of 100,000 phrases exhaust the heap),
// and it matches exactly the tokens it matched before.
import { describe, expect, it } from 'vitest';
import { PhraseSet } from '../../src/text/phrase-set.js';
import { inflections } from '../../src/text/inflect.js';
import { tokenize } from '../../src/text/tokens.js';

const words = (text: string) => tokenize(text);
const found = (set: PhraseSet<string>, text: string): string[] => {
  const toks = words(text);
  return set.findAll(toks).map((m) => `${m.value}@${toks[m.start]!.norm}..${toks[m.end - 1]!.norm}`);
};

describe('PhraseSet with inflections', () => {
  it('stores one node a word, however many forms each word has', () => {
    const set = new PhraseSet<string>();
    set.add('guarantee delivery within days', 'p', true);
    expect(inflections('guarantee').length).toBeGreaterThan(2);
    expect(set.nodeCount()).toBe(5);
    for (let i = 0; i < 2000; i++) set.add(`promise shipment${'x'.repeat(i % 7)} within week${i}`, `q${i}`, true);
    // Linear in the words added, not in the product of their forms.
    expect(set.nodeCount()).toBeLessThan(5 + 2000 * 4);
  });

  it('matches every inflected form of every word, and only those', () => {
    const set = new PhraseSet<string>();
    set.add('guarantee delivery', 'g', true);
    set.add('ship on time', 's', true);
    expect(found(set, 'We guaranteed deliveries and it ships on time.')).toEqual([
      'g@guaranteed..deliveries',
      's@ships..time',
    ]);
    expect(found(set, 'We guarantees delivery.')).toEqual(['g@guarantees..delivery']);
    expect(found(set, 'We shipped on times.')).toEqual(['s@shipped..times']);
    expect(found(set, 'We guaranty delivery.')).toEqual([]);
  });

  it('keeps exact and inflected phrases apart on the same words', () => {
    const set = new PhraseSet<string>();
    set.add('deliver fast', 'inflected', true);
    set.add('delivers fast', 'exact', false);
    expect(found(set, 'It delivers fast.').sort()).toEqual(['exact@delivers..fast', 'inflected@delivers..fast']);
    expect(found(set, 'It delivered fast.')).toEqual(['inflected@delivered..fast']);
    expect(set.firstWords()).toEqual(expect.arrayContaining(['deliver', 'delivers', 'delivered', 'delivering']));
  });

  it('a word "constructor" is a word, not a placeholder', () => {
    const set = new PhraseSet<string>();
    set.add('constructor always', 'c', true);
    expect(found(set, 'The constructor always wins.')).toEqual(['c@constructor..always']);
    expect(found(set, 'The builder always wins.')).toEqual([]);
  });
});
