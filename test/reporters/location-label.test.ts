import { describe, expect, it } from 'vitest';
import { decodedNote, fullLabel, isNonLinePosition, positionLabel } from '../../src/reporters/location-label.js';

describe('location labels', () => {
  it.each([
    [{ line: 3, column: 14 }, '3:14'],
    [{ line: 12, column: 34, paragraph: 12 }, '¶12:34'],
    [{ line: 14, column: 5, page: 3 }, 'p3 l14:5'],
    [{ line: 4, column: 12, row: 4, field: 'Notes' }, 'row 4 [Notes]:12'],
    [{ line: 4, column: 12, row: 4 }, 'row 4:12'],
  ])('%j -> %s', (loc, label) => {
    expect(positionLabel(loc)).toBe(label);
  });

  it('notes decoded email text with the part number only', () => {
    const loc = { line: 7, column: 3, part: '1.2 text/html', decoded: true };
    expect(decodedNote(loc)).toBe('(decoded part 1.2)');
    expect(fullLabel(loc)).toBe('7:3 (decoded part 1.2)');
    expect(isNonLinePosition(loc)).toBe(true);
  });

  it('says nothing about a part whose positions are in the raw file', () => {
    const loc = { line: 7, column: 3, part: '1 text/plain' };
    expect(fullLabel(loc)).toBe('7:3');
    expect(isNonLinePosition(loc)).toBe(false);
  });
});
