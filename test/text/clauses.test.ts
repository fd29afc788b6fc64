// Clause splitting and claim scopes: where a qualifier stops counting.
import { describe, expect, it } from 'vitest';
import { claimScope, splitClauses } from '../../src/text/clauses.js';
import { tokenize } from '../../src/text/tokens.js';

/** The clauses of a sentence as "role:text". */
function clauses(text: string): string[] {
  const t = tokenize(text);
  return splitClauses(t).map((c) => `${c.role}:${text.slice(t[c.start]!.start, t[c.end - 1]!.end)}`);
}

/** The text of the scope of the claim `words`. */
function scope(text: string, words: string): string {
  const t = tokenize(text);
  const at = text.indexOf(words);
  const ts = t.findIndex((x) => x.start >= at);
  let te = ts;
  while (te < t.length && t[te]!.end <= at + words.length) te++;
  const { from, to } = claimScope(splitClauses(t), ts, te);
  return text.slice(t[from]!.start, t[to - 1]!.end);
}

describe('splitClauses', () => {
  it('keeps lists of adjectives and nouns in one clause', () => {
    expect(clauses('Fast, friendly, fully insured crews on every job.')).toEqual([
      'main:Fast, friendly, fully insured crews on every job.',
    ]);
  });
  it('splits coordinated clauses with a new subject', () => {
    expect(clauses('The pallets leave the yard at noon, and our driver texts you from the road.')).toEqual([
      'main:The pallets leave the yard at noon',
      'main:and our driver texts you from the road.',
    ]);
  });
  it('splits a leading condition from its main clause', () => {
    expect(clauses('If the resin batch clears inspection, the floor is poured Tuesday.')).toEqual([
      'condition:If the resin batch clears inspection',
      'main:the floor is poured Tuesday.',
    ]);
  });
  it('splits a trailing condition, a contrast, a relative clause and an aside', () => {
    expect(clauses('Free assembly on all desks while stock lasts.')).toEqual([
      'main:Free assembly on all desks',
      'condition:while stock lasts.',
    ]);
    expect(clauses("We can't promise the council's timeline, but we file the permit paperwork this week.")).toEqual([
      "main:We can't promise the council's timeline",
      'contrast:but we file the permit paperwork this week.',
    ]);
    expect(clauses('The gateway ships with the new firmware, which goes live in April.')).toEqual([
      'main:The gateway ships with the new firmware',
      'relative:which goes live in April.',
    ]);
    expect(clauses('Fitted within ten working days (measured from survey).')).toEqual([
      'main:Fitted within ten working days',
      'aside:(measured from survey)',
      'main:.',
    ]);
  });
  it('does not take "once again", "even if" or "since 2019" for conditions', () => {
    expect(clauses('Once again the crane crew beat the schedule.')).toEqual([
      'main:Once again the crane crew beat the schedule.',
    ]);
    expect(clauses('It runs on any tablet even if it is five years old.')).toEqual([
      'main:It runs on any tablet even if it is five years old.',
    ]);
  });
});

describe('claimScope', () => {
  it('takes in the conditions that govern the claim', () => {
    const s = 'If the resin batch clears inspection, the floor is poured Tuesday.';
    expect(scope(s, 'poured Tuesday')).toBe(s);
    expect(scope('The floor is poured Tuesday if the resin batch clears inspection.', 'poured Tuesday')).toBe(
      'The floor is poured Tuesday if the resin batch clears inspection.',
    );
  });
  it('leaves out coordinated clauses, contrasts and relative clauses', () => {
    const s = 'Your racking is installed by Friday, and we usually sweep up the same afternoon.';
    expect(scope(s, 'installed by Friday')).toBe('Your racking is installed by Friday');
    const r = 'I would wait for the connector, which ships in March.';
    expect(scope(r, 'ships in March')).toBe('which ships in March.');
  });
  it('includes an aside right after the claim', () => {
    expect(scope('Backed by our money-back promise (terms on the order form).', 'money-back promise')).toBe(
      'Backed by our money-back promise (terms on the order form)',
    );
  });
});
