import { Dexie } from 'dexie';
import { fail, type Result } from '../model/result';

/** A failed write in plain words: a full disk is told apart, and the user hears that nothing changed. */
export function storageError<T>(error: unknown): Result<T> {
  const name = error instanceof Error ? error.name : '';
  const inner = error instanceof Dexie.DexieError ? error.inner?.name : undefined;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return fail('storage-full', 'Your computer is out of space for the library, so this was not saved. Free up disk space, then try again. Nothing already saved was changed.');
  }
  return fail('storage-failed', 'The library could not be saved to. Nothing was changed. Try again, or restart the browser.');
}
