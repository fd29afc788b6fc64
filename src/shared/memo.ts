// The engine's memos (prefilter answers, claims, tags, rewrites per sentence text) share one
// shape: a map per owner (a rule set, a facts sheet), bounded in entries and in bytes so a huge
// run cannot grow it without limit.

/** Rough bytes an entry holds: its key's characters and the map's own overhead per entry. */
const keyBytes = (key: unknown): number => (typeof key === 'string' ? key.length : 8) + 64;

/**
 * A Map that forgets its oldest entries once it holds `max` entries or, with a byte budget,
 * more than `maxBytes` bytes by `sizeOf` (by default the key's length: memos are keyed by
 * sentence text, which is most of what they hold). An update does not make an entry newer.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  private bytes = 0;

  constructor(
    private readonly max: number,
    private readonly maxBytes = Infinity,
    private readonly sizeOf: (key: K, value: V) => number = keyBytes,
  ) {
    super();
  }

  /** The entries' bytes, by sizeOf. */
  get byteSize(): number {
    return this.bytes;
  }

  override set(key: K, value: V): this {
    if (super.has(key)) this.bytes -= this.sizeOf(key, super.get(key) as V);
    else if (this.size >= this.max) this.delete(this.keys().next().value as K);
    this.bytes += this.sizeOf(key, value);
    super.set(key, value);
    while (this.bytes > this.maxBytes && this.size > 1) this.delete(this.keys().next().value as K);
    return this;
  }

  override delete(key: K): boolean {
    if (!super.has(key)) return false;
    this.bytes -= this.sizeOf(key, super.get(key) as V);
    return super.delete(key);
  }

  override clear(): void {
    this.bytes = 0;
    super.clear();
  }
}

/** The memo kept for one owner, made on first use. */
export function memoFor<O extends object, M>(memos: WeakMap<O, M>, owner: O, make: () => M): M {
  let memo = memos.get(owner);
  if (!memo) memos.set(owner, (memo = make()));
  return memo;
}
