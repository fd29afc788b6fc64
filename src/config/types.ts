// The configuration file's shape (schema/config.schema.json) and its resolved form.
import type { AdapterOptions, SeveritySetting } from '../shared/types.js';

export interface ConfigOverride {
  files: string | string[];
  excludedFiles?: string | string[];
  extends?: string | string[];
  rules?: Record<string, SeveritySetting>;
  facts?: Record<string, unknown>;
}

export interface ConfigFile {
  root?: boolean;
  extends?: string | string[];
  rules?: Record<string, SeveritySetting>;
  rulesDirs?: string[];
  ignore?: string[];
  facts?: Record<string, unknown>;
  factsFile?: string;
  templates?: string[];
  csvColumns?: string[];
  includeQuoted?: boolean;
  emailDetection?: boolean;
  overrides?: ConfigOverride[];
}

/** A configuration ready to lint with: packs and rule folders as absolute paths. */
export interface ResolvedConfig {
  /** The config file, or undefined for the built-in default. */
  file?: string;
  /** Folder that relative paths in the config are resolved from. */
  dir: string;
  /** Rule folders to load, in order (packs first, then rulesDirs and --rules). */
  ruleDirs: string[];
  rules: Record<string, SeveritySetting>;
  /** Ignore globs, relative to `dir`. */
  ignore: string[];
  facts: Record<string, unknown>;
  adapter: AdapterOptions;
  /** The raw file, for --print-config and overrides. */
  raw: ConfigFile;
  /** The project root the file's paths must stay inside (see shared/boundary.ts); unset for the built-in default. */
  projectRoot?: string;
  /** Indexes of the `overrides:` blocks applied to get this configuration (see applyOverrides). */
  overridesApplied?: number[];
  /**
   * Where each rule id of `rules` was set ("file:line:col" of its key, in the config's `rules:` or
   * the override that set it last), so an unknown id is reported at its line.
   */
  ruleWhere?: Record<string, string>;
  /** Where the rule ids of each `overrides:` block are set, by block index. */
  overrideRuleWhere?: Record<number, Record<string, string>>;
}
