import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { allRuleSources, lintText, ruleSetOf, flaggedBy } from './helpers.js';
it('dump', async () => {
  const sources = await allRuleSources();
  const all = await ruleSetOf(sources.filter((s) => s.pack === 'recommended'));
  const lines: string[] = [];
  for (const rule of sources) {
    const alone = await ruleSetOf([rule]);
    for (const ex of rule.definition.examples?.flag ?? []) {
      const text = typeof ex === 'string' ? ex : ex.text;
      const r = await lintText(text, alone);
      const f = r.findings.find((x) => x.ruleId === rule.definition.id);
      const again = f?.rewrite !== undefined ? await flaggedBy(f.rewrite, alone) : [];
      const r2 = await lintText(text, all);
      const f2 = r2.findings[0];
      lines.push(`${rule.definition.id} | ${text}\n   alone: ${f ? JSON.stringify(f.rewrite) : '(not flagged)'}${f?.fix ? ' FIX' : ''}${again.length ? ' AGAIN' : ''}\n   pack : ${f2 ? JSON.stringify(f2.rewrite) + ' [' + r2.findings.map((x) => x.ruleId).join(',') + ']' : '-'}`);
    }
  }
  writeFileSync('/tmp/dump.txt', lines.join('\n'));
}, 120000);
