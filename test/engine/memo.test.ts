// The engine's bounded memos forget their oldest entry, never more, never a fresh one.
import { describe, expect, it } from 'vitest';
import { BoundedMap, memoFor } from '../../src/shared/memo.js';

describe('BoundedMap', () => {
  it('holds at most max entries, dropping the oldest first', () => {
    const m = new BoundedMap<string, number>(2);
    m.set('a', 1).set('b', 2).set('c', 3);
    expect([...m.keys()]).toEqual(['b', 'c']);
    m.set('b', 20); // an update does not evict
    expect([...m.entries()]).toEqual([
      ['b', 20],
      ['c', 3],
    ]);
  });
});

describe('BoundedMap with a byte budget', () => {
  it('drops the oldest entries once their keys pass the budget, and counts updates once', () => {
    const sentence = (i: number) => `We deliver every order within ${i} business days, as agreed.`;
    const m = new BoundedMap<string, number>(1000, 4 * (sentence(10).length + 64));
    for (let i = 10; i < 20; i++) m.set(sentence(i), i);
    expect([...m.values()]).toEqual([16, 17, 18, 19]);
    m.set(sentence(17), 170);
    expect(m.size).toBe(4);
    expect(m.byteSize).toBe(4 * (sentence(10).length + 64));
    m.delete(sentence(16));
    expect(m.byteSize).toBe(3 * (sentence(10).length + 64));
    m.clear();
    expect(m.byteSize).toBe(0);
  });

  it('keeps a single entry larger than the budget until the next one comes', () => {
    const m = new BoundedMap<string, string>(10, 10);
    m.set('a long sentence that alone passes the budget', 'x');
    expect(m.size).toBe(1);
    m.set('another', 'y');
    expect([...m.keys()]).toEqual(['another']);
  });
});

describe('memoFor', () => {
  it('makes one memo per owner, on first use', () => {
    const memos = new WeakMap<object, Map<string, number>>();
    const owner = {};
    const first = memoFor(memos, owner, () => new Map());
    first.set('x', 1);
    expect(memoFor(memos, owner, () => new Map())).toBe(first);
    expect(memoFor(memos, {}, () => new Map())).not.toBe(first);
  });
});
