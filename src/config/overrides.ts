// `overrides:` blocks: settings for the files that match globs relative to the config's folder.
//
//   overrides:
//     - files: ["templates/legal/**"]
//       excludedFiles: ["templates/legal/drafts/**"]
//       extends: strict
//       rules: { pricing-lock: error }
//       facts: { uptime: "99.9%" }
//
// Globs use .gitignore syntax, as `ignore:` does: a pattern without a slash ("*.md", "drafts")
// matches at any depth; one with a slash ("templates/legal/**") is relative to the config folder.
// Matching blocks apply in order, later ones winning: `extends` adds rule packs, `rules` sets
// severities, `facts` merges into the facts.
import { relative } from 'node:path';
import { ConfigError } from '../shared/errors.js';
import { resolvePack } from '../rules/pack-paths.js';
import type { ConfigOverride, ResolvedConfig } from './types.js';

type Matcher = (rel: string) => boolean;

interface CompiledOverride {
  index: number;
  override: ConfigOverride;
  matches: Matcher;
  ruleDirs: string[];
}

const compiled = new WeakMap<ResolvedConfig, Promise<CompiledOverride[]>>();
const effective = new WeakMap<ResolvedConfig, Map<string, ResolvedConfig>>();

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The posix path of `file` relative to the config folder, or undefined when outside it. */
export function configRelative(config: ResolvedConfig, file: string): string | undefined {
  const rel = relative(config.dir, file).replace(/\\/g, '/');
  return rel === '' || rel.startsWith('../') || rel === '..' || /^[a-zA-Z]:/.test(rel) || rel.startsWith('/')
    ? undefined
    : rel;
}

async function compile(config: ResolvedConfig): Promise<CompiledOverride[]> {
  const list = config.raw.overrides ?? [];
  if (list.length === 0) return [];
  const { default: ignore } = await import('ignore');
  const where = (i: number, key: string): string => `${config.file ?? '<default>'}: overrides[${i}].${key}`;
  return list.map((override, index) => {
    const files = asList(override.files);
    if (files.length === 0) throw new ConfigError('an override needs at least one "files" glob', where(index, 'files'));
    const inc = ignore().add(files);
    const exc = ignore().add(asList(override.excludedFiles));
    const hasExc = asList(override.excludedFiles).length > 0;
    return {
      index,
      override,
      matches: (rel) => inc.ignores(rel) && !(hasExc && exc.ignores(rel)),
      ruleDirs: asList(override.extends).map((e) =>
        resolvePack(e, config.dir, where(index, 'extends'), config.projectRoot),
      ),
    };
  });
}

/** The configuration for one file: the base config with its matching overrides applied. */
export async function applyOverrides(config: ResolvedConfig, file: string): Promise<ResolvedConfig> {
  if (!config.raw.overrides?.length) return config;
  let p = compiled.get(config);
  if (!p) compiled.set(config, (p = compile(config)));
  const overrides = await p;
  const rel = configRelative(config, file);
  const matched = rel === undefined ? [] : overrides.filter((o) => o.matches(rel));
  if (matched.length === 0) return config;

  // One resolved object per distinct set of matching overrides, so rule sets are shared.
  let byKey = effective.get(config);
  if (!byKey) effective.set(config, (byKey = new Map()));
  const key = matched.map((o) => o.index).join(',');
  let out = byKey.get(key);
  if (!out) {
    out = {
      ...config,
      ruleDirs: [...config.ruleDirs],
      rules: Object.assign(Object.create(null) as ResolvedConfig['rules'], config.rules),
      ruleWhere: { ...config.ruleWhere },
      facts: structuredClone(config.facts),
      overridesApplied: [],
    };
    for (const o of matched) {
      for (const d of o.ruleDirs) if (!out.ruleDirs.includes(d)) out.ruleDirs.push(d);
      Object.assign(out.rules, o.override.rules ?? {});
      Object.assign(out.ruleWhere!, config.overrideRuleWhere?.[o.index] ?? {});
      if (o.override.facts) out.facts = mergeFacts(out.facts, o.override.facts);
      out.overridesApplied!.push(o.index);
    }
    byKey.set(key, out);
  }
  return out;
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep merge of facts: nested mappings merge, anything else (lists included) is replaced. */
export function mergeFacts(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  // Null prototype: a fact key "__proto__" or "constructor" is a key like any other.
  const out = Object.assign(Object.create(null) as Record<string, unknown>, base);
  for (const [k, v] of Object.entries(over)) {
    const old = Object.hasOwn(out, k) ? out[k] : undefined;
    out[k] = isPlain(v) && isPlain(old) ? mergeFacts(old, v) : structuredClone(v);
  }
  return out;
}
