// Our post-tagger sweep must tag exactly as compromise's own: same tags on every term, on every
// sentence of the fixtures and (when present) the shared eval sets.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';
import { fastSweep } from '../../src/text/nlp-sweep.js';
import type { Nlp } from '../../src/text/nlp.js';
import { absentNote } from '../helpers/shared-data.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SHARED_EVAL = join(ROOT, '..', 'shared', 'eval');

const EVAL_SETS = ['dev.jsonl', 'dev-written.jsonl'].map((set) => join(SHARED_EVAL, set));

function fixtureSentences(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(join(ROOT, 'fixtures')).filter((x) => /\.(md|txt)$/.test(x))) {
    const text = readFileSync(join(ROOT, 'fixtures', f), 'utf8');
    for (const r of splitSentences(text)) out.push(text.slice(r.start, r.end));
  }
  return out.filter((s) => /\p{L}/u.test(s));
}

function evalSentences(): string[] {
  const out: string[] = [];
  for (const file of EVAL_SETS) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) out.push(JSON.parse(line).text);
  }
  return out.filter((s) => /\p{L}/u.test(s));
}

/** Every term's text and sorted tags, sentence by sentence. */
const tagsOf = (nlp: Nlp, texts: string[]): string[] =>
  texts.map((t) =>
    nlp(t)
      .docs.map((terms) => terms.map((term) => `${term.text}/${[...term.tags].sort().join(',')}`).join(' '))
      .join(' | '),
  );

describe('fast post-tagger sweep', () => {
  it('tags every sentence of the fixtures exactly as compromise does', async () => {
    await expectSameTags(fixtureSentences(), 30);
  });

  const note = absentNote(SHARED_EVAL);
  it.skipIf(note !== '')(`tags every sentence of the shared eval sets exactly as compromise does${note}`, async () => {
    await expectSameTags(evalSentences(), 100);
  });
});

async function expectSameTags(texts: string[], atLeast: number): Promise<void> {
  const nlp = (await import('compromise/two')).default as unknown as Nlp & {
    methods(): { one: { bulkMatch: unknown } };
  };
  const original = nlp.methods().one.bulkMatch;
  expect(original).not.toBe(fastSweep);
  expect(texts.length).toBeGreaterThan(atLeast);
  const theirs = tagsOf(nlp, texts);
  nlp.plugin({ methods: { one: { bulkMatch: fastSweep } } });
  try {
    expect(nlp.methods().one.bulkMatch).toBe(fastSweep);
    const ours = tagsOf(nlp, texts);
    for (let i = 0; i < texts.length; i++) expect(ours[i], texts[i]).toBe(theirs[i]);
  } finally {
    nlp.plugin({ methods: { one: { bulkMatch: original } } });
  }
}
