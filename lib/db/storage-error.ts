import { Dexie } from 'dexie';
import { fail, type Result } from '../model/result';

/** Whether an error from IndexedDB (raw, or wrapped by Dexie, or as the reason a transaction aborted) is a full disk or quota. */
export function isQuotaError(error: unknown): boolean {
  const name = error instanceof Error ? error.name : '';
  const inner = error instanceof Dexie.DexieError ? error.inner?.name : undefined;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

/**
 * A failed write in plain words: a full disk is told apart, with what to do
 * about it, and the user hears that nothing changed. `notDone` says what did
 * not happen ("this was not saved", "the backup was not restored").
 */
export function storageError<T>(error: unknown, notDone = 'this was not saved'): Result<T> {
  if (isQuotaError(error)) {
    return fail(
      'storage-full',
      `There is no room left on this computer for your library, so ${notDone}. Nothing already in your library was changed. ` +
        'Free up some disk space, or delete saved pages you no longer need, then try again. Once there is room, make a backup (in Settings) to keep your library safe.',
    );
  }
  return fail('storage-failed', 'The library could not be saved to. Nothing was changed. Try again, or restart the browser.');
}
