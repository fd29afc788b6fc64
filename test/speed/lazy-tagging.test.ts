// Tagging is most of a run's cost, so a candidate sentence is tagged only when a rule that
// declares needsTags first reads a tag: on ordinary text most commitment candidates fail their
// word tests first. Measured on ../shared/corpus (real documents; skipped when absent). That
// this changes no finding is prefilter-equivalence.test.ts's job.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textAdapter } from '../../src/inputs/formats/text.js';
import { markdownAdapter } from '../../src/inputs/formats/markdown.js';
import { engineStats, lintDocument } from '../../src/engine/linter.js';
import { compileRuleSet, type RuleSet } from '../../src/engine/ruleset.js';
import { loadLexicon, loadPackDir } from '../../src/rules/loader.js';
import type { InputDocument } from '../../src/shared/types.js';
import { absentNote } from '../helpers/shared-data.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');

async function recommended(): Promise<RuleSet> {
  const { rules } = await loadPackDir(join(ROOT, 'rules', 'recommended'));
  return compileRuleSet(rules, await loadLexicon());
}

/** The text and Markdown documents of the shared corpus, in a fixed order. */
async function corpusDocs(): Promise<InputDocument[]> {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(md|txt)$/.test(e.name)) files.push(p);
    }
  };
  walk(CORPUS);
  return Promise.all(
    files
      .sort()
      .map((f) =>
        (f.endsWith('.md') ? markdownAdapter : textAdapter).parse({ filePath: f, bytes: readFileSync(f) }, {}),
      ),
  );
}

describe('lazy tagging', { timeout: 240_000 }, () => {
  it.skipIf(!existsSync(CORPUS))(
    `tags fewer sentences than reach a rule that reads tags${absentNote(CORPUS)}`,
    async () => {
      const docs = await corpusDocs();
      // How many sentences reach a rule that reads tags (each would be tagged up front).
      let reachTagRules = 0;
      const traced = await recommended();
      for (const d of docs)
        await lintDocument(d, traced, {
          trace: { sentence: (_s, rules) => void (rules.some((r) => r.needsTags) && reachTagRules++) },
        });
      // A fresh rule set, so no memo of the traced run is reused.
      const before = engineStats.tagged;
      const ruleset = await recommended();
      for (const d of docs) await lintDocument(d, ruleset);
      const tagged = engineStats.tagged - before;
      expect(reachTagRules).toBeGreaterThan(50);
      expect(tagged).toBeGreaterThan(0);
      // Up front, every one of them was tagged; the word tests spare at least a tenth. (They
      // spared a fifth before the claim rules of the detection rebuild, which read tags sooner.)
      expect(tagged).toBeLessThan(reachTagRules * 0.9);
    },
  );
});

describe('lazy tagging: a present verb of any class', () => {
  const lint = async (ruleset: RuleSet, text: string) => {
    const doc = await textAdapter.parse({ filePath: 'draft.txt', bytes: Buffer.from(text) }, {});
    const before = engineStats.tagged;
    const { findings } = await lintDocument(doc, ruleset);
    return { findings, tagged: engineStats.tagged - before };
  };

  it('is not tagged when a word test rules the claim out (a habit word before the verb)', async () => {
    const ruleset = await recommended();
    // A deadline after a word in -s, but a habit word before it ("usually leaves before noon"):
    // the scheduled present cannot claim there, whatever the tags say.
    for (const text of [
      'The crew usually leaves the depot before noon on site days.',
      'Our dispatcher typically leaves the office before noon.',
    ]) {
      const r = await lint(ruleset, text);
      expect(r.tagged, text).toBe(0);
    }
  });

  it('is not tagged for a modal with no verb of the class before its clause ends', async () => {
    const ruleset = await recommended();
    for (const text of [
      'The board will meet on Friday before noon to vote on the budget.',
      'Our auditors will probably ask about the invoices by the end of the week.',
    ]) {
      const r = await lint(ruleset, text);
      expect(r.tagged, text).toBe(0);
    }
  });

  it('still tags, and flags, a completion deadline after a present verb', async () => {
    const ruleset = await recommended();
    const r = await lint(ruleset, 'Your new fleet dashboard goes live by the end of the month.');
    expect(r.findings.map((f) => f.ruleId).length).toBeGreaterThan(0);
  });
});
