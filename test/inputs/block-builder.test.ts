// BlockBuilder stores runs of source offsets, not one offset per character. These tests pin its
// behaviour to the straightforward per-character model it replaced (kept here as the reference):
// same text, same locate() for every index 0..length, same sourceOffset() everywhere.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlockBuilder } from '../../src/inputs/positions/block-builder.js';
import { PLACEHOLDER } from '../../src/inputs/positions/placeholder.js';
import { templateMatcher, type TemplateMatcher } from '../../src/inputs/prose/templates.js';
import type { Location } from '../../src/shared/types.js';

/** The per-character implementation BlockBuilder had before (reference model). */
class ReferenceBuilder {
  text = '';
  offsets: number[] = [];
  endOffset = -1;
  push(text: string, sourceStart: number): void {
    for (let i = 0; i < text.length; i++) this.offsets.push(sourceStart + i);
    this.text += text;
    this.endOffset = sourceStart + text.length;
  }
  pushAt(text: string, sourceOffset: number, sourceEnd = sourceOffset + 1): void {
    for (let i = 0; i < text.length; i++) this.offsets.push(sourceOffset);
    this.text += text;
    this.endOffset = sourceEnd;
  }
  pushSynthetic(text: string): void {
    for (let i = 0; i < text.length; i++) this.offsets.push(-1);
    this.text += text;
  }
  dropLast(): void {
    this.text = this.text.slice(0, -1);
    const o = this.offsets.pop();
    if (o !== undefined && o >= 0) this.endOffset = o;
  }
  gap(): void {
    if (this.text.length > 0 && !/\s/.test(this.text.charAt(this.text.length - 1))) this.pushSynthetic(' ');
  }
  placeholder(): void {
    this.gap();
    this.pushSynthetic(PLACEHOLDER);
  }
  neutralise(match: TemplateMatcher): void {
    const spans = match(this.text);
    if (spans.length === 0) return;
    const src = this.text;
    const srcOffsets = this.offsets;
    this.text = '';
    this.offsets = [];
    let pos = 0;
    const copy = (from: number, to: number): void => {
      this.text += src.slice(from, to);
      for (let i = from; i < to; i++) this.offsets.push(srcOffsets[i]!);
    };
    for (const s of spans) {
      copy(pos, s.start);
      if (!s.control) this.pushSynthetic(PLACEHOLDER);
      else {
        const before = this.text.charAt(this.text.length - 1);
        const after = src.charAt(s.end);
        if (/\S/.test(before) && /\S/.test(after)) this.pushSynthetic(' ');
        else if (/\s/.test(before) && /\s/.test(after)) {
          pos = s.end + 1;
          continue;
        }
      }
      pos = s.end;
    }
    copy(pos, src.length);
  }
  locate(index: number): number {
    const { offsets, text, endOffset: end } = this;
    const resolved = new Array<number>(offsets.length + 1);
    resolved[offsets.length] = end;
    for (let i = offsets.length - 1; i >= 0; i--) resolved[i] = offsets[i]! >= 0 ? offsets[i]! : resolved[i + 1]!;
    const i = Math.max(0, Math.min(index, text.length));
    if (i > 0 && (i === text.length || offsets[i]! < 0) && offsets[i - 1]! >= 0) return offsets[i - 1]! + 1;
    return resolved[i]!;
  }
  sourceOffset(index: number): number {
    return index === this.text.length ? this.endOffset : (this.offsets[index] ?? -1);
  }
}

const offsetLocator = { locate: (offset: number): Location => ({ line: 1, column: offset + 1, offset }) };

type Op =
  | { op: 'push'; text: string; at: number }
  | { op: 'pushAt'; text: string; at: number; end?: number }
  | { op: 'synthetic'; text: string }
  | { op: 'dropLast' }
  | { op: 'gap' }
  | { op: 'placeholder' };

const word = fc.constantFrom(
  'we',
  'always',
  'deliver',
  ' ',
  'x',
  '{{name}}',
  'www.e.com',
  'a',
  '&',
  '🚀',
  '{% if x %}',
  '  ',
);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('push' as const), text: word, at: fc.nat(200) }),
  fc.record({
    op: fc.constant('pushAt' as const),
    text: fc.constantFrom('&', 'é', '🚀', ' ', 'ab'),
    at: fc.nat(200),
    end: fc.option(fc.nat(220), { nil: undefined }),
  }),
  fc.record({ op: fc.constant('synthetic' as const), text: fc.constantFrom(' ', PLACEHOLDER, 'ab') }),
  fc.constant({ op: 'dropLast' as const }),
  fc.constant({ op: 'gap' as const }),
  fc.constant({ op: 'placeholder' as const }),
);

function apply(ops: Op[]): { real: BlockBuilder; ref: ReferenceBuilder } {
  const real = new BlockBuilder();
  const ref = new ReferenceBuilder();
  let cursor = 0;
  for (const o of ops) {
    switch (o.op) {
      case 'push':
        // Mostly contiguous pushes (one run), sometimes a jump.
        cursor = o.at % 3 === 0 ? o.at : cursor;
        real.push(o.text, cursor);
        ref.push(o.text, cursor);
        cursor += o.text.length;
        break;
      case 'pushAt':
        real.pushAt(o.text, o.at, o.end);
        ref.pushAt(o.text, o.at, o.end);
        break;
      case 'synthetic':
        real.pushSynthetic(o.text);
        ref.pushSynthetic(o.text);
        break;
      case 'dropLast':
        real.dropLast();
        ref.dropLast();
        break;
      case 'gap':
        real.gap();
        ref.gap();
        break;
      case 'placeholder':
        real.placeholder();
        ref.placeholder();
        break;
    }
  }
  return { real, ref };
}

describe('BlockBuilder (runs) behaves like the per-character model', () => {
  it('for generated sequences of pushes, with and without template neutralisation', () => {
    const matcher = templateMatcher();
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), fc.boolean(), (ops, opaque) => {
        const { real, ref } = apply(ops);
        expect(real.content).toBe(ref.text);
        expect(real.length).toBe(ref.text.length);
        const block = real.build('paragraph', offsetLocator, opaque ? { opaque: matcher } : {});
        if (opaque) ref.neutralise(matcher);
        if (!/[\p{L}\p{N}]/u.test(ref.text)) {
          expect(block).toBeUndefined();
          return;
        }
        expect(block).toBeDefined();
        expect(block!.text).toBe(ref.text);
        // In order, backwards and at random: the lookup hint must not matter.
        const indexes = [...Array(ref.text.length + 1).keys()];
        for (const i of [...indexes, ...indexes.reverse(), -1, ref.text.length + 3]) {
          expect(block!.locate(i).offset, `locate(${i}) of ${JSON.stringify(ref.text)}`).toBe(ref.locate(i));
          expect(block!.sourceOffset!(i), `sourceOffset(${i})`).toBe(ref.sourceOffset(i));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('stores a long contiguous push as one run and answers lookups by binary search', () => {
    const b = new BlockBuilder();
    const words = Array.from({ length: 5000 }, (_, i) => `word${i}`);
    let at = 0;
    for (const w of words) {
      b.push(w, at);
      at += w.length;
      b.pushSynthetic(' ');
      at += 3; // markup between words in the source
    }
    const block = b.build('paragraph', offsetLocator)!;
    const i = block.text.indexOf('word4321');
    expect(block.sourceOffset!(i)).toBe(words.slice(0, 4321).reduce((n, w) => n + w.length + 3, 0));
    // A synthetic space locates at the next word (or, as an end, just after the previous one).
    expect(block.sourceOffset!(i - 1)).toBe(-1);
    expect(block.locate(i - 1).offset).toBe(block.sourceOffset!(i - 2) + 1);
  });

  it('keeps dropLast, pushAt ends and writable:false as before', () => {
    const b = new BlockBuilder().push('deliv-', 10).pushSynthetic(' ');
    b.dropLast(); // the synthetic space
    b.dropLast(); // the hyphen: the end is now where the hyphen was
    b.push('ery', 20);
    const block = b.build('paragraph', offsetLocator)!;
    expect(block.text).toBe('delivery');
    expect([...Array(9).keys()].map((i) => block.sourceOffset!(i))).toEqual([10, 11, 12, 13, 14, 20, 21, 22, 23]);
    const entity = new BlockBuilder().push('A ', 0).pushAt('&', 2, 7).push(' B', 7).build('paragraph', offsetLocator)!;
    expect(entity.sourceOffset!(2)).toBe(2);
    expect(entity.locate(3).offset).toBe(7); // the next character comes after the whole reference
    const end = new BlockBuilder().push('A ', 0).pushAt('&', 2, 7).build('paragraph', offsetLocator)!;
    expect(end.sourceOffset!(3)).toBe(7); // the block ends after the reference
    const ro = new BlockBuilder().push('We deliver', 0).build('paragraph', offsetLocator, { writable: false })!;
    expect(ro.sourceOffset).toBeUndefined();
    expect(new BlockBuilder().push('...', 0).build('paragraph', offsetLocator)).toBeUndefined();
  });
});

describe('building a long block takes linear time', () => {
  /** CPU ms to build a paragraph of `n` words pushed one by one with gap() between (as HTML does). */
  const cost = (n: number, lines: boolean): number => {
    const t = process.cpuUsage();
    const b = new BlockBuilder();
    let at = 0;
    for (let i = 0; i < n; i++) {
      const w = i % 9 === 0 ? `{{field${i}}}` : `word${i}`;
      b.push(w, at);
      at += w.length + 1;
      if (lines && i % 5 === 4) b.pushLineBreak();
      else b.gap();
    }
    expect(b.build('paragraph', offsetLocator, { opaque: templateMatcher() })).toBeDefined();
    const d = process.cpuUsage(t);
    return (d.user + d.system) / 1000;
  };

  it.each([false, true])('four times the words cost about four times the time (line breaks: %s)', (lines) => {
    cost(5_000, lines); // warm up
    const small = cost(20_000, lines);
    const large = cost(80_000, lines);
    // Linear is 4; the quadratic version (re-reading the end of a string built with +=, scanning
    // every line break per placeholder) was over 16. A floor for tiny times on a busy machine.
    expect(large).toBeLessThan(Math.max(8 * small, 400));
  });
});
