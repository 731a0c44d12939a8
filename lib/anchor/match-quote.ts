import type { TextQuote } from '../model/clip';
import { haveSameCriticalWords } from './critical-words';
import { anchoredDistance, searchApprox, type ApproxMatch } from './edit-distance';
import { normalizeText, toNormalizedOffset, toRawSpan, type NormalizedText } from './normalized-text';
import { collapseWhitespace } from './text-quote';

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

/** `matchQuote` over text already passed through `prepareText`. */
export function matchQuoteIn(page: PreparedText, quote: TextQuote, hint?: MatchHint): QuoteMatch | undefined {
  const q = normalizeQuote(quote);
  if (!q.exact) return undefined;
  const hintAt = hint ? toNormalizedOffset(page, hint.start) : undefined;
  const exact = matchExact(page, q, hintAt);
  if (exact !== 'none') return exact === 'ambiguous' ? undefined : toResult(page, exact, true);
  const fuzzy = matchFuzzy(page, q, hintAt);
  return fuzzy ? toResult(page, fuzzy, false) : undefined;
}

interface NormalQuote {
  exact: string;
  /** Context with whitespace collapsed, including the space next to the passage when there was one. */
  prefix: string;
  suffix: string;
}

interface Candidate extends ApproxMatch {
  /** Characters of context that agree with the saved prefix and suffix. */
  agreement: number;
  /** agreement / context length, or 1 when the quote has no context. */
  contextScore: number;
  /** The better of the two sides (0–1), or undefined when the quote has no context. */
  bestSide: number | undefined;
  /** Ranking score: context agreement minus a penalty per edit. */
  rank: number;
}

function normalizeQuote(quote: TextQuote): NormalQuote {
  const exact = collapseWhitespace(quote.exact);
  let prefix = collapseWhitespace(quote.prefix);
  let suffix = collapseWhitespace(quote.suffix);
  if (exact.startsWith(' ') && !prefix.endsWith(' ')) prefix += ' ';
  if (exact.endsWith(' ') && !suffix.startsWith(' ')) suffix = ' ' + suffix;
  return { exact: exact.trim(), prefix, suffix };
}

/** Exact occurrences, ranked by context and then closeness to the hint. */
function matchExact(page: PreparedText, q: NormalQuote, hintAt: number | undefined): Candidate | 'ambiguous' | 'none' {
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
  // A short passage could be anywhere: it must still sit in (part of) its old context.
  if (q.exact.length < SELF_EVIDENT_LENGTH && best.bestSide !== undefined && best.bestSide < MIN_SHORT_CONTEXT) return 'ambiguous';
  return best;
}

/** Approximate matches: first in a window around the hint, then anywhere. */
function matchFuzzy(page: PreparedText, q: NormalQuote, hintAt: number | undefined): Candidate | undefined {
  const m = q.exact.length;
  if (m < MIN_FUZZY_LENGTH || m > MAX_FUZZY_LENGTH) return undefined;
  if (!q.prefix.trim() && !q.suffix.trim()) return undefined; // no context to confirm a changed passage
  const maxErrors = Math.floor(m * MAX_ERROR_RATE);
  const text = page.text;
  const regions: [number, number][] = [];
  if (hintAt !== undefined) {
    const pad = Math.max(1_000, 4 * m);
    regions.push([Math.max(0, hintAt - pad), Math.min(text.length, hintAt + m + pad)]);
  }
  regions.push([0, text.length]);
  for (const [from, to] of regions) {
    const spans = searchApprox(text, q.exact, maxErrors, from, to);
    if (spans === undefined) return undefined; // too many possible places to be sure
    const acceptable = spans
      .filter((s) => boundariesAgree(text, q, s) && haveSameCriticalWords(q.exact, text.slice(s.start, s.end)))
      .map((s) => assess(text, q, s))
      .filter((c) => c.bestSide !== undefined && c.bestSide >= MIN_FUZZY_CONTEXT);
    if (acceptable.length === 0) continue;
    return choose(acceptable, q, hintAt);
  }
  return undefined;
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

/** Scores a place by how well the text around it agrees with the saved prefix and suffix. */
function assess(text: string, q: NormalQuote, span: ApproxMatch): Candidate {
  const prefix = q.prefix.trimEnd();
  const suffix = q.suffix.trimStart();
  const slack = 16;
  const sides: number[] = [];
  let agreement = 0;
  if (prefix) {
    const before = text.slice(Math.max(0, span.start - prefix.length - slack), span.start).trimEnd();
    const d = Math.min(prefix.length, anchoredDistance(prefix, before, true));
    agreement += prefix.length - d;
    sides.push(1 - d / prefix.length);
  }
  if (suffix) {
    const after = text.slice(span.end, span.end + suffix.length + slack).trimStart();
    const d = Math.min(suffix.length, anchoredDistance(suffix, after, false));
    agreement += suffix.length - d;
    sides.push(1 - d / suffix.length);
  }
  const contextLength = prefix.length + suffix.length;
  return {
    ...span,
    agreement,
    contextScore: contextLength ? agreement / contextLength : 1,
    bestSide: sides.length ? Math.max(...sides) : undefined,
    rank: agreement - 2 * span.errors,
  };
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

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/**
 * The passage must start and end where it did relative to words: "5 mg" must
 * not be found inside "25 mg" unless the saved passage was itself part of a word.
 */
function boundariesAgree(text: string, q: NormalQuote, span: ApproxMatch): boolean {
  if (isWordChar(text[span.start])) {
    if (isWordChar(text[span.start - 1]) !== isWordChar(q.prefix[q.prefix.length - 1])) return false;
  }
  if (isWordChar(text[span.end - 1])) {
    if (isWordChar(text[span.end]) !== isWordChar(q.suffix[0])) return false;
  }
  return true;
}

function toResult(page: PreparedText, c: Candidate, exactMatch: boolean): QuoteMatch {
  const { start, end } = toRawSpan(page, c.start, c.end);
  const length = c.end - c.start;
  const quoteScore = length ? 1 - c.errors / length : 0;
  const result: QuoteMatch = { start, end, exactMatch, score: Math.max(0, 0.5 * quoteScore + 0.5 * c.contextScore) };
  if (!exactMatch) result.changedText = page.text.slice(c.start, c.end);
  return result;
}
