// Template placeholders are opaque: a template should lint like the finished text would.
// A placeholder inside a sentence ({{customer_name}}, %FIRST_NAME%, [Customer Name]…) becomes the
// neutral synthetic PLACEHOLDER word; control tags ({{#if rush}}, {% endif %}, comments) vanish,
// leaving a synthetic space only when removing them would glue two words together. Applied by
// BlockBuilder.build to the extracted text, so every adapter shares it and offsets stay exact.
// URLs and email addresses are always opaque too (see opaqueMatcher), whatever the syntaxes.
//
// Syntax names (AdapterOptions.templates; default: all of them; [] turns templating off):
//   mustache      {{name}} {{{name}}} and Handlebars {{#if x}} {{else}} {{/if}} {{> partial}} {{! … }}
//   liquid        Liquid/Jinja/Twig {{ name }} {% if x %} {% endif %} {# … #} {% comment %}…{% endcomment %}
//   brace         {first_name}            (one identifier, no spaces)
//   percent       %FIRST_NAME%            (one identifier; "50% off 20%" is not one)
//   bracket       [Customer Name] [DATE] [first_name]   (one identifier, or Title Case words)
//   merge-field   «MergeField»            (Word mail-merge fields)
//   erb           <%= name %> <% if x %>  (ERB/EJS)

import { ConfigError } from '../../shared/errors.js';
import type { AdapterOptions } from '../../shared/types.js';

export const TEMPLATE_SYNTAXES = ['mustache', 'liquid', 'brace', 'percent', 'bracket', 'merge-field', 'erb'] as const;
export type TemplateSyntax = (typeof TEMPLATE_SYNTAXES)[number];

interface Rule {
  re: RegExp;
  /** true: the match vanishes (control tag, comment); false: it becomes a placeholder word. */
  control: (match: string) => boolean;
}

const always = (): boolean => true;
const never = (): boolean => false;

const RULES: Record<TemplateSyntax, Rule[]> = {
  mustache: [
    { re: /\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, control: always },
    { re: /\{\{\{[^{}]{1,200}\}\}\}/g, control: never },
    { re: /\{\{~?\s*(?:[#/^>]|else\b)[^{}]{0,200}\}\}/g, control: always },
    { re: /\{\{~?[^{}]{1,200}?~?\}\}/g, control: never },
  ],
  liquid: [
    { re: /\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, control: always },
    { re: /\{#[\s\S]{0,500}?#\}/g, control: always },
    { re: /\{%[\s\S]{1,300}?%\}/g, control: always },
    { re: /\{\{-?[^{}]{1,200}?-?\}\}/g, control: never },
  ],
  brace: [{ re: /(?<![{$\w])\{[A-Za-z_][\w.-]{0,60}\}(?!\})/g, control: never }],
  percent: [{ re: /(?<![\w%])%[A-Za-z_][\w]{0,60}%(?![\w%])/g, control: never }],
  bracket: [
    { re: /\[(?:[A-Za-z_]\w{0,40}|[A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|of|or|and|the|&)){1,5})\](?![[(:])/g, control: never },
  ],
  'merge-field': [{ re: /«[^«»\n]{1,80}»/g, control: never }],
  erb: [
    { re: /<%#[\s\S]{0,500}?%>/g, control: always },
    { re: /<%[=-][\s\S]{1,300}?-?%>/g, control: never },
    { re: /<%[\s\S]{1,300}?-?%>/g, control: always },
  ],
};

export interface TemplateSpan {
  start: number;
  end: number;
  control: boolean;
}

export type TemplateMatcher = (text: string) => TemplateSpan[];

function rulesFor(syntaxes: readonly string[]): Rule[] {
  const rules: Rule[] = [];
  for (const name of syntaxes) {
    const r = RULES[name as TemplateSyntax];
    if (!r) throw new ConfigError(`unknown template syntax "${name}" (known: ${TEMPLATE_SYNTAXES.join(', ')})`);
    rules.push(...r);
  }
  return rules;
}

/** Matcher for the given template syntaxes only (no URLs). */
export function templateMatcher(syntaxes: readonly string[] = TEMPLATE_SYNTAXES): TemplateMatcher {
  return compile(rulesFor(syntaxes));
}

function compile(rules: Rule[]): TemplateMatcher {
  return (text) => {
    // Fast exit: every rule needs one of these characters.
    if (!/[{%[«<@]|www\.|:\/\//i.test(text)) return [];
    const taken = new Uint8Array(text.length);
    const spans: TemplateSpan[] = [];
    for (const rule of rules) {
      rule.re.lastIndex = 0;
      for (const m of text.matchAll(rule.re)) {
        const start = m.index;
        const end = start + m[0].length;
        if (taken.subarray(start, end).some((t) => t)) continue; // an earlier rule won
        taken.fill(1, start, end);
        spans.push({ start, end, control: rule.control(m[0]) });
      }
    }
    return spans.sort((a, b) => a.start - b.start);
  };
}

/** URLs and email addresses in running text: placeholders too (a URL slug is not prose). */
const URL_RULES: Rule[] = [
  { re: /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"'`]*[^\s<>"'`.,;:!?)\]}]/gi, control: never },
  { re: /\b(?:mailto:)?[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\b/g, control: never },
];

const cache = new Map<string, TemplateMatcher>();

/**
 * The matcher every adapter passes to BlockBuilder.build: the configured template syntaxes
 * (default all) plus URLs and email addresses, which are always opaque.
 */
export function opaqueMatcher(options: AdapterOptions): TemplateMatcher {
  const syntaxes = options.templates ?? TEMPLATE_SYNTAXES;
  const key = syntaxes.join(',');
  let m = cache.get(key);
  if (!m) {
    m = compile([...URL_RULES, ...rulesFor(syntaxes)]);
    cache.set(key, m);
  }
  return m;
}
