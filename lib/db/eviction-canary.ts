/**
 * The eviction canary: tells "the browser wiped the library" apart from "a
 * new user with an empty library". Pure: the two stores it compares come in
 * as ports, so tests need no browser.
 *
 * Two records carry the same random library id:
 * - a marker row inside the library database (IndexedDB), which goes if the
 *   browser evicts the database;
 * - a small record in extension storage (`storage.local`), which says how
 *   many pages the library had when it was last seen.
 * The record says there were pages but the marker is gone (or has another
 * id): the database was wiped. Neither exists: a new library, no alarm.
 * Only the record is gone (storage cleared, or an update from before the
 * canary): it is written again from the marker, no alarm.
 */

/** The marker row kept inside the library database. */
export interface LibraryMarker {
  key: 'library';
  libraryId: string;
  createdAt: string;
}

/** What extension storage remembers about the library, outside the database. */
export interface CanaryRecord {
  libraryId: string;
  /** Pages in the library when it was last seen (counted up to CANARY_COUNT_LIMIT). */
  clipCount: number;
  seenAt: string;
  /** Set when a wipe was found, until the user dismisses the notice (or restores a backup). */
  wiped?: WipeNotice;
}

/** A wipe found by the canary: when, and how much was there before. */
export interface WipeNotice {
  foundAt: string;
  /** Pages the library had when last seen before the wipe. */
  clipCount: number;
  /** When the library was last seen whole. */
  lastSeenAt: string;
}

/** Counting every clip takes about a second at 100,000: the canary only needs to know roughly how many were lost. */
export const CANARY_COUNT_LIMIT = 1_000;

/** What the check found. */
export type CanaryVerdict = 'new-library' | 'intact' | 'record-rewritten' | 'library-wiped';

/** The stores the canary reads and writes, and its clock and id source. */
export interface CanaryPorts {
  readRecord(): Promise<CanaryRecord | null>;
  writeRecord(record: CanaryRecord): Promise<void>;
  readMarker(): Promise<LibraryMarker | undefined>;
  /** Writes `candidate` unless a marker is already there (in one transaction), and returns the marker now stored. */
  ensureMarker(candidate: LibraryMarker): Promise<LibraryMarker>;
  /** Clips in the library, counted up to CANARY_COUNT_LIMIT. */
  countClips(): Promise<number>;
  now(): Date;
  newId(): string;
}

/** The outcome: the verdict, and the record as it now stands (its `wiped` is what the banner shows). */
export interface CanaryCheck {
  verdict: CanaryVerdict;
  record: CanaryRecord;
}

/**
 * Compares the database's marker with extension storage's record, puts
 * both right, and says whether the library was wiped. A wipe notice stays
 * in the record until `dismissWipeNotice`, so it survives a reload.
 */
export async function checkLibraryCanary(ports: CanaryPorts): Promise<CanaryCheck> {
  const [record, marker, clipCount] = await Promise.all([ports.readRecord(), ports.readMarker(), ports.countClips()]);
  const seenAt = ports.now().toISOString();

  if (marker && record?.libraryId === marker.libraryId) {
    const next: CanaryRecord = { ...record, clipCount, seenAt };
    await ports.writeRecord(next);
    return { verdict: 'intact', record: next };
  }
  if (marker && !record) {
    const next: CanaryRecord = { libraryId: marker.libraryId, clipCount, seenAt };
    await ports.writeRecord(next);
    return { verdict: 'record-rewritten', record: next };
  }

  // The marker is missing or belongs to another database: this database is not the one last seen.
  const current = marker ?? (await ports.ensureMarker({ key: 'library', libraryId: ports.newId(), createdAt: seenAt }));
  const lost = record && record.clipCount > 0;
  const wiped: WipeNotice | undefined =
    record?.wiped ?? (lost ? { foundAt: seenAt, clipCount: record.clipCount, lastSeenAt: record.seenAt } : undefined);
  const next: CanaryRecord = { libraryId: current.libraryId, clipCount, seenAt, ...(wiped ? { wiped } : {}) };
  await ports.writeRecord(next);
  return { verdict: lost ? 'library-wiped' : 'new-library', record: next };
}

/** The record without its wipe notice: the user has read it (or restored a backup). */
export function dismissWipeNotice(record: CanaryRecord): CanaryRecord {
  const { wiped: _seen, ...rest } = record;
  return rest;
}
