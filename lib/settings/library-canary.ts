import { checkLibraryCanary, dismissWipeNotice, type CanaryCheck } from '../db/eviction-canary';
import type { LibraryMetaStore } from '../db/library-meta-store';
import { libraryCanarySetting } from './settings';

/**
 * The eviction canary wired to its two stores: the database's marker
 * (through the repository) and the record in extension storage. Used by
 * the library page when it opens and by the background after each save.
 */
export function checkLibraryStorage(meta: LibraryMetaStore, now: () => Date = () => new Date()): Promise<CanaryCheck> {
  return checkLibraryCanary({
    readRecord: () => libraryCanarySetting.getValue(),
    writeRecord: (record) => libraryCanarySetting.setValue(record),
    readMarker: () => meta.readMarker(),
    ensureMarker: (marker) => meta.ensureMarker(marker),
    countClips: () => meta.countClips(),
    now,
    newId: () => crypto.randomUUID(),
  });
}

/** Forgets the wipe notice (the user dismissed it, or restored a backup). */
export async function dismissLibraryWipeNotice(): Promise<void> {
  const record = await libraryCanarySetting.getValue();
  if (record?.wiped) await libraryCanarySetting.setValue(dismissWipeNotice(record));
}
