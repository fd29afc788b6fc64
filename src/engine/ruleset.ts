// A rule set: the compiled rules of a run, their trigger index and the lexicon they share.
import { ConfigError } from '../shared/errors.js';
import type { RuleSource } from '../rules/definition.js';
import { didYouMean } from '../shared/did-you-mean.js';
import type { Lexicon } from '../rules/lexicon.js';
import { rewriteDefaults, type RewriteDefaults } from '../rules/rewrite-defaults.js';
import type { RuleMeta, SeveritySetting } from '../shared/types.js';
import { compileGuard, GUARD_NAMES } from './guards/index.js';
import { loadKind } from './kinds/index.js';
import { TriggerIndex } from './prefilter.js';
import type { CompiledRule } from './rule.js';

export interface RuleSet {
  rules: CompiledRule[];
  index: TriggerIndex;
  lexicon: Lexicon;
  /** Default rewrites by category (rules/lexicon/rewrites.yaml), loaded with the rule set. */
  rewriteDefaults: RewriteDefaults;
  meta: Map<string, RuleMeta>;
  /** Every loaded rule id, those turned off included (a directive may name them). */
  knownIds: ReadonlySet<string>;
  /** Whether any rule or guard reads tags (if none does, the tagger is never loaded). */
  needsTags: boolean;
}

/** A severity setting for a rule id no loaded rule has; the runner adds the config line. */
export class UnknownRuleSettingError extends ConfigError {
  constructor(
    readonly ruleId: string,
    readonly hint: string,
    where?: string,
  ) {
    super(`unknown rule "${ruleId}" in rules settings${hint}`, where);
  }
}

/**
 * Compile rule sources. `severities` overrides per rule id (`off` removes the rule); an override
 * for an id that no loaded rule has is a configuration error.
 */
export async function compileRuleSet(
  sources: RuleSource[],
  lexicon: Lexicon,
  severities: Record<string, SeveritySetting> = {},
  defaults: RewriteDefaults = rewriteDefaults(),
): Promise<RuleSet> {
  const ids = new Map<string, RuleSource>();
  for (const s of sources) {
    const prev = ids.get(s.definition.id);
    if (prev)
      throw new ConfigError(
        `duplicate rule id "${s.definition.id}" (also in ${prev.file})`,
        `${s.file}:${s.keyLines.id ?? 1}:1`,
      );
    ids.set(s.definition.id, s);
  }
  for (const id of Object.keys(severities)) {
    if (!ids.has(id)) throw new UnknownRuleSettingError(id, didYouMean(id, [...ids.keys()]));
  }
  const rules: CompiledRule[] = [];
  for (const source of sources) {
    const def = source.definition;
    const severity = (Object.hasOwn(severities, def.id) ? severities[def.id] : undefined) ?? def.severity;
    if (severity === 'off') continue;
    const kind = await loadKind(def.kind);
    const matcher = kind.compile(def, { lexicon, source });
    const guards = (def.unless ?? []).map(compileGuard);
    const meta: RuleMeta = {
      id: def.id,
      kind: def.kind,
      severity,
      category: def.category,
      pack: source.pack,
      file: source.file,
      message: def.message,
      // Optional in a rule file; reporters and servers show empty text for a quick rule.
      description: def.description ?? '',
      rationale: def.rationale ?? '',
      suggestion: def.suggestion,
    };
    rules.push({ meta, source, matcher, guards, needsTags: matcher.needsTags || guards.some((g) => g.needsTags) });
  }
  return {
    rules,
    index: new TriggerIndex(rules),
    lexicon,
    rewriteDefaults: defaults,
    meta: new Map(rules.map((r) => [r.meta.id, r.meta])),
    knownIds: new Set(ids.keys()),
    needsTags: rules.some((r) => r.needsTags),
  };
}

export { GUARD_NAMES };
