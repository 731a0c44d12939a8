import type { ClipKind, PageFacts } from '../model/clip';
import type { Result } from '../model/result';
import type { SourceVerdict } from '../model/source-type';
import type { ClipListItem } from '../db/repository';

/** What the popup learns about a tab before the user saves it. */
export interface TabInspection {
  facts: PageFacts;
  verdict: SourceVerdict;
  hasSelection: boolean;
  /** Set when only the link can be kept (e.g. a PDF), in plain words. */
  linkOnlyReason?: string;
  /** Clips already saved from this page (by canonical address), newest first. */
  saved: ClipListItem[];
}

/** The result of a save, with what the user should be told. */
export interface ClipOutcome {
  clip: ClipListItem;
  duplicate: boolean;
  /** Plain-English summary, e.g. "Saved the article" or the fallback message. */
  message: string;
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
}

export type MessageType = keyof ProtocolMap;
export type MessageInput<K extends MessageType> = Parameters<ProtocolMap[K]>[0];
export type MessageOutput<K extends MessageType> = ReturnType<ProtocolMap[K]>;
export type ProtocolHandlers = { [K in MessageType]: (input: MessageInput<K>) => Promise<MessageOutput<K>> };
