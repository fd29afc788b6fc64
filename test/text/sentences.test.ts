// Sentence boundaries decide what one finding's rewrite covers and what the memos key on.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';

const split = (text: string): string[] => splitSentences(text).map((r) => text.slice(r.start, r.end));

describe('splitSentences', () => {
  it('splits on terminators followed by space, keeping closing quotes and brackets', () => {
    expect(split('We ship Monday. Install takes a day! Questions? Call me.')).toEqual([
      'We ship Monday.',
      'Install takes a day!',
      'Questions?',
      'Call me.',
    ]);
    expect(split('She said "it works." Then we signed.')).toEqual(['She said "it works."', 'Then we signed.']);
  });

  it('does not split after titles and common abbreviations', () => {
    expect(split('Dr. Patel and Mr. Jones approved it, e.g. the rollout plan. We start soon.')).toEqual([
      'Dr. Patel and Mr. Jones approved it, e.g. the rollout plan.',
      'We start soon.',
    ]);
    expect(split('Delivery is approx. two weeks after the PO.')).toEqual([
      'Delivery is approx. two weeks after the PO.',
    ]);
  });

  it('ends a sentence at an abbreviation when a capital follows, except after a title', () => {
    expect(split('We partner with Acme Inc. They install the racks.')).toEqual([
      'We partner with Acme Inc.',
      'They install the racks.',
    ]);
    expect(split('Meet at 9 a.m. Bring the SOW.')).toEqual(['Meet at 9 a.m.', 'Bring the SOW.']);
    expect(split('Ask Dr. Smith.')).toEqual(['Ask Dr. Smith.']);
  });

  it('treats single initials as part of a name', () => {
    expect(split('Signed by J. R. Ewing on site.')).toEqual(['Signed by J. R. Ewing on site.']);
  });

  it('reads accented words before a period', () => {
    expect(split('Our partner is Café. They roast daily.')).toEqual(['Our partner is Café.', 'They roast daily.']);
  });
});
