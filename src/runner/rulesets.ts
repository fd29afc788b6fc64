// Builds (and caches) the rule set for each distinct configuration of a run.
import type { ResolvedConfig } from '../config/types.js';
import { compileRuleSet, UnknownRuleSettingError, type RuleSet } from '../engine/ruleset.js';
import { RuleLoadError, loadLexicon, loadPackDir } from '../rules/loader.js';
import type { RuleSource } from '../rules/definition.js';
import type { Lexicon } from '../rules/lexicon.js';
import { expandPackDirs } from '../rules/packs.js';
import { join } from 'node:path';
import { fingerprint } from '../rules/builtin-cache.js';
import { builtinPacksDir, lexiconDir } from '../shared/paths.js';
import { builtinPackNames } from '../rules/pack-paths.js';
import { factCatalog } from '../rules/fact-catalog.js';
import { rewriteDefaults } from '../rules/rewrite-defaults.js';

/**
 * Compiled rule sets kept for the life of the process (and in the start-up snapshot), checked
 * against the rule folders' file stamps so an edited rule file is never served stale.
 */
const COMPILED = new Map<string, { stamp: string; ruleset: Promise<RuleSet> }>();

function stampOf(dirs: string[]): string {
  const all = [...dirs, lexiconDir(), ...builtinPackNames().map((n) => join(builtinPacksDir(), n))];
  return [...new Set(all)].map((d) => `${d}=${fingerprint(d)}`).join('\n');
}

/**
 * The rule set of these folders and severities, compiled once. The stamp covers the packs reached
 * through `extends` chains too, so a rule edited in a parent pack is never served stale.
 */
export async function compiledRuleSet(dirs: string[], severities: ResolvedConfig['rules'] = {}): Promise<RuleSet> {
  const key = JSON.stringify([dirs, severities]);
  const stamp = stampOf([...dirs, ...(await expandPackDirs(dirs, []))]);
  const known = COMPILED.get(key);
  if (known && known.stamp === stamp) return known.ruleset;
  const ruleset = buildRuleSet(dirs, severities);
  COMPILED.set(key, { stamp, ruleset });
  ruleset.catch(() => COMPILED.delete(key));
  return ruleset;
}

export class RuleSetCache {
  private readonly cache = new Map<string, Promise<RuleSet>>();

  /** `extraDirs`: --rules folders, added after the config's own. */
  constructor(private readonly extraDirs: string[] = []) {}

  get(config: ResolvedConfig): Promise<RuleSet> {
    const dirs = [...new Set([...config.ruleDirs, ...this.extraDirs])];
    const key = JSON.stringify([dirs, config.rules]);
    let p = this.cache.get(key);
    if (!p) {
      // The compiled set is shared by configs with the same settings: the line of an unknown
      // rule id is this config's.
      p = compiledRuleSet(dirs, config.rules).catch((e: unknown) => {
        const where = e instanceof UnknownRuleSettingError ? config.ruleWhere?.[e.ruleId] : undefined;
        throw where && e instanceof UnknownRuleSettingError ? new UnknownRuleSettingError(e.ruleId, e.hint, where) : e;
      });
      this.cache.set(key, p);
    }
    return p;
  }
}

export async function loadRuleSources(dirs: string[]): Promise<RuleSource[]> {
  // Packs first pull in the packs their pack.yaml `extends` (strict -> recommended).
  const results = await Promise.allSettled((await expandPackDirs(dirs)).map((d) => loadPackDir(d)));
  const problems = results.flatMap((r) =>
    r.status === 'rejected' && r.reason instanceof RuleLoadError ? r.reason.problems : [],
  );
  if (problems.length) throw new RuleLoadError(problems);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return results.flatMap((r) => (r.status === 'fulfilled' ? r.value.rules : []));
}

/**
 * The one function that assembles a rule set (lint runs, `rules test`, `explain`): the rules, with
 * the data they share loaded once alongside them (the lexicon, the default rewrites and the facts
 * catalogue), so neither matching nor rewriting ever reads a file.
 */
export async function assembleRuleSet(
  sources: RuleSource[],
  severities: ResolvedConfig['rules'] = {},
  lexicon?: Lexicon,
): Promise<RuleSet> {
  lexicon ??= await loadLexicon();
  factCatalog();
  return compileRuleSet(sources, lexicon, severities, rewriteDefaults());
}

/** The rule set of these rule folders (and the packs they extend). */
export async function ruleSetOfDirs(dirs: string[], severities: ResolvedConfig['rules'] = {}): Promise<RuleSet> {
  return assembleRuleSet(await loadRuleSources(dirs), severities);
}

function buildRuleSet(dirs: string[], severities: ResolvedConfig['rules']): Promise<RuleSet> {
  return ruleSetOfDirs(dirs, severities);
}
