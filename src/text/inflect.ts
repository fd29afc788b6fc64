// Inflected forms of a word for phrase matching (guarantee -> guarantees, guaranteed,
// guaranteeing). Over-generation is harmless: a form that is not a word never occurs in text.

const VOWEL = /[aeiou]/;

/** Irregular verbs common in sales claims: their forms are not built by the rules below. */
const IRREGULAR: Record<string, string[]> = {
  go: ['goes', 'going', 'went', 'gone'],
  do: ['does', 'doing', 'did', 'done'],
  be: ['is', 'are', 'was', 'were', 'been', 'being'],
  have: ['has', 'having', 'had'],
  get: ['gets', 'getting', 'got', 'gotten'],
  make: ['makes', 'making', 'made'],
  break: ['breaks', 'breaking', 'broke', 'broken'],
  lose: ['loses', 'losing', 'lost'],
  catch: ['catches', 'catching', 'caught'],
  sell: ['sells', 'selling', 'sold'],
  bring: ['brings', 'bringing', 'brought'],
  take: ['takes', 'taking', 'took', 'taken'],
  come: ['comes', 'coming', 'came'],
  see: ['sees', 'seeing', 'saw', 'seen'],
  run: ['runs', 'running', 'ran'],
  fall: ['falls', 'falling', 'fell', 'fallen'],
  grow: ['grows', 'growing', 'grew', 'grown'],
  win: ['wins', 'winning', 'won'],
  pay: ['pays', 'paying', 'paid'],
  send: ['sends', 'sending', 'sent'],
  build: ['builds', 'building', 'built'],
  meet: ['meets', 'meeting', 'met'],
  keep: ['keeps', 'keeping', 'kept'],
  hold: ['holds', 'holding', 'held'],
  find: ['finds', 'finding', 'found'],
  leave: ['leaves', 'leaving', 'left'],
  cut: ['cuts', 'cutting'],
  hit: ['hits', 'hitting'],
  set: ['sets', 'setting'],
  put: ['puts', 'putting'],
  shut: ['shuts', 'shutting'],
  rise: ['rises', 'rising', 'rose', 'risen'],
  wear: ['wears', 'wearing', 'wore', 'worn'],
  spill: ['spills', 'spilling', 'spilled', 'spilt'],
  burn: ['burns', 'burning', 'burned', 'burnt'],
  fix: ['fixes', 'fixing', 'fixed'],
  lay: ['lays', 'laying', 'laid'],
  fit: ['fits', 'fitting', 'fitted'],
  hang: ['hangs', 'hanging', 'hung'],
  sort: ['sorts', 'sorting', 'sorted'],
  ship: ['ships', 'shipping', 'shipped'],
  drop: ['drops', 'dropping', 'dropped'],
  plan: ['plans', 'planning', 'planned'],
  stop: ['stops', 'stopping', 'stopped'],
  commit: ['commits', 'committing', 'committed'],
  deal: ['deals', 'dealing', 'dealt'],
  pour: ['pours', 'pouring', 'poured'],
  wire: ['wires', 'wiring', 'wired'],
};

export function inflections(word: string): string[] {
  const w = word.toLowerCase();
  const irregular = Object.hasOwn(IRREGULAR, w) ? IRREGULAR[w] : undefined;
  if (irregular) return [w, ...irregular];
  if (w.length < 3 || !/^[a-z]+$/.test(w)) return [w];
  const forms = new Set([w]);
  const last = w.at(-1)!;
  const prev = w.at(-2)!;
  // plural / 3rd person
  if (/(s|x|z|ch|sh)$/.test(w)) forms.add(w + 'es');
  else if (last === 'y' && !VOWEL.test(prev)) forms.add(w.slice(0, -1) + 'ies');
  else forms.add(w + 's');
  // past and -ing
  if (last === 'e') {
    forms.add(w + 'd');
    forms.add(w.slice(0, -1) + 'ing');
  } else if (last === 'y' && !VOWEL.test(prev)) {
    forms.add(w.slice(0, -1) + 'ied');
    forms.add(w + 'ing');
  } else {
    forms.add(w + 'ed');
    forms.add(w + 'ing');
    // ship -> shipped, shipping (short consonant-vowel-consonant stems)
    if (/[^aeiou][aeiou][bdgklmnprt]$/.test(w) && w.length <= 5) {
      forms.add(w + last + 'ed');
      forms.add(w + last + 'ing');
    }
  }
  return [...forms];
}
