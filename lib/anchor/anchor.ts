import type { RangeSelector, Selector, TextPositionSelector, TextQuoteSelector, XPathSelector } from '../model/selectors';
import { matchQuoteIn } from './match-quote';
import { collapseWhitespace } from './text-quote';
import { collectTextNodes, documentOf, elementSpan, isSpaceCode, rangeFromOffsets, type TextMap } from './text-model';
import { elementFromXPath } from './xpath';

/** A highlight found on the page. */
export interface Anchored {
  range: Range;
  /** False when the page's wording differs from the saved quote (whitespace does not count). */
  exact: boolean;
  /** The page's current wording (whitespace collapsed), when it differs from the saved quote. */
  changedText?: string;
}

/**
 * Finds the passage the selectors describe, or null when it cannot be found
 * for sure. Cheapest first: the RangeSelector, then the TextPositionSelector,
 * each accepted only when the text there reproduces the quote and part of
 * its context; then the quote itself: exact, fuzzy near the old position,
 * between its intact context, fuzzy anywhere (match-quote.ts).
 */
export function anchor(root: Element, selectors: readonly Selector[]): Anchored | null {
  return anchorInText(collectTextNodes(root), selectors);
}

/** Finds many highlights, reading the page text once. Results line up with `selectorSets`. */
export function anchorAll(root: Element, selectorSets: readonly (readonly Selector[])[]): (Anchored | null)[] {
  const map = collectTextNodes(root);
  return selectorSets.map((selectors) => anchorInText(map, selectors));
}

/** `anchor` over text already read with `collectTextNodes` (for callers that keep the map). */
export function anchorInText(map: TextMap, selectors: readonly Selector[]): Anchored | null {
  const doc = documentOf(map.root);
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  if (!doc || !quote || map.nodes.length === 0) return null;
  const rangeSelector = selectors.find((s): s is RangeSelector => s.type === 'RangeSelector');
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');

  const fromRange = rangeSelector && resolveRangeSelector(map, rangeSelector);
  for (const span of [fromRange, position]) {
    if (span && reproducesQuote(map.text, span, quote)) {
      return { range: rangeFromOffsets(doc, map, span.start, span.end), exact: true };
    }
  }

  const hintAt = position?.start ?? fromRange?.start;
  const match = matchQuoteIn(map.prepared(), quote, hintAt === undefined ? undefined : { start: hintAt });
  if (!match) return null;
  const anchored: Anchored = { range: rangeFromOffsets(doc, map, match.start, match.end), exact: match.exactMatch };
  if (match.changedText !== undefined) anchored.changedText = match.changedText;
  return anchored;
}

/** The text span a RangeSelector points at now, or undefined when its elements are gone or too short. */
export function resolveRangeSelector(map: TextMap, selector: RangeSelector): { start: number; end: number } | undefined {
  const start = resolvePoint(map, selector.startSelector);
  const end = resolvePoint(map, selector.endSelector);
  if (start === undefined || end === undefined || end <= start) return undefined;
  return { start, end };
}

/** W3C: a RangeSelector end is the beginning of what its selector selects. */
function resolvePoint(map: TextMap, selector: XPathSelector): number | undefined {
  const el = elementFromXPath(map.root, selector.value);
  if (!el) return undefined;
  const span = elementSpan(map, el);
  const at = span.start + (selector.refinedBy?.start ?? 0);
  return at <= span.end ? at : undefined;
}

/**
 * True when text[start, end) is the quote (whitespace-insensitive) and the
 * text on at least one side of it still reads as the saved context, word
 * boundary included. Only then is a stored position trusted without a search.
 * One side is enough: when a paragraph was copied right after itself, the
 * original at the stored position keeps only its prefix, and the copy would
 * win a search on context.
 */
export function reproducesQuote(text: string, span: { start: number; end: number }, quote: TextQuoteSelector): boolean {
  const { start, end } = span;
  if (start < 0 || end <= start || end > text.length) return false;
  if (collapseWhitespace(text.slice(start, end)).trim() !== collapseWhitespace(quote.exact).trim()) return false;
  return prefixAgrees(text, start, collapseWhitespace(quote.prefix)) || suffixAgrees(text, end, collapseWhitespace(quote.suffix));
}

function prefixAgrees(text: string, start: number, prefix: string): boolean {
  if (!prefix.trim()) return start <= 256 && !text.slice(0, start).trim(); // saved at the very start: still there
  const before = collapseWhitespace(text.slice(Math.max(0, start - 4 * prefix.length - 64), start));
  const spaced = start > 0 && isSpaceCode(text.charCodeAt(start - 1));
  return before.trimEnd().endsWith(prefix.trim()) && prefix.endsWith(' ') === spaced;
}

function suffixAgrees(text: string, end: number, suffix: string): boolean {
  if (!suffix.trim()) return text.length - end <= 256 && !text.slice(end).trim(); // saved at the very end: still there
  const after = collapseWhitespace(text.slice(end, end + 4 * suffix.length + 64));
  const spaced = end < text.length && isSpaceCode(text.charCodeAt(end));
  return after.trimStart().startsWith(suffix.trim()) && suffix.startsWith(' ') === spaced;
}
