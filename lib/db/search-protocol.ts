import type { LibraryHits, LibraryQuery, SearchProgress } from './library-search';

/**
 * Messages between the library page and its search worker (the index lives
 * in a worker so building and searching 100,000 clips never freezes the page).
 */
export type SearchWorkerRequest =
  | { type: 'search'; id: number; request: LibraryQuery }
  | { type: 'flush' }
  | { type: 'rebuild' }
  | { type: 'stats'; id: number };

export type SearchWorkerReply =
  | { type: 'hits'; id: number; hits: LibraryHits; tookMs: number }
  | { type: 'failed'; id: number; message: string }
  | { type: 'stats'; id: number; bytes: number; progress: SearchProgress }
  | { type: 'progress'; progress: SearchProgress };
