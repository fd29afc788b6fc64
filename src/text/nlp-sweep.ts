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

/** The index's keys in compromise's order (Object.keys), and each key's position; once per net. */
interface KeyOrder {
  keys: string[];
  position: Map<string, number>;
}
const KEY_ORDER = new WeakMap<Net['hooks'], KeyOrder>();

function keyOrder(hooks: Net['hooks']): KeyOrder {
  let order = KEY_ORDER.get(hooks);
  if (!order) {
    const keys = Object.keys(hooks);
    order = { keys, position: new Map(keys.map((k, i) => [k, i])) };
    KEY_ORDER.set(hooks, order);
  }
  return order;
}

/** The patterns a sentence can match: compromise's getHooks + trim-down + always + tooSmall. */
function candidatesFor(cache: Set<string>, termCount: number, net: Net, order: KeyOrder): SweepMatch[] {
  const present: number[] = [];
  for (const item of cache) {
    const at = order.position.get(item);
    if (at !== undefined) present.push(at);
  }
  present.sort((a, b) => a - b);
  const seen = new Set<string>();
  const out: SweepMatch[] = [];
  for (const i of present) {
    for (const m of net.hooks[order.keys[i]!]!) {
      if (seen.has(m.match)) continue;
      seen.add(m.match);
      if (!m.needs.every((need) => cache.has(need))) continue;
      if (m.ifNo !== undefined && m.ifNo.some((no) => cache.has(no))) continue;
      if (m.wants.length > 0 && m.wants.filter((w) => cache.has(w)).length < m.minWant) continue;
      out.push(m);
    }
  }
  for (const m of net.always) out.push(m);
  return out.filter((m) => termCount >= m.minWords);
}

export function fastSweep(document: Term[][], net: Net, methods: SweepMethods, opts: { matchOne?: boolean } = {}): unknown[] {
  const docCache = methods.one.cacheDoc(document);
  const order = keyOrder(net.hooks);
  const results: unknown[] = [];
  for (let n = 0; n < document.length; n++) {
    for (const m of candidatesFor(docCache[n]!, document[n]!.length, net, order)) {
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
