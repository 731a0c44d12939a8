import type { HighlightMeaning } from '../model/highlight-meanings';
import type { Selector } from '../model/selectors';

/** A saved passage as the page side sees it (W3C TextQuoteSelector). */
export interface PageQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Only what a page needs to paint a saved highlight: no notes, no library data. */
export interface PaintItem {
  id: string;
  quote: PageQuote;
  position?: { start: number; end: number };
  /** W3C selectors, on highlights made since they were stored; the older ones anchor by quote and position. */
  selectors?: readonly Selector[];
  meaning: HighlightMeaning;
}

/** Whether a saved highlight is on the page now, and its current wording if that changed. */
export interface Placement {
  id: string;
  status: 'placed' | 'changed' | 'missing';
  changedText?: string;
}

/** A selected passage described for saving: its quote with context, and where it sits in the page text. */
export interface PagePassage {
  quote: PageQuote;
  position: { start: number; end: number };
  selectors: Selector[];
}
