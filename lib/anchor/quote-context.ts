import type { TextQuote } from '../model/clip';
import { anchoredDistance, type ApproxMatch } from './edit-distance';
import { collapseWhitespace } from './text-quote';

/**
 * How well a place in the page agrees with a saved quote's context: the
 * scoring shared by exact, fuzzy and between-context matching. All offsets
 * are in whitespace-collapsed text.
 */

/** A quote with whitespace collapsed, as the matchers compare it. */
export interface NormalQuote {
  exact: string;
  /** Context with whitespace collapsed, including the space next to the passage when there was one. */
  prefix: string;
  suffix: string;
}

/** A possible place for the passage, scored. */
export interface Candidate extends ApproxMatch {
  /** Characters of context that agree with the saved prefix and suffix. */
  agreement: number;
  /** agreement / context length, or 1 when the quote has no context. */
  contextScore: number;
  /** The better of the two sides (0–1), or undefined when the quote has no context. */
  bestSide: number | undefined;
  /**
   * Characters right next to the passage that equal the saved context, on the
   * better side (capped at ADJACENT_CHARS), or undefined without context. Distant
   * agreement alone is weak evidence: the passage may have been cut out of it.
   */
  adjacent: number | undefined;
  /** Ranking score: context agreement minus a penalty per edit. */
  rank: number;
}

/** Adjacent agreement counted up to this many characters (more says nothing new). */
export const ADJACENT_CHARS = 16;

/** Collapses whitespace and moves the passage's edge spaces into its context. */
export function normalizeQuote(quote: TextQuote): NormalQuote {
  const exact = collapseWhitespace(quote.exact);
  let prefix = collapseWhitespace(quote.prefix);
  let suffix = collapseWhitespace(quote.suffix);
  if (exact.startsWith(' ') && !prefix.endsWith(' ')) prefix += ' ';
  if (exact.endsWith(' ') && !suffix.startsWith(' ')) suffix = ' ' + suffix;
  return { exact: exact.trim(), prefix, suffix };
}

/** Characters at the end of `a` equal to those at the end of `b`. */
export function commonSuffixLength(a: string, b: string, cap = Infinity): number {
  let n = 0;
  while (n < cap && n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Characters at the start of `a` equal to those at the start of `b`. */
export function commonPrefixLength(a: string, b: string, cap = Infinity): number {
  let n = 0;
  while (n < cap && n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Scores a place by how well the text around it agrees with the saved prefix and suffix. */
export function assess(text: string, q: NormalQuote, span: ApproxMatch): Candidate {
  const prefix = q.prefix.trimEnd();
  const suffix = q.suffix.trimStart();
  const slack = 16;
  const sides: number[] = [];
  const adjacent: number[] = [];
  let agreement = 0;
  if (prefix) {
    const before = text.slice(Math.max(0, span.start - prefix.length - slack), span.start).trimEnd();
    const d = Math.min(prefix.length, anchoredDistance(prefix, before, true));
    agreement += prefix.length - d;
    sides.push(1 - d / prefix.length);
    const n = commonSuffixLength(prefix, before, ADJACENT_CHARS);
    adjacent.push(n === prefix.length ? ADJACENT_CHARS : n); // a short context that agrees in full counts in full
  }
  if (suffix) {
    const after = text.slice(span.end, span.end + suffix.length + slack).trimStart();
    const d = Math.min(suffix.length, anchoredDistance(suffix, after, false));
    agreement += suffix.length - d;
    sides.push(1 - d / suffix.length);
    const n = commonPrefixLength(suffix, after, ADJACENT_CHARS);
    adjacent.push(n === suffix.length ? ADJACENT_CHARS : n);
  }
  const contextLength = prefix.length + suffix.length;
  return {
    ...span,
    agreement,
    contextScore: contextLength ? agreement / contextLength : 1,
    bestSide: sides.length ? Math.max(...sides) : undefined,
    adjacent: adjacent.length ? Math.max(...adjacent) : undefined,
    rank: agreement - 2 * span.errors,
  };
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/**
 * The passage must start and end where it did relative to words: "5 mg" must
 * not be found inside "25 mg" unless the saved passage was itself part of a word.
 */
export function boundariesAgree(text: string, q: NormalQuote, span: { start: number; end: number }): boolean {
  if (isWordChar(text[span.start])) {
    if (isWordChar(text[span.start - 1]) !== isWordChar(q.prefix[q.prefix.length - 1])) return false;
  }
  if (isWordChar(text[span.end - 1])) {
    if (isWordChar(text[span.end]) !== isWordChar(q.suffix[0])) return false;
  }
  return true;
}
