// The starter configuration `pitchlint init` writes: the recommended pack, how to tune rules, and
// a facts template built from the fact catalog (rules/lexicon/facts.yaml) with every entry
// commented out, so no example figure is ever mistaken for a measured one.
import { factCatalog } from '../../rules/fact-catalog.js';

export function starterConfig(): string {
  const groups = new Map<string, Array<{ name: string; label: string; example?: string; describe?: string }>>();
  for (const e of factCatalog().values()) {
    const [group, ...rest] = e.key.split('.');
    if (!group || rest.length === 0) continue;
    const list = groups.get(group) ?? [];
    list.push({ name: rest.join('.'), label: e.label, example: e.example, describe: e.describe });
    groups.set(group, list);
  }
  const quote = (v: string): string => JSON.stringify(v);
  const lines: string[] = [
    '# pitchlint configuration: see docs/configuration.md, "Configuration", and for the facts below',
    '# docs/rewrites.md, "The facts sheet" (in node_modules/pitchlint/ or the repository).',
    '# yaml-language-server: $schema=node_modules/pitchlint/schema/config.schema.json',
    '',
    '# Rule packs: recommended (the default), strict, finance, a folder, or an npm package.',
    'extends: recommended',
    '',
    '# Tune single rules: off, suggestion, warning or error.',
    '# rules:',
    '#   superlative-unbeatable: suggestion',
    '',
    '# Files not to lint, relative to this file.',
    '# ignore:',
    '#   - "archive/**"',
    '',
    '# The facts sheet: what the business really delivers, measured. Rewrites quote these figures',
    '# instead of the overpromise ("We always deliver overnight" -> "We typically deliver within',
    '# 2 business days"). A missing fact leaves a visible placeholder such as [typical delivery',
    '# time], and the finding names the fact to add; pitchlint never invents a figure.',
    '#',
    '# Uncomment a line and put in the real value. A plain value is enough ("2 business days"); the',
    '# long form records where the figure comes from and when it must be checked again:',
    '#   typical: { value: "2 business days", source: "Q3 ops report", expires: 2027-03-31 }',
    '# An expired fact is reported as a warning and treated as missing until it is updated.',
    '# Dotted keys ("delivery.typical: ...") and nested maps are the same thing. The facts can also',
    '# live in their own file: factsFile: facts.yaml',
    'facts:',
  ];
  for (const [group, entries] of groups) {
    lines.push(`  ${group}:`);
    for (const e of entries) {
      lines.push(`    # ${e.label}${e.describe ? `: ${e.describe}` : ''}`);
      lines.push(`    # ${e.name}: ${e.example ? quote(e.example) : '""'}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
