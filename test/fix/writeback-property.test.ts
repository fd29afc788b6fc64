// Property tests over generated documents in every format that can be written back (Markdown
// and plain text): hard-wrapped paragraphs, list, quote and heading markers, indentation, LF,
// CRLF and CR-only line endings, U+2028, trailing blanks, a BOM, links, anchors {#x}, inline
// code and merge fields ({{x}}, %X%, [[x]], {x}). After --fix, `pitchlint rewrite` and a review
// that accepts everything:
//   - the line breaks, their kind, and every line's indentation and marker are the same;
//   - every link, anchor, code span and merge field is still there, in order;
//   - --fix changed bytes only inside the sentences of reported findings;
//   - a second --fix changes nothing.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffWordsWithSpace } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeText } from '../../src/inputs/source-text.js';
import { fixFile, type Linted } from '../../src/fix/fixer.js';
import { processBytes } from '../../src/runner/lint-file.js';
import { sentenceLocator } from '../../src/runner/fix-files.js';
import { rewriteDraft } from '../../src/runner/rewrite-file.js';
import { reviewFile } from '../../src/runner/review.js';
import { loadPackDir } from '../../src/rules/loader.js';
import { factsOf, ruleSetOf, RULES_DIR } from '../rewrites/helpers.js';

const ruleset = await ruleSetOf((await loadPackDir(join(RULES_DIR, 'recommended'))).rules);
const FACTS = factsOf({
  delivery: { typical: '2 business days' },
  support: { first_response: '4 business hours' },
  install: { typical: '3 weeks' },
});
const RUNS = Number(process.env.PITCHLINT_PROPERTY_RUNS ?? 30);

// Words of sales sentences: a claim, a hedged fact, or a plain remark, with fields and links.
const field = fc.constantFrom('{{first_name}}', '%CITY%', '[[site_name]]', '{company}', '{{ account.owner }}');
const claimWords = fc.constantFrom(
  'we always deliver overnight',
  'our crews never miss a date',
  'we guarantee the install will be done by Friday',
  'the new layout will double your pick rate',
  'we are the best racking partner in the region',
  'our support team responds instantly',
  'your price is locked in forever',
  'act now, this offer disappears tonight',
  'we will have the racks installed by March 14',
);
const plainWords = fc.constantFrom(
  'thanks for the call on Tuesday',
  'last year we delivered 98% of orders within 48 hours',
  'here is the plan we discussed',
  'the survey takes about a week',
);
const sentence = fc
  .tuple(fc.oneof(claimWords, plainWords), fc.option(field, { nil: undefined }), fc.boolean())
  .map(([words, f, before]) => {
    const s = f ? (before ? `${f}, ${words}` : `${words} for ${f}`) : words;
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  });

/** Join words into lines of at most `width` characters (a hard-wrapped paragraph). */
function wrap(text: string, width: number, trailing: string): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const w of text.split(' ')) {
    if (cur && cur.length + 1 + w.length > width) {
      lines.push(cur + trailing);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines;
}

interface Doc {
  text: string;
  file: string;
  bom: boolean;
}

const eolArb = fc.constantFrom('\n', '\r\n', '\r');
const paragraphArb = fc.tuple(
  fc.array(sentence, { minLength: 1, maxLength: 3 }),
  fc.integer({ min: 30, max: 90 }),
  fc.constantFrom('', ' ', '  '),
);

const markdownDoc: fc.Arbitrary<Doc> = fc
  .tuple(
    eolArb,
    fc.array(fc.tuple(fc.constantFrom('p', 'list', 'olist', 'quote', 'heading', 'link', 'code', 'sep'), paragraphArb), {
      minLength: 1,
      maxLength: 6,
    }),
    fc.boolean(),
  )
  .map(([eol, blocks, bom]) => {
    const out: string[] = [];
    for (const [kind, [ss, width, trailing]] of blocks) {
      const body = ss.join(' ');
      const lines = wrap(body, width, trailing);
      switch (kind) {
        case 'list':
          out.push(...lines.map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)));
          break;
        case 'olist':
          out.push(...lines.map((l, i) => (i === 0 ? `1. ${l}` : `   ${l}`)));
          break;
        case 'quote':
          out.push(...lines.map((l) => `> ${l}`));
          break;
        case 'heading':
          out.push(`## ${ss[0]!.replace(/\.$/, '')} {#always-on-time}`);
          break;
        case 'link':
          out.push(`${lines.join(eol)} See [how we always deliver](https://example.com/always-overnight).`);
          break;
        case 'code':
          out.push(`Run \`always --overnight\` first. ${body}`);
          break;
        case 'sep':
          out.push(`${ss[0]}\u2028${ss.slice(1).join(' ') || 'Thanks.'}`);
          break;
        default:
          out.push(...lines);
      }
      out.push('');
    }
    return { text: out.join(eol), file: 'draft.md', bom };
  });

const textDoc: fc.Arbitrary<Doc> = fc
  .tuple(
    eolArb,
    fc.array(fc.tuple(fc.constantFrom('p', 'bullet', 'quote', 'indent'), paragraphArb), { minLength: 1, maxLength: 5 }),
    fc.boolean(),
  )
  .map(([eol, blocks, bom]) => {
    const out: string[] = ['Hi {{first_name}},', ''];
    for (const [kind, [ss, width, trailing]] of blocks) {
      const lines = wrap(ss.join(' '), width, trailing);
      if (kind === 'bullet') out.push(...lines.map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)));
      else if (kind === 'quote') out.push(...lines.map((l) => `> ${l}`));
      else if (kind === 'indent') out.push(...lines.map((l) => `    ${l}`));
      else out.push(...lines);
      out.push('');
    }
    out.push('Jo', '');
    return { text: out.join(eol), file: 'draft.txt', bom };
  });

const SEPARATORS = /\r\n|[\r\n\u2028\u2029]/g;
const LINE_PREFIX = /^[ \t]*(?:(?:>|[-*+]|\d{1,9}[.)]|#{1,6})(?=[ \t]|$)[ \t]*)*/;
const PROTECTED =
  /\{\{[^}]*\}\}|\{#[^}]*\}|(?<!\{)\{[A-Za-z_][\w.-]*\}|\[\[[^\]]*\]\]|%[A-Z_]+%|`[^`]*`|\]\([^)]*\)|https?:\/\/[^\s)]+/g;

/** The line structure: every separator, and every line's prefix. */
function structure(text: string): { seps: string[]; prefixes: string[] } {
  return {
    seps: text.match(SEPARATORS) ?? [],
    prefixes: text.split(SEPARATORS).map((l) => LINE_PREFIX.exec(l)![0]),
  };
}
const protectedTokens = (text: string): string[] => text.match(PROTECTED) ?? [];

async function lint(doc: Doc, text: string): Promise<Linted> {
  const bytes = encodeText({ text, bom: doc.bom, encoding: 'utf8', eol: '\n' }, text);
  const { result, doc: parsed } = await processBytes(
    doc.file,
    bytes,
    ruleset,
    { detectEmail: false },
    { facts: FACTS },
  );
  return { result, sentenceOf: sentenceLocator(parsed) };
}

/** Source ranges where text[a, b) changed into `after` (word-level, in `before`'s offsets). */
function changedRanges(before: string, after: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let pos = 0;
  for (const part of diffWordsWithSpace(before, after)) {
    if (part.added) out.push([pos, pos]);
    else if (part.removed) {
      out.push([pos, pos + part.value.length]);
      pos += part.value.length;
    } else pos += part.value.length;
  }
  return out;
}

async function checkFix(doc: Doc): Promise<void> {
  const first = await lint(doc, doc.text);
  const sentences = first.result.findings.flatMap((f) => {
    const r = first.sentenceOf?.(f);
    return r ? [r] : [];
  });
  const once = await fixFile(first, { relint: (t) => lint(doc, t) });
  expect(structure(once.output)).toEqual(structure(doc.text));
  expect(protectedTokens(once.output)).toEqual(protectedTokens(doc.text));
  for (const [a, b] of changedRanges(doc.text, once.output)) {
    // Inside a reported sentence (a removed sentence may take the blanks around it).
    const inside = sentences.some(([s, e]) => {
      let s0 = s;
      let e0 = e;
      while (s0 > 0 && /[ \t]/.test(doc.text[s0 - 1]!)) s0--;
      while (e0 < doc.text.length && /[ \t]/.test(doc.text[e0]!)) e0++;
      return a >= s0 && b <= e0;
    });
    expect(inside, `change at ${a}-${b} "${doc.text.slice(a, b)}" outside the findings`).toBe(true);
  }
  const twice = await fixFile(await lint(doc, once.output), { relint: (t) => lint(doc, t) });
  expect(twice.output).toBe(once.output);
  expect(twice.fixed).toBe(0);
}

describe('property: --fix edits only inside reported sentences and keeps lines, markers and markup', () => {
  for (const [name, arb] of [
    ['Markdown', markdownDoc],
    ['plain text', textDoc],
  ] as const) {
    it(name, async () => {
      await fc.assert(fc.asyncProperty(arb, checkFix), { numRuns: RUNS });
    });
  }
});

describe('property: rewrite and review keep lines, markers and markup', () => {
  for (const [name, arb] of [
    ['Markdown', markdownDoc],
    ['plain text', textDoc],
  ] as const) {
    it(name, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pitchlint-wb-prop-'));
      await fc.assert(
        fc.asyncProperty(arb, async (doc) => {
          const path = join(dir, doc.file);
          const bytes = encodeText({ text: doc.text, bom: doc.bom, encoding: 'utf8', eol: '\n' }, doc.text);
          writeFileSync(path, bytes);
          const r = await rewriteDraft(doc.file, { cwd: dir, rules: [], adapter: { detectEmail: false } });
          expect(r.code).toBe(0);
          expect(structure(r.output)).toEqual(structure(doc.text));
          expect(protectedTokens(r.output)).toEqual(protectedTokens(doc.text));
          // Review, accepting every rewrite it can (one with a placeholder is refused, then skipped).
          let asked = false;
          const out = await reviewFile(
            doc.file,
            { cwd: dir, rules: [], adapter: { detectEmail: false } },
            {
              out: (t) => {
                if (/\(\d+ of \d+\)/.test(t)) asked = false;
              },
              ask: async () => {
                const answer = asked ? 's' : 'a';
                asked = true;
                return answer;
              },
            },
          );
          expect(out.code).toBe(0);
          const after = readFileSync(path)
            .toString('utf8')
            .replace(/^\ufeff/, '');
          expect(readFileSync(path)[0] === 0xef).toBe(doc.bom);
          expect(structure(after)).toEqual(structure(doc.text));
          expect(protectedTokens(after)).toEqual(protectedTokens(doc.text));
        }),
        { numRuns: Math.max(5, Math.round(RUNS / 3)) },
      );
    });
  }
});
