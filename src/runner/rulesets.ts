// Builds (and caches) the rule set for each distinct configuration of a run.
import type { ResolvedConfig } from '../config/types.js';
import { compileRuleSet, type RuleSet } from '../engine/ruleset.js';
import { RuleLoadError, loadLexicon, loadPackDir } from '../rules/loader.js';
import type { RuleSource } from '../rules/definition.js';
import { expandPackDirs } from '../rules/packs.js';

export class RuleSetCache {
  private readonly cache = new Map<string, Promise<RuleSet>>();

  /** `extraDirs`: --rules folders, added after the config's own. */
  constructor(private readonly extraDirs: string[] = []) {}

  get(config: ResolvedConfig): Promise<RuleSet> {
    const dirs = [...new Set([...config.ruleDirs, ...this.extraDirs])];
    const key = JSON.stringify([dirs, config.rules]);
    let p = this.cache.get(key);
    if (!p) {
      p = buildRuleSet(dirs, config.rules);
      this.cache.set(key, p);
    }
    return p;
  }
}

export async function loadRuleSources(dirs: string[]): Promise<RuleSource[]> {
  // Packs first pull in the packs their pack.yaml `extends` (strict -> recommended).
  const results = await Promise.allSettled((await expandPackDirs(dirs)).map((d) => loadPackDir(d)));
  const problems = results.flatMap((r) => (r.status === 'rejected' && r.reason instanceof RuleLoadError ? r.reason.problems : []));
  if (problems.length) throw new RuleLoadError(problems);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return results.flatMap((r) => (r.status === 'fulfilled' ? r.value.rules : []));
}

async function buildRuleSet(dirs: string[], severities: ResolvedConfig['rules']): Promise<RuleSet> {
  const [sources, lexicon] = await Promise.all([loadRuleSources(dirs), loadLexicon()]);
  return compileRuleSet(sources, lexicon, severities);
}
