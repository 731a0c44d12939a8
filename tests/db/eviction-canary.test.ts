import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLibraryCanary, dismissWipeNotice, type CanaryPorts, type CanaryRecord } from '../../lib/db/eviction-canary';
import { LibraryDb } from '../../lib/db/library-db';
import { LibraryRepository } from '../../lib/db/repository';
import { bulkClip } from '../helpers/sample-library';

const opened: LibraryDb[] = [];
let n = 0;
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** A library database, and extension storage as a plain variable. */
function world(startRecord: CanaryRecord | null = null) {
  const name = `canary-${++n}`;
  let db = new LibraryDb(name);
  opened.push(db);
  let record = startRecord;
  let ids = 0;
  let clock = Date.parse('2026-11-24T10:00:00Z');
  const repo = () => new LibraryRepository(db);
  const ports = (): CanaryPorts => ({
    readRecord: async () => record,
    writeRecord: async (r) => void (record = r),
    readMarker: () => repo().meta.readMarker(),
    ensureMarker: (m) => repo().meta.ensureMarker(m),
    countClips: () => repo().meta.countClips(),
    now: () => new Date((clock += 60_000)),
    newId: () => `lib-${++ids}`,
  });
  return {
    check: () => checkLibraryCanary(ports()),
    ports,
    get record() {
      return record;
    },
    clearStorage: () => void (record = null),
    addClips: (count: number) => db.clips.bulkAdd(Array.from({ length: count }, (_, i) => bulkClip(i + 1, 200))),
    /** What the browser does under disk pressure: the whole database goes. */
    wipeDatabase: async () => {
      db.close();
      await Dexie.delete(name);
      db = new LibraryDb(name);
      opened.push(db);
    },
  };
}

describe('checkLibraryCanary', () => {
  it('does not bother a new user: first open is a new library, then intact', async () => {
    const w = world();
    expect((await w.check()).verdict).toBe('new-library');
    const again = await w.check();
    expect(again.verdict).toBe('intact');
    expect(again.record.wiped).toBeUndefined();
  });

  it('finds a wiped database when the library had pages, and says how many and when it was last seen', async () => {
    const w = world();
    await w.addClips(12);
    const first = await w.check();
    expect(first.record.clipCount).toBe(12);
    await w.wipeDatabase();
    const after = await w.check();
    expect(after.verdict).toBe('library-wiped');
    expect(after.record.wiped).toEqual({ foundAt: after.record.seenAt, clipCount: 12, lastSeenAt: first.record.seenAt });
    expect(after.record.clipCount).toBe(0);
  });

  it('keeps the notice across reopenings (and new saves) until it is dismissed, then stays quiet', async () => {
    const w = world();
    await w.addClips(3);
    await w.check();
    await w.wipeDatabase();
    await w.check();
    await w.addClips(1);
    const reopened = await w.check();
    expect(reopened.verdict).toBe('intact');
    expect(reopened.record.wiped?.clipCount).toBe(3);
    await w.ports().writeRecord(dismissWipeNotice(reopened.record));
    const later = await w.check();
    expect(later.verdict).toBe('intact');
    expect(later.record.wiped).toBeUndefined();
  });

  it('raises no alarm for a wiped database that was empty anyway', async () => {
    const w = world();
    await w.check();
    await w.wipeDatabase();
    const after = await w.check();
    expect(after.verdict).toBe('new-library');
    expect(after.record.wiped).toBeUndefined();
  });

  it('raises no alarm when only extension storage was cleared, and writes the record again from the marker', async () => {
    const w = world();
    await w.addClips(5);
    const first = await w.check();
    w.clearStorage();
    const after = await w.check();
    expect(after.verdict).toBe('record-rewritten');
    expect(after.record).toMatchObject({ libraryId: first.record.libraryId, clipCount: 5 });
    expect(after.record.wiped).toBeUndefined();
    expect((await w.check()).verdict).toBe('intact');
  });

  it('treats both cleared ("Delete everything") as a new library', async () => {
    const w = world();
    await w.addClips(5);
    await w.check();
    await w.wipeDatabase();
    w.clearStorage();
    const after = await w.check();
    expect(after.verdict).toBe('new-library');
    expect(after.record.wiped).toBeUndefined();
  });

  it('lets two tabs opening a new library at once agree on one marker', async () => {
    const w = world();
    const [a, b] = await Promise.all([w.check(), w.check()]);
    expect(a.record.libraryId).toBe(b.record.libraryId);
    expect((await w.check()).verdict).toBe('intact');
  });

  it('counts up to 1,000 pages only (the notice says "1,000 or more")', async () => {
    const w = world();
    await w.addClips(1_001);
    expect((await w.check()).record.clipCount).toBe(1_000);
  });
});
