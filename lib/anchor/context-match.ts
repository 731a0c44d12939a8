import { isSafeRewording } from './critical-words';
import { sequenceDistance } from './edit-distance';
import { assess, boundariesAgree, type Candidate, type NormalQuote } from './quote-context';

/**
 * The last matcher: the saved context is still on the page, intact on both
 * sides and in one place only, so whatever lies between is the passage, even
 * when more of its wording changed than the fuzzy search allows (a short
 * phrase with one word replaced). It is accepted only as a changed passage,
 * and only when the change is small in words and keeps every number, unit
 * and negation (`isSafeRewording`).
 */

/** Each side of the context must have at least this much text to pin the place down. */
export const MIN_PINNING_CONTEXT = 16;
/** The characters of each side that must be found exactly, next to the passage. */
const PIN_CHARS = 32;
/** Give up when the prefix's end occurs more often than this (a page of repeated boilerplate). */
const MAX_PIN_HITS = 1_000;
/** Passages longer than this are left to the fuzzy search. */
const MAX_PASSAGE_CHARS = 2_000;

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Word edits allowed: one word in a short passage, a fifth of the words in a longer one. */
export function allowedWordEdits(wordCount: number): number {
  return Math.max(1, Math.floor(wordCount / 5));
}

/** The passage between the saved prefix and suffix, when they are on the page once, next to something similar enough. */
export function matchBetweenContext(text: string, q: NormalQuote): Candidate | undefined {
  const prefix = q.prefix.trimEnd();
  const suffix = q.suffix.trimStart();
  const m = q.exact.length;
  if (prefix.length < MIN_PINNING_CONTEXT || suffix.length < MIN_PINNING_CONTEXT || m > MAX_PASSAGE_CHARS) return undefined;
  const pin = prefix.slice(-PIN_CHARS);
  const head = suffix.slice(0, PIN_CHARS);
  const maxGap = Math.ceil(1.5 * m) + 16;
  const minLength = Math.floor(0.5 * m) - 8;
  const quoteWords = wordsOf(q.exact);
  const cap = allowedWordEdits(quoteWords.length);
  let found: Candidate | undefined;
  let hits = 0;
  for (let at = text.indexOf(pin); at !== -1; at = text.indexOf(pin, at + 1)) {
    if (++hits > MAX_PIN_HITS) return undefined;
    const from = at + pin.length;
    const to = text.indexOf(head, from);
    if (to === -1) break; // no suffix after this point, so none after any later one either
    if (to - from > maxGap) continue;
    let start = from;
    let end = to;
    while (start < end && text[start] === ' ') start++;
    while (end > start && text[end - 1] === ' ') end--;
    if (end - start < Math.max(1, minLength) || !boundariesAgree(text, q, { start, end })) continue;
    const changed = text.slice(start, end);
    if (!isSafeRewording(q.exact, changed)) continue;
    const errors = sequenceDistance(quoteWords, wordsOf(changed), cap);
    if (errors > cap) continue;
    if (found) return undefined; // the context occurs twice with a passage between: not sure which
    found = assess(text, q, { start, end, errors });
  }
  return found;
}
