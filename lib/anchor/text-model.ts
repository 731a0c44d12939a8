import { prepareText, type PreparedText } from './match-quote';
import { attributeOf, tagNameOf } from './unclobbered';

/**
 * The text model: what "the page's text" means for describing and anchoring,
 * the same in both directions. It is the data of the page's Text nodes in
 * document order, plus one virtual "\n" where a block boundary or a <br>
 * separates two words that the HTML source glues together
 * (`line one<br>line two`, `<p>a</p><p>b</p>`). Inline elements add nothing,
 * so `<b>some</b>thing` stays one word. Not page text: script, style,
 * noscript, template, form-control contents and anything `hidden` or
 * `style="display:none"`. Block elements are known by tag name, not by
 * getComputedStyle, so the model is the same in jsdom and in a browser.
 */

/** The text of a root, read once per page, with where each Text node sits in it. */
export interface TextMap {
  readonly root: Node;
  /** Text-node data and virtual separators, in document order. */
  readonly text: string;
  /** The Text nodes that make up `text` (never empty ones). */
  readonly nodes: readonly Text[];
  /** starts[i] is the offset of nodes[i] in `text`. */
  readonly starts: readonly number[];
  /** ends[i] is the offset just after nodes[i] in `text` (its length when read). */
  readonly ends: readonly number[];
  /** The text prepared for matching (whitespace map), built on first use. */
  prepared(): PreparedText;
  /** Text node → its index in `nodes`, built on first use. */
  index(): ReadonlyMap<Node, number>;
}

/** A TextMap over collected nodes, with its lazily built helpers. */
export function makeTextMap(root: Node, parts: readonly string[], nodes: Text[], starts: number[], ends: number[]): TextMap {
  const text = parts.join('');
  let prepared: PreparedText | undefined;
  let index: Map<Node, number> | undefined;
  return {
    root,
    text,
    nodes,
    starts,
    ends,
    prepared: () => (prepared ??= prepareText(text)),
    index: () => (index ??= new Map(nodes.map((n, i) => [n, i]))),
  };
}

/** Elements whose text is not page text a reader can select. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'IFRAME', 'HEAD', 'TITLE']);

/** Elements that start a new line when rendered (HTML's default `display` for them is not inline). */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIR', 'DIV', 'DL',
  'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR',
  'HTML', 'LEGEND', 'LI', 'LISTING', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD',
  'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'XMP',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;

/** Node type guards that need no DOM globals (jsdom windows are not the Node globals). */
export const isText = (node: Node): node is Text => node.nodeType === TEXT_NODE;
export const isElement = (node: Node): node is Element => node.nodeType === ELEMENT_NODE;
const isDocument = (node: Node): node is Document => node.nodeType === DOCUMENT_NODE;

/** The same whitespace set as the regex `\s`. */
export const isSpaceCode = (code: number): boolean =>
  code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;

/** True for elements that start a new line (by tag name). */
export function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(tagNameOf(el));
}

/** True for elements whose contents are not page text (scripts, hidden elements, form controls). */
export function isSkipped(el: Element): boolean {
  if (SKIPPED.has(tagNameOf(el))) return true;
  // hidden="until-found" content can be revealed by find-in-page, so it is page text.
  const hidden = attributeOf(el, 'hidden');
  if (hidden !== null && hidden.toLowerCase() !== 'until-found') return true;
  const style = attributeOf(el, 'style');
  return style !== null && /(?:^|;)\s*display\s*:\s*none\b/i.test(style);
}

/** The document a node belongs to. */
export function documentOf(node: Node): Document | null {
  return isDocument(node) ? node : node.ownerDocument;
}

/** Marks the end of a block element on the walk stack. */
const LEAVE_BLOCK = Symbol('leave block');

/** Reads the root's text in the text model (see the file comment). */
export function collectTextNodes(root: Node): TextMap {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const parts: string[] = [];
  let length = 0;
  let lastIsSpace = true; // nothing before the first word needs separating
  let wantBreak = false;
  // Iterative walk: deep pages must not overflow the stack.
  const stack: (Node | typeof LEAVE_BLOCK)[] = [root];
  while (stack.length) {
    const item = stack.pop();
    if (item === undefined) break;
    if (item === LEAVE_BLOCK) {
      wantBreak = true;
      continue;
    }
    if (isText(item)) {
      const data = item.data;
      if (!data) continue;
      if (wantBreak && !lastIsSpace && !isSpaceCode(data.charCodeAt(0))) {
        parts.push('\n');
        length += 1;
      }
      wantBreak = false;
      nodes.push(item);
      starts.push(length);
      parts.push(data);
      length += data.length;
      ends.push(length);
      lastIsSpace = isSpaceCode(data.charCodeAt(data.length - 1));
      continue;
    }
    if (isElement(item)) {
      if (item !== root && isSkipped(item)) continue;
      const tag = tagNameOf(item);
      if (tag === 'BR') {
        wantBreak = true;
        continue;
      }
      if (BLOCK_TAGS.has(tag)) {
        wantBreak = true;
        stack.push(LEAVE_BLOCK);
      }
    }
    for (let child = item.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return makeTextMap(root, parts, nodes, starts, ends);
}

/** Index of the first node ending after `offset` (nodes.length when none). */
function firstEndingAfter(map: TextMap, offset: number): number {
  let lo = 0;
  let hi = map.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((map.ends[mid] ?? Infinity) > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the last node starting before `offset` (-1 when none). */
function lastStartingBefore(map: TextMap, offset: number): number {
  let lo = -1;
  let hi = map.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((map.starts[mid] ?? Infinity) < offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A Range over text[start, end) of a map. An offset on a virtual separator
 * maps to the nearest real boundary inside the span (the start moves to the
 * next Text node, the end back to the previous one). Throws RangeError when
 * the offsets are outside the text.
 */
export function rangeFromOffsets(doc: Document, map: TextMap, start: number, end: number): Range {
  if (start < 0 || end < start || end > map.text.length || map.nodes.length === 0) {
    throw new RangeError(`offsets ${start}-${end} are outside the page text (${map.text.length} characters)`);
  }
  const range = doc.createRange();
  const si = Math.min(firstEndingAfter(map, start), map.nodes.length - 1);
  const startNode = map.nodes[si];
  if (!startNode) throw new RangeError('no text node at these offsets');
  const startAt = Math.max(0, start - (map.starts[si] ?? 0));
  range.setStart(startNode, Math.min(startNode.data.length, startAt));
  if (end === start) return range;
  const ei = Math.max(lastStartingBefore(map, end), si);
  const endNode = map.nodes[ei];
  if (!endNode) throw new RangeError('no text node at these offsets');
  const endAt = Math.min(end, map.ends[ei] ?? end) - (map.starts[ei] ?? 0);
  range.setEnd(endNode, Math.max(0, Math.min(endNode.data.length, endAt)));
  return range;
}

/**
 * The text offset of a boundary point. A point between nodes (on an element,
 * or in text the model skips) counts as the start of the next Text node when
 * it starts a span (`side` 'start') and as the end of the previous one when
 * it ends a span, so virtual separators stay outside the span. Walks the tree
 * from the point (no Range comparisons: they are slow in jsdom on big pages).
 */
export function offsetOfPoint(map: TextMap, container: Node, offset: number, side: 'start' | 'end'): number {
  const index = map.index();
  if (isText(container)) {
    const i = index.get(container);
    if (i !== undefined) {
      const start = map.starts[i] ?? 0;
      return Math.min(start + Math.max(0, offset), map.ends[i] ?? start);
    }
  }
  // The first node after the point, in document order (undefined: the point is at the very end).
  let after: Node | null;
  if (isText(container) || container.nodeType === 8 || container.nodeType === 7) after = following(container, map.root);
  else after = container.childNodes[offset] ?? following(container, map.root, true);
  if (side === 'start') {
    for (let node = after; node; node = following(node, map.root)) {
      const i = index.get(node);
      if (i !== undefined) return map.starts[i] ?? 0;
    }
    return map.text.length;
  }
  // The last indexed node before `after` (or before the end of the root).
  for (let node = after ? preceding(after, map.root) : lastDescendant(map.root); node; node = preceding(node, map.root)) {
    const i = index.get(node);
    if (i !== undefined) return map.ends[i] ?? 0;
  }
  return 0;
}

/** The next node in document order within root (skipping node's children when `skipChildren`), or null. */
function following(node: Node, root: Node, skipChildren = false): Node | null {
  if (!skipChildren && node.firstChild) return node.firstChild;
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
    if (n.nextSibling) return n.nextSibling;
  }
  return null;
}

/** The previous node in document order within root (the root itself excluded), or null. */
function preceding(node: Node, root: Node): Node | null {
  if (node === root) return null;
  if (node.previousSibling) return lastDescendant(node.previousSibling);
  const parent = node.parentNode;
  return parent && parent !== root ? parent : null;
}

function lastDescendant(node: Node): Node {
  let n = node;
  while (n.lastChild) n = n.lastChild;
  return n;
}

/** The text span [start, end) a Range covers in the model (end ≥ start). */
export function offsetsOfRange(map: TextMap, range: Range): { start: number; end: number } {
  const start = offsetOfPoint(map, range.startContainer, range.startOffset, 'start');
  const end = offsetOfPoint(map, range.endContainer, range.endOffset, 'end');
  return { start, end: Math.max(start, end) };
}

/** The span with whitespace (and separators) trimmed off both ends; empty when it holds no text. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}

/** The offsets of an element's own text in the model: [start of its first Text node, end of its last). */
export function elementSpan(map: TextMap, el: Element): { start: number; end: number } {
  const start = offsetOfPoint(map, el, 0, 'start');
  const end = offsetOfPoint(map, el, el.childNodes.length, 'end');
  return { start, end: Math.max(start, end) };
}
