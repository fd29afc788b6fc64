// The catalog of facts the built-in rewrites know (rules/lexicon/facts.yaml, then the standard
// keys of rules/facts.ts): the placeholder label shown while a fact is missing, and the example
// `pitchlint init` writes as a comment.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { STANDARD_FACTS } from '../../rules/facts.js';
import { lexiconDir } from '../../shared/paths.js';
import { parseYaml } from '../../shared/yaml-source.js';

export interface CatalogEntry {
  key: string;
  label: string;
  example?: string;
  describe?: string;
}

let catalog: Map<string, CatalogEntry> | undefined;
let catalogStamp: string | undefined;
/** The process that last compared the file's stamp (the catalog may come from the snapshot). */
let checkedBy: number | undefined;

export function factCatalog(): Map<string, CatalogEntry> {
  if (catalog && checkedBy === process.pid) return catalog;
  const file = join(lexiconDir(), 'facts.yaml');
  const st = statSync(file, { throwIfNoEntry: false });
  const stamp = st ? `${st.size}:${Math.floor(st.mtimeMs)}` : '';
  checkedBy = process.pid;
  if (catalog && catalogStamp === stamp) return catalog;
  catalogStamp = stamp;
  const raw = (parseYaml(readFileSync(file, 'utf8'), file).value ?? {}) as Record<string, Partial<CatalogEntry>>;
  catalog = new Map(
    Object.entries(raw).map(([key, v]) => [key, { key, label: v.label ?? humanize(key), example: v.example, describe: v.describe }]),
  );
  // The standard keys rule authors may use (rules/facts.ts) get a label from their description.
  for (const [key, text] of Object.entries(STANDARD_FACTS)) {
    if (catalog.has(key)) continue;
    const m = /^(?:[a-z]+: )?(.*?)(?:, e\.g\. "([^"]*)")?$/.exec(text);
    catalog.set(key, { key, label: m?.[1] || humanize(key), ...(m?.[2] ? { example: m[2] } : {}) });
  }
  return catalog;
}

/** "delivery.overnight_share" -> "delivery overnight share". */
export function humanize(key: string): string {
  return key.replace(/[._-]+/g, ' ').trim();
}

/** The placeholder text for a missing fact: an inline label wins, then the catalog's, then the key. */
export function placeholderFor(key: string, inlineLabel?: string): string {
  const label = inlineLabel?.trim() || factCatalog().get(key)?.label || humanize(key);
  return `[${label}]`;
}
