// The engine's memos (prefilter answers, claims, tags, rewrites per sentence text) share one
// shape: a map per owner (a rule set, a facts sheet), bounded so a huge run cannot grow it
// without limit.

/** A Map that forgets its oldest entry once it holds `max`. */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (this.size >= this.max && !this.has(key)) this.delete(this.keys().next().value as K);
    return super.set(key, value);
  }
}

/** The memo kept for one owner, made on first use. */
export function memoFor<O extends object, M>(memos: WeakMap<O, M>, owner: O, make: () => M): M {
  let memo = memos.get(owner);
  if (!memo) memos.set(owner, (memo = make()));
  return memo;
}
