import { describe, expect, it } from 'vitest';
import { xmlAttr, xmlText } from '../../src/reporters/xml.js';
import { parseXml } from './xml-tree.js';

const doc = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;

describe('xml escaping', () => {
  const nasty = `a <b> & "c" 'd' ]]> \u0000\u0007\u001b\ufffe tab\tnl\ncr\r 😀 \ud800 end`;

  it('round-trips markup characters and whitespace through a parser', () => {
    const root = parseXml(doc(`<x v="${xmlAttr(nasty)}">${xmlText(nasty)}</x>`));
    // eslint-disable-next-line no-control-regex -- the forbidden characters under test
    const expected = nasty.replace(/[\u0000\u0007\u001b\ufffe\ud800]/g, '\uFFFD');
    expect(root.attrs.v).toBe(expected);
    expect(root.text).toBe(expected);
  });

  it('never writes a character XML 1.0 forbids', () => {
    // eslint-disable-next-line no-control-regex
    expect(xmlAttr(nasty) + xmlText(nasty)).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
  });

  it('keeps surrogate pairs and replaces lone halves', () => {
    expect(xmlText('😀')).toBe('😀');
    expect(xmlText('\udc00x\ud800')).toBe('\uFFFDx\uFFFD');
  });
});

describe('the test XML reader rejects what is not well-formed', () => {
  it.each(['<a><b></a>', '<a>x & y</a>', '<a><b>', '<a x="<"></a>', '<a x="a"b"></a>', '<a>\u0001</a>', '<a/><b/>'])(
    '%j',
    (body) => {
      expect(() => parseXml(doc(body))).toThrow();
    },
  );
});
