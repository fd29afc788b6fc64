// The engine's bounded memos forget their oldest entry, never more, never a fresh one.
import { describe, expect, it } from 'vitest';
import { BoundedMap, memoFor } from '../../src/shared/memo.js';

describe('BoundedMap', () => {
  it('holds at most max entries, dropping the oldest first', () => {
    const m = new BoundedMap<string, number>(2);
    m.set('a', 1).set('b', 2).set('c', 3);
    expect([...m.keys()]).toEqual(['b', 'c']);
    m.set('b', 20); // an update does not evict
    expect([...m.entries()]).toEqual([['b', 20], ['c', 3]]);
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
