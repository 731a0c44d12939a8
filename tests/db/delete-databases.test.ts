import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { deleteAllDatabases } from '../../lib/db/delete-databases';
import { LIBRARY_DB_NAME, LibraryDb } from '../../lib/db/library-db';
import { LibraryRepository } from '../../lib/db/repository';
import { bulkClip } from '../helpers/sample-library';

describe('deleteAllDatabases', () => {
  it('deletes the library and every other database, even one still open in Dexie, leaving none', async () => {
    const library = new LibraryDb();
    await library.clips.bulkAdd([bulkClip(1, 200), bulkClip(2, 200)]);
    const other = new Dexie('some-other-cache');
    other.version(1).stores({ things: 'id' });
    await other.table('things').add({ id: 1 });
    other.close();
    expect((await indexedDB.databases()).map((d) => d.name).sort()).toEqual(['health-clipper', 'some-other-cache']);

    // The library is still open here, as in a library tab: Dexie closes it when asked to let go.
    const blocked: string[] = [];
    const deleted = await deleteAllDatabases(indexedDB, (name) => blocked.push(name));
    expect(deleted.sort()).toEqual([LIBRARY_DB_NAME, 'some-other-cache']);
    expect(await indexedDB.databases()).toEqual([]);
    expect(blocked).toEqual([]);

    // A page that uses the library again gets a new, empty one.
    const again = new LibraryRepository(new LibraryDb());
    expect(await again.meta.countClips()).toBe(0);
    expect(await again.meta.readMarker()).toBeUndefined();
    again.close();
    await Dexie.delete(LIBRARY_DB_NAME);
  });

  it('deletes the library by name where the browser cannot list databases', async () => {
    const library = new LibraryDb();
    await library.clips.add(bulkClip(1, 200));
    library.close();
    const deleted = await deleteAllDatabases({ deleteDatabase: (name) => indexedDB.deleteDatabase(name) });
    expect(deleted).toEqual([LIBRARY_DB_NAME]);
    expect(await indexedDB.databases()).toEqual([]);
  });
});
