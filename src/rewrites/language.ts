// Small pieces of English grammar the rewrites need: verb agreement, plurals, comparatives and
// a/an. compromise's conjugation tables do the work when the tagger is loaded (it always is by the
// time a finding is rewritten); simple suffix rules are the fallback.
import { nlpLoaded } from '../text/nlp.js';

interface Transform {
  verb: {
    conjugate(v: string, model: unknown): Record<string, string>;
    toInfinitive(v: string, model: unknown, tense: string): string;
  };
  noun: { toPlural(n: string, model: unknown): string };
  adjective: { fromSuperlative(a: string, model: unknown): string; toComparative(a: string, model: unknown): string };
}

let cached: { t: Transform; model: unknown } | null | undefined;

function transforms(): { t: Transform; model: unknown } | undefined {
  if (cached !== undefined) return cached ?? undefined;
  const nlp = nlpLoaded() as unknown as
    { methods?: () => { two?: { transform?: Transform } }; model?: () => unknown } | undefined;
  if (!nlp) return undefined;
  try {
    const t = nlp.methods?.().two?.transform;
    cached = t && nlp.model ? { t, model: nlp.model() } : null;
  } catch {
    cached = null;
  }
  return cached ?? undefined;
}

const IRREGULAR_3SG: Record<string, string> = { be: 'is', have: 'has', do: 'does', go: 'goes' };

/** "expect" -> "expects", "carry" -> "carries" (third person singular, present). */
export function thirdSingular(verb: string): string {
  const v = verb.toLowerCase();
  if (IRREGULAR_3SG[v]) return matchCase(verb, IRREGULAR_3SG[v]!);
  const tf = transforms();
  if (tf) {
    try {
      const c = tf.t.verb.conjugate(v, tf.model).PresentTense;
      if (c && c !== v) return matchCase(verb, c);
    } catch {
      /* fall through */
    }
  }
  if (/(s|sh|ch|x|z|o)$/.test(v)) return `${verb}es`;
  if (/[^aeiou]y$/.test(v)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

const IRREGULAR_BASE: Record<string, string> = {
  is: 'be',
  are: 'be',
  am: 'be',
  "'s": 'be',
  "'re": 'be',
  has: 'have',
  does: 'do',
  goes: 'go',
};

/** "moves" -> "move", "carries" -> "carry", "is" -> "be" (the base form of a present-tense verb). */
export function baseForm(verb: string): string {
  const v = verb.toLowerCase().replace(/’/g, "'");
  if (IRREGULAR_BASE[v]) return IRREGULAR_BASE[v]!;
  const tf = transforms();
  if (tf) {
    try {
      const b = tf.t.verb.toInfinitive(v, tf.model, 'PresentTense');
      if (b) return matchCase(verb, b);
    } catch {
      /* fall through */
    }
  }
  if (/[^aeiou]ies$/.test(v)) return `${verb.slice(0, -3)}y`;
  if (/(ss|sh|ch|x|z|o)es$/.test(v)) return verb.slice(0, -2);
  if (/[^s]s$/.test(v)) return verb.slice(0, -1);
  return verb;
}

const PLURAL_SAME = new Set([
  'logistics',
  'software',
  'support',
  'equipment',
  'data',
  'staff',
  'freight',
  'service',
  'hardware',
  'feedback',
  'news',
  'advice',
  'pricing',
  'shipping',
]);

/**
 * Nouns read as a mass, not one thing: "better coverage than most", never "a better coverage".
 * The uncountable words above that take no article in a comparison, and the qualities sales
 * copy compares.
 */
const MASS_NOUNS = new Set([
  ...[...PLURAL_SAME].filter((w) => w !== 'staff' && w !== 'data'),
  'coverage',
  'quality',
  'security',
  'protection',
  'care',
  'insurance',
  'performance',
  'reliability',
  'workmanship',
  'craftsmanship',
  'value',
  'uptime',
  'communication',
  'accuracy',
  'safety',
  'comfort',
  'flexibility',
  'visibility',
  'availability',
  'efficiency',
  'expertise',
  'experience',
  'knowledge',
  'training',
  'maintenance',
  'cleaning',
  'food',
  'coffee',
  'music',
  'furniture',
  'insight',
  'guidance',
  'help',
  'access',
  'storage',
  'bandwidth',
  'speed',
  'turnaround',
  'delivery',
  'selection',
  'variety',
]);

/** Whether a noun reads as a mass ("coverage", "support") and so takes no "a" in a comparison. */
export const isMassNoun = (noun: string): boolean => MASS_NOUNS.has(noun.toLowerCase());

/** "partner" -> "partners". Uncountable words stay as they are. */
export function pluralize(noun: string): string {
  const v = noun.toLowerCase();
  if (PLURAL_SAME.has(v)) return noun;
  const tf = transforms();
  if (tf) {
    try {
      const p = tf.t.noun.toPlural(v, tf.model);
      if (p) return matchCase(noun, p);
    } catch {
      /* fall through */
    }
  }
  if (/(s|sh|ch|x|z)$/.test(v)) return `${noun}es`;
  if (/[^aeiou]y$/.test(v)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

const IRREGULAR_COMPARATIVE: Record<string, string> = {
  best: 'better',
  worst: 'worse',
  most: 'more',
  least: 'less',
  furthest: 'further',
  farthest: 'farther',
};

/** "fastest" -> "faster", "best" -> "better"; undefined when the word is not a superlative. */
export function comparativeOf(superlative: string): string | undefined {
  const v = superlative.toLowerCase();
  if (IRREGULAR_COMPARATIVE[v]) return IRREGULAR_COMPARATIVE[v];
  if (!v.endsWith('est') || v.length < 5) return undefined;
  const tf = transforms();
  if (tf) {
    try {
      const base = tf.t.adjective.fromSuperlative(v, tf.model);
      const comp = base ? tf.t.adjective.toComparative(base, tf.model) : undefined;
      if (comp && comp.endsWith('er')) return comp;
    } catch {
      /* fall through */
    }
  }
  return `${v.slice(0, -3)}er`;
}

/** Give `word` the case pattern of `model` (Capitalized, ALL CAPS or as is). */
export function matchCase(model: string, word: string): string {
  if (model.length > 1 && model === model.toUpperCase() && /\p{L}/u.test(model)) return word.toUpperCase();
  const first = model.charAt(0);
  if (first !== first.toLowerCase()) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

// a/an goes by sound, not spelling: "an hour", "a unit", "an SLA", "a one-time fee", "an 8-week".
const AN_EXCEPTIONS = /^(hour|honest|honou?r|heir|herb(?!al))/i;
const A_EXCEPTIONS =
  /^(uni(?!n)|use|usu|uti|ure|uro|eu|ewe|one(?![a-z]*[aeiou]n)|once|ubiq|u[bcfhjkqrstvwxyz][aeiouy])/i;
/** Letters whose name starts with a vowel sound, for acronyms ("an SLA", "an MRI", "a CRM"). */
const VOWEL_LETTERS = new Set(['a', 'e', 'f', 'h', 'i', 'l', 'm', 'n', 'o', 'r', 's', 'x']);

/** The indefinite article for the word that follows it. */
export function articleFor(word: string): 'a' | 'an' {
  const w = word.replace(/^[^\p{L}\p{N}]+/u, '');
  if (!w) return 'a';
  if (/^\d/.test(w)) {
    // Spoken numbers: 8, 11, 18, 80, 800, 8000... start with a vowel sound.
    const digits = w.replace(/[,.].*$/, '').replace(/\D.*$/, '');
    if (digits.startsWith('8')) return 'an';
    if (digits === '11' || digits === '18' || /^1[18]\d{2}$/.test(digits) || /^1[18]\d{4}$/.test(digits)) return 'an';
    return 'a';
  }
  const letters = w.match(/^[\p{L}]+/u)?.[0] ?? w;
  const isAcronym = letters.length > 1 && letters === letters.toUpperCase();
  if (letters.length === 1 || (isAcronym && letters.length <= 5 && !isPronounceable(letters))) {
    return VOWEL_LETTERS.has(letters.charAt(0).toLowerCase()) ? 'an' : 'a';
  }
  if (AN_EXCEPTIONS.test(w)) return 'an';
  if (A_EXCEPTIONS.test(w)) return 'a';
  return /^[aeiou]/i.test(w) ? 'an' : 'a';
}

/** Acronyms read as words ("NASA", "SaaS", "ROI"? no): a vowel after the first letter. */
function isPronounceable(acronym: string): boolean {
  const l = acronym.toLowerCase();
  return l.length >= 4 && /^[^aeiou][aeiou][^aeiou]/.test(l);
}
