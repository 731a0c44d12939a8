import { expect } from 'vitest';
import { LibraryDb } from '../../lib/db/library-db';
import { LibraryRepository } from '../../lib/db/repository';
import type { SearchIndexRow } from '../../lib/db/search-index-store';
import { clipSchema } from '../../lib/model/clip';
import { collectionSchema } from '../../lib/model/collection';
import { highlightSchema } from '../../lib/model/highlight';
import { openFuzzLibrary, type FuzzLibrary } from './import-fuzz';
import { sampleLibrary } from './sample-library';

/** The fixed clock of every fuzz run. */
export const FUZZ_NOW = new Date('2026-11-24T10:00:00Z');

/**
 * One fake-indexeddb library per fuzz file, holding the sample library (a
 * page the collection files also name, so duplicates are met), its search
 * journal and a saved search-index row: every table has rows a partial
 * write could change.
 */
export async function openSampleFuzzLibrary(name: string, seedMore?: (repo: LibraryRepository) => Promise<void>): Promise<FuzzLibrary & { repo: LibraryRepository }> {
  const db = new LibraryDb(name);
  let id = 0;
  const repo = new LibraryRepository(db, { now: () => FUZZ_NOW, newId: () => `fuzz-${++id}` });
  const lib = await openFuzzLibrary(db, async () => {
    const restored = await repo.backup.replaceAll(sampleLibrary());
    if (!restored.ok) throw new Error(restored.error.message);
    // A stand-in for the saved index: only its bytes matter here (a refused import must not touch them).
    const row = { key: 'segment-0', segment: { docs: ['clip-nhs'], terms: 'diabetes' } } as unknown as SearchIndexRow;
    await db.searchIndex.put(row);
    await seedMore?.(repo);
  });
  return { ...lib, repo };
}

const isWebAddress = (value: unknown) => typeof value === 'string' && /^https?:\/\//i.test(value) && !/[\u0000-\u001f\s]/.test(value);

/**
 * What an accepted import may leave in the library: valid records only,
 * and only http(s) page addresses without control characters. A restored
 * backup (`ownData`) is the user's own library and is held to the model
 * schemas alone.
 */
export async function expectLibraryValid(db: LibraryDb, where: string, options: { ownData?: boolean } = {}): Promise<void> {
  for (const clip of await db.clips.toArray()) {
    expect(clipSchema.safeParse(clip).success, `${where}: stored an invalid clip`).toBe(true);
    if (!options.ownData) expect(isWebAddress(clip.url) && isWebAddress(clip.canonicalUrl), `${where}: stored the address ${JSON.stringify(clip.url).slice(0, 80)}`).toBe(true);
  }
  for (const h of await db.highlights.toArray()) expect(highlightSchema.safeParse(h).success, `${where}: stored an invalid highlight`).toBe(true);
  for (const c of await db.collections.toArray()) expect(collectionSchema.safeParse(c).success, `${where}: stored an invalid collection`).toBe(true);
}
