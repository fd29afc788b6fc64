// The part-of-speech tagger (compromise), loaded lazily and run one sentence at a time: only the
// sentences the lexical prefilter selects ever reach it, because tagging is by far the slowest
// step of a run (loading the tagger alone costs about half a second).
import { fastSweepPlugin } from './nlp-sweep.js';
import type { Token } from './tokens.js';

// compromise's own types are loose; we keep the surface we use narrow and typed here.
export interface NlpTerm {
  text: string;
  pre: string;
  post: string;
  normal: string;
  implicit?: string;
  tags: Set<string>;
}
export interface NlpView {
  docs: NlpTerm[][];
  match(pattern: string): NlpView;
  found: boolean;
}
export type Nlp = ((text: string) => NlpView) & { version?: string; plugin(plugin: object): unknown };

let nlpInstance: Nlp | undefined;
let loading: Promise<Nlp> | undefined;

/** Load the tagger (once). In the start-up snapshot it is preloaded with setPreloadedNlp. */
export function loadNlp(): Promise<Nlp> {
  if (nlpInstance) return Promise.resolve(nlpInstance);
  loading ??= import('compromise/two').then((m) => {
    nlpInstance = withFastSweep((m.default ?? m) as unknown as Nlp);
    return nlpInstance;
  });
  return loading;
}

export function setPreloadedNlp(nlp: Nlp): void {
  nlpInstance = withFastSweep(nlp);
}

const swept = new WeakSet<Nlp>();

/** compromise with our faster, equivalent post-tagger sweep installed (once). */
export function withFastSweep(nlp: Nlp): Nlp {
  if (!swept.has(nlp)) {
    nlp.plugin(fastSweepPlugin);
    swept.add(nlp);
  }
  return nlp;
}

export function nlpLoaded(): Nlp | undefined {
  return nlpInstance;
}

/** A tagged sentence: compromise's view plus tags aligned to our lexical tokens. */
export interface TaggedSentence {
  view: NlpView;
  /** Tags of each lexical token (same index as the token array). */
  tokenTags: ReadonlyArray<ReadonlySet<string>>;
  /** Offsets [start, end) within the sentence of each compromise term, by identity. */
  termSpan: Map<NlpTerm, [number, number]>;
}

const EMPTY: ReadonlySet<string> = new Set();

/** Tag one sentence and align compromise's terms with our tokens by character offsets. */
export function tagSentence(nlp: Nlp, sentence: string, tokens: readonly Token[]): TaggedSentence {
  const view = nlp(sentence);
  const termSpan = new Map<NlpTerm, [number, number]>();
  const spans: Array<{ term: NlpTerm; start: number; end: number }> = [];
  let pos = 0;
  for (const doc of view.docs) {
    for (const term of doc) {
      // compromise keeps the original whitespace in pre/post, so offsets can be recovered.
      const at = sentence.indexOf(term.pre + term.text, pos);
      const start = (at >= 0 ? at : pos) + term.pre.length;
      const end = start + term.text.length;
      termSpan.set(term, [start, end]);
      spans.push({ term, start, end });
      pos = end;
    }
  }
  const tokenTags: Array<ReadonlySet<string>> = tokens.map(() => EMPTY);
  let ti = 0;
  for (let si = 0; si < spans.length; si++) {
    const s = spans[si]!;
    if (s.start === s.end) continue; // an implicit term: handled with the term before it
    // The implicit terms that follow a contraction ("we'll" -> we + will) take the next tokens.
    const group = [s.term];
    for (let k = si + 1; k < spans.length && spans[k]!.start === spans[k]!.end; k++) group.push(spans[k]!.term);
    while (ti < tokens.length && tokens[ti]!.end <= s.start) ti++;
    let g = 0;
    while (ti < tokens.length && tokens[ti]!.start < s.end) {
      const term = group[Math.min(g, group.length - 1)]!;
      tokenTags[ti] = term.tags;
      if (tokens[ti]!.type === 'word') g++;
      ti++;
    }
  }
  return { view, tokenTags, termSpan };
}
