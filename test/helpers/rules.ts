// Small user rules the write-back tests share: one whose rewrite is a safe word swap, and one
// whose rewrite adds a placeholder (so it is never applied by --fix).

/** "always" -> "typically": a safe fix. */
export const ALWAYS_RULE = `id: t-always
kind: phrase
severity: warning
category: absolute
message: '"{match}" is absolute.'
description: d
rationale: r
phrases: [always]
inflect: false
unless: [hedged, negated]
rewrite:
  replace: { always: typically }
`;

/** "the best": attributed, so its rewrite carries a "[cite a source]" placeholder. */
export const BEST_RULE = `id: t-best
kind: phrase
severity: warning
category: superlative
message: '"{match}" is unbacked.'
description: d
rationale: r
phrases: [the best]
inflect: false
rewrite:
  attribute: true
`;
