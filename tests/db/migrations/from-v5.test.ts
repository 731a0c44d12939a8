import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryDb, SCHEMA_HISTORY } from '../../../lib/db/library-db';
import { LibraryRepository } from '../../../lib/db/repository';
import { checkLibraryCanary, type CanaryRecord } from '../../../lib/db/eviction-canary';
import { bulkClip } from '../../helpers/sample-library';

const NAME = 'migration-from-v5';

describe('upgrading a version 5 library to today', () => {
  afterEach(() => Dexie.delete(NAME));

  it('keeps every record, adds an empty libraryMeta table, and the canary adopts the library without an alarm', async () => {
    const v5 = new Dexie(NAME);
    v5.version(5).stores(SCHEMA_HISTORY[4]!.stores);
    const clips = [1, 2, 3].map((n) => bulkClip(n));
    await v5.table('clips').bulkAdd(clips);
    await v5.table('searchIndex').put({ key: 'meta', value: 'kept' });
    await v5.table('searchJournal').add({ clipIds: ['x'] });
    v5.close();

    const db = new LibraryDb(NAME);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.clips.toArray()).toEqual(clips);
    expect(await db.searchIndex.toArray()).toEqual([{ key: 'meta', value: 'kept' }]);
    expect(await db.searchJournal.count()).toBe(1);
    expect(await db.libraryMeta.count()).toBe(0);

    // An update from before the canary: no marker and no record is a "new library", never a wipe.
    const repo = new LibraryRepository(db);
    let record: CanaryRecord | null = null;
    const check = await checkLibraryCanary({
      readRecord: async () => record,
      writeRecord: async (r) => void (record = r),
      readMarker: () => repo.meta.readMarker(),
      ensureMarker: (m) => repo.meta.ensureMarker(m),
      countClips: () => repo.meta.countClips(),
      now: () => new Date('2026-11-24T10:00:00Z'),
      newId: () => 'lib-1',
    });
    expect(check.verdict).toBe('new-library');
    expect(check.record).toEqual({ libraryId: 'lib-1', clipCount: 3, seenAt: '2026-11-24T10:00:00.000Z' });
    expect(await db.libraryMeta.toArray()).toEqual([{ key: 'library', libraryId: 'lib-1', createdAt: '2026-11-24T10:00:00.000Z' }]);
    db.close();
  });
});
