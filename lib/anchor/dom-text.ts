import type { TextQuote } from '../model/clip';
import { matchQuoteIn, prepareText, type PreparedText } from './match-quote';
import { describeTextQuote, type TextPositionSelector } from './text-quote';

/**
 * The thin DOM adapter: page text as one string with a map back to Text
 * nodes, so the string-only matcher can work on a live page. It only reads
 * the DOM (no wrapping elements); painting is the caller's job (CSS.highlights).
 */

/** The text of a root, once per page, with where each Text node starts in it. */
export interface TextMap {
  readonly root: Node;
  readonly text: string;
  readonly nodes: readonly Text[];
  /** starts[i] is the offset of nodes[i] in `text`. */
  readonly starts: readonly number[];
  /** The text prepared for matching (whitespace map), built on first use. */
  prepared(): PreparedText;
}

/** Selectors saved with a highlight. */
export interface HighlightSelectors {
  quote: TextQuote;
  position?: TextPositionSelector;
}

/** A highlight found on the page. */
export interface AnchoredRange {
  range: Range;
  exactMatch: boolean;
  /** The page's current wording, when it differs from what was saved. */
  changedText?: string;
}

/** Elements whose text is not page text a reader can select. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;

const isText = (node: Node): node is Text => node.nodeType === TEXT_NODE;
const isElement = (node: Node): node is Element => node.nodeType === ELEMENT_NODE;
const isDocument = (node: Node): node is Document => node.nodeType === DOCUMENT_NODE;

/** Collects the root's text in document order, skipping script, style, noscript and template. */
export function collectTextNodes(root: Node): TextMap {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  // Iterative walk: deep pages must not overflow the stack.
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (!node) break;
    if (isText(node)) {
      nodes.push(node);
      starts.push(length);
      parts.push(node.data);
      length += node.data.length;
      continue;
    }
    if (isElement(node) && SKIPPED.has(node.tagName.toUpperCase())) continue;
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  const text = parts.join('');
  let prepared: PreparedText | undefined;
  return {
    root,
    text,
    nodes,
    starts,
    prepared: () => (prepared ??= prepareText(text)),
  };
}

/** The index of the last node starting at or before `offset` (the first node when `preferNext` and offset is a boundary). */
function nodeIndexAt(map: TextMap, offset: number, preferNext: boolean): number {
  let lo = 0;
  let hi = map.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = map.starts[mid] ?? 0;
    if (s < offset || (preferNext && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A Range over text[start, end) of a map. Throws RangeError when the offsets are outside the text. */
export function rangeFromOffsets(doc: Document, map: TextMap, start: number, end: number): Range {
  if (start < 0 || end < start || end > map.text.length || map.nodes.length === 0) {
    throw new RangeError(`offsets ${start}-${end} are outside the page text (${map.text.length} characters)`);
  }
  const range = doc.createRange();
  const si = nodeIndexAt(map, start, true);
  const ei = nodeIndexAt(map, end, false);
  const startNode = map.nodes[si];
  const endNode = map.nodes[ei];
  if (!startNode || !endNode) throw new RangeError('no text node at these offsets');
  range.setStart(startNode, Math.min(startNode.data.length, start - (map.starts[si] ?? 0)));
  range.setEnd(endNode, Math.min(endNode.data.length, end - (map.starts[ei] ?? 0)));
  return range;
}

/** The text offset of a Range boundary point. */
function offsetOfPoint(map: TextMap, index: Map<Text, number>, container: Node, offset: number): number {
  if (isText(container)) {
    const i = index.get(container);
    if (i !== undefined) return (map.starts[i] ?? 0) + Math.min(offset, container.data.length);
  }
  // An element boundary (or a text node we skip): count the text of nodes before the point.
  const doc = isDocument(container) ? container : container.ownerDocument;
  if (!doc) return 0;
  const probe = doc.createRange();
  probe.setStart(container, offset);
  let lo = 0;
  let hi = map.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const node = map.nodes[mid];
    if (node && probe.comparePoint(node, 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < map.nodes.length ? (map.starts[lo] ?? map.text.length) : map.text.length;
}

/** Saved selectors for a range: a quote with 64 characters of context each side, and its position. */
export function describeRange(
  root: Node,
  range: Range,
  map: TextMap = collectTextNodes(root),
): { quote: TextQuote; position: TextPositionSelector } | undefined {
  const index = new Map<Text, number>(map.nodes.map((n, i) => [n, i]));
  const start = offsetOfPoint(map, index, range.startContainer, range.startOffset);
  const end = Math.max(start, offsetOfPoint(map, index, range.endContainer, range.endOffset));
  const quote = describeTextQuote(map.text, { start, end });
  return quote && { quote, position: { start, end } };
}

/** Finds one highlight on the page, or undefined when it cannot be found for sure. */
export function anchorSelectors(root: Node, selectors: HighlightSelectors): AnchoredRange | undefined {
  return anchorInMap(collectTextNodes(root), selectors);
}

/** Finds many highlights, reading the page text once. Results line up with `selectors`. */
export function anchorMany(root: Node, selectors: readonly HighlightSelectors[]): (AnchoredRange | undefined)[] {
  const map = collectTextNodes(root);
  return selectors.map((s) => anchorInMap(map, s));
}

/** Finds a highlight in text already collected (for callers that keep the map). */
export function anchorInMap(map: TextMap, selectors: HighlightSelectors): AnchoredRange | undefined {
  const doc = isDocument(map.root) ? map.root : map.root.ownerDocument;
  if (!doc) return undefined;
  const hint = selectors.position && { start: selectors.position.start };
  const match = matchQuoteIn(map.prepared(), selectors.quote, hint);
  if (!match) return undefined;
  const anchored: AnchoredRange = { range: rangeFromOffsets(doc, map, match.start, match.end), exactMatch: match.exactMatch };
  if (match.changedText !== undefined) anchored.changedText = match.changedText;
  return anchored;
}
