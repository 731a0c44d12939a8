import { SNAPSHOT_FORMAT, type SearchSnapshot, type SegmentSnapshot } from '../search/search-index';
import type { LibraryDb } from './library-db';
import type { JournalEntry } from './search-journal';

/** The saved index is kept in parts so no single IndexedDB value is hundreds of megabytes. */
export type SearchIndexRow =
  | { key: 'meta'; meta: SavedIndexMeta }
  | { key: `segment-${number}`; segment: SegmentSnapshot };

/** Everything of a snapshot but its segments, with the journal entry it is up to date with. */
export interface SavedIndexMeta extends Omit<SearchSnapshot, 'segments'> {
  /** The last journal entry the index includes. */
  seq: number;
  /** The database version it was built under: after an upgrade it is rebuilt. */
  dbVersion: number;
  segmentCount: number;
}

/** Reading and writing the search index's saved copy and the change journal. */
export class SearchIndexStore {
  constructor(private readonly db: LibraryDb) {}

  /** The saved index and the journal entry it is current to, or undefined when there is none usable. */
  async load(): Promise<{ snapshot: SearchSnapshot; seq: number } | undefined> {
    const rows = await this.db.searchIndex.toArray();
    const metaRow = rows.find((r): r is Extract<SearchIndexRow, { key: 'meta' }> => r.key === 'meta');
    const meta = metaRow?.meta;
    if (!meta || meta.format !== SNAPSHOT_FORMAT || meta.dbVersion !== this.db.verno) return undefined;
    const segments: SegmentSnapshot[] = [];
    for (let i = 0; i < meta.segmentCount; i++) {
      const row = rows.find((r) => r.key === `segment-${i}`);
      if (!row || !('segment' in row)) return undefined;
      segments.push(row.segment);
    }
    const { seq, dbVersion: _v, segmentCount: _n, ...rest } = meta;
    return { snapshot: { ...rest, segments }, seq };
  }

  /** Replaces the saved index, and forgets journal entries it already includes (keeping the newest, so numbering goes on). */
  async save(snapshot: SearchSnapshot, seq: number): Promise<void> {
    const { segments, ...rest } = snapshot;
    const meta: SavedIndexMeta = { ...rest, seq, dbVersion: this.db.verno, segmentCount: segments.length };
    await this.db.transaction('rw', this.db.searchIndex, this.db.searchJournal, async () => {
      await this.db.searchIndex.clear();
      const rows: SearchIndexRow[] = [{ key: 'meta', meta }, ...segments.map((segment, i): SearchIndexRow => ({ key: `segment-${i}`, segment }))];
      await this.db.searchIndex.bulkPut(rows);
      await this.db.searchJournal.where('seq').below(seq).delete();
    });
  }

  /** Throws the saved index away (the next open rebuilds it). */
  async discard(): Promise<void> {
    await this.db.searchIndex.clear();
  }

  /** Journal entries after `seq`, oldest first. */
  changesAfter(seq: number): Promise<JournalEntry[]> {
    return this.db.searchJournal.where('seq').above(seq).toArray();
  }

  /** The newest journal entry's number (0 when there is none). */
  async lastSeq(): Promise<number> {
    const last = await this.db.searchJournal.orderBy('seq').lastKey();
    return typeof last === 'number' ? last : 0;
  }
}
