import { it } from 'vitest';
import { allRuleSources, lintText, ruleSetOf } from './helpers.js';
it('one', async () => {
  const sources = await allRuleSources();
  for (const id of ['commitment-promised-relief', 'pressure-everyone-else']) {
    const rule = sources.find((s) => s.definition.id === id)!;
    const rs = await ruleSetOf([rule]);
    for (const ex of rule.definition.examples!.flag) {
      const text = typeof ex === 'string' ? ex : ex.text;
      const r = await lintText(text, rs);
      console.log(id, '|', text, '=>', r.findings[0]?.rewrite);
    }
  }
}, 60000);
