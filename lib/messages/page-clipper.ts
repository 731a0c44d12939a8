import type { ClipDraftInput, ClipKind, PageFacts, TextQuote } from '../model/clip';
import type { HighlightMeaning } from '../model/highlight';

/** What the clipper reports about the page before saving. */
export interface PageInspection {
  facts: PageFacts;
  hasSelection: boolean;
  linkOnlyReason?: string;
}

/** Only what the page needs to paint a highlight: no notes, no library data. */
export interface SavedHighlightPaint {
  id: string;
  quote: TextQuote;
  position?: { start: number; end: number };
  meaning: HighlightMeaning;
}

/** Whether a saved highlight was found on the page now, and its current wording if it changed. */
export interface HighlightPlacement {
  id: string;
  status: 'placed' | 'changed' | 'missing';
  changedText?: string;
}

/**
 * The clipper injected into a page on demand (entrypoints/clipper/). The
 * background calls it through `scripting.executeScript`; results come back
 * as plain data, and are parsed again before anything is stored.
 */
export interface PageClipper {
  inspect(): PageInspection;
  clip(mode: ClipKind): ClipDraftInput;
  /** The selected passage with the text around it and its position, if text is selected. */
  selectedPassage(): { quote: TextQuote; position: { start: number; end: number } } | undefined;
  /** Finds saved highlights on the page and paints those found for sure; says what became of each. */
  paintSaved(items: readonly SavedHighlightPaint[]): HighlightPlacement[];
  /** Paints the current selection as a highlight of this meaning; false if it cannot. */
  paintSelection(meaning: HighlightMeaning): boolean;
}

declare global {
  // The clipper registers itself here, in the extension's isolated world (`var` is how a global is declared).
  var __healthClipper: PageClipper | undefined;
}
