import type { ClipKind, PageFacts } from '../model/clip';
import type { Result } from '../model/result';
import type { SiteRule, SourceType, SourceVerdict } from '../model/source-type';
import type { ClipListItem } from '../db/repository';
import type { HighlightMeaning } from '../model/highlight-meanings';
import type { PagePassage, PaintItem, Placement } from '../page-highlights/types';

/** What the popup learns about a tab before the user saves it. */
export interface TabInspection {
  facts: PageFacts;
  verdict: SourceVerdict;
  /** The user's rule for this site, which wins over the verdict. */
  siteRule?: SiteRule;
  hasSelection: boolean;
  /** Set when only the link can be kept (e.g. a PDF), in plain words. */
  linkOnlyReason?: string;
  /** Clips already saved from this page (by canonical address), newest first. */
  saved: ClipListItem[];
  /** The page's saved highlights, painted again when the popup opened. */
  highlights?: { placed: number; changed: number; missing: number };
}

/** The result of a save, with what the user should be told. */
export interface ClipOutcome {
  clip: ClipListItem;
  duplicate: boolean;
  /** Plain-English summary, e.g. "Saved the article" or the fallback message. */
  message: string;
}

/** What the in-page badge shows: the page's type and whether it is in the library. */
export interface PageBadge {
  type: SourceType;
  /** One-line reason for the type. */
  reason: string;
  /** When the page (by canonical address) was first saved, if it is in the library. */
  savedAt?: string;
  /** How many clips the library holds from this page. */
  savedCount: number;
}

/**
 * Every message between contexts, by direction. Commands are imperative.
 * Handlers never throw across contexts: they return a Result.
 *
 * Extension page (popup, library) → background:
 */
export interface ProtocolMap {
  /** Read the page in a tab (facts, type, selection) and say whether it is already saved. */
  inspectTab(input: { tabId: number }): Result<TabInspection>;
  /** Save the page in a tab as an article, the selection, or the link. */
  clipTab(input: { tabId: number; mode: ClipKind; tags: string[]; note: string }): Result<ClipOutcome>;
  /** Scroll the tab to one of its painted highlights; false when it is not on the page now. */
  scrollToHighlight(input: { tabId: number; id: string }): Result<boolean>;
  /** Move a highlight onto the passage selected in the tab now (for one that was not found). */
  reattachHighlight(input: { tabId: number; id: string }): Result<string>;
  /** Take a (deleted) highlight off the page in a tab. */
  unpaintHighlight(input: { tabId: number; id: string }): Result<boolean>;
  /**
   * Close the library database and drop what depends on it (scheduled
   * checks, page scripts), because "Delete everything" is about to delete it.
   */
  closeLibrary(input: { reason: 'delete-everything' }): Result<true>;

  /*
   * Our scripts in web pages (annotate pages as I browse, the highlight
   * toolbar) → background. Only these are accepted from web pages; their
   * inputs are page-derived and parsed, and the tab is the sender's.
   */

  /** Say what badge this page should show, or null for none (unknown site, nothing saved, hidden). */
  describePage(input: { url: string; canonicalHref?: string }): Result<PageBadge | null>;
  /** Stop showing the badge on this page's site. */
  hideBadgeOnSite(input: { url: string }): Result<string>;
  /** The saved highlights to paint on this page (only when "show my highlights automatically" is on), and whether to offer the toolbar. */
  highlightsForPage(input: { url: string; canonicalHref?: string }): Result<{ items: PaintItem[]; toolbar: boolean }>;
  /** Save a highlight on the passage the user selected in the sender's tab (saving the page too if needed). */
  highlightFromPage(input: { meaning: HighlightMeaning; note: string; passage: PagePassage }): Result<{ id: string; message: string }>;
  /** Remember what became of this page's highlights (found late, changed, not found). */
  reportPlacements(input: { url: string; canonicalHref?: string; placements: Placement[] }): Result<number>;
}

/** Who sent a message, as the browser (not the message) says. */
export interface MessageSender {
  /** The tab of a content script; absent for extension pages. */
  tabId?: number;
  /** The address of the sending frame. */
  url?: string;
}

/** The messages a content script may send; every other one must come from an extension page. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set([
  'describePage',
  'hideBadgeOnSite',
  'highlightsForPage',
  'highlightFromPage',
  'reportPlacements',
]);

export type MessageType = keyof ProtocolMap;
export type MessageInput<K extends MessageType> = Parameters<ProtocolMap[K]>[0];
export type MessageOutput<K extends MessageType> = ReturnType<ProtocolMap[K]>;
export type ProtocolHandlers = { [K in MessageType]: (input: MessageInput<K>, sender: MessageSender) => Promise<MessageOutput<K>> };
