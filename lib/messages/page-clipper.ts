import type { ClipDraftInput, ClipKind, PageFacts } from '../model/clip';
import type { HighlightMeaning } from '../model/highlight';
import type { PagePassage, PaintItem, Placement } from '../page-highlights/types';

/** What the clipper reports about the page before saving. */
export interface PageInspection {
  facts: PageFacts;
  hasSelection: boolean;
  linkOnlyReason?: string;
}

/** Only what the page needs to paint a highlight: no notes, no library data. */
export type SavedHighlightPaint = PaintItem;

/** Whether a saved highlight was found on the page now, and its current wording if it changed. */
export type HighlightPlacement = Placement;

/**
 * The clipper injected into a page on demand (entrypoints/clipper/). The
 * background calls it through `scripting.executeScript`; results come back
 * as plain data, and are parsed again before anything is stored.
 */
export interface PageClipper {
  inspect(): PageInspection;
  clip(mode: ClipKind): ClipDraftInput;
  /** The selected passage with the text around it and its position, if text is selected. */
  selectedPassage(): PagePassage | undefined;
  /**
   * Finds saved highlights on the page and paints those found for sure; says
   * what became of each. Keeps looking for missing ones while the page adds
   * text, and offers the selection toolbar from now on.
   */
  paintSaved(items: readonly SavedHighlightPaint[]): HighlightPlacement[];
  /** Paints the current selection as the highlight just saved with this id; false if nothing is selected. */
  paintSelection(id: string, meaning: HighlightMeaning): boolean;
  /** Scrolls to a painted highlight; false when it is not on the page. */
  scrollTo(id: string): boolean;
  /** Takes a highlight off the page. */
  unpaint(id: string): boolean;
}

declare global {
  // The clipper registers itself here, in the extension's isolated world (`var` is how a global is declared).
  var __healthClipper: PageClipper | undefined;
}
