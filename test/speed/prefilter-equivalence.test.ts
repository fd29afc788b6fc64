// The prefilter must never change a result: linting with it (only candidate sentences reach the
// rules, only those are tagged) gives exactly the findings of running every rule on every
// sentence, all tagged. Checked on the fixtures and, when present, the shared eval sets.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textAdapter } from '../../src/inputs/formats/text.js';
import { markdownAdapter } from '../../src/inputs/formats/markdown.js';
import { engineStats } from '../../src/engine/linter.js';
import { lintAndRewrite } from '../../src/runner/lint-file.js';
import { absentNote } from '../helpers/shared-data.js';

const lintDocument = async (...a: Parameters<typeof lintAndRewrite>) => (await lintAndRewrite(...a)).linted.findings;
import { compileRuleSet, type RuleSet } from '../../src/engine/ruleset.js';
import { loadLexicon, loadPackDir } from '../../src/rules/loader.js';
import type { Finding, InputDocument } from '../../src/shared/types.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SHARED_EVAL = join(ROOT, '..', 'shared', 'eval');

async function recommended(): Promise<RuleSet> {
  const { rules } = await loadPackDir(join(ROOT, 'rules', 'recommended'));
  return compileRuleSet(rules, await loadLexicon());
}

async function doc(name: string, text: string): Promise<InputDocument> {
  const adapter = name.endsWith('.md') ? markdownAdapter : textAdapter;
  return adapter.parse({ filePath: name, bytes: Buffer.from(text) }, { detectEmail: false });
}

const key = (f: Finding): string =>
  JSON.stringify([f.ruleId, f.start.line, f.start.column, f.end.line, f.end.column, f.message]);

async function compare(ruleset: RuleSet, name: string, text: string): Promise<{ fast: Finding[]; full: Finding[] }> {
  const d = await doc(name, text);
  const fast = await lintDocument(d, ruleset);
  const full = await lintDocument(d, ruleset, { exhaustive: true });
  return { fast, full };
}

describe('prefilter equivalence', () => {
  it('gives the same findings as tagging everything, on the fixtures', async () => {
    const ruleset = await recommended();
    const files = readdirSync(join(ROOT, 'fixtures')).filter((f) => /\.(md|txt)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(3);
    let total = 0;
    for (const f of files) {
      const { fast, full } = await compare(ruleset, f, readFileSync(join(ROOT, 'fixtures', f), 'utf8'));
      expect(fast.map(key), f).toEqual(full.map(key));
      total += fast.length;
    }
    expect(total).toBeGreaterThan(10);
  });

  it('tags far fewer sentences than it reads', async () => {
    const ruleset = await recommended();
    const before = { ...engineStats };
    for (const f of readdirSync(join(ROOT, 'fixtures')).filter((x) => /\.(md|txt)$/.test(x))) {
      await lintDocument(await doc(f, readFileSync(join(ROOT, 'fixtures', f), 'utf8')), ruleset);
    }
    const sentences = engineStats.sentences - before.sentences;
    const tagged = engineStats.tagged - before.tagged;
    expect(sentences).toBeGreaterThan(30);
    expect(tagged).toBeLessThan(sentences / 2);
  });

  for (const set of ['dev.jsonl', 'dev-written.jsonl', 'dev-web.jsonl']) {
    it.skipIf(!existsSync(join(SHARED_EVAL, set)))(
      `gives the same findings on ../shared/eval/${set}${absentNote(join(SHARED_EVAL, set))}`,
      async () => {
        const ruleset = await recommended();
        const items = readFileSync(join(SHARED_EVAL, set), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { id: string; text: string });
        // One document, one sentence a paragraph: the same sentences the scorer lints one by one.
        const text = items.map((i) => i.text).join('\n\n');
        const { fast, full } = await compare(ruleset, `${set}.txt`, text);
        expect(fast.length).toBeGreaterThan(0);
        expect(fast.map(key)).toEqual(full.map(key));
      },
    );
  }

  // Real sales writing by others: long legal sentences, wrapped emails, web copy. Every fifth
  // text or Markdown file, so the test stays quick while covering each kind of document.
  const CORPUS = join(ROOT, '..', 'shared', 'corpus');
  it.skipIf(!existsSync(CORPUS))(
    `gives the same findings on real documents (../shared/corpus)${absentNote(CORPUS)}`,
    async () => {
      const ruleset = await recommended();
      const files: string[] = [];
      const walk = (d: string): void => {
        for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
          if (e.isDirectory()) walk(join(d, e.name));
          else if (/\.(md|txt)$/.test(e.name)) files.push(join(d, e.name));
        }
      };
      walk(CORPUS);
      const sample = files.filter((_, i) => i % 5 === 0);
      expect(sample.length).toBeGreaterThan(10);
      let total = 0;
      for (const f of sample) {
        const { fast, full } = await compare(ruleset, f, readFileSync(f, 'utf8'));
        expect(fast.map(key), f).toEqual(full.map(key));
        total += fast.length;
      }
      expect(total).toBeGreaterThan(0);
    },
    120_000,
  );
});
