import { Dexie } from 'dexie';
import { fail, type Result } from '../model/result';
import { t } from '../i18n';

/**
 * What Chromium reports when the disk itself is full: large values go to
 * blob files, and writing them fails as "DataError: Failed to write blobs
 * (IOError)"; small ones fail in LevelDB as an I/O error. Seen in
 * Chromium 156 with the profile on a full disk (tests/e2e/storage-quota.spec.ts).
 */
const DISK_WRITE_FAILED = /\bIO ?error\b|failed to write blobs|no space left/i;

/**
 * Whether an error from IndexedDB (raw, or wrapped by Dexie) means there is
 * no room: the origin's quota (QuotaExceededError), or a full disk, which
 * an extension with unlimitedStorage meets instead of a quota.
 */
export function isQuotaError(error: unknown): boolean {
  const errors = [error, error instanceof Dexie.DexieError ? error.inner : undefined].filter((e): e is Error => e instanceof Error);
  return errors.some(
    (e) => e.name === 'QuotaExceededError' || ((e.name === 'DataError' || e.name === 'UnknownError') && DISK_WRITE_FAILED.test(e.message)),
  );
}

/**
 * A failed write in plain words: a full disk is told apart, with what to do
 * about it, and the user hears that nothing changed. `notDone` says what did
 * not happen ("this was not saved", "the backup was not restored").
 */
export function storageError<T>(error: unknown, notDone = t('db.notDone.default')): Result<T> {
  if (isQuotaError(error)) {
    return fail(
      'storage-full',
      t('db.storageFull', { notDone }),
    );
  }
  // Chromium reports a write that failed in its database files as a bare "Internal error" (UnknownError), and a full
  // disk is the usual cause: say so, with the same first step, without claiming it.
  return fail(
    'storage-failed',
    t('db.storageFailed', { notDone }),
  );
}
