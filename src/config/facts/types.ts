// The facts sheet: measured truths that rewrites may quote ("2 business days", "1%"). Sales ops
// record them in `.pitchlintrc.yaml` (`facts:`) or in a facts file the config points to
// (`factsFile:`). Nothing else in pitchlint ever puts a number, a date or a name into a rewrite.

export interface Fact {
  /** Dotted key, e.g. "delivery.typical". */
  key: string;
  /** The value as written (numbers and booleans turned into text). */
  value: string;
  /** Where the figure comes from ("Q3 ops report"). */
  source?: string;
  /** Last day the figure is valid, YYYY-MM-DD. */
  expires?: string;
  /** The file the fact was read from. */
  origin?: string;
}

export interface FactsSheet {
  /** Usable facts: defined, non-empty and not expired. */
  readonly facts: ReadonlyMap<string, Fact>;
  /** Facts whose `expires` date has passed. Rewrites treat them as missing. */
  readonly expired: readonly Fact[];
}

export const EMPTY_FACTS: FactsSheet = { facts: new Map(), expired: [] };
