import { requestPersistence, shouldAskPersistence, type PersistenceAnswer, type PersistenceApi } from '../db/persistence';
import { persistentStorageSetting } from './settings';

/**
 * Asks the browser to keep the library's storage (first library open, first
 * save from the popup), unless it already said yes, or said no less than a
 * week ago, and remembers the answer for Settings. Extension pages only: a
 * service worker has no navigator.storage.persist.
 */
export async function askForPersistentStorage(api: PersistenceApi | undefined, now = new Date()): Promise<PersistenceAnswer | null> {
  const previous = await persistentStorageSetting.getValue();
  if (!shouldAskPersistence(previous, now)) return previous;
  const answer = await requestPersistence(api, now);
  await persistentStorageSetting.setValue(answer);
  return answer;
}
