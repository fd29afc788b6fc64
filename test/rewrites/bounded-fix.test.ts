// The rewrite stage bounds every fix it builds (bound.ts): the fix a finding carries (JSON,
// SARIF, the editor) is exactly the edit --fix makes, cut to the changed words; an edit the bound
// refuses leaves no fix, only the rewrite as a suggestion.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../../src/engine/ruleset.js';
import type { Finding } from '../../src/shared/types.js';
import { boundFix } from '../../src/rewrites/bound.js';
import { allRuleSources, factsOf, lintText, phraseRule as rule, ruleSetOf } from './helpers.js';

const always = rule({ id: 'always', phrases: ['always'], rewrite: { replace: { always: 'typically' } } });
const assured = rule({
  id: 'assured',
  category: 'guarantee',
  phrases: ['rest assured'],
  rewrite: { replace: { 'rest assured': '' } },
});
const act = rule({ id: 'act', category: 'pressure', phrases: ['act now'], rewrite: { replace: { 'act now': '' } } });

const applyFix = (text: string, f: Finding): string =>
  text.slice(0, f.fix!.range[0]) + f.fix!.text + text.slice(f.fix!.range[1]);

describe('fixes bounded where they are built', () => {
  let small: RuleSet;
  beforeAll(async () => {
    small = await ruleSetOf([always, assured, act]);
  });

  it('carries only the words that change, in every format that can be written back', async () => {
    const cases: Array<[string, string]> = [
      ['Hi Dana. Our crews always finish on time. Thanks, Sam.\n', 'note.txt'],
      ['# Plan\n\nHi {{first_name}}, our crews **always** finish on time.\n', 'plan.md'],
      ['> Our crews always\n> finish on time.\n', 'quote.md'],
    ];
    for (const [text, file] of cases) {
      const [f] = (await lintText(text, small, undefined, file)).findings;
      expect(f!.fix, file).toEqual({
        range: [text.indexOf('always'), text.indexOf('always') + 6],
        text: 'typically',
        kind: 'safe',
      });
      expect(applyFix(text, f!)).toBe(text.replace('always', 'typically'));
    }
  });

  it('gives no fix, only the rewrite, when the edit would join a hard-wrapped sentence', async () => {
    for (const eol of ['\n', '\r\n']) {
      const txt = `Hi Dana,${eol}${eol}Rest${eol}assured, the layout doubles your pick rate.${eol}`;
      const [f] = (await lintText(txt, small, undefined, 'e.txt')).findings;
      expect(f!.rewrite).toBe('The layout doubles your pick rate.');
      expect(f!.fix).toBeUndefined();
    }
  });

  it('removes a sentence in a line of its own paragraph only when the line keeps words', async () => {
    const kept = 'Act now! The price is fixed until June.\nThanks for your time.\n';
    const [k] = (await lintText(kept, small, undefined, 'e.txt')).findings;
    expect(applyFix(kept, k!)).toBe('The price is fixed until June.\nThanks for your time.\n');
    const alone = '- Act now!\n- The price is fixed until June.\n';
    const [a] = (await lintText(alone, small, undefined, 'list.md')).findings;
    expect(a!.fix).toBeUndefined();
  });

  it('every fix the shipped rules carry is already bounded: bounding it again changes nothing', async () => {
    const ruleset = await ruleSetOf(await allRuleSources());
    const facts = factsOf({ delivery: { typical: '2 business days' } });
    const drafts: Array<[string, string]> = [
      [
        '## 3. Always on schedule {#always}\n\nHi {{first_name}},\n\n- Our crews always finish on time.\n- We guarantee the best price in %CITY%.\n  We deliver overnight,\n  every time.\n\nRest assured, your racks will be installed by Friday. See [our record](https://example.com/always).\n',
        'plan.md',
      ],
      [
        'Hi Dana,\r\n\r\nWe always ship the same day, and our support is available 24/7.\r\nAct now: this price\r\nends Friday. We never miss a deadline.\r\n',
        'reply.txt',
      ],
    ];
    let seen = 0;
    for (const [text, file] of drafts) {
      const r = await lintText(text, ruleset, facts, file);
      for (const f of r.findings) {
        if (!f.fix) continue;
        seen++;
        const again = boundFix(text, f.fix);
        expect(again, `${file}: ${f.ruleId}`).toEqual({ ok: true, fix: f.fix });
      }
    }
    expect(seen).toBeGreaterThan(2);
  });
});
