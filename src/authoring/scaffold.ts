// `pitchlint rules new ID --kind KIND`: a commented rule file to fill in. Its first line points
// editors (VS Code's YAML extension, any yaml-language-server client) at schema/rule.schema.json
// so keys, kinds and guards autocomplete and validate as the author types.
import { dirname, relative, sep } from 'node:path';
import { GUARD_NAMES } from '../engine/guards/index.js';
import { KIND_NAMES } from '../engine/kinds/index.js';
import type { RuleKind } from '../engine/rule.js';

/** The kinds `rules new` can scaffold: every kind of the registry. */
export const RULE_KINDS: readonly string[] = KIND_NAMES;

const orList = (names: readonly string[]): string => `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;

/** The `$schema` path of a new rule file: relative to the file, with forward slashes. */
export function schemaRef(file: string, schemaFile: string): string {
  const rel = relative(dirname(file), schemaFile).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** A new rule file of this kind (its scaffold block and starting guards come from the kind's module). */
export function ruleTemplate(id: string, kind: RuleKind, schema: string): string {
  const captures = kind.captures.map((c) => `{${c}}`).join(', ');
  return `# yaml-language-server: $schema=${schema}
# A pitchlint rule: one claim to flag, why, and what to write instead. Fill in every TODO, then
#   pitchlint rules validate <this file>    (the file is well-formed)
#   pitchlint rules test <this file>        (the examples below are flagged / not flagged)
# The format is described in docs/writing-rules.md, "The rule format, a full example".

# Unique across all packs, kebab-case.
id: ${id}
# How the rule matches: ${orList(KIND_NAMES)}.
kind: ${kind.name}
# error, warning or suggestion.
severity: warning
# absolute, guarantee, commitment, speed, superlative, roadmap, pricing or pressure.
category: guarantee
# Shown for each finding. {match} is the flagged words${captures ? `; also ${captures}` : ''}.
message: '"{match}" TODO: what is wrong with it, in a few words.'
description: TODO one sentence on what this rule flags.
rationale: TODO why the claim hurts the customer relationship when it cannot be kept.
suggestion: TODO what to write instead, with an example.

${kind.scaffold}
# Guards: when one applies, the match is not reported (${GUARD_NAMES.join(', ')}).
unless: ${kind.guards}

# The rule's tests. Every flag sentence must be flagged, every pass sentence must not be.
# A flag example can name the words it must flag (match) and the expected rewrite.
examples:
  flag:
    - TODO a sentence this rule must flag.
    - text: TODO another sentence to flag.
      match: TODO the flagged words
    - TODO a third sentence to flag.
  pass:
    - TODO a similar sentence that must not be flagged (hedged, negated, reported...).
    - TODO another sentence that must not be flagged.
    - TODO a third sentence that must not be flagged.
`;
}
