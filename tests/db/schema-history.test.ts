import { afterEach, describe, expect, it } from 'vitest';
import { LIBRARY_DB_NAME, LibraryDb, SCHEMA_HISTORY } from '../../lib/db/library-db';

/**
 * The shipped schema, written out literally. A failing test here means a
 * shipped version was edited: add a new version with a migration instead
 * (STYLE.md §12.5), then add it to this list.
 */
describe('SCHEMA_HISTORY', () => {
  it('matches the shipped versions exactly', () => {
    expect(SCHEMA_HISTORY).toEqual([
      { version: 1, stores: { clips: 'id, canonicalUrl, savedAt, *tags, kind' } },
      { version: 2, stores: { clips: 'id, canonicalUrl, savedAt, *tags, kind', siteRules: 'host' } },
      {
        version: 3,
        stores: { clips: 'id, canonicalUrl, savedAt, *tags, kind', siteRules: 'host', highlights: 'id, clipId, canonicalUrl, createdAt' },
      },
      {
        version: 4,
        stores: {
          clips: 'id, canonicalUrl, savedAt, *tags, kind',
          siteRules: 'host',
          highlights: 'id, clipId, canonicalUrl, createdAt',
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
          searchJournal: '++seq',
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
          libraryMeta: 'key',
        },
      },
    ]);
  });

  it('lists versions in increasing order, starting at 1', () => {
    const versions = SCHEMA_HISTORY.map((v) => v.version);
    expect(versions[0]).toBe(1);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('keeps the real database name', () => {
    expect(LIBRARY_DB_NAME).toBe('health-clipper');
  });
});

describe('LibraryDb', () => {
  let db: LibraryDb | undefined;
  afterEach(async () => {
    await db?.delete();
    db = undefined;
  });

  it('opens at the latest version with its tables and their indexes', async () => {
    db = new LibraryDb('schema-history-test');
    await db.open();
    expect(db.verno).toBe(6);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['clips', 'collections', 'highlights', 'libraryMeta', 'searchIndex', 'searchJournal', 'siteRules']);
    expect(db.searchJournal.schema.primKey).toMatchObject({ name: 'seq', auto: true });
    expect(db.collections.schema.indexes.map((i) => i.name)).toEqual(['kind', 'updatedAt', 'clipIds']);
    expect(db.highlights.schema.indexes.map((i) => i.name)).toEqual(['clipId', 'canonicalUrl', 'createdAt']);
    expect(db.siteRules.schema.primKey.name).toBe('host');
    expect(db.libraryMeta.schema.primKey.name).toBe('key');
    const schema = db.clips.schema;
    expect(schema.primKey.name).toBe('id');
    expect(schema.primKey.auto).toBe(false);
    expect(schema.indexes.map((i) => i.name)).toEqual(['canonicalUrl', 'savedAt', 'tags', 'kind']);
    expect(schema.indexes.find((i) => i.name === 'tags')?.multi).toBe(true);
  });

  it('creates the same object store and indexes in IndexedDB itself', async () => {
    db = new LibraryDb('schema-history-raw-test');
    await db.open();
    const idb = db.backendDB();
    expect(Array.from(idb.objectStoreNames).sort()).toEqual(['clips', 'collections', 'highlights', 'libraryMeta', 'searchIndex', 'searchJournal', 'siteRules']);
    const collections = idb.transaction('collections', 'readonly').objectStore('collections');
    expect(collections.index('clipIds').multiEntry).toBe(true);
    const store = idb.transaction('clips', 'readonly').objectStore('clips');
    expect(store.keyPath).toBe('id');
    expect(Array.from(store.indexNames).sort()).toEqual(['canonicalUrl', 'kind', 'savedAt', 'tags']);
    expect(store.index('tags').multiEntry).toBe(true);
    expect(store.index('canonicalUrl').unique).toBe(false);
  });
});
