import { anchorInMap, anchorInText, bodyOf, collectTextNodes } from '../anchor/index';
import { meaningPaint, resolveMeaningColours, type HighlightMeaning } from '../model/highlight-meanings';
import { createPainter, type Painter } from './paint';
import type { PaintItem, Placement } from './types';

/** The page side of highlights: finds saved ones, paints them, keeps looking for late text, scrolls to one. */
export interface Highlighter {
  /** Finds and paints these saved highlights (replacing any shown before); says what became of each. */
  show(items: readonly PaintItem[]): Placement[];
  /** Paints a highlight the user has just made on this range. */
  add(id: string, range: Range, meaning: HighlightMeaning): void;
  /** Paints with the user's colours from now on: the stored choice as read (checked against the palette here). */
  setColours(stored: unknown): void;
  /** Takes a highlight off the page (after it was deleted). */
  remove(id: string): void;
  /** Scrolls a painted highlight into view and draws attention to it; false when it is not on the page. */
  scrollTo(id: string): boolean;
  /** What became of each highlight shown, as of now. */
  placements(): Placement[];
  dispose(): void;
}

export interface HighlighterOptions {
  /** Told when highlights that were missing turn up later (late-loading content). */
  onLateFound?: (placements: Placement[]) => void;
  /** How long to keep watching for late text after `show`. */
  watchMs?: number;
  /** Quiet time after the page last changed before looking again. */
  settleMs?: number;
  painter?: Painter;
}

const DEFAULT_WATCH_MS = 120_000;
const DEFAULT_SETTLE_MS = 300;

/** Anchors one item: by its W3C selectors when it has them, else (older highlights) by quote and position. */
function find(map: ReturnType<typeof collectTextNodes>, item: PaintItem): { range: Range; exact: boolean; changedText?: string } | undefined {
  if (item.selectors?.length) return anchorInText(map, item.selectors) ?? undefined;
  const old = anchorInMap(map, { quote: item.quote, position: item.position });
  return old && { range: old.range, exact: old.exactMatch, ...(old.changedText !== undefined ? { changedText: old.changedText } : {}) };
}

/**
 * Single-page apps and lazy sections add text after load, so highlights not
 * found at first are looked for again whenever the page settles after a
 * change, for a while. Each look reads the page text once for all of them.
 */
export function createHighlighter(doc: Document, options: HighlighterOptions = {}): Highlighter {
  const painter = options.painter ?? createPainter(doc);
  const watchMs = options.watchMs ?? DEFAULT_WATCH_MS;
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  const items = new Map<string, PaintItem>();
  const ranges = new Map<string, Range>();
  const status = new Map<string, Placement>();
  let observer: MutationObserver | undefined;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let stopTimer: ReturnType<typeof setTimeout> | undefined;

  const root = () => bodyOf(doc) ?? doc;

  /** Anchors the given items in one read of the page text; paints and records those found. */
  const place = (list: readonly PaintItem[]): Placement[] => {
    if (!list.length) return [];
    const map = collectTextNodes(root());
    return list.map((item) => {
      const found = find(map, item);
      if (!found) {
        const missing: Placement = { id: item.id, status: 'missing' };
        status.set(item.id, missing);
        return missing;
      }
      ranges.set(item.id, found.range);
      painter.paint(item.id, found.range, item.meaning);
      const placement: Placement = found.exact
        ? { id: item.id, status: 'placed' }
        : { id: item.id, status: 'changed', ...(found.changedText !== undefined ? { changedText: found.changedText } : {}) };
      status.set(item.id, placement);
      return placement;
    });
  };

  const missingItems = () => [...items.values()].filter((i) => status.get(i.id)?.status === 'missing');

  const stopWatching = () => {
    observer?.disconnect();
    observer = undefined;
    clearTimeout(settleTimer);
    clearTimeout(stopTimer);
  };

  const lookAgain = () => {
    const found = place(missingItems()).filter((p) => p.status !== 'missing');
    if (found.length) options.onLateFound?.(found);
    if (!missingItems().length) stopWatching();
  };

  const watch = () => {
    stopWatching();
    const MutationObserverCtor = doc.defaultView?.MutationObserver;
    if (!MutationObserverCtor || !missingItems().length) return;
    observer = new MutationObserverCtor(() => {
      clearTimeout(settleTimer);
      settleTimer = setTimeout(lookAgain, settleMs);
    });
    observer.observe(root(), { childList: true, subtree: true, characterData: true });
    stopTimer = setTimeout(stopWatching, watchMs);
  };

  return {
    show(list) {
      painter.clear();
      items.clear();
      ranges.clear();
      status.clear();
      for (const item of list) items.set(item.id, item);
      const result = place(list);
      watch();
      return result;
    },
    add(id, range, meaning) {
      ranges.set(id, range);
      status.set(id, { id, status: 'placed' });
      painter.paint(id, range, meaning);
    },
    setColours(stored) {
      painter.restyle(meaningPaint(resolveMeaningColours(stored)));
    },
    remove(id) {
      painter.unpaint(id);
      items.delete(id);
      ranges.delete(id);
      status.delete(id);
    },
    scrollTo(id) {
      const range = ranges.get(id);
      if (!range || range.collapsed) return false;
      const start = range.startContainer;
      const element = start.nodeType === 1 ? (start as Element) : start.parentElement;
      if (!element) return false;
      const reduce = doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
      element.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
      painter.flash(id);
      return true;
    },
    placements: () => [...status.values()],
    dispose() {
      stopWatching();
      painter.clear();
    },
  };
}
