import { SPELLING_PARTS, SPELLING_WORDS, WORD_SYNONYMS } from './health-terms';

/** Combining marks left by NFD, removed so "café" and "cafe" match. */
const MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** Lower case without accents. */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(MARKS, '') : lower;
}

/** British to American spelling, so either finds both ("anaemia" and "anemia"). */
export function americanise(word: string): string {
  // Own keys only: a page's word "constructor" or "toString" would otherwise find Object.prototype's
  // function, which the search worker then failed to send back ("Search stopped working").
  const whole = Object.hasOwn(SPELLING_WORDS, word) ? SPELLING_WORDS[word] : undefined;
  if (whole) return whole;
  let out = word;
  for (const [from, to] of SPELLING_PARTS) {
    if (out.includes(from)) out = out.replace(from, to);
  }
  // -ise/-yse verbs and their forms ("recognised", "immunisation", "analyse").
  // Both sides of a search go through this, so over-eager cases ("exercize") are harmless.
  if (out.length > 5) out = out.replace(/([a-z]{2})is(e|ed|es|ing|ation|ations)$/, '$1iz$2').replace(/ys(e|ed|es|ing)$/, 'yz$1');
  return out;
}

/** A light plural stemmer: "tablets" and "tablet", "allergies" and "allergy" become one. */
export function singular(word: string): string {
  if (word.length < 4 || !word.endsWith('s') || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.length < 5 || /(ss|us|is|os|ys|as)$/.test(word)) return word;
  return word.slice(0, -1);
}

/** The pipeline a word goes through, without synonyms: how it is spelled in the index. */
function spelledForIndex(word: string): string {
  return singular(americanise(fold(word)));
}

const SYNONYMS = new Map(WORD_SYNONYMS.map(([from, to]) => [spelledForIndex(from), to]));

/** Words already normalised: text repeats its words, and normalising is the costly part of indexing. */
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** A word as the index stores it: folded, American spelling, singular, synonyms merged. */
export function normaliseWord(word: string): string {
  let out = cache.get(word);
  if (out === undefined) {
    const spelled = spelledForIndex(word);
    out = SYNONYMS.get(spelled) ?? spelled;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, out);
  }
  return out;
}

/**
 * A word being typed, for prefix search: folded and Americanised but not
 * made singular or replaced by a synonym (those would change the prefix).
 */
export function normalisePrefix(word: string): string {
  return americanise(fold(word));
}
