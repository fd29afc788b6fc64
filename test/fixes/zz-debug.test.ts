import { it } from 'vitest';
import { Sentence } from '../../src/engine/sentence.js';
import { loadLexicon } from '../../src/rules/loader.js';
import { loadNlp } from '../../src/text/nlp.js';
import { claimVerb, clauseOf, isClaimVerb, isAuxiliary } from '../../src/fixes/analysis.js';
it('debug', async () => {
  await loadNlp();
  const s = new Sentence('Our damp-proof course gets rid of rising damp once and for all.', await loadLexicon());
  s.tagged();
  s.tokens.forEach((t, i) => console.log(i, JSON.stringify(t.text), [...s.tags(i)].join('|'), clauseOf(s, i), isClaimVerb(s, i, clauseOf(s, i)[0]), isAuxiliary(s, i)));
  console.log('verb', claimVerb(s, 10, 14));
}, 60000);
