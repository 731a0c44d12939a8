import { LIBRARY_DB_NAME } from './library-db-name';
import { t } from '../i18n';

/** The part of IDBFactory used here (a parameter, so tests pass fake-indexeddb's). */
export type DatabaseFactory = Pick<IDBFactory, 'deleteDatabase'> & Partial<Pick<IDBFactory, 'databases'>>;

/**
 * Deletes every IndexedDB database of this origin (the library and any
 * other), waiting for each to be gone. `onBlocked` is called when another
 * page still holds a database open: the deletion then finishes as soon as
 * that page lets go (Dexie closes its connection by itself when asked), so
 * it is only for telling the user. Returns the names deleted.
 */
export async function deleteAllDatabases(factory: DatabaseFactory, onBlocked: (name: string) => void = () => undefined): Promise<string[]> {
  // Firefox before 126 has no databases(): the library's own database is the one we know of.
  const listed = factory.databases ? (await factory.databases()).map((d) => d.name).filter((n): n is string => Boolean(n)) : [];
  const names = [...new Set([LIBRARY_DB_NAME, ...listed])];
  for (const name of names) {
    await new Promise<void>((resolve, reject) => {
      const request = factory.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error(`Could not delete ${name}`) /* i18n-ignore: only reached when the browser gives no error of its own; the page words the failure */);
      request.onblocked = () => onBlocked(name);
    });
  }
  return names;
}
