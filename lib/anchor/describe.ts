import type { RangeSelector, TextPositionSelector, TextQuoteSelector, XPathSelector } from '../model/selectors';
import { describeTextQuote } from './text-quote';
import {
  collectTextNodes,
  elementSpan,
  isBlock,
  isElement,
  offsetsOfRange,
  trimSpan,
  type TextMap,
} from './text-model';
import { xpathFromElement } from './xpath';

/** The selectors `describe` returns, always in this order. */
export type DescribedSelectors = [TextQuoteSelector, TextPositionSelector, RangeSelector];

/**
 * The W3C selectors for a range of the page: a quote with 64 characters of
 * context each side, its text position, and a RangeSelector (XPath of the
 * nearest block + text offset inside it, for each end). Whitespace at the
 * ends of the range is left out. Undefined when the range holds no text or
 * is not inside `root`.
 */
export function describe(root: Element, range: Range, map: TextMap = collectTextNodes(root)): DescribedSelectors | undefined {
  if (!isInside(root, range)) return undefined;
  const raw = offsetsOfRange(map, range);
  const { start, end } = trimSpan(map.text, raw.start, raw.end);
  if (end <= start) return undefined;
  const quote = describeTextQuote(map.text, { start, end });
  if (!quote) return undefined;
  const startPoint = describePoint(map, start, 'start');
  const endPoint = describePoint(map, end, 'end');
  if (!startPoint || !endPoint) return undefined;
  return [
    { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    { type: 'TextPositionSelector', start, end },
    { type: 'RangeSelector', startSelector: startPoint, endSelector: endPoint },
  ];
}

function isInside(root: Element, range: Range): boolean {
  const common = range.commonAncestorContainer;
  return common === root || root.contains(common);
}

/** Index of the node holding text offset `at` (the one it starts, or the one it ends when `side` is 'end'). */
function nodeAt(map: TextMap, at: number, side: 'start' | 'end'): number {
  let lo = 0;
  let hi = map.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = map.starts[mid] ?? 0;
    if (s < at || (side === 'start' && s === at)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The nearest block element around a node (or the root), where a RangeSelector end is anchored. */
function blockAround(map: TextMap, node: Node): Element | undefined {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (el === map.root || isBlock(el)) return el;
  }
  return isElement(map.root) ? map.root : undefined;
}

/** One end of a RangeSelector: the block holding it and a collapsed text position inside that block. */
function describePoint(map: TextMap, at: number, side: 'start' | 'end'): XPathSelector | undefined {
  const node = map.nodes[nodeAt(map, at, side)];
  const block = node && blockAround(map, node);
  const value = block && xpathFromElement(map.root, block);
  if (!block || !value) return undefined;
  const inside = at - elementSpan(map, block).start;
  return { type: 'XPathSelector', value, refinedBy: { type: 'TextPositionSelector', start: inside, end: inside } };
}
