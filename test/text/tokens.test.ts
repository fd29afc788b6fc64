// The lexical tokenizer: the fast paths (ASCII capitals, currency signs, words without an
// apostrophe) must give what the general Unicode tests give.
import { describe, expect, it } from 'vitest';
import { normalizeWord, tokenize } from '../../src/text/tokens.js';

const brief = (s: string): string[] =>
  tokenize(s).map((t) => `${t.norm}:${t.type}${t.capitalized ? ':cap' : ''}@${t.start}-${t.end}`);

describe('tokenize', () => {
  it('reads prices in every currency sign as numbers', () => {
    expect(brief('Plans from $49, €45, £39 or ¥5,000 a month.')).toEqual([
      'plans:word:cap@0-5',
      'from:word@6-10',
      '$49:number@11-14',
      ',:punct@14-15',
      '€45:number@16-19',
      ',:punct@19-20',
      '£39:number@21-24',
      'or:word@25-27',
      '¥5,000:number@28-34',
      'a:word@35-36',
      'month:word@37-42',
      '.:punct@42-43',
    ]);
    // a sign alone is still a number token, as before
    expect(brief('$ off')[0]).toBe('$:number@0-1');
  });

  it('marks capitals in ASCII and beyond, and only capitals', () => {
    expect(tokenize('Über Zürich, éclair Éclair 9am').map((t) => t.capitalized)).toEqual([
      true,
      true,
      false,
      false,
      true,
      false,
      false,
    ]);
  });

  it('splits straight and curly clitics, and leaves other words whole', () => {
    expect(brief("We’ll ship; they won't wait, it's Acme's")).toEqual([
      'we:word:cap@0-2',
      'will:word@2-5',
      'ship:word@6-10',
      ';:punct@10-11',
      'they:word@12-16',
      'will:word@17-19',
      'not:word@19-22',
      'wait:word@23-27',
      ',:punct@27-28',
      'it:word@29-31',
      "'s:word@31-33",
      'acme:word:cap@34-38',
      "'s:word@38-40",
    ]);
  });

  it('normalizes case and curly apostrophes', () => {
    expect(normalizeWord('O’Brien')).toBe("o'brien");
    expect(normalizeWord('ASAP')).toBe('asap');
  });
});
