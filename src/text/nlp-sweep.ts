// A faster drop-in for compromise's `bulkMatch` (the sweep that runs its ~700 post-tagger
// correction patterns over a sentence). compromise finds the patterns worth trying by walking
// every key of its pattern index (thousands) for every sentence; here the sentence's own words
// and tags are looked up in that index instead, then put back in the index's key order, so the
// patterns are tried in exactly the same order and the tags come out identical (a test compares
// both sweeps on real sentences). A third of the tagger's time was that walk.
//
// Installed with compromise's plugin API (`methods.one.bulkMatch`); the other steps are the
// library's own: cacheDoc, match.

interface SweepMatch {
  match: string;
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
  unTag?: unknown;
  [key: string]: unknown;
}

interface Net {
  hooks: Record<string, SweepMatch[]>;
  always: SweepMatch[];
}

type Term = unknown;
interface SweepMethods {
  one: {
    cacheDoc(document: Term[][]): Array<Set<string>>;
    match(docs: Term[][], m: SweepMatch): { ptrs: number[][] };
  };
}

/**
 * The index, prepared once per net. compromise files each pattern under every word and tag it
 * needs or wants, and tries, per sentence, each distinct pattern filed under a key the sentence
 * has, in the order of its first such key (Object.keys order, then list order). Here each
 * pattern is filed under one *anchor* instead: one of its needs (a word if it needs one, words
 * being rarer than tags), or each of its wants when it needs nothing, because a pattern that
 * passes compromise's filters has all its needs, or at least one of its wants, in the sentence.
 * Its place in compromise's order is then read from its own keys: the first one present.
 */
interface Prepared {
  patterns: SweepMatch[];
  /** Per pattern, its keys' positions in compromise's key order, ascending, and its place in each list. */
  order: Int32Array[];
  keys: string[];
  /** Pattern ids by anchor key. */
  anchors: Map<string, number[]>;
  /** Per pattern, the last sentence that saw it (a generation stamp instead of a Set per call). */
  seen: Int32Array;
  generation: number;
}
const PREPARED = new WeakMap<Net['hooks'], Prepared>();

/** Places fit in 16 bits: compromise has a few hundred patterns and keys. */
const PLACE = 1 << 16;

function prepare(hooks: Net['hooks']): Prepared {
  let p = PREPARED.get(hooks);
  if (p) return p;
  const keys = Object.keys(hooks);
  const ids = new Map<SweepMatch, number>();
  const patterns: SweepMatch[] = [];
  const places: number[][] = [];
  const texts = new Set<string>();
  keys.forEach((k, pos) =>
    hooks[k]!.forEach((m, at) => {
      let id = ids.get(m);
      if (id === undefined) {
        // compromise keeps the first of several patterns with one text; ours would differ
        if (texts.has(m.match) || keys.length >= PLACE || hooks[k]!.length >= PLACE)
          throw new Error('internal: compromise pattern index not as expected');
        texts.add(m.match);
        ids.set(m, (id = patterns.length));
        patterns.push(m);
        places.push([]);
      }
      places[id]!.push(pos * PLACE + at);
    }),
  );
  const anchors = new Map<string, number[]>();
  const file = (key: string, id: number): void => {
    const list = anchors.get(key);
    if (list) list.push(id);
    else anchors.set(key, [id]);
  };
  patterns.forEach((m, id) => {
    if (m.needs.length > 0) {
      const size = (k: string): number => (k.startsWith('#') ? PLACE : 0) + (hooks[k]?.length ?? 0);
      file([...m.needs].sort((a, b) => size(a) - size(b))[0]!, id);
    } else {
      // without needs compromise still requires one want (minWant >= 1) to file it at all
      if (!(m.minWant >= 1)) throw new Error('internal: compromise pattern index not as expected');
      for (const w of m.wants) file(w, id);
    }
  });
  p = {
    patterns,
    order: places.map((list) => Int32Array.from(list)),
    keys,
    anchors,
    seen: new Int32Array(patterns.length),
    generation: 0,
  };
  PREPARED.set(hooks, p);
  return p;
}

function hasAll(cache: Set<string>, items: readonly string[]): boolean {
  for (let i = 0; i < items.length; i++) if (!cache.has(items[i]!)) return false;
  return true;
}

function hasAny(cache: Set<string>, items: readonly string[]): boolean {
  for (let i = 0; i < items.length; i++) if (cache.has(items[i]!)) return true;
  return false;
}

function countIn(cache: Set<string>, items: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < items.length; i++) if (cache.has(items[i]!)) n++;
  return n;
}

/** The patterns a sentence can match: compromise's getHooks + trim-down + always + tooSmall. */
function candidatesFor(cache: Set<string>, termCount: number, net: Net, p: Prepared): SweepMatch[] {
  const stamp = ++p.generation;
  const found: number[] = [];
  for (const item of cache) {
    const list = p.anchors.get(item);
    if (list === undefined) continue;
    for (let j = 0; j < list.length; j++) {
      const id = list[j]!;
      if (p.seen[id] === stamp) continue;
      p.seen[id] = stamp;
      const m = p.patterns[id]!;
      if (termCount < m.minWords || !hasAll(cache, m.needs)) continue;
      if (m.ifNo !== undefined && hasAny(cache, m.ifNo)) continue;
      if (m.wants.length > 0 && countIn(cache, m.wants) < m.minWant) continue;
      // its place in compromise's order: its first key the sentence has
      const order = p.order[id]!;
      for (let k = 0; k < order.length; k++) {
        if (cache.has(p.keys[Math.floor(order[k]! / PLACE)]!)) {
          found.push(order[k]! * PLACE + id);
          break;
        }
      }
    }
  }
  found.sort((a, b) => a - b);
  const out: SweepMatch[] = found.map((x) => p.patterns[x % PLACE]!);
  for (const m of net.always) if (termCount >= m.minWords) out.push(m);
  return out;
}

export function fastSweep(
  document: Term[][],
  net: Net,
  methods: SweepMethods,
  opts: { matchOne?: boolean } = {},
): unknown[] {
  const docCache = methods.one.cacheDoc(document);
  const prepared = prepare(net.hooks);
  const results: unknown[] = [];
  for (let n = 0; n < document.length; n++) {
    for (const m of candidatesFor(docCache[n]!, document[n]!.length, net, prepared)) {
      const res = methods.one.match([document[n]!], m);
      if (res.ptrs.length === 0) continue;
      for (const ptr of res.ptrs) {
        ptr[0] = n;
        const todo: Record<string, unknown> = Object.assign({}, m, { pointer: ptr });
        if (m.unTag !== undefined) todo.unTag = m.unTag;
        results.push(todo);
      }
      if (opts.matchOne === true) return [results[0]];
    }
  }
  return results;
}

/** The compromise plugin that installs it. */
export const fastSweepPlugin = { methods: { one: { bulkMatch: fastSweep } } };
