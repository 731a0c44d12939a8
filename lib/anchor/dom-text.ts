import type { TextQuote } from '../model/clip';
import { matchQuoteIn } from './match-quote';
import { describeTextQuote, type TextSpan } from './text-quote';
import { collectLegacyText } from './legacy-text';
import { collectTextNodes, documentOf, offsetsOfRange, rangeFromOffsets, trimSpan, type TextMap } from './text-model';

/**
 * The first DOM API of lib/anchor, for highlights stored as `{ quote, position }`
 * (lib/model/highlight.ts). It reads the page in the current text model
 * (text-model.ts) and, for quotes saved in the older glued model, falls back to
 * that model for an exact match on visible text. New code uses `describe` and
 * `anchor` from index.ts, which speak W3C selectors.
 */

export { collectTextNodes, rangeFromOffsets, type TextMap };

/** Selectors saved with a highlight. */
export interface HighlightSelectors {
  quote: TextQuote;
  position?: TextSpan;
}

/** A highlight found on the page. */
export interface AnchoredRange {
  range: Range;
  exactMatch: boolean;
  /** The page's current wording, when it differs from what was saved. */
  changedText?: string;
}

/** Saved selectors for a range: a quote with 64 characters of context each side, and its position. */
export function describeRange(
  root: Node,
  range: Range,
  map: TextMap = collectTextNodes(root),
): { quote: TextQuote; position: TextSpan } | undefined {
  const raw = offsetsOfRange(map, range);
  const position = trimSpan(map.text, raw.start, raw.end);
  const quote = describeTextQuote(map.text, position);
  return quote && { quote, position };
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

/** The older model of the same page, read at most once per map. */
const legacyMaps = new WeakMap<TextMap, { legacy: TextMap; visible: Set<Node> }>();

/** Finds a highlight in text already collected with `collectTextNodes`. */
export function anchorInMap(map: TextMap, selectors: HighlightSelectors): AnchoredRange | undefined {
  const doc = documentOf(map.root);
  if (!doc) return undefined;
  const found = matchIn(doc, map, selectors);
  if (found?.exactMatch) return found;
  let older = legacyMaps.get(map);
  if (!older) {
    older = { legacy: collectLegacyText(map.root), visible: new Set<Node>(map.nodes) };
    legacyMaps.set(map, older);
  }
  if (older.legacy.text === map.text) return found; // same text: nothing more to learn
  const legacy = matchIn(doc, older.legacy, selectors);
  if (!legacy?.exactMatch || !isVisible(legacy.range, older.visible)) return found;
  if (!found) return legacy;
  // Both models found it: the exact one wins only when they agree on the place.
  return overlaps(found.range, legacy.range) ? legacy : undefined;
}

function matchIn(doc: Document, map: TextMap, selectors: HighlightSelectors): AnchoredRange | undefined {
  const hint = selectors.position && { start: selectors.position.start };
  const match = matchQuoteIn(map.prepared(), selectors.quote, hint);
  if (!match) return undefined;
  const anchored: AnchoredRange = { range: rangeFromOffsets(doc, map, match.start, match.end), exactMatch: match.exactMatch };
  if (match.changedText !== undefined) anchored.changedText = match.changedText;
  return anchored;
}

/** A range found in the older model must start and end in text the current model reads (not hidden). */
function isVisible(range: Range, visible: Set<Node>): boolean {
  return visible.has(range.startContainer) && visible.has(range.endContainer);
}

function overlaps(a: Range, b: Range): boolean {
  // START_TO_END: a's end against b's start; END_TO_START: a's start against b's end (DOM spec).
  return a.compareBoundaryPoints(a.START_TO_END, b) > 0 && a.compareBoundaryPoints(a.END_TO_START, b) < 0;
}
