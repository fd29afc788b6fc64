// Inflected forms of a word for phrase matching (guarantee -> guarantees, guaranteed,
// guaranteeing). Over-generation is harmless: a form that is not a word never occurs in text.

const VOWEL = /[aeiou]/;

export function inflections(word: string): string[] {
  const w = word.toLowerCase();
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
