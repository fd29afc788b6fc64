import { describe, expect, it } from 'vitest';
import { decodedNote, fileAnchor, fullLabel, placeWords, positionLabel } from '../../src/reporters/location-label.js';

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
  });

  it('says nothing about a part whose positions are in the raw file', () => {
    const loc = { line: 7, column: 3, part: '1 text/plain' };
    expect(fullLabel(loc)).toBe('7:3');
    expect(placeWords(loc)).toBe('');
    expect(fileAnchor(loc)).toEqual({ line: 7, column: 3 });
  });

  it.each([
    [{ line: 12, column: 34, paragraph: 12 }, 'paragraph 12', 'paragraph 12, column 34'],
    [{ line: 14, column: 5, page: 3 }, 'page 3', 'page 3, line 14, column 5'],
    [
      { line: 4, column: 12, row: 3, field: 'Delivery Notes' },
      'row 3, field Delivery Notes',
      'row 3, field Delivery Notes',
    ],
    [
      { line: 7, column: 3, part: '1.2 text/html', decoded: true },
      'decoded part 1.2, line 7, column 3',
      'decoded part 1.2, line 7, column 3',
    ],
    [
      { line: 3, column: 40, part: 'Subject', decoded: true },
      'decoded Subject header, column 40',
      'decoded Subject header, column 40',
    ],
  ])('says where %j is in words', (loc, short, full) => {
    expect(placeWords(loc)).toBe(short);
    expect(placeWords(loc, true)).toBe(full);
  });

  it('anchors only on lines the file really has', () => {
    expect(fileAnchor({ line: 12, column: 34, paragraph: 12 })).toBeUndefined();
    expect(fileAnchor({ line: 14, column: 5, page: 3 })).toBeUndefined();
    expect(fileAnchor({ line: 4, column: 12, row: 3, field: 'Notes' })).toEqual({ line: 4, column: 12 });
    expect(fileAnchor({ line: 3, column: 40, part: 'Subject', decoded: true })).toEqual({ line: 3 });
    expect(fileAnchor({ line: 7, column: 3, part: '1.2 text/html', decoded: true })).toBeUndefined();
    expect(fileAnchor({ line: 7, column: 3, part: '1.2 text/html', decoded: true }, 21)).toEqual({ line: 21 });
  });
});
