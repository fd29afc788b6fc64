// `pitchlint rules new ID --kind KIND`: a commented rule file to fill in. Its first line points
// editors (VS Code's YAML extension, any yaml-language-server client) at schema/rule.schema.json
// so keys, kinds and guards autocomplete and validate as the author types.
import { dirname, relative, sep } from 'node:path';
import type { RuleDefinition } from '../rules/definition.js';

export const RULE_KINDS: Array<RuleDefinition['kind']> = ['phrase', 'substitute', 'pattern', 'commitment', 'regex'];

const KIND_BLOCKS: Record<RuleDefinition['kind'], string> = {
  phrase: `# phrase: words or phrases, matched on word boundaries in any case. '*' stands for any one
# word, '<number>' for a number. Inflections match too (guarantee, guarantees, guaranteed)
# unless you set inflect: false.
phrases:
  - TODO first phrase
  - TODO second phrase
`,
  substitute: `# substitute: phrase -> what to write instead. The replacement becomes the suggestion.
replacements:
  TODO phrase to flag: TODO what to write instead
`,
  pattern: `# pattern: a compromise match pattern over part-of-speech tags (#Verb, #Adverb, #Value, ...),
# with (a|b) alternatives and ? for optional words. Replace this example.
pattern: '(always|never) #Adverb? #Verb'
# The prefilter only tries the pattern on sentences with one of these words.
triggers: [always, never]
`,
  commitment: `# commitment: who (subjects) + will / going to / guaranteed to + a verb of these classes.
# Verb classes: delivery, outcome, roadmap (rules/lexicon/verbs.yaml), or plain verbs.
verbs: [delivery]
# Subject classes: we, product, customer, passive (rules/lexicon/subjects.yaml).
subjects: [we, product, passive]
# What the claim must also name to be flagged: none, deadline, quantity, deadline-or-quantity.
requires: deadline
`,
  regex: `# regex: a regular expression in RE2 syntax, run in linear time (no lookaround or
# backreferences). Prefer phrase or pattern rules: they are easier to read and faster.
regex: '\\b(TODO|placeholder)\\b'
# i: ignore case; s: . matches newlines.
flags: i
`,
};

const GUARDS_FOR: Record<RuleDefinition['kind'], string> = {
  phrase: '[negated, quoted, reported, proper-name, courtesy]',
  substitute: '[negated, quoted, reported]',
  pattern: '[hedged, negated, reported, past, quoted, question]',
  commitment: '[hedged, negated, reported, past, quoted, question, own-action, conditional]',
  regex: '[negated, quoted, reported]',
};

/** The `$schema` path of a new rule file: relative to the file, with forward slashes. */
export function schemaRef(file: string, schemaFile: string): string {
  const rel = relative(dirname(file), schemaFile).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

export function ruleTemplate(id: string, kind: RuleDefinition['kind'], schema: string): string {
  return `# yaml-language-server: $schema=${schema}
# A pitchlint rule: one claim to flag, why, and what to write instead. Fill in every TODO, then
#   pitchlint rules validate <this file>    (the file is well-formed)
#   pitchlint rules test <this file>        (the examples below are flagged / not flagged)
# The format is described in the README, "Writing rules".

# Unique across all packs, kebab-case.
id: ${id}
# How the rule matches: phrase, substitute, pattern, commitment or regex.
kind: ${kind}
# error, warning or suggestion.
severity: warning
# absolute, guarantee, commitment, speed, superlative, roadmap, pricing or pressure.
category: guarantee
# Shown for each finding. {match} is the flagged words${kind === 'commitment' ? '; also {subject}, {modal}, {verb}, {deadline}, {quantity}' : kind === 'substitute' ? '; also {replacement}' : ''}.
message: '"{match}" TODO: what is wrong with it, in a few words.'
description: TODO one sentence on what this rule flags.
rationale: TODO why the claim hurts the customer relationship when it cannot be kept.
suggestion: TODO what to write instead, with an example.

${KIND_BLOCKS[kind]}
# Guards: when one applies, the match is not reported (hedged, negated, reported, past, quoted,
# proper-name, question, conditional, own-action, contract-terms, courtesy).
unless: ${GUARDS_FOR[kind]}

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
