import { t } from '../../lib/i18n';
import { LibraryDb } from '../../lib/db/library-db';
import { LibrarySearch, type LibraryHits, type LibraryQuery, type SearchProgress } from '../../lib/db/library-search';
import type { SearchWorkerReply, SearchWorkerRequest } from '../../lib/db/search-protocol';

/** What the library page asks of search, whether the index runs in a worker or (where workers fail) in the page. */
export interface SearchClient {
  search(request: LibraryQuery): Promise<LibraryHits & { tookMs: number }>;
  /** Called with every change of the index's state; returns a function that stops it. */
  onProgress(listener: (progress: SearchProgress) => void): () => void;
  stats(): Promise<{ bytes: number; progress: SearchProgress }>;
  flush(): void;
  rebuild(): void;
  /** Stops the index and lets go of the database (before "Delete everything"); the next getSearchClient starts afresh. */
  close(): void;
}

let shared: SearchClient | undefined;

/** The page's one search client, started on first use. */
export function getSearchClient(): SearchClient {
  shared ??= startWorkerClient() ?? startInPageClient();
  return shared;
}

/** Stops the page's search client, if it started, so the database it holds open can be deleted. */
export function closeSearchClient(): void {
  shared?.close();
  shared = undefined;
}

function startWorkerClient(): SearchClient | undefined {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
  const listeners = new Set<(p: SearchProgress) => void>();
  const waiting = new Map<number, { resolve: (reply: SearchWorkerReply) => void }>();
  let nextId = 1;
  let last: SearchProgress | undefined;
  worker.onmessage = (event: MessageEvent<SearchWorkerReply>) => {
    const reply = event.data;
    if (reply.type === 'progress') {
      last = reply.progress;
      for (const l of listeners) l(reply.progress);
      return;
    }
    waiting.get(reply.id)?.resolve(reply);
    waiting.delete(reply.id);
  };
  const ask = (make: (id: number) => SearchWorkerRequest) =>
    new Promise<SearchWorkerReply>((resolve) => {
      const id = nextId++;
      waiting.set(id, { resolve });
      worker.postMessage(make(id));
    });
  return {
    async search(request) {
      const reply = await ask((id) => ({ type: 'search', id, request }));
      if (reply.type === 'hits') return { ...reply.hits, ids: typeof reply.ids !== 'string' ? reply.ids : reply.ids ? reply.ids.split('\n') : [], tookMs: reply.tookMs };
      throw new Error(reply.type === 'failed' ? reply.message : t('searchIndex.noAnswer'));
    },
    onProgress(listener) {
      listeners.add(listener);
      if (last) listener(last);
      return () => listeners.delete(listener);
    },
    async stats() {
      const reply = await ask((id) => ({ type: 'stats', id }));
      if (reply.type !== 'stats') throw new Error(t('searchIndex.noAnswer'));
      return { bytes: reply.bytes, progress: reply.progress };
    },
    flush: () => worker.postMessage({ type: 'flush' } satisfies SearchWorkerRequest),
    rebuild: () => worker.postMessage({ type: 'rebuild' } satisfies SearchWorkerRequest),
    close: () => worker.terminate(),
  };
}

function startInPageClient(): SearchClient {
  const listeners = new Set<(p: SearchProgress) => void>();
  const db = new LibraryDb();
  const search = new LibrarySearch(db, (p) => listeners.forEach((l) => l(p)));
  const opened = search.open();
  return {
    async search(request) {
      await opened;
      const started = performance.now();
      const hits = await search.search(request);
      return { ...hits, tookMs: performance.now() - started };
    },
    onProgress(listener) {
      listeners.add(listener);
      listener(search.status());
      return () => listeners.delete(listener);
    },
    async stats() {
      return { bytes: search.byteSize(), progress: search.status() };
    },
    flush: () => void search.flush(),
    rebuild: () => void search.rebuild(),
    close: () => db.close(),
  };
}
