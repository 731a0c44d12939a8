import type { ClipKind, PageFacts } from '../model/clip';
import type { Result } from '../model/result';
import type { SiteRule, SourceType, SourceVerdict } from '../model/source-type';
import type { ClipListItem } from '../db/repository';

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

  /*
   * Content script (annotate pages as I browse) → background. Only these two
   * are accepted from web pages; their inputs are page-derived and parsed.
   */

  /** Say what badge this page should show, or null for none (unknown site, nothing saved, hidden). */
  describePage(input: { url: string; canonicalHref?: string }): Result<PageBadge | null>;
  /** Stop showing the badge on this page's site. */
  hideBadgeOnSite(input: { url: string }): Result<string>;
}

/** The messages a content script may send; every other one must come from an extension page. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set(['describePage', 'hideBadgeOnSite']);

export type MessageType = keyof ProtocolMap;
export type MessageInput<K extends MessageType> = Parameters<ProtocolMap[K]>[0];
export type MessageOutput<K extends MessageType> = ReturnType<ProtocolMap[K]>;
export type ProtocolHandlers = { [K in MessageType]: (input: MessageInput<K>) => Promise<MessageOutput<K>> };
