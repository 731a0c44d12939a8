import { LibraryDb } from '../../lib/db/library-db';
import { LibrarySearch } from '../../lib/db/library-search';
import type { SearchWorkerReply, SearchWorkerRequest } from '../../lib/db/search-protocol';

/** The library's search index, kept in a worker so the page stays responsive. */
const scope = self as unknown as { postMessage(reply: SearchWorkerReply): void; onmessage: ((e: MessageEvent<SearchWorkerRequest>) => void) | null };
const post = (reply: SearchWorkerReply) => scope.postMessage(reply);
const search = new LibrarySearch(new LibraryDb(), (progress) => post({ type: 'progress', progress }));
const opened = search.open();

scope.onmessage = (event) => {
  const message = event.data;
  void opened.then(async () => {
    if (message.type === 'search') {
      const started = performance.now();
      try {
        const { ids, ...hits } = await search.search(message.request);
        post({ type: 'hits', id: message.id, hits, ids: ids.some((i) => i.includes('\n')) ? ids : ids.join('\n'), tookMs: performance.now() - started });
      } catch (error) {
        post({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
      }
    } else if (message.type === 'stats') {
      post({ type: 'stats', id: message.id, bytes: search.byteSize(), progress: search.status() });
    } else if (message.type === 'flush') {
      await search.flush();
    } else {
      await search.rebuild();
    }
  });
};
