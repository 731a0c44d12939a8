/**
 * Page edits for the anchoring benchmark (scripts/bench-anchor.ts). Each works
 * on a copy of the page whose highlighted passage is marked by two empty
 * <hc-bench-mark> elements (no text, inline, so the text model does not see
 * them). Edits that keep the passage's text keep the markers around it; copies
 * of marked content get their markers renamed, so the markers always show
 * where the original passage is now.
 */
import { criticalWords } from '../lib/anchor/critical-words';
import { collectTextNodes, isBlock, isElement, offsetOfPoint, rangeFromOffsets, trimSpan, type TextMap } from '../lib/anchor/text-model';
import { pick, type Passage } from './bench-anchor-passages';

/** The tag of the empty ground-truth markers (inline and unknown, so the text model ignores them). */
export const MARK_TAG = 'hc-bench-mark';

/** A page copy with the passage marked. */
export interface MarkedPage {
  doc: Document;
  root: Element;
  start: Element;
  end: Element;
  rand: () => number;
}

/** The page edits, in the order the report lists them. */
export const MUTATIONS = [
  'unchanged',
  'insert paragraphs before',
  'delete paragraphs before',
  'edit a word inside',
  'edit words around',
  'reorder sections',
  'duplicate the paragraph',
  'wrap in inline elements',
  'remove the passage',
  'change a number inside',
] as const;
export type MutationName = (typeof MUTATIONS)[number];

/** Edits after which the passage must not be found: it is gone, or it now says something else. */
export const MUST_NOT_FIND: ReadonlySet<MutationName> = new Set(['remove the passage', 'change a number inside']);

/** Marks [start, end) of the page body with empty marker elements (end first, so the start offset stays valid). */
export function markPassage(doc: Document, root: Element, passage: Passage, rand: () => number): MarkedPage {
  const map = collectTextNodes(root);
  const range = rangeFromOffsets(doc, map, passage.start, passage.end);
  const start = doc.createElement(MARK_TAG);
  start.setAttribute('data-id', 'start');
  const end = doc.createElement(MARK_TAG);
  end.setAttribute('data-id', 'end');
  const at = doc.createRange();
  at.setStart(range.endContainer, range.endOffset);
  at.insertNode(end);
  at.setStart(range.startContainer, range.startOffset);
  at.insertNode(start);
  return { doc, root, start, end, rand };
}

/** Where the markers say the passage is now (text-model offsets, whitespace trimmed). */
export function markedSpan(page: MarkedPage, map: TextMap): { start: number; end: number } {
  const { start, end } = page;
  const startParent = start.parentNode;
  const endParent = end.parentNode;
  if (!startParent || !endParent) throw new Error('a marker was lost');
  const s = offsetOfPoint(map, startParent, indexInParent(start) + 1, 'start');
  const e = offsetOfPoint(map, endParent, indexInParent(end), 'end');
  return trimSpan(map.text, s, Math.max(s, e));
}

function indexInParent(node: Node): number {
  let i = 0;
  for (let sib = node.previousSibling; sib; sib = sib.previousSibling) i++;
  return i;
}

function blockOf(node: Node, root: Element): Element {
  for (let el = node.parentElement; el && el !== root; el = el.parentElement) if (isBlock(el)) return el;
  return root;
}

function commonAncestor(a: Node, b: Node): Node {
  const range = a.ownerDocument?.createRange();
  if (!range) throw new Error('detached node');
  range.setStartBefore(a);
  range.setEndAfter(b);
  return range.commonAncestorContainer;
}

/** Leaf blocks (no block inside) of the root, in document order. */
function leafBlocks(root: Element): Element[] {
  return [...root.querySelectorAll('*')].filter((el) => isBlock(el) && ![...el.querySelectorAll('*')].some(isBlock));
}

const FILLER = [
  'Editorial note: this page was reviewed by our clinical team and some sections were reorganised for clarity.',
  'Sign up to our newsletter for the latest news, events and ways to get involved with our work.',
  'Cookies help us improve the website; you can change your settings at any time from the footer.',
];

/** Words of a page copy that a page editor might change: letters only, not a number, unit or negation. */
function editableWords(map: TextMap, from: number, to: number): { node: Text; at: number; word: string }[] {
  const out: { node: Text; at: number; word: string }[] = [];
  const slice = map.text.slice(from, to);
  for (const m of slice.matchAll(/\p{L}{4,}/gu)) {
    const start = from + m.index;
    const end = start + m[0].length;
    const i = map.starts.findIndex((s, k) => s <= start && (map.ends[k] ?? 0) >= end);
    const node = map.nodes[i];
    if (!node || criticalWords(m[0]).length) continue;
    out.push({ node, at: start - (map.starts[i] ?? 0), word: m[0] });
  }
  return out;
}

const REPLACEMENTS = ['often', 'mainly', 'simply', 'really', 'quite', 'fully', 'nearly', 'broadly', 'largely', 'partly'];

function replaceWord(rand: () => number, target: { node: Text; at: number; word: string }): void {
  const options = REPLACEMENTS.filter((w) => w !== target.word.toLowerCase());
  const word = pick(rand, options) ?? 'often';
  target.node.replaceData(target.at, target.word.length, word);
}

function renameMarkers(el: Element): void {
  for (const m of el.querySelectorAll(MARK_TAG)) m.setAttribute('data-id', 'copy');
}

/** Applies one edit; false when it does not apply to this passage (nothing to delete, no section to move). */
export function mutate(name: MutationName, page: MarkedPage): boolean {
  const { doc, root, start, end, rand } = page;
  switch (name) {
    case 'unchanged':
      return true;
    case 'insert paragraphs before': {
      const block = blockOf(start, root);
      const host = block === root ? start : block;
      for (let i = 0; i < 2; i++) {
        const p = doc.createElement(block === root ? 'p' : block.tagName.toLowerCase());
        p.textContent = FILLER[i] ?? '';
        host.parentNode?.insertBefore(p, host);
      }
      return true;
    }
    case 'delete paragraphs before': {
      const first = blockOf(start, root);
      const before = leafBlocks(root).filter(
        (b) => b !== first && !b.contains(start) && !b.contains(end) && (b.compareDocumentPosition(first) & 4) !== 0,
      );
      const doomed = before.slice(-2);
      doomed.forEach((b) => b.remove());
      return doomed.length > 0;
    }
    case 'edit a word inside': {
      const map = collectTextNodes(root);
      const span = markedSpan(page, map);
      const target = pick(rand, editableWords(map, span.start, span.end));
      if (!target) return false;
      replaceWord(rand, target);
      return true;
    }
    case 'edit words around': {
      const map = collectTextNodes(root);
      const span = markedSpan(page, map);
      const before = pick(rand, editableWords(map, Math.max(0, span.start - 60), span.start).filter((w) => w.node.compareDocumentPosition(start) & 4));
      const after = pick(rand, editableWords(map, span.end, span.end + 60).filter((w) => w.node.compareDocumentPosition(end) & 2));
      // After first, so the offsets of the earlier word stay valid (they may share a text node).
      if (after) replaceWord(rand, after);
      if (before) replaceWord(rand, before);
      return Boolean(before || after);
    }
    case 'reorder sections': {
      // The smallest ancestor holding the whole passage that has a sibling with text: swap it with that sibling.
      for (let el: Node | null = commonAncestor(start, end); el && el !== root; el = el.parentNode) {
        if (!isElement(el) || !isBlock(el)) continue;
        const next = siblingWithText(el, 'next');
        if (next) {
          el.parentNode?.insertBefore(next, el);
          return true;
        }
        const previous = siblingWithText(el, 'previous');
        if (previous) {
          el.parentNode?.insertBefore(el, previous);
          return true;
        }
      }
      return false;
    }
    case 'duplicate the paragraph': {
      // The block holding the passage, or the run of child blocks it spans, copied right after the original.
      const common = commonAncestor(start, end);
      const block = isElement(common) && isBlock(common) ? common : blockOf(common, root);
      const kids = [...block.childNodes];
      const first = kids.findIndex((k) => k === start || k.contains(start));
      const last = kids.findIndex((k) => k === end || k.contains(end));
      const run = kids.slice(first, last + 1);
      const isBlockNode = (k: Node | undefined) => k !== undefined && isElement(k) && isBlock(k);
      const spansBlocks = first >= 0 && last > first && isBlockNode(kids[first]) && isBlockNode(kids[last]);
      const originals = spansBlocks || block === root ? run.filter((k) => !isElement(k) || k.localName !== MARK_TAG) : [block];
      const parent = originals[0]?.parentNode;
      const lastOriginal = originals[originals.length - 1];
      if (!parent || !lastOriginal) return false;
      const after = lastOriginal.nextSibling;
      for (const original of originals) {
        const copy = original.cloneNode(true);
        if (isElement(copy)) renameMarkers(copy);
        parent.insertBefore(copy, after);
      }
      return true;
    }
    case 'wrap in inline elements': {
      const map = collectTextNodes(root);
      const span = markedSpan(page, map);
      const words = editableWords(map, span.start, span.end);
      const chosen = words.filter(() => rand() < 0.4).slice(0, 3);
      if (!chosen.length && words[0]) chosen.push(words[0]);
      if (!chosen.length) return false;
      // Last first, so earlier offsets in a shared text node stay valid.
      for (const w of chosen.reverse()) {
        const r = doc.createRange();
        r.setStart(w.node, w.at);
        r.setEnd(w.node, w.at + w.word.length);
        const wrapper = doc.createElement(pick(rand, ['em', 'strong', 'span', 'a']) ?? 'span');
        r.surroundContents(wrapper);
      }
      return true;
    }
    case 'change a number inside': {
      // "take 2 tablets" becoming "take 3 tablets" is a different passage: anchoring it anywhere is wrong.
      const map = collectTextNodes(root);
      const span = markedSpan(page, map);
      const numbers = [...map.text.slice(span.start, span.end).matchAll(/\d+/g)]
        .map((m) => ({ at: span.start + m.index, digits: m[0] }))
        .filter((n) => map.starts.some((st, k) => st <= n.at && (map.ends[k] ?? 0) >= n.at + n.digits.length));
      const target = pick(rand, numbers);
      if (!target) return false;
      const k = map.starts.findIndex((st, i) => st <= target.at && (map.ends[i] ?? 0) >= target.at + target.digits.length);
      const node = map.nodes[k];
      if (!node) return false;
      node.replaceData(target.at - (map.starts[k] ?? 0), target.digits.length, String(Number(target.digits) + 1));
      return true;
    }
    case 'remove the passage': {
      const r = doc.createRange();
      r.setStartAfter(start);
      r.setEndBefore(end);
      r.deleteContents();
      return true;
    }
  }
}

function siblingWithText(el: Element, direction: 'next' | 'previous'): Element | null {
  for (let s = direction === 'next' ? el.nextElementSibling : el.previousElementSibling; s; s = direction === 'next' ? s.nextElementSibling : s.previousElementSibling) {
    if (isBlock(s) && (s.textContent ?? '').trim().length > 20 && !s.querySelector(MARK_TAG)) return s;
  }
  return null;
}
