import { describe } from '../anchor/index';
import type { PagePassage } from './types';

/** A selected range described for saving: W3C selectors, plus the quote and position read from them. */
export function describePassage(root: Element, range: Range): PagePassage | undefined {
  const selectors = describe(root, range);
  if (!selectors) return undefined;
  const [quote, position] = selectors;
  return {
    quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    position: { start: position.start, end: position.end },
    selectors,
  };
}
