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
 * The index, prepared once per net: its keys in compromise's order (Object.keys) with each key's
 * position, each key's patterns, and for each pattern a number standing for its `match` text
 * (compromise keeps the first of several patterns with the same text).
 */
interface Prepared {
  position: Map<string, number>;
  lists: SweepMatch[][];
  textIds: Int32Array[];
  /** Per text id, the last sentence that saw it (a generation stamp instead of a Set per call). */
  seen: Int32Array;
  generation: number;
}
const PREPARED = new WeakMap<Net['hooks'], Prepared>();

function prepare(hooks: Net['hooks']): Prepared {
  let p = PREPARED.get(hooks);
  if (!p) {
    const keys = Object.keys(hooks);
    const ids = new Map<string, number>();
    const idOf = (text: string): number => ids.get(text) ?? (ids.set(text, ids.size), ids.size - 1);
    const lists = keys.map((k) => hooks[k]!);
    const textIds = lists.map((list) => Int32Array.from(list, (m) => idOf(m.match)));
    p = {
      position: new Map(keys.map((k, i) => [k, i])),
      lists,
      textIds,
      seen: new Int32Array(ids.size),
      generation: 0,
    };
    PREPARED.set(hooks, p);
  }
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
  const present: number[] = [];
  for (const item of cache) {
    const at = p.position.get(item);
    if (at !== undefined) present.push(at);
  }
  present.sort((a, b) => a - b);
  const stamp = ++p.generation;
  const out: SweepMatch[] = [];
  for (const i of present) {
    const list = p.lists[i]!;
    const ids = p.textIds[i]!;
    for (let j = 0; j < list.length; j++) {
      const id = ids[j]!;
      if (p.seen[id] === stamp) continue;
      p.seen[id] = stamp;
      const m = list[j]!;
      if (termCount < m.minWords || !hasAll(cache, m.needs)) continue;
      if (m.ifNo !== undefined && hasAny(cache, m.ifNo)) continue;
      if (m.wants.length > 0 && countIn(cache, m.wants) < m.minWant) continue;
      out.push(m);
    }
  }
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
