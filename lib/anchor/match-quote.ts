import type { TextQuote } from '../model/clip';
import { matchBetweenContext } from './context-match';
import { isSafeRewording } from './critical-words';
import { searchApprox, type ApproxMatch } from './edit-distance';
import { normalizeText, toNormalizedOffset, toRawSpan, type NormalizedText } from './normalized-text';
import { assess, boundariesAgree, normalizeQuote, type Candidate, type NormalQuote } from './quote-context';

/** Where a quote was found, in offsets of the searched text (end exclusive). */
export interface QuoteMatch {
  start: number;
  end: number;
  /** True when the passage is unchanged (whitespace differences do not count). */
  exactMatch: boolean;
  /** 0–1, higher is better: agreement of the passage and its context. For display and debugging. */
  score: number;
  /** The page's current wording (whitespace collapsed), when it differs from the saved passage. */
  changedText?: string;
}

/** A hint from a stored TextPositionSelector: where the passage was last time. */
export interface MatchHint {
  start: number;
}

/** Fuzzy matches may differ from the saved passage in at most this share of its characters. */
export const MAX_ERROR_RATE = 0.1;
/** Passages shorter than this are only ever matched exactly (10% of them is less than one edit). */
export const MIN_FUZZY_LENGTH = 10;
/** Longer passages are only matched exactly, to bound the work per highlight. */
export const MAX_FUZZY_LENGTH = 2_000;
/** An exact passage at least this long is accepted on its own; shorter ones need their context too. */
export const SELF_EVIDENT_LENGTH = 40;
/** A fuzzy match needs one side of its context to agree at least this well (0–1). */
export const MIN_FUZZY_CONTEXT = 0.75;
/** A short exact match needs one side of its context to agree at least this well (0–1). */
export const MIN_SHORT_CONTEXT = 0.5;
/**
 * A short exact match, and any fuzzy match, also needs this many characters
 * right next to it to equal the saved context on one side: agreement further
 * out says little when the passage itself was cut out of that context.
 */
export const MIN_ADJACENT_CONTEXT = 8;
/**
 * An exact passage whose context is gone on both sides is only trusted this
 * close to where it was (or within its own length): further away it is as
 * likely another copy of a removed passage (a title repeated in a comment
 * header) as the passage itself, moved.
 */
export const NEAR_HINT_CHARS = 500;

/** Page text prepared once for matching many quotes. */
export type PreparedText = NormalizedText;

/** Prepares a page's text once (whitespace map) for several `matchQuoteIn` calls. */
export function prepareText(text: string): PreparedText {
  return normalizeText(text);
}

/**
 * Finds a saved passage in `text`, cheapest first: exact occurrences, then a
 * bounded fuzzy search near the hint, then in the whole text. Returns
 * undefined rather than guess: when equally good places remain, when the
 * wording changed too much, or when a number, unit or negation changed.
 */
export function matchQuote(text: string, quote: TextQuote, hint?: MatchHint): QuoteMatch | undefined {
  return matchQuoteIn(prepareText(text), quote, hint);
}

/**
 * `matchQuote` over text already passed through `prepareText`. Exact
 * occurrences first; when there are none, or none whose context still
 * agrees: a fuzzy search near the old place, the text between the intact
 * context, then a fuzzy search of the whole text.
 */
export function matchQuoteIn(page: PreparedText, quote: TextQuote, hint?: MatchHint): QuoteMatch | undefined {
  const q = normalizeQuote(quote);
  if (!q.exact) return undefined;
  const hintAt = hint ? toNormalizedOffset(page, hint.start) : undefined;
  const exact = matchExact(page, q, hintAt);
  if (exact === 'ambiguous') return undefined;
  if (exact !== 'none' && exact !== 'weak') return toResult(page, exact, true);
  // Cheapest first: fuzzy near the old place, the text between the intact context, then fuzzy anywhere.
  const near = matchFuzzy(page, q, hintAt, 'near');
  if (near === 'unsure') return undefined;
  if (near) return toResult(page, near, false);
  const between = matchBetweenContext(page.text, q);
  if (between) return toResult(page, between, page.text.slice(between.start, between.end) === q.exact);
  const anywhere = matchFuzzy(page, q, hintAt, 'anywhere');
  return anywhere && anywhere !== 'unsure' ? toResult(page, anywhere, false) : undefined;
}

/**
 * Exact occurrences, ranked by context and then closeness to the hint.
 * 'weak' when the best one's context no longer backs it up (the passage may
 * have been changed or removed, and this is another copy of its words).
 */
function matchExact(page: PreparedText, q: NormalQuote, hintAt: number | undefined): Candidate | 'ambiguous' | 'weak' | 'none' {
  const text = page.text;
  const spans: ApproxMatch[] = [];
  for (let at = text.indexOf(q.exact); at !== -1; at = text.indexOf(q.exact, at + 1)) {
    const span = { start: at, end: at + q.exact.length, errors: 0 };
    if (boundariesAgree(text, q, span)) spans.push(span);
  }
  if (spans.length === 0) return 'none';
  const candidates = shortlist(text, q, spans, hintAt).map((s) => assess(text, q, s));
  const best = choose(candidates, q, hintAt);
  if (best === undefined) return 'ambiguous';
  if (best.bestSide === undefined) return best; // no context saved: a unique passage is all there is
  if (q.exact.length < SELF_EVIDENT_LENGTH) {
    // A short passage could be anywhere: it must still sit in its old context, right next to it.
    const backed = best.bestSide >= MIN_SHORT_CONTEXT && (best.adjacent ?? 0) >= MIN_ADJACENT_CONTEXT;
    return backed ? best : 'weak';
  }
  if (best.bestSide < MIN_SHORT_CONTEXT) {
    // Context gone on both sides: a moved passage, or another copy of a removed one. Only near its old place.
    const near = hintAt !== undefined && Math.abs(best.start - hintAt) <= Math.max(NEAR_HINT_CHARS, q.exact.length);
    return near ? best : 'weak';
  }
  return best;
}

/**
 * Approximate matches in a window around the hint ('near') or in the whole
 * text ('anywhere'). 'unsure' when the passage's pieces occur too often to
 * check them all.
 */
function matchFuzzy(page: PreparedText, q: NormalQuote, hintAt: number | undefined, where: 'near' | 'anywhere'): Candidate | 'unsure' | undefined {
  const m = q.exact.length;
  if (m < MIN_FUZZY_LENGTH || m > MAX_FUZZY_LENGTH) return undefined;
  if (!q.prefix.trim() && !q.suffix.trim()) return undefined; // no context to confirm a changed passage
  const text = page.text;
  let from = 0;
  let to = text.length;
  if (where === 'near') {
    if (hintAt === undefined) return undefined;
    const pad = Math.max(1_000, 4 * m);
    from = Math.max(0, hintAt - pad);
    to = Math.min(text.length, hintAt + m + pad);
  }
  const spans = searchApprox(text, q.exact, Math.floor(m * MAX_ERROR_RATE), from, to);
  if (spans === undefined) return 'unsure';
  const acceptable = spans
    .filter((s) => s.errors > 0 && boundariesAgree(text, q, s) && isSafeRewording(q.exact, text.slice(s.start, s.end)))
    .map((s) => assess(text, q, s))
    .filter((c) => c.bestSide !== undefined && c.bestSide >= MIN_FUZZY_CONTEXT && (c.adjacent ?? 0) >= MIN_ADJACENT_CONTEXT);
  return acceptable.length ? choose(acceptable, q, hintAt) : undefined;
}

/** When a passage occurs very often, keeps the places whose context agrees best (cheap check), plus the nearest to the hint. */
function shortlist(text: string, q: NormalQuote, spans: ApproxMatch[], hintAt: number | undefined, size = 32): ApproxMatch[] {
  if (spans.length <= size) return spans;
  const prefix = q.prefix.trimEnd();
  const suffix = q.suffix.trimStart();
  const cheap = (s: ApproxMatch) => {
    const before = text.slice(Math.max(0, s.start - prefix.length - 1), s.start).trimEnd();
    const after = text.slice(s.end, s.end + suffix.length + 1).trimStart();
    let score = 0;
    while (score < prefix.length && before[before.length - 1 - score] === prefix[prefix.length - 1 - score]) score++;
    let n = 0;
    while (n < suffix.length && after[n] === suffix[n]) n++;
    return score + n;
  };
  const byContext = [...spans].sort((a, b) => cheap(b) - cheap(a)).slice(0, size);
  if (hintAt === undefined) return byContext;
  const byHint = [...spans].sort((a, b) => Math.abs(a.start - hintAt) - Math.abs(b.start - hintAt)).slice(0, 2);
  return [...new Set([...byContext, ...byHint])];
}

/**
 * The best candidate, or undefined when another one is (nearly) as good and
 * the hint does not clearly tell them apart.
 */
function choose(candidates: Candidate[], q: NormalQuote, hintAt: number | undefined): Candidate | undefined {
  const sorted = [...candidates].sort((a, b) => b.rank - a.rank);
  const best = sorted[0];
  if (!best) return undefined;
  const margin = Math.max(2, 0.05 * (q.prefix.trim().length + q.suffix.trim().length));
  const contenders = sorted.filter((c) => c.rank > best.rank - margin);
  if (contenders.length === 1) return best;
  if (hintAt === undefined) return undefined;
  const byDistance = contenders
    .map((c) => ({ c, d: Math.abs(c.start - hintAt) }))
    .sort((a, b) => a.d - b.d);
  const [first, second] = byDistance;
  if (first && second && first.d * 2 < second.d) return first.c;
  return undefined;
}

function toResult(page: PreparedText, c: Candidate, exactMatch: boolean): QuoteMatch {
  const { start, end } = toRawSpan(page, c.start, c.end);
  const length = c.end - c.start;
  const quoteScore = length ? 1 - c.errors / length : 0;
  const result: QuoteMatch = { start, end, exactMatch, score: Math.max(0, 0.5 * quoteScore + 0.5 * c.contextScore) };
  if (!exactMatch) result.changedText = page.text.slice(c.start, c.end);
  return result;
}
