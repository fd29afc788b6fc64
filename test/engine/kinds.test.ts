// Each rule kind on realistic sentences, through the real engine pipeline (prefilter, tagging,
// guards): what it matches, what it does not, and that it matches nothing without its triggers.
import { describe, expect, it } from 'vitest';
import { Sentence } from '../../src/engine/sentence.js';
import { loadLexicon } from '../../src/rules/loader.js';
import { flagged, lint, ruleSetOf } from './helpers.js';

describe('phrase', () => {
  it('matches words and phrases case-insensitively, with inflections', async () => {
    const rs = await ruleSetOf({ id: 'guarantee', kind: 'phrase', phrases: ['guarantee', 'rest assured'] });
    expect(flagged(await lint('We GUARANTEE a spot on page one.', rs))).toEqual(['guarantee: GUARANTEE']);
    expect(flagged(await lint('Results guaranteed, or we keep working.', rs))).toEqual(['guarantee: guaranteed']);
    expect(flagged(await lint('Rest assured, the crew will be gone by Friday.', rs))).toEqual([
      'guarantee: Rest assured',
    ]);
    expect(await lint('The quote covers parts and labour.', rs)).toEqual([]);
  });

  it('matches hyphenated and spaced forms alike, and can turn inflections off', async () => {
    const rs = await ruleSetOf({ id: 'speed', kind: 'phrase', phrases: ['same day', 'ship'], inflect: false });
    expect(flagged(await lint('Same-day repairs across the county.', rs))).toEqual(['speed: Same-day']);
    expect(await lint('The parts shipped last week.', rs)).toEqual([]);
  });

  it('matches placeholders for numbers, percentages, money and names', async () => {
    const rs = await ruleSetOf(
      { id: 'pct', kind: 'phrase', phrases: ['save <percent>'] },
      { id: 'money', kind: 'phrase', phrases: ['come in <money> under'] },
      { id: 'mins', kind: 'phrase', phrases: ['within <number> minutes'] },
      { id: 'place', kind: 'phrase', phrases: ['largest * in <name>'] },
    );
    expect(flagged(await lint('Save 35% on your heating bill.', rs))).toEqual(['pct: Save 35%']);
    expect(flagged(await lint("We'll come in $200 under their quote.", rs))).toEqual(['money: come in $200 under']);
    expect(flagged(await lint('A plumber at your door within twenty minutes.', rs))).toEqual([
      'mins: within twenty minutes',
    ]);
    expect(flagged(await lint('The largest fleet in Scotland.', rs))).toEqual(['place: largest fleet in Scotland']);
    expect(await lint('Save money with a yearly plan in minutes.', rs)).toEqual([]);
  });

  it('with near, needs the near words on the right side and within reach', async () => {
    const rs = await ruleSetOf({
      id: 'speed',
      kind: 'phrase',
      phrases: ['overnight', 'instantly'],
      inflect: false,
      near: [{ phrases: ['ship', 'delivery', 'refund'], within: 4, inflect: true }],
    });
    expect(flagged(await lint('Every order ships overnight.', rs))).toEqual(['speed: ships overnight']);
    expect(flagged(await lint('Overnight delivery on spare parts, nationwide.', rs))).toEqual([
      'speed: Overnight delivery',
    ]);
    expect(flagged(await lint('Your refund is issued instantly.', rs))).toEqual(['speed: refund is issued instantly']);
    // a speed word on its own is a feature, not a delivery promise
    expect(await lint('The new kettle has instantly hot water.', rs)).toEqual([]);
    // too far from the near words
    expect(await lint('Overnight, the whole team switched to the new tool for delivery planning.', rs)).toEqual([]);

    const after = await ruleSetOf({
      id: 'zero',
      kind: 'phrase',
      phrases: ['zero'],
      near: [{ phrases: ['downtime'], where: 'after', within: 1 }],
    });
    expect(flagged(await lint('Migrate with zero downtime.', after))).toEqual(['zero: zero downtime']);
    expect(await lint('Downtime was zero last quarter.', after)).toEqual([]);
  });

  it('keeps overlapping claims apart so a guard can drop one and keep the other', async () => {
    const rs = await ruleSetOf({
      id: 'price',
      kind: 'phrase',
      phrases: ['fees', 'no price hikes'],
      inflect: false,
      near: [{ phrases: [', ever'], where: 'after', within: 6 }],
      unless: ['negated'],
    });
    expect(flagged(await lint('No setup fees, no price hikes, ever.', rs))).toEqual(['price: no price hikes, ever']);
  });
});

describe('substitute', () => {
  it('flags the phrase and suggests its replacement', async () => {
    const rs = await ruleSetOf({
      id: 'swap',
      kind: 'substitute',
      replacements: { 'guaranteed delivery': 'scheduled delivery', 'lightning fast': 'fast' },
      suggestion: 'Write "{replacement}".',
    });
    const [f] = await lint('Guaranteed delivery on every pallet.', rs);
    expect(f?.ruleId).toBe('swap');
    expect(f?.suggestion).toBe('Write "scheduled delivery".');
    expect(flagged(await lint('Our lightning-fast support team replies in minutes.', rs))).toEqual([
      'swap: lightning-fast',
    ]);
    expect(await lint('Delivery is scheduled for Tuesday.', rs)).toEqual([]);
  });
});

describe('pattern', () => {
  it('matches part-of-speech patterns in sentences that hold a trigger', async () => {
    const rs = await ruleSetOf({
      id: 'always',
      kind: 'pattern',
      pattern: '(always|never) #Adverb? #Verb',
      triggers: ['always', 'never'],
      inflect: false,
    });
    expect(flagged(await lint('Our couriers always arrive inside the slot.', rs))).toEqual(['always: always arrive']);
    expect(flagged(await lint('The pumps never really fail.', rs))).toEqual(['always: never really fail']);
    // "always" before an adjective is not "always" before a verb
    expect(await lint('We are always happy to help.', rs)).toEqual([]);
  });
});

describe('commitment', () => {
  const deadline = {
    id: 'deadline',
    kind: 'commitment' as const,
    verbs: ['delivery'],
    requires: 'deadline' as const,
    unless: ['own-action' as const],
  };
  const result = { id: 'result', kind: 'commitment' as const, verbs: ['outcome'], requires: 'quantity' as const };

  it('flags who + certainty + delivery verb + deadline', async () => {
    const rs = await ruleSetOf(deadline);
    expect(flagged(await lint('We will have the racks installed by Friday.', rs))).toEqual([
      'deadline: will have the racks installed by Friday',
    ]);
    expect(flagged(await lint('Your staff will be fully trained within two weeks.', rs))).toEqual([
      'deadline: will be fully trained within two weeks',
    ]);
    expect(flagged(await lint('The new classrooms are going to be finished before the start of term.', rs))).toEqual([
      'deadline: are going to be finished before the start of term',
    ]);
  });

  it('finds deadlines written many ways, before or after the claim', async () => {
    const rs = await ruleSetOf(deadline);
    const words = async (text: string) => (await lint(text, rs)).map((f) => f.sentence.slice(f.span[0], f.span[1]));
    expect(await words('The replacement unit will arrive Monday afternoon.')).toEqual(['will arrive Monday afternoon']);
    expect(await words('All 40 laptops will be configured by Sept. 30th.')).toEqual([
      'will be configured by Sept. 30th',
    ]);
    expect(await words('The scaffolding will be up by 11/14.')).toEqual(['will be up by 11/14']);
    expect(await words("we'll have it sorted by lunchtime")).toEqual([
      'will have it sorted by lunchtime'.replace('will', "'ll"),
    ]);
    expect(await words('By the start of term, the classrooms will be finished.')).toEqual(['will be finished']);
    expect(await words('Permits will be granted before you break ground.')).toEqual([
      'will be granted before you break',
    ]);
  });

  it('needs a deadline when the rule requires one', async () => {
    const rs = await ruleSetOf(deadline);
    expect(await lint('We will install the racks.', rs)).toEqual([]);
  });

  it('rules out sentences from their words alone, before any tagging (mayMatch)', async () => {
    const rs = await ruleSetOf(deadline);
    const lex = await loadLexicon();
    const may = (text: string): boolean => rs.index.candidatesFor(new Sentence(text, lex)).length > 0;
    // a claim with a deadline in every place the matcher looks for one
    expect(may('We will have the racks installed by Friday.')).toBe(true);
    expect(may('By the start of term, the classrooms will be finished.')).toBe(true);
    expect(may('Permits will be granted before you break ground.')).toBe(true);
    // the words are all there, but not as a claim: no deadline, a negation, the verb in another clause
    expect(may('We will install the racks and the shelving.')).toBe(false);
    expect(may('The crew will not finish the install by Friday.')).toBe(false);
    expect(may('We will call you, and the racks arrive by Friday.')).toBe(false);
    expect(may('Will the racks be installed by Friday?')).toBe(false);
  });

  it('flags a passive subject ("The licences will be granted ...")', async () => {
    const rs = await ruleSetOf(deadline);
    expect(flagged(await lint('The licences will be granted in time for the June opening.', rs))).toEqual([
      'deadline: will be granted in time for the June',
    ]);
  });

  it('skips negated claims and questions', async () => {
    const rs = await ruleSetOf(deadline);
    expect(await lint("We won't have the racks installed by Friday.", rs)).toEqual([]);
    expect(await lint('We will not be able to install before June.', rs)).toEqual([]);
    expect(await lint('Will the racks be installed by Friday?', rs)).toEqual([]);
  });

  it("leaves the writer's own next step to the own-action guard", async () => {
    const rs = await ruleSetOf(deadline);
    expect(await lint('I will send the revised quote by Friday.', rs)).toEqual([]);
    expect(await lint("I'll get the signed order form back to you today.", rs)).toEqual([]);
  });

  it('flags promised results with a quantity', async () => {
    const rs = await ruleSetOf(result);
    expect(flagged(await lint('You will save 40% on freight.', rs))).toEqual(['result: will save']);
    expect(flagged(await lint('This campaign will double your pipeline.', rs))).toEqual(['result: will double']);
    expect(flagged(await lint('The new insulation is going to cut your heating bill by a quarter.', rs)).length).toBe(
      1,
    );
    expect(await lint('You will see the new dashboard next week.', rs)).toEqual([]);
    expect(await lint('One of our engineers will see you on site.', rs)).toEqual([]);
  });
});

describe('regex', () => {
  it('matches an RE2 expression on every sentence', async () => {
    const rs = await ruleSetOf({
      id: 'percent',
      kind: 'regex',
      regex: '\\b(?:100|one hundred) ?(?:%|percent) (?:accurate|uptime)\\b',
      flags: 'i',
    });
    expect(flagged(await lint('Our scanners are 100% accurate.', rs))).toEqual(['percent: 100% accurate']);
    expect(flagged(await lint('One hundred percent uptime on every site.', rs))).toEqual([
      'percent: One hundred percent uptime',
    ]);
    expect(await lint('The rugs are 100% wool.', rs)).toEqual([]);
  });

  it('rejects an invalid expression when the rule is compiled', async () => {
    await expect(ruleSetOf({ id: 'bad', kind: 'regex', regex: '(unclosed' })).rejects.toThrow(/invalid regex/);
  });
});

describe('triggers', () => {
  it('every kind finds nothing in a sentence without its triggers', async () => {
    const rs = await ruleSetOf(
      { id: 'p', kind: 'phrase', phrases: ['guaranteed'] },
      { id: 'n', kind: 'phrase', phrases: ['zero'], near: [{ phrases: ['downtime'] }] },
      { id: 's', kind: 'substitute', replacements: { 'risk-free': 'low-risk' } },
      { id: 't', kind: 'pattern', pattern: 'always #Verb', triggers: ['always'] },
      { id: 'c', kind: 'commitment', verbs: ['delivery'], requires: 'deadline' },
    );
    const lexicon = await loadLexicon();
    const s = new Sentence('Thanks for the walkthrough yesterday; the photos are attached.', lexicon);
    expect(rs.index.candidates(s.tokens)).toEqual([]);
    for (const rule of rs.rules.filter((r) => !r.needsTags)) expect(rule.matcher.match(s)).toEqual([]);
    // a near rule needs both of its trigger groups
    const half = new Sentence('Zero setup fees this month.', lexicon);
    expect(rs.index.candidates(half.tokens).map((r) => r.meta.id)).toEqual([]);
  });
});
