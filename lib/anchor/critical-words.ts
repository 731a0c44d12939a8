/**
 * Words whose change turns health advice into different advice. A fuzzy
 * match may fix a typo or lose a filler word, but it may never change one of
 * these: "take 5 mg" is not "take 50 mg", "do not stop" is not "do stop".
 * A list, so it is a heuristic: extend it when a new kind of near miss shows up.
 */
const WORDS = [
  // negation and its opposite
  'not', 'no', 'never', 'none', 'nor', 'neither', 'without', 'cannot', 'avoid', 'stop', 'start',
  // direction and amount
  'increase', 'decrease', 'more', 'less', 'fewer', 'higher', 'lower', 'above', 'below', 'over', 'under',
  'maximum', 'minimum', 'max', 'min', 'half', 'double', 'only', 'always',
  // timing
  'before', 'after', 'once', 'twice', 'daily', 'weekly', 'monthly', 'hourly', 'morning', 'evening', 'night',
  'minutes?', 'hours?', 'days?', 'weeks?', 'months?', 'years?',
  // number words
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  // who and where
  'adults?', 'child', 'children', 'left', 'right',
  // units and dose forms
  'mg', 'mcg', 'µg', 'μg', 'ug', 'g', 'kg', 'ml', 'l', 'iu', 'mmol', 'units?', 'tablets?', 'capsules?', 'drops?', 'puffs?', 'doses?',
];

const CRITICAL = new RegExp(
  [
    String.raw`\d+(?:[.,]\d+)*`, // any number: doses, ages, durations
    '%',
    "n['’]t", // don't, doesn't, shouldn't
    String.raw`(?<![\p{L}\p{N}])(?:${WORDS.join('|')})(?![\p{L}\p{N}])`,
  ].join('|'),
  'giu',
);

/** The critical words and numbers of a passage, lower-cased, in order. */
export function criticalWords(text: string): string[] {
  return [...text.toLowerCase().matchAll(CRITICAL)].map((m) => m[0]);
}

/** True when two wordings carry the same numbers, units and negations in the same order. */
export function haveSameCriticalWords(a: string, b: string): boolean {
  const x = criticalWords(a);
  const y = criticalWords(b);
  return x.length === y.length && x.every((w, i) => w === y[i]);
}

/** Prefixes that turn a word into its opposite: "safe" / "unsafe", "effective" / "ineffective". */
const NEGATING_PREFIXES = ['un', 'in', 'im', 'il', 'ir', 'non', 'non-', 'dis', 'anti', 'anti-'];

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];

/** True when `word` is `base` with a negating prefix, or with "-ful" turned into "-less". */
function negates(word: string, base: string): boolean {
  if (NEGATING_PREFIXES.some((p) => word === p + base)) return true;
  return word.endsWith('less') && base.endsWith('ful') && word.slice(0, -4) === base.slice(0, -3);
}

/**
 * True when a rewording swaps a word for its opposite made with a prefix or
 * suffix ("safe in pregnancy" → "unsafe in pregnancy"): a change of one or two
 * letters that the critical-word list cannot know in advance.
 */
export function hasFlippedNegation(a: string, b: string): boolean {
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  const inA = new Set(wa);
  const inB = new Set(wb);
  const removed = wa.filter((w) => !inB.has(w));
  const added = wb.filter((w) => !inA.has(w));
  return removed.some((r) => added.some((x) => negates(x, r) || negates(r, x)));
}

/** True when a changed wording may be shown as the same passage: same critical words, no word turned into its opposite. */
export function isSafeRewording(a: string, b: string): boolean {
  return haveSameCriticalWords(a, b) && !hasFlippedNegation(a, b);
}
