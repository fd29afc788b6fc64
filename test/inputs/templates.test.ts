import { describe, expect, it } from 'vitest';
import { BlockBuilder } from '../../src/inputs/positions/block-builder.js';
import { LineIndex } from '../../src/inputs/positions/line-index.js';
import { PLACEHOLDER as P } from '../../src/inputs/positions/placeholder.js';
import { opaqueMatcher, TEMPLATE_SYNTAXES, templateMatcher } from '../../src/inputs/prose/templates.js';
import { ConfigError } from '../../src/shared/errors.js';
import type { AdapterOptions, TextBlock } from '../../src/shared/types.js';

function block(text: string, options: AdapterOptions = {}): TextBlock | undefined {
  return new BlockBuilder().push(text, 0).build('paragraph', new LineIndex(text), { opaque: opaqueMatcher(options) });
}
const textOf = (text: string, options: AdapterOptions = {}): string | undefined => block(text, options)?.text;

describe('template placeholders', () => {
  it('turns each placeholder syntax into one neutral word', () => {
    expect(textOf('Hi {{customer_name}}, your racks ship soon.')).toBe(`Hi ${P}, your racks ship soon.`);
    expect(textOf('Hi {{{ customer.name }}}, thanks.')).toBe(`Hi ${P}, thanks.`);
    expect(textOf('Dear {first_name}, thanks for the call.')).toBe(`Dear ${P}, thanks for the call.`);
    expect(textOf('Dear %FIRST_NAME%, thanks.')).toBe(`Dear ${P}, thanks.`);
    expect(textOf('Prepared for [Customer Name] by us.')).toBe(`Prepared for ${P} by us.`);
    expect(textOf('Prepared for [COMPANY] on [date].')).toBe(`Prepared for ${P} on ${P}.`);
    expect(textOf('Dear «FirstName» «LastName», thanks.')).toBe(`Dear ${P} ${P}, thanks.`);
    expect(textOf('Hello {{ contact.first_name | capitalize }}, welcome.')).toBe(`Hello ${P}, welcome.`);
    expect(textOf('Hello <%= @user.name %>, welcome.')).toBe(`Hello ${P}, welcome.`);
  });

  it('removes control tags but keeps the words between them', () => {
    expect(textOf('{{#if rush}}We ship overnight.{{/if}} Otherwise in a week.')).toBe('We ship overnight. Otherwise in a week.');
    expect(textOf('Delivery {% if rush %}tomorrow{% else %}next week{% endif %} at the latest.')).toBe(
      'Delivery tomorrow next week at the latest.',
    );
    expect(textOf('We {{! internal note: always }}deliver on time.')).toBe('We deliver on time.');
    expect(textOf('A {# jinja comment #} B and {% comment %}we guarantee{% endcomment %} C.')).toBe('A B and C.');
  });

  it('keeps positions exact around placeholders', () => {
    const src = 'Hi {{name}}, we always deliver.';
    const b = block(src)!;
    const i = b.text.indexOf('always');
    expect(b.locate(i)).toMatchObject({ line: 1, column: src.indexOf('always') + 1 });
    expect(b.sourceOffset!(i)).toBe(src.indexOf('always'));
    // The placeholder is synthetic: no source offset; as a span it covers "{{name}}" exactly.
    const p = b.text.indexOf(P);
    expect(b.sourceOffset!(p)).toBe(-1);
    expect(b.locate(p).column).toBe(src.indexOf('{{') + 1);
    expect(b.locate(p + 1).column).toBe(src.indexOf('}}') + 3);
  });

  it('does not take ordinary text for a placeholder', () => {
    expect(textOf('We offer 50% off and 20% on renewals.')).toBe('We offer 50% off and 20% on renewals.');
    expect(textOf('See note [1] and the [we always ship] bracket.')).toBe('See note [1] and the [we always ship] bracket.');
    expect(textOf('Use a {} pair or { spaced } braces.')).toBe('Use a {} pair or { spaced } braces.');
  });

  it('treats URLs and email addresses as opaque words, always', () => {
    expect(textOf('See https://example.com/we-always-deliver?x=1. Then call.')).toBe(`See ${P}. Then call.`);
    expect(textOf('Mail sales@example.com or visit www.example.com today.', { templates: [] })).toBe(`Mail ${P} or visit ${P} today.`);
  });

  it('is configurable by syntax name', () => {
    expect(textOf('Dear {first_name} and [Customer Name].', { templates: ['brace'] })).toBe(`Dear ${P} and [Customer Name].`);
    expect(textOf('Dear {{name}}.', { templates: [] })).toBe('Dear {{name}}.');
    expect(TEMPLATE_SYNTAXES).toEqual(['mustache', 'liquid', 'brace', 'percent', 'bracket', 'merge-field', 'erb']);
    expect(() => templateMatcher(['jinja2'])).toThrow(ConfigError);
  });

  it('drops a block that holds only a control tag', () => {
    expect(block('{{#each items}}')).toBeUndefined();
  });
});
