// The rewrite operations, one by one, on rules written for the test: replace, drop, hedge,
// soften, attribute, template, append, `when`, the category defaults, and the grammar of the
// result (capitals, a/an, spaces and punctuation).
import { describe, expect, it } from 'vitest';
import type { RuleDefinition, RuleSource } from '../../src/rules/definition.js';
import { articleFor, comparativeOf, pluralize, thirdSingular } from '../../src/rewrites/language.js';
import { minimalEdit, polishEdits } from '../../src/rewrites/grammar.js';
import { factsOf, grammarProblems, lintText, phraseRule, ruleSetOf } from './helpers.js';
import { loadNlp } from '../../src/text/nlp.js';
import { Sentence } from '../../src/engine/sentence.js';
import { rewriteMatch } from '../../src/rewrites/rewrite-match.js';
import { applyEdits } from '../../src/rewrites/grammar.js';

/** The rewrite of the first finding of `r` in `text` (with the finding, for fix checks). */
async function rewriteOf(r: RuleSource, text: string, facts?: Record<string, unknown>) {
  const result = await lintText(text, await ruleSetOf([r]), factsOf(facts));
  const f = result.findings.find((x) => x.ruleId === r.definition.id);
  if (!f) throw new Error(`not flagged: ${text}`);
  return { rewrite: f.rewrite, fix: f.fix, missing: f.missingFacts, source: result.source!.text };
}

/**
 * The operation's own edit for the first match of `r`, before the sentence's strict check: the
 * hedge tests look at where a hedge goes, on rules written without guards (so their re-lint, which
 * takes inserted hedges out again, would always withhold the sentence's rewrite).
 */
async function ownRewriteOf(r: RuleSource, text: string): Promise<string | undefined> {
  await loadNlp();
  const rs = await ruleSetOf([r]);
  const s = new Sentence(text, rs.lexicon);
  s.tagOnDemand();
  const [compiled] = rs.index.candidatesFor(s);
  const match = compiled?.matcher.match(s)[0];
  if (!compiled || !match) throw new Error(`not flagged: ${text}`);
  const own = rewriteMatch(
    { s, match, facts: factsOf(undefined), category: compiled.meta.category },
    compiled.source.definition.rewrite,
    rs.rewriteDefaults,
  );
  return own ? applyEdits(text, [own.edit]) : undefined;
}

const applyFix = (text: string, fix: { range: [number, number]; text: string }): string =>
  text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);

describe('replace and drop', () => {
  const always = phraseRule({
    id: 'always',
    phrases: ['always', 'never'],
    inflect: false,
    rewrite: { replace: { always: 'typically', never: 'rarely' } },
  });

  it('replaces the flagged phrase, keeping the case of the word it replaces', async () => {
    expect((await rewriteOf(always, 'We always ship on time.')).rewrite).toBe('We typically ship on time.');
    expect((await rewriteOf(always, 'Always on schedule.')).rewrite).toBe('Typically on schedule.');
    expect((await rewriteOf(always, 'WE ALWAYS SHIP.')).rewrite).toBe('WE TYPICALLY SHIP.');
  });

  it('prefers the longest phrase, and the key written like the text', async () => {
    const r = phraseRule({
      id: 'zero',
      phrases: ['zero'],
      rewrite: { replace: { zero: 'few', 'zero hassle': 'low hassle', 'zero-hassle': 'low-hassle' } },
    });
    expect((await rewriteOf(r, 'A zero-hassle install.')).rewrite).toBe('A low-hassle install.');
    // Two claims in two clauses: both rewritten.
    expect((await rewriteOf(r, 'Zero hassle, zero fuss.')).rewrite).toBe('Low hassle, few fuss.');
  });

  it('drops words and repairs the seam: the comma, the capital, the article', async () => {
    const urgent = phraseRule({
      id: 'urgent',
      category: 'pressure',
      phrases: ['act now', 'unbeatable'],
      rewrite: { drop: true },
    });
    expect((await rewriteOf(urgent, 'Act now, this offer is for your team.')).rewrite).toBe(
      'This offer is for your team.',
    );
    expect((await rewriteOf(urgent, 'It is an unbeatable offer.')).rewrite).toBe('It is an offer.');
    const replaced = phraseRule({
      id: 'unbeatable',
      category: 'superlative',
      phrases: ['unbeatable'],
      rewrite: { replace: { unbeatable: 'competitive' } },
    });
    expect((await rewriteOf(replaced, 'It is an unbeatable offer.')).rewrite).toBe('It is a competitive offer.');
  });

  it('removes a clause that has nothing left, and a sentence that is nothing but the claim', async () => {
    const science = phraseRule({
      id: 'science',
      category: 'pressure',
      phrases: ['not rocket science'],
      rewrite: { drop: true },
    });
    expect((await rewriteOf(science, "It's not rocket science, the dashboard does the work.")).rewrite).toBe(
      'The dashboard does the work.',
    );
    const act = phraseRule({
      id: 'act',
      category: 'pressure',
      phrases: ['act now'],
      rewrite: { replace: { 'act now': '' } },
    });
    const r = await rewriteOf(act, 'Act now! The price is fixed until June.');
    expect(r.rewrite).toBe('');
    expect(applyFix(r.source, r.fix!)).toBe('The price is fixed until June.');
  });
});

describe('hedge', () => {
  const h = (id: string, phrases: string[], hedge: unknown = true) =>
    phraseRule({ id, phrases, inflect: false, rewrite: { hedge } as never });

  it('goes before the verb, after an auxiliary, and takes the place of "always"', async () => {
    expect(await ownRewriteOf(h('every', ['every']), 'Our scanners catch every damaged carton.')).toBe(
      'Our scanners typically catch every damaged carton.',
    );
    expect(await ownRewriteOf(h('avail', ['24/7']), 'Our support is available 24/7.')).toBe(
      'Our support is typically available 24/7.',
    );
    expect(await ownRewriteOf(h('every2', ['every']), 'We always answer every call.')).toBe(
      'We typically answer every call.',
    );
    expect(await ownRewriteOf(h('will', ['every']), "We'll answer every call.")).toBe(
      "We'll typically answer every call.",
    );
  });

  it("turns an imperative into a possibility, with the step's imperative form", async () => {
    expect(
      await ownRewriteOf(
        h('double', ['double your'], { word: 'typically', imperative: 'You could' }),
        'Double your pick rate with the new layout.',
      ),
    ).toBe('You could double your pick rate with the new layout.');
  });

  it('without a verb: in front of the time, or at the start', async () => {
    expect(await ownRewriteOf(h('minutes', ['in <number> minutes']), 'A plumber at your door in 30 minutes.')).toBe(
      'A plumber at your door typically in 30 minutes.',
    );
    expect(await ownRewriteOf(h('zero', ['zero defects']), 'Zero defects, batch after batch.')).toBe(
      'In most cases, zero defects, batch after batch.',
    );
  });

  it('does not apply to a claim that is already hedged (the next step does)', async () => {
    const r = phraseRule({
      id: 'hedged',
      phrases: ['best'],
      category: 'superlative',
      rewrite: [{ hedge: true }, { replace: { best: 'good' } }],
    });
    expect((await rewriteOf(r, 'We typically offer the best rates.')).rewrite).toBe(
      'We typically offer the good rates.',
    );
  });
});

describe('soften', () => {
  const c = (id: string, soften: unknown = true, category: RuleDefinition['category'] = 'commitment') =>
    phraseRule({
      id,
      kind: 'commitment',
      category,
      verbs: ['delivery', 'outcome'],
      requires: 'none',
      rewrite: { soften } as never,
    });

  it('turns a certain modal into an expectation that agrees with who makes the claim', async () => {
    const r = c('soft');
    expect((await rewriteOf(r, 'We will have the racks installed by Friday.')).rewrite).toBe(
      'We expect to have the racks installed by Friday.',
    );
    expect((await rewriteOf(r, "We'll install the racks by Friday.")).rewrite).toBe(
      'We expect to install the racks by Friday.',
    );
    expect((await rewriteOf(r, "We're going to ship it by Friday.")).rewrite).toBe('We expect to ship it by Friday.');
    expect((await rewriteOf(r, 'You will save 40% on freight.')).rewrite).toBe(
      'You can expect to save 40% on freight.',
    );
    expect((await rewriteOf(r, 'The new layout will double your pick rate.')).rewrite).toBe(
      'The new layout is expected to double your pick rate.',
    );
    expect((await rewriteOf(r, 'The new racks will ship by Friday.')).rewrite).toBe(
      'The new racks are expected to ship by Friday.',
    );
    expect((await rewriteOf(r, 'The upgrade is going to cut your costs by 20%.')).rewrite).toBe(
      'The upgrade is expected to cut your costs by 20%.',
    );
  });

  it('conjugates the new verb for a singular subject (compromise)', async () => {
    const r = c('aim', { we: 'aim to', customer: 'can expect to', other: '{be} expected to' });
    expect((await rewriteOf(r, 'Our team will deliver the units by Friday.')).rewrite).toBe(
      'Our team aims to deliver the units by Friday.',
    );
    expect((await rewriteOf(r, 'Our crews will deliver the units by Friday.')).rewrite).toBe(
      'Our crews aim to deliver the units by Friday.',
    );
    expect((await rewriteOf(r, 'I will deliver the units by Friday, not the courier.')).rewrite).toBe(
      'I aim to deliver the units by Friday, not the courier.',
    );
  });

  it('keeps "be able to" and takes "definitely" out', async () => {
    const r = c('able');
    expect((await rewriteOf(r, 'We will definitely install it by Friday.')).rewrite).toBe(
      'We expect to install it by Friday.',
    );
    expect((await rewriteOf(r, 'We will be able to install it by Friday.')).rewrite).toBe(
      'We expect to be able to install it by Friday.',
    );
  });
});

describe('attribute', () => {
  const sup = phraseRule({
    id: 'sup',
    category: 'superlative',
    phrases: ['the best', 'the fastest', 'the most reliable', 'the easiest'],
    inflect: false,
    rewrite: { attribute: true },
  });

  it('turns a superlative into a claim to back, with a visible request for the source (never auto-fixed)', async () => {
    const r = await rewriteOf(sup, 'We are the best logistics partner in the region.');
    expect(r.rewrite).toBe('We are a leading logistics partner in the region [cite a source].');
    expect(r.fix).toBeUndefined();
    expect((await rewriteOf(sup, 'We offer the best rates in town.')).rewrite).toBe(
      'We offer better rates than most in town [cite a source].',
    );
    expect((await rewriteOf(sup, 'Our printers are the fastest on the market.')).rewrite).toBe(
      'Our printers are faster than most on the market [cite a source].',
    );
    expect((await rewriteOf(sup, 'They run the most reliable carrier in Ohio.')).rewrite).toBe(
      'They run a more reliable carrier than most in Ohio [cite a source].',
    );
    expect((await rewriteOf(sup, "The easiest payroll app you'll ever set up.")).rewrite).toBe(
      'An easier payroll app than most [cite a source].',
    );
    expect((await rewriteOf(sup, 'We are the best.')).rewrite).toBe('We are a leader [cite a source].');
  });
});

describe('template, append and facts', () => {
  const speed = phraseRule({
    id: 'speed',
    category: 'speed',
    phrases: ['overnight'],
    inflect: false,
    rewrite: [
      { replace: { overnight: '{noun} typically within {facts.delivery.typical}' } },
      { replace: { overnight: 'within {facts.delivery.typical}' }, hedge: 'typically' },
    ],
  });

  it('fills slots from the sentence and the facts sheet; a missing fact is a placeholder and is listed', async () => {
    const r = await rewriteOf(speed, 'Overnight delivery on every order.');
    expect(r.rewrite).toBe('Delivery typically within [typical delivery time] on every order.');
    expect(r.missing).toEqual(['delivery.typical']);
    expect(r.fix).toBeUndefined();
    const f = await rewriteOf(speed, 'We deliver overnight.', { delivery: { typical: '2 business days' } });
    expect(f.rewrite).toBe('We typically deliver within 2 business days.');
    expect(f.missing).toBeUndefined();
    expect(applyFix(f.source, f.fix!)).toBe('We typically deliver within 2 business days.');
  });

  it('writes the whole sentence with scope: sentence, and appends to the clause', async () => {
    const last = phraseRule({
      id: 'last',
      category: 'pressure',
      phrases: ['last day'],
      rewrite: { template: 'The current offer is valid until {facts.price.valid_until}.', scope: 'sentence' },
    });
    expect(
      (await rewriteOf(last, 'Today is the last day to save!', { price: { valid_until: 'June 30' } })).rewrite,
    ).toBe('The current offer is valid until June 30.');
    const cite = phraseRule({
      id: 'cite',
      category: 'superlative',
      phrases: ['industry-leading'],
      rewrite: { replace: { 'industry-leading': 'leading' }, append: ' [cite a source]' },
    });
    expect((await rewriteOf(cite, 'Our industry-leading uptime, and our team.')).rewrite).toBe(
      'Our leading uptime [cite a source], and our team.',
    );
  });
});

describe('when', () => {
  const w = (when: unknown) =>
    phraseRule({
      id: 'w',
      phrases: ['always'],
      rewrite: [{ when, replace: { always: 'usually' } } as never, { replace: { always: 'typically' } }],
    });

  it('checks the facts, the sentence and where the claim is', async () => {
    expect((await rewriteOf(w({ facts: ['delivery.typical'] }), 'We always ship.')).rewrite).toBe('We typically ship.');
    expect(
      (await rewriteOf(w({ facts: ['delivery.typical'] }), 'We always ship.', { delivery: { typical: '2 days' } }))
        .rewrite,
    ).toBe('We usually ship.');
    expect((await rewriteOf(w({ sentence: ['ship'] }), 'We always ship.')).rewrite).toBe('We usually ship.');
    expect((await rewriteOf(w({ notSentence: ['ship'] }), 'We always ship.')).rewrite).toBe('We typically ship.');
    expect((await rewriteOf(w({ match: ['never'] }), 'We always ship.')).rewrite).toBe('We typically ship.');
    expect((await rewriteOf(w({ subject: ['we'] }), 'We always ship.')).rewrite).toBe('We usually ship.');
    expect((await rewriteOf(w({ subject: ['customer'] }), 'We always ship.')).rewrite).toBe('We typically ship.');
  });
});

describe('rule without a rewrite block, and rewrite: false', () => {
  it('falls back to the category defaults (rules/lexicon/rewrites.yaml)', async () => {
    const r = phraseRule({ id: 'g', category: 'guarantee', phrases: ['risk-free'], inflect: false });
    expect((await rewriteOf(r, 'The pilot is completely risk-free for your team.')).rewrite).toBe(
      'The pilot is low-risk for your team.',
    );
  });

  it('gives no rewrite for rewrite: false', async () => {
    const r = phraseRule({ id: 'off', phrases: ['always'], rewrite: false });
    expect((await rewriteOf(r, 'We always ship.')).rewrite).toBeUndefined();
  });
});

describe('grammar', () => {
  it('chooses a/an by sound', () => {
    const cases: Array<[string, string]> = [
      ['offer', 'an'],
      ['unit', 'a'],
      ['hour', 'an'],
      ['honest', 'an'],
      ['one-time', 'a'],
      ['SLA', 'an'],
      ['CRM', 'a'],
      ['MRI', 'an'],
      ['FAQ', 'an'],
      ['8-week', 'an'],
      ['11-day', 'an'],
      ['18%', 'an'],
      ['12%', 'a'],
      ['European', 'a'],
      ['user', 'a'],
      ['umbrella', 'an'],
      ['X-ray', 'an'],
      ['leading', 'a'],
    ];
    for (const [w, a] of cases) expect(articleFor(w), w).toBe(a);
  });

  it('conjugates, pluralizes and compares with compromise', async () => {
    await loadNlp();
    expect(thirdSingular('expect')).toBe('expects');
    expect(thirdSingular('carry')).toBe('carries');
    expect(pluralize('partner')).toBe('partners');
    expect(pluralize('logistics')).toBe('logistics');
    expect(comparativeOf('fastest')).toBe('faster');
    expect(comparativeOf('best')).toBe('better');
    expect(comparativeOf('biggest')).toBe('bigger');
    expect(comparativeOf('fast')).toBeUndefined();
  });

  it('repairs the seams of edits: spaces, punctuation, capitals', () => {
    expect(polishEdits('Act now, this offer ends.', [{ start: 0, end: 7, text: '' }])).toEqual({
      start: 0,
      end: 13,
      text: 'This',
    });
    expect(polishEdits('We ship fast, guaranteed.', [{ start: 14, end: 24, text: '' }])).toEqual(
      minimalEdit('We ship fast, guaranteed.', 'We ship fast.'),
    );
    expect(polishEdits('It is an  offer.', [{ start: 6, end: 8, text: 'a' }])).toBeDefined();
  });

  it('makes minimal edits of whole words', () => {
    expect(minimalEdit('We always ship.', 'We typically ship.')).toEqual({ start: 3, end: 9, text: 'typically' });
    expect(minimalEdit('the best rate', 'the better rate')).toEqual({ start: 4, end: 8, text: 'better' });
  });

  it('knows a bad rewrite when it sees one (the checks the golden tests use)', () => {
    expect(grammarProblems('We ship.', 'we ship.')).toContain('starts with a lower-case letter');
    expect(grammarProblems('We ship.', 'We  ship.')).toContain('doubled space');
    expect(grammarProblems('We ship.', 'We ship..')).toHaveLength(1);
    expect(grammarProblems('We ship.', 'We ship , fast.')).toHaveLength(1);
    expect(grammarProblems('It is a offer.', 'It is an offer.')).toEqual([]);
    expect(grammarProblems('It is an offer.', 'It is a offer.')).toEqual(['"a offer" (a/an)']);
  });
});

describe('the README example', () => {
  it('rewrites as documented', async () => {
    const r = phraseRule({
      id: 'readme',
      category: 'speed',
      phrases: ['overnight', 'same day'],
      inflect: false,
      rewrite: {
        steps: [
          {
            when: { sentence: ['delivery', 'deliver', 'ship', 'order', 'orders'] },
            replace: { overnight: '{noun} typically within {facts.delivery.typical}' },
          },
          { replace: { 'same day': 'within {facts.delivery.typical|typical delivery time}' }, hedge: 'typically' },
        ],
      },
    });
    expect(
      (await rewriteOf(r, 'Overnight delivery on every order.', { delivery: { typical: '2 business days' } })).rewrite,
    ).toBe('Delivery typically within 2 business days on every order.');
    expect((await rewriteOf(r, 'We ship same day.')).rewrite).toBe('We typically ship within [typical delivery time].');
    expect((await rewriteOf(r, 'We ship same day.', { 'delivery.typical': '2 business days' })).rewrite).toBe(
      'We typically ship within 2 business days.',
    );
  });
});
