// The speed-adverb class of issue 16 (real text): the business or its product promising the speed
// of its own work with an adverb instead of a number ("will quickly find the fault", "we fix it
// fast"). Sentences are written here, never taken from the shared evaluation sets.
import { describe, beforeAll, expect, it } from 'vitest';
import type { RuleSet } from '../../src/engine/ruleset.js';
import { findSpeedAdverb } from '../../src/engine/claim.js';
import { tokenize } from '../../src/text/tokens.js';
import { flagged, lint, packRuleSet, spanText } from './helpers.js';

let recommended: RuleSet;
beforeAll(async () => {
  recommended = (await packRuleSet('rules/recommended')).ruleset;
});
const rulesOf = async (text: string): Promise<string[]> =>
  flagged(await lint(text, recommended)).map((f) => f.split(':')[0]!);

describe('findSpeedAdverb', () => {
  const at = (text: string): string | undefined => {
    const t = tokenize(text);
    const d = findSpeedAdverb(t, 0, t.length);
    return spanText(t, d);
  };
  it('finds adverbs and adverbial phrases of speed', () => {
    expect(at('the crew will swiftly clear the drains')).toBe('swiftly');
    expect(at('the boiler is repaired right away')).toBe('right away');
    expect(at('we sort it in no time')).toBe('in no time');
    expect(at('we patch it fast.')).toBe('fast');
  });
  it('skips measures, hopes, "fast" before a noun and "immediately after" a step', () => {
    expect(at('the crew will clear the drains as quickly as it can')).toBeUndefined();
    expect(at('ask how quickly the crew can clear the drains')).toBeUndefined();
    expect(at('we offer fast turnaround on drains')).toBeUndefined();
    expect(at('the crew starts immediately after you sign')).toBeUndefined();
  });
});

describe('speed adverbs on the business’s own work', () => {
  it('flags "will" + adverb + verb, verb + object + adverb, the passive and the present', async () => {
    expect(await rulesOf('Our electricians will quickly trace the fault in your fuse board.')).toContain(
      'speed-adverb',
    );
    expect(await rulesOf('Our glaziers will replace the cracked pane right away.')).toContain('speed-adverb');
    expect(await rulesOf('Any burst pipe will be repaired without delay.')).toContain('speed-adverb');
    expect(await rulesOf('We fix blocked drains fast.')).toContain('speed-adverb');
    expect(await rulesOf('Our night desk responds right away to every alarm.')).toContain('speed-adverb');
  });
  it('does not flag a hope, the reader, help, a condition, the past or a negation', async () => {
    const none = async (text: string) => expect(await rulesOf(text)).not.toContain('speed-adverb');
    await none('Our electricians will trace the fault as quickly as they safely can.');
    await none('With the new app you will quickly find the invoice you need.');
    await none('Our glaziers work to replace cracked panes quickly after a storm.');
    await none('If the glass is in stock, our glaziers will replace the pane right away.');
    await none('Last month our glaziers replaced most panes right away.');
    await none('We cannot promise the pane will be replaced right away.');
    await none('Their glaziers will replace the pane right away, the landlord says.');
    await none('We offer fast, friendly drain clearing across the county.');
  });
});
