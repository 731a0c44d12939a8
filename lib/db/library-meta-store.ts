import type { LibraryDb } from './library-db';
import { CANARY_COUNT_LIMIT, type LibraryMarker } from './eviction-canary';

/**
 * Facts about the database itself (not library data): the eviction
 * canary's marker. Kept in its own table so that neither a restore (which
 * replaces the library tables) nor a search-index rebuild (which clears
 * searchIndex) can remove it and raise a false alarm.
 */
export class LibraryMetaStore {
  constructor(private readonly db: LibraryDb) {}

  /** The canary's marker, or undefined when this database has none (new, or wiped). */
  readMarker(): Promise<LibraryMarker | undefined> {
    return this.db.libraryMeta.get('library');
  }

  /** Stores `candidate` unless a marker is there already, in one transaction, so two tabs agree on one id. */
  ensureMarker(candidate: LibraryMarker): Promise<LibraryMarker> {
    return this.db.transaction('rw', this.db.libraryMeta, async () => {
      const existing = await this.db.libraryMeta.get('library');
      if (existing) return existing;
      await this.db.libraryMeta.add(candidate);
      return candidate;
    });
  }

  /** Clips in the library, counted up to CANARY_COUNT_LIMIT (keys only, so it stays quick at 100,000). */
  async countClips(upTo = CANARY_COUNT_LIMIT): Promise<number> {
    return (await this.db.clips.limit(upTo).primaryKeys()).length;
  }
}
