// The strict check of rewrites (issue 12): a rewrite resolves every claim of its sentence by what
// it says, not by a hedge it slipped in next to the claim; nothing outside the claim's clause
// changes (markup, anchors, links and merge fields stay byte for byte); no figure is invented; one
// rewrite per sentence; where no good rewrite can be made, none is given. Fixes say whether they
// are safe (plain --fix) or suggested. Every sentence here was written for these tests.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../../src/engine/ruleset.js';
import { Sentence } from '../../src/engine/sentence.js';
import { loadNlp } from '../../src/text/nlp.js';
import { maskInsertedHedges, protectedTokens, verifyRewrite } from '../../src/rewrites/verify.js';
import type { Finding } from '../../src/shared/types.js';
import { allRuleSources, factsOf, lintText, ruleSetOf } from './helpers.js';

let rules: RuleSet;
beforeAll(async () => {
  rules = await ruleSetOf(await allRuleSources());
  await loadNlp();
});

const STRONG =
  /(?<![\p{L}\p{N}-])(?:always|never|guarantee[sd]?|every time|forever|100%|zero|best|#1|fastest|lowest|unbeatable|risk-free|overnight|same-day|same day|instant|flawless|perfect|lifetime)(?![\p{L}\p{N}-])/giu;
const HEDGE = /(?<![\p{L}])(?:typically|usually|generally|in most cases|tentatively)(?![\p{L}])/giu;

/** The findings of a one-sentence draft, and its one rewrite (undefined when withheld). */
async function rewriteOf(text: string, file = 'draft.txt', facts?: Record<string, unknown>) {
  const r = await lintText(text, rules, factsOf(facts), file);
  const rewrites = new Set(r.findings.map((f) => f.rewrite));
  return { findings: r.findings, rewrite: r.findings[0]?.rewrite, distinct: rewrites.size, source: r.source?.text };
}

/**
 * What the strict check asks of a rewrite, seen from outside: no strong word of the draft stays,
 * and once its inserted hedges are taken out again the rule set does not flag it (placeholders for
 * facts stand in as a neutral mark).
 */
async function strictProblems(draft: string, rewrite: string): Promise<string[]> {
  const out: string[] = [];
  const draftStrong = new Set((draft.match(STRONG) ?? []).map((w) => w.toLowerCase()));
  const masked = rewrite.replace(/\[[^\]]+\]/g, (p) => ' '.repeat(p.length));
  for (const w of masked.match(STRONG) ?? []) if (draftStrong.has(w.toLowerCase())) out.push(`strong word "${w}"`);
  let unhedged = rewrite;
  if (!HEDGE.test(draft)) unhedged = rewrite.replace(HEDGE, '').replace(/\s{2,}/g, ' ');
  // A placeholder stands for a measured fact: the conservative truth, not a claim to re-check.
  const again = await lintText(unhedged.replace(/\[[^\]]+\]/g, '…'), rules);
  for (const f of again.findings) out.push(`still flagged by ${f.ruleId}`);
  return out;
}

describe('rewrites resolve the claim itself, not the hedge guard', () => {
  // One or more drafts per class of claim; each must get a rewrite that passes, or none at all.
  const drafts: Record<string, string[]> = {
    absolute: [
      'Our fitters always leave the kitchen spotless.',
      'The crew always shows up on time for every booking.',
      'We never miss a pickup window.',
    ],
    speed: [
      'We always ship your spare parts overnight.',
      'Same-day repairs on every boiler we service.',
      'Our agents respond instantly to every chat.',
    ],
    guarantee: [
      'We guarantee next-day delivery on bulk orders.',
      'We guarantee the kitchen will be fitted by the end of the month.',
      'Guaranteed to pass the fire inspection, every time.',
      'Your new roof is 100% risk-free.',
    ],
    commitment: [
      "We'll have the shelving installed by Thursday.",
      'Your payroll migration will be finished in two weeks.',
      'The new routing plan will cut your fuel bill by a quarter.',
    ],
    superlative: ['We are the best bathroom fitters in Leeds.', 'The fastest broadband in the county.'],
    roadmap: ['Bulk export ships in the autumn release.', 'The mobile app will be out next quarter.'],
    pricing: [
      "We'll beat any price you find, guaranteed.",
      'Your rate is locked in forever, and renewals will never increase.',
    ],
    pressure: ['Act now, this discount disappears on Friday.'],
  };
  for (const [cls, texts] of Object.entries(drafts)) {
    for (const text of texts) {
      it(`${cls}: ${text}`, async () => {
        const { findings, rewrite, distinct } = await rewriteOf(text);
        expect(findings.length, 'the draft is flagged').toBeGreaterThan(0);
        // One rewrite per sentence: every finding carries the same one.
        expect(distinct).toBe(1);
        if (rewrite === undefined) {
          // Withheld: the suggestion stays, and no fix is offered.
          expect(findings.every((f) => f.fix === undefined)).toBe(true);
          expect(findings.some((f) => f.suggestion)).toBe(true);
          return;
        }
        expect(await strictProblems(text, rewrite), rewrite).toEqual([]);
        // No figure invented.
        for (const n of rewrite.replace(/\[[^\]]+\]/g, '').match(/\d+/g) ?? []) expect(text).toContain(n);
      });
    }
  }

  it('replaces the speed itself: never "typically overnight"', async () => {
    const { rewrite } = await rewriteOf('We always ship your spare parts overnight.');
    expect(rewrite).toBe('We typically ship your spare parts within [typical delivery time].');
  });

  it('drops the guarantee instead of hedging the words around it', async () => {
    const { rewrite } = await rewriteOf('We guarantee next-day delivery on bulk orders.');
    if (rewrite !== undefined) expect(rewrite).not.toMatch(/guarantee|next-day/i);
  });

  it('gives no rewrite for "aim for" before a clause', async () => {
    const { rewrite } = await rewriteOf('We guarantee the kitchen will be fitted by the end of the month.');
    expect(rewrite ?? '').not.toMatch(/aim for the kitchen will/i);
  });

  it('turns a plain-present schedule into an expectation, coordinated verbs included', async () => {
    expect((await rewriteOf('The install team arrives Monday and finishes by Wednesday.')).rewrite).toBe(
      'The install team is expected to arrive on Monday and finish by Wednesday.',
    );
    expect((await rewriteOf('The crew arrives Tuesday and your kitchen is finished by Friday.')).rewrite).toBe(
      'The crew is expected to arrive on Tuesday and your kitchen is expected to be finished by Friday.',
    );
    expect((await rewriteOf('The SSO connector ships in the June release.')).rewrite).toBe(
      'The SSO connector is currently planned to ship in the June release.',
    );
  });

  it('turns "can" with a stated time into a target', async () => {
    const { rewrite } = await rewriteOf('We can have a surveyor on site in under two hours.');
    expect(rewrite).toBe('We aim to have a surveyor on site in under two hours.');
  });

  it('leaves the words outside the claim alone', async () => {
    const text = 'We always deliver overnight, no matter where the warehouse is.';
    const { rewrite } = await rewriteOf(text);
    if (rewrite !== undefined) {
      expect(rewrite).toContain('no matter where the warehouse is.');
      expect(rewrite).not.toMatch(/overnight/);
    }
  });
});

describe('verifyRewrite', () => {
  const claimsOf = async (text: string) => {
    const r = await lintText(text, rules);
    return r.findings;
  };
  const verdict = async (text: string, rewrite: string) => {
    const findings: Finding[] = await claimsOf(text);
    const s = new Sentence(text, rules.lexicon);
    s.tagOnDemand();
    const claims = findings.map((f) => {
      const start = f.span[0];
      const end = f.span[1];
      const tokenStart = s.tokens.findIndex((t) => t.end > start);
      let tokenEnd = s.tokens.findIndex((t) => t.start >= end);
      if (tokenEnd < 0) tokenEnd = s.tokens.length;
      return { start, end, tokenStart, tokenEnd };
    });
    return verifyRewrite({
      sentence: s,
      rewrite,
      claims,
      ruleset: rules,
      facts: factsOf(undefined),
      check: rules.rewriteDefaults.check,
    });
  };

  it('fails a hedge next to a claim that stays', async () => {
    const v = await verdict('We always ship overnight.', 'We typically ship overnight.');
    expect(v.ok).toBe(false);
    expect(v.reasons).toContain('strong-word');
  });

  it('fails a rewrite that keeps "every time"', async () => {
    const v = await verdict(
      'Guaranteed to pass the inspection, every time.',
      'Expected to pass the inspection, every time.',
    );
    expect(v.reasons).toContain('strong-word');
  });

  it('fails an edit outside the claim and a lost merge field', async () => {
    const a = await verdict(
      'We always deliver overnight, no matter where the depot is.',
      'We typically deliver within [typical delivery time], no matter where the depot typically is.',
    );
    expect(a.ok).toBe(false);
    const b = await verdict(
      'Hi {{first_name}}, we always ship overnight.',
      'Hi …, we typically ship within [typical delivery time].',
    );
    expect(b.reasons).toContain('lost-token');
  });

  it('fails an invented figure and passes the conservative truth', async () => {
    const bad = await verdict('We always ship overnight.', 'We typically ship within 48 hours.');
    expect(bad.reasons).toContain('invented-figure');
    const good = await verdict('We always ship overnight.', 'We typically ship within [typical delivery time].');
    expect(good).toMatchObject({ ok: true, reasons: [] });
  });

  it('fails known ungrammatical shapes', async () => {
    const v = await verdict(
      'We guarantee the racking will be up by Friday.',
      'We aim for the racking will be up by Friday.',
    );
    expect(v.reasons).toContain('ungrammatical');
  });

  it('masks only the hedges the draft did not have', () => {
    expect(maskInsertedHedges('We ship fast.', 'We typically ship fast.', ['typically'])).toBe(
      'We \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0 ship fast.',
    );
    expect(maskInsertedHedges('We typically ship fast.', 'We typically ship fast.', ['typically'])).toBe(
      'We typically ship fast.',
    );
  });
});

describe('safe and suggested fixes', () => {
  it('marks a listed word swap safe', async () => {
    const r = await lintText('Our crews always tidy up after the job.\n', rules);
    const f = r.findings[0]!;
    expect(f.rewrite).toBe('Our crews typically tidy up after the job.');
    expect(f.fix).toMatchObject({ text: 'typically', kind: 'safe' });
    // Two swaps in one sentence are a rewrite a person should see: suggested.
    const two = await lintText('Our fitters always leave the kitchen spotless.\n', rules);
    expect(two.findings[0]!.fix?.kind).toBe('suggested');
  });

  it('marks a judgement call suggested', async () => {
    const r = await lintText("We'll have the shelving installed by Thursday.\n", rules);
    const f = r.findings[0]!;
    expect(f.rewrite).toBe('We expect to have the shelving installed by Thursday.');
    expect(f.fix?.kind).toBe('suggested');
  });

  it('gives every finding of a sentence the same one fix', async () => {
    const r = await lintText('Rest assured, the new layout will double your pick rate.\n', rules);
    expect(r.findings.length).toBeGreaterThan(1);
    const fixes = new Set(r.findings.map((f) => JSON.stringify(f.fix)));
    expect(fixes.size).toBe(1);
  });

  it('offers no fix while a placeholder is left', async () => {
    const r = await lintText('We always ship your spare parts overnight.\n', rules);
    expect(r.findings[0]!.rewrite).toContain('[typical delivery time]');
    expect(r.findings.every((f) => f.fix === undefined)).toBe(true);
  });
});

describe('markup, anchors, links and merge fields survive (generated documents)', () => {
  const claims = [
    'We always ship overnight',
    'Our fitters always leave the kitchen spotless',
    "We'll have the shelving installed by Thursday",
    'We are the best bathroom fitters in Leeds',
    'Your pallet leaves the depot Monday and arrives Wednesday',
  ];
  const tokens = ['{{first_name}}', '%CITY%', '[[company]]', '{#delivery}', 'https://example.com/terms'];
  const apply = (text: string, fix: { range: [number, number]; text: string }): string =>
    text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);

  it('keeps every protected token in rewrites and fixes, in Markdown and text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...claims),
        fc.constantFrom(...tokens),
        fc.constantFrom('before', 'after', 'heading'),
        fc.constantFrom('draft.md', 'draft.txt'),
        async (claim, token, where, file) => {
          const doc =
            where === 'heading'
              ? `## ${claim}. ${token}\n\nThanks, Sam.\n`
              : where === 'before'
                ? `Hi ${token}, ${claim[0]!.toLowerCase()}${claim.slice(1)}.\n`
                : `${claim}, see ${token} for details.\n`;
          const r = await lintText(doc, rules, factsOf(undefined), file);
          for (const f of r.findings) {
            if (f.rewrite !== undefined && f.sentence.includes(token)) expect(f.rewrite).toContain(token);
            if (f.fix) {
              const fixed = apply(r.source!.text, f.fix);
              for (const t of protectedTokens(doc)) expect(fixed).toContain(t);
            }
          }
        },
      ),
      { numRuns: 40, seed: 12 },
    );
  });

  it('never writes a heading anchor through a fix', async () => {
    const doc = '## 7. Always confirm the delivery slot. {#always}\n';
    const r = await lintText(doc, rules, factsOf(undefined), 'guide.md');
    for (const f of r.findings) if (f.fix) expect(apply(doc, f.fix)).toContain('{#always}');
  });
});
