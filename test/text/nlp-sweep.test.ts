// Our post-tagger sweep must tag exactly as compromise's own: same tags on every term, on every
// sentence of the fixtures and (when present) the shared eval sets.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';
import { fastSweep } from '../../src/text/nlp-sweep.js';
import type { Nlp } from '../../src/text/nlp.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SHARED_EVAL = join(ROOT, '..', 'shared', 'eval');

function sentences(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(join(ROOT, 'fixtures')).filter((x) => /\.(md|txt)$/.test(x))) {
    const text = readFileSync(join(ROOT, 'fixtures', f), 'utf8');
    for (const r of splitSentences(text)) out.push(text.slice(r.start, r.end));
  }
  for (const set of ['dev.jsonl', 'dev-written.jsonl']) {
    const file = join(SHARED_EVAL, set);
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) out.push(JSON.parse(line).text);
  }
  return out.filter((s) => /\p{L}/u.test(s));
}

/** Every term's text and sorted tags, sentence by sentence. */
const tagsOf = (nlp: Nlp, texts: string[]): string[] =>
  texts.map((t) => nlp(t).docs.map((terms) => terms.map((term) => `${term.text}/${[...term.tags].sort().join(',')}`).join(' ')).join(' | '));

describe('fast post-tagger sweep', () => {
  it('tags every sentence exactly as compromise does', async () => {
    const nlp = (await import('compromise/two')).default as unknown as Nlp & { methods(): { one: { bulkMatch: unknown } } };
    const original = nlp.methods().one.bulkMatch;
    expect(original).not.toBe(fastSweep);
    const texts = sentences();
    expect(texts.length).toBeGreaterThan(100);
    const theirs = tagsOf(nlp, texts);
    nlp.plugin({ methods: { one: { bulkMatch: fastSweep } } });
    try {
      expect(nlp.methods().one.bulkMatch).toBe(fastSweep);
      const ours = tagsOf(nlp, texts);
      for (let i = 0; i < texts.length; i++) expect(ours[i], texts[i]).toBe(theirs[i]);
    } finally {
      nlp.plugin({ methods: { one: { bulkMatch: original } } });
    }
  });
});
