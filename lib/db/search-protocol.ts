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
  // Ids travel as one "\n"-joined string (copying one string is far cheaper than tens of
  // thousands), or as a list when an id itself holds a line break (only a hand-made backup could).
  | { type: 'hits'; id: number; hits: Omit<LibraryHits, 'ids'>; ids: string | string[]; tookMs: number }
  | { type: 'failed'; id: number; message: string }
  | { type: 'stats'; id: number; bytes: number; progress: SearchProgress }
  | { type: 'progress'; progress: SearchProgress };
