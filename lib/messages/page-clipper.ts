import type { ClipDraftInput, ClipKind, PageFacts, TextQuote } from '../model/clip';
import type { HighlightMeaning } from '../model/highlight';

/** What the clipper reports about the page before saving. */
export interface PageInspection {
  facts: PageFacts;
  hasSelection: boolean;
  linkOnlyReason?: string;
}

/**
 * The clipper injected into a page on demand (entrypoints/clipper/). The
 * background calls it through `scripting.executeScript`; results come back
 * as plain data, and are parsed again before anything is stored.
 */
export interface PageClipper {
  inspect(): PageInspection;
  clip(mode: ClipKind): ClipDraftInput;
  /** The selected passage with the text around it, if text is selected. */
  selectionQuote(): TextQuote | undefined;
  /** Paints the current selection as a highlight of this meaning; false if it cannot. */
  paintSelection(meaning: HighlightMeaning): boolean;
}

declare global {
  // The clipper registers itself here, in the extension's isolated world (`var` is how a global is declared).
  var __healthClipper: PageClipper | undefined;
}
