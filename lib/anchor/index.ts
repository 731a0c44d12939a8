/**
 * lib/anchor's public surface: describe a selected Range as W3C selectors, and
 * find it again later (README.md). Pure DOM: no extension APIs, so it runs in
 * content scripts, extension pages, jsdom and the benchmark alike.
 */
export { describe, type DescribedSelectors } from './describe';
export { anchor, anchorAll, anchorInText, type Anchored } from './anchor';
export {
  BLOCK_TAGS,
  collectTextNodes,
  offsetOfPoint,
  offsetsOfRange,
  rangeFromOffsets,
  type TextMap,
} from './text-model';
export { matchQuote, type QuoteMatch } from './match-quote';
export { attributeOf, bodyOf, nodeNameOf, tagNameOf } from './unclobbered';
export { describeTextQuote, QUOTE_CONTEXT_CHARS } from './text-quote';
export { anchorInMap, anchorMany, anchorSelectors, describeRange, type AnchoredRange, type HighlightSelectors } from './dom-text';
export type {
  RangeSelector,
  Selector,
  TextPositionSelector,
  TextQuoteSelector,
  XPathSelector,
} from '../model/selectors';
