import { Dexie, type EntityTable } from 'dexie';
import type { Clip } from '../model/clip';
import type { StoredCollection } from '../model/collection';
import type { Highlight } from '../model/highlight';
import type { SiteRule } from '../model/source-type';
import { searchJournalMiddleware, type JournalEntry } from './search-journal';
import type { SearchIndexRow } from './search-index-store';
import type { LibraryMarker } from './eviction-canary';

import { LIBRARY_DB_NAME } from './library-db-name';

export { LIBRARY_DB_NAME };

/**
 * Every schema version ever shipped, oldest first. Never edit a shipped
 * entry: add a new version (and its migration and test) instead.
 */
export const SCHEMA_HISTORY = [
  {
    version: 1,
    stores: {
      // id: primary key. canonicalUrl: "already saved?" lookups. savedAt: newest-first list.
      // *tags: tag filter and the tag list for autocomplete. kind: article/selection/link checks.
      clips: 'id, canonicalUrl, savedAt, *tags, kind',
    },
  },
  {
    version: 2,
    stores: {
      clips: 'id, canonicalUrl, savedAt, *tags, kind',
      // host: the user's "pages on this site are <type>" rules, looked up by host.
      siteRules: 'host',
    },
  },
  {
    version: 3,
    stores: {
      clips: 'id, canonicalUrl, savedAt, *tags, kind',
      siteRules: 'host',
      // clipId: a clip's highlights (and deleting them with it). canonicalUrl: repainting
      // highlights when the page is visited again. createdAt: newest-first lists.
      highlights: 'id, clipId, canonicalUrl, createdAt',
    },
  },
  {
    version: 4,
    stores: {
      clips: 'id, canonicalUrl, savedAt, *tags, kind',
      siteRules: 'host',
      highlights: 'id, clipId, canonicalUrl, createdAt',
      // kind: reading lists / prescriptions / collections pages. updatedAt: most recent first.
      // *clipIds: "which lists is this page in?" and "add to my next appointment".
      collections: 'id, kind, updatedAt, *clipIds',
    },
  },
  {
    version: 5,
    stores: {
      clips: 'id, canonicalUrl, savedAt, *tags, kind',
      siteRules: 'host',
      highlights: 'id, clipId, canonicalUrl, createdAt',
      collections: 'id, kind, updatedAt, *clipIds',
      // ++seq: which clips changed, written with every change to clips or highlights (search-journal.ts).
      searchJournal: '++seq',
      // key: the saved search index, in parts (search-index-store.ts). Derived data: never backed up.
      searchIndex: 'key',
    },
  },
  {
    version: 6,
    stores: {
      clips: 'id, canonicalUrl, savedAt, *tags, kind',
      siteRules: 'host',
      highlights: 'id, clipId, canonicalUrl, createdAt',
      collections: 'id, kind, updatedAt, *clipIds',
      searchJournal: '++seq',
      searchIndex: 'key',
      // key: facts about the database itself, such as the eviction canary's marker (library-meta-store.ts).
      // Never backed up, never cleared by a restore or an index rebuild.
      libraryMeta: 'key',
    },
  },
] as const;

/** The library's IndexedDB database, in the extension's own origin. */
export class LibraryDb extends Dexie {
  clips!: EntityTable<Clip, 'id'>;
  siteRules!: EntityTable<SiteRule, 'host'>;
  highlights!: EntityTable<Highlight, 'id'>;
  collections!: EntityTable<StoredCollection, 'id'>;
  searchJournal!: EntityTable<JournalEntry, 'seq'>;
  searchIndex!: EntityTable<SearchIndexRow, 'key'>;
  libraryMeta!: EntityTable<LibraryMarker, 'key'>;

  constructor(name: string = LIBRARY_DB_NAME) {
    super(name);
    for (const { version, stores } of SCHEMA_HISTORY) this.version(version).stores(stores);
    this.use(searchJournalMiddleware);
  }
}
