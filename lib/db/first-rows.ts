import type { Clip } from '../model/clip';
import { LIBRARY_DB_NAME } from './library-db-name';

/** A clip without its stored content, as the list's first rows need it. */
export type FirstRow = Omit<Clip, 'contentHtml' | 'contentText'>;

/**
 * Reads the newest clips with plain IndexedDB, before the library page's
 * own code (Dexie, the views) has even loaded, so the first rows can be
 * drawn the moment it has. This is the one read outside the repository:
 * it only reads, it never creates or upgrades the database (a missing or
 * older database gives undefined and the page reads through Dexie as usual),
 * and it closes its connection at once so Dexie can open (or upgrade) it.
 */
export function readNewestClips(limit: number): Promise<FirstRow[] | undefined> {
  return new Promise((resolve) => {
    let open: IDBOpenDBRequest;
    try {
      open = indexedDB.open(LIBRARY_DB_NAME);
    } catch {
      resolve(undefined);
      return;
    }
    open.onupgradeneeded = () => {
      // No library yet: do not create one here.
      open.transaction?.abort();
      resolve(undefined);
    };
    open.onerror = () => resolve(undefined);
    open.onblocked = () => resolve(undefined);
    open.onsuccess = () => {
      const db = open.result;
      const done = (rows: FirstRow[] | undefined) => {
        db.close();
        resolve(rows);
      };
      try {
        const index = db.transaction('clips', 'readonly').objectStore('clips').index('savedAt');
        const strip = ({ contentHtml: _h, contentText: _t, ...row }: Clip): FirstRow => row;
        // One round trip where the browser has getAllRecords (newest first); else a cursor, one record at a time.
        const withRecords = index as IDBIndex & { getAllRecords?: (options: { count: number; direction: 'prev' }) => IDBRequest<{ value: unknown }[]> };
        if (typeof withRecords.getAllRecords === 'function') {
          const all = withRecords.getAllRecords({ count: limit, direction: 'prev' });
          all.onerror = () => done(undefined);
          all.onsuccess = () => done(all.result.map((r) => strip(r.value as Clip)));
          return;
        }
        const rows: FirstRow[] = [];
        const cursor = index.openCursor(null, 'prev');
        cursor.onerror = () => done(undefined);
        cursor.onsuccess = () => {
          const at = cursor.result;
          if (!at || rows.length >= limit) return done(rows);
          rows.push(strip(at.value as Clip));
          at.continue();
        };
      } catch {
        done(undefined);
      }
    };
  });
}
