// Our post-tagger sweep must tag exactly as compromise's own: same tags on every term, on every
// sentence of the fixtures, the labeled claims corpus (test/corpus) and, when present, the shared
// eval sets and every text, Markdown and HTML file of the shared real-text corpus.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';
import { fastSweep } from '../../src/text/nlp-sweep.js';
import type { Nlp } from '../../src/text/nlp.js';
import { absentNote } from '../helpers/shared-data.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SHARED_EVAL = join(ROOT, '..', 'shared', 'eval');

const SHARED_CORPUS = join(ROOT, '..', 'shared', 'corpus');
const EVAL_SETS = ['dev.jsonl', 'dev-written.jsonl', 'dev-web.jsonl'].map((set) => join(SHARED_EVAL, set));

function fixtureSentences(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(join(ROOT, 'fixtures')).filter((x) => /\.(md|txt)$/.test(x))) {
    const text = readFileSync(join(ROOT, 'fixtures', f), 'utf8');
    for (const r of splitSentences(text)) out.push(text.slice(r.start, r.end));
  }
  return out.filter((s) => /\p{L}/u.test(s));
}

function jsonlSentences(files: string[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) out.push(JSON.parse(line).text);
  }
  return out.filter((s) => /\p{L}/u.test(s));
}

const evalSentences = (): string[] => jsonlSentences(EVAL_SETS);

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory()) out.push(...filesUnder(join(dir, e.name), ext));
    else if (ext.test(e.name)) out.push(join(dir, e.name));
  }
  return out;
}

/** Sentences of files as the engine splits them (Markdown and HTML markup included: the tagger sees worse). */
function fileSentences(files: string[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const text = readFileSync(f, 'utf8').replace(/\s+/g, ' ');
    for (const r of splitSentences(text)) out.push(text.slice(r.start, r.end));
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

  it('tags every sentence of the labeled claims corpus (test/corpus) exactly as compromise does', async () => {
    await expectSameTags(jsonlSentences(filesUnder(join(ROOT, 'test', 'corpus'), /\.jsonl$/)), 4000);
  }, 120_000);

  const corpusNote = absentNote(SHARED_CORPUS);
  it.skipIf(corpusNote !== '')(
    `tags every sentence of the shared real-text corpus exactly as compromise does${corpusNote}`,
    async () => {
      await expectSameTags(fileSentences(filesUnder(SHARED_CORPUS, /\.(md|txt|html?)$/)), 3000);
    },
    300_000,
  );

  const note = absentNote(SHARED_EVAL);
  it.skipIf(note !== '')(
    `tags every sentence of the shared eval sets exactly as compromise does${note}`,
    async () => {
      await expectSameTags(evalSentences(), 100);
    },
    120_000,
  );
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
