// Size limits on what pitchlint reads, in one place (docs/configuration.md#limits lists them).
// A hostile or accidental input (stdin from /dev/zero, a multi-megabyte rule file, a YAML alias
// bomb) stops with one line naming it instead of exhausting memory.

/** Standard input, FIFOs and devices: read up to this many bytes, like a file. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
/** One configuration file (.pitchlintrc.yaml) or facts file. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** One rule file, pack.yaml or lexicon file. */
export const MAX_RULE_FILE_BYTES = 8 * 1024 * 1024;
/** A baseline file (read with --baseline). */
export const MAX_BASELINE_BYTES = 256 * 1024 * 1024;
/** A cache file (--cache); a larger one is discarded and rebuilt. */
export const MAX_CACHE_BYTES = 512 * 1024 * 1024;
/** YAML aliases resolved per file (yaml's maxAliasCount): an alias bomb is an error. */
export const MAX_YAML_ALIASES = 100;

/** "64 MiB", "1 MiB", "512 KiB". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / 1024 / 1024} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}
