import { liveQuery, type IndexableType, type Observable, type Table } from 'dexie';
import * as z from 'zod';
import { clipSchema, type Clip } from '../model/clip';
import { clipIdsOf, collectionSchema, type Collection, type StoredCollection } from '../model/collection';
import { highlightSchema, type Highlight } from '../model/highlight';
import { t } from '../i18n';
import { fail, ok, type Result } from '../model/result';
import { isCancelled, throwIfCancelled, type ProgressListener } from '../progress/progress';
import { siteRuleSchema, type SiteRule } from '../model/source-type';
import type { LibraryDb } from './library-db';
import { storageError } from './storage-error';

/** Everything in the library database, as model records. */
export interface LibrarySnapshot {
  siteRules: SiteRule[];
  collections: Collection[];
  highlights: Highlight[];
  clips: Clip[];
}
export type LibraryTable = keyof LibrarySnapshot;
export type LibraryCounts = Record<LibraryTable, number>;

/** The order tables are read in: small ones first, clips last (the backup file lists them so). */
export const LIBRARY_TABLES: readonly LibraryTable[] = ['siteRules', 'collections', 'highlights', 'clips'];

/** One page of records of one table. */
export type SnapshotPage =
  | { table: 'siteRules'; rows: SiteRule[] }
  | { table: 'collections'; rows: Collection[] }
  | { table: 'highlights'; rows: Highlight[] }
  | { table: 'clips'; rows: Clip[] };

/** Receives the library a page of records at a time, after being told how many there are. */
export interface SnapshotVisitor {
  start(counts: LibraryCounts): void;
  page(page: SnapshotPage): void;
}

/** What slow whole-library work may be given: a way to stop it, and a listener told after each page. */
export interface WorkOptions {
  signal?: AbortSignal;
  onProgress?: ProgressListener;
}

/** Records per read or write: large enough to be quick, small enough that one page of clips is a few megabytes. */
const PAGE_SIZE = 250;

const snapshotSchema = z.object({
  siteRules: z.array(siteRuleSchema),
  collections: z.array(collectionSchema),
  highlights: z.array(highlightSchema),
  clips: z.array(clipSchema),
});

// The rest of a union minus one key is not seen as the union again by TypeScript (as in collection-store.ts).
const unstored = ({ clipIds: _ids, ...c }: StoredCollection): Collection => c as Collection;
const stored = (c: Collection): StoredCollection => ({ ...c, clipIds: clipIdsOf(c) });

/**
 * Whole-library reads and writes for backup and restore. Reading is one
 * read-only transaction (a consistent snapshot even if another tab edits);
 * restoring replaces every table in one read-write transaction, so it
 * happens entirely or not at all.
 */
export class BackupStore {
  constructor(private readonly db: LibraryDb) {}

  private tables() {
    return [this.db.siteRules, this.db.collections, this.db.highlights, this.db.clips] as const;
  }

  /** How many records each table holds. */
  async counts(): Promise<LibraryCounts> {
    const [siteRules, collections, highlights, clips] = await Promise.all(this.tables().map((t) => t.count()));
    return { siteRules: siteRules ?? 0, collections: collections ?? 0, highlights: highlights ?? 0, clips: clips ?? 0 };
  }

  /** The saved date of the oldest clip (for "no backup for 30 days" when there never was one). */
  async oldestSavedAt(): Promise<string | undefined> {
    return (await this.db.clips.orderBy('savedAt').first())?.savedAt;
  }

  /**
   * How many clips there are, counted up to `upTo` (counting a whole table
   * takes about a second at 100,000 clips; the reminder only needs to know
   * there are enough to lose), and when the oldest was saved, kept current.
   */
  observeClipAge(upTo = 1_000): Observable<{ clipCount: number; countedAll: boolean; oldestSavedAt?: string }> {
    return liveQuery(async () => {
      const counted = (await this.db.clips.limit(upTo + 1).primaryKeys()).length;
      return { clipCount: Math.min(counted, upTo), countedAll: counted <= upTo, oldestSavedAt: await this.oldestSavedAt() };
    });
  }

  /**
   * Hands the whole library to `visitor` in pages, inside one read
   * transaction, in LIBRARY_TABLES order. Records are never all held at once:
   * each page can be turned into text and dropped. `signal` is checked
   * before each page; `onProgress` counts records read of all records.
   */
  async read(visitor: SnapshotVisitor, pageSize = PAGE_SIZE, { signal, onProgress }: WorkOptions = {}): Promise<Result<LibraryCounts>> {
    try {
      return await this.db.transaction('r', this.tables(), async () => {
        const counts = await this.counts();
        const total = counts.siteRules + counts.collections + counts.highlights + counts.clips;
        let done = 0;
        const seen = (n: number) => {
          done += n;
          onProgress?.({ done, total });
        };
        visitor.start(counts);
        onProgress?.({ done, total });
        const each = { signal, seen };
        await this.page(this.db.siteRules, (r) => r.host, pageSize, each, (rows) => visitor.page({ table: 'siteRules', rows }));
        await this.page(this.db.collections, (r) => r.id, pageSize, each, (rows) => visitor.page({ table: 'collections', rows: rows.map(unstored) }));
        await this.page(this.db.highlights, (r) => r.id, pageSize, each, (rows) => visitor.page({ table: 'highlights', rows }));
        await this.page(this.db.clips, (r) => r.id, pageSize, each, (rows) => visitor.page({ table: 'clips', rows }));
        return ok(counts);
      });
    } catch (error) {
      if (isCancelled(error)) return fail('cancelled', t('progress.stopped'));
      return storageError(error);
    }
  }

  /** The whole library in memory (tests and small libraries; backups stream with `read`). */
  async snapshot(): Promise<LibrarySnapshot> {
    const out: LibrarySnapshot = { siteRules: [], collections: [], highlights: [], clips: [] };
    const result = await this.read({
      start: () => undefined,
      page: (p) => {
        if (p.table === 'siteRules') out.siteRules.push(...p.rows);
        else if (p.table === 'collections') out.collections.push(...p.rows);
        else if (p.table === 'highlights') out.highlights.push(...p.rows);
        else out.clips.push(...p.rows);
      },
    });
    if (!result.ok) throw new Error(result.error.message);
    return out;
  }

  /**
   * Replaces the whole library with `input` in one transaction: every table
   * is cleared and refilled, or, if anything fails (a bad record, a full
   * disk, the user cancelling through `signal`), nothing at all changes.
   * Checked against the model schemas first. The signal is checked before
   * each page is written, so a cancel is honoured up to the last page;
   * after that the transaction commits.
   */
  async replaceAll(input: LibrarySnapshot, { signal, onProgress }: WorkOptions = {}): Promise<Result<LibraryCounts>> {
    if (signal?.aborted) return fail('cancelled', t('progress.stopped'));
    const parsed = snapshotSchema.safeParse(input);
    if (!parsed.success) return fail('invalid-input', t('restore.badBackup'));
    const snapshot = parsed.data;
    const total = snapshot.siteRules.length + snapshot.collections.length + snapshot.highlights.length + snapshot.clips.length;
    const written = { done: 0, total, signal, onProgress };
    try {
      await this.db.transaction('rw', this.tables(), async () => {
        throwIfCancelled(signal);
        await Promise.all(this.tables().map((table) => table.clear()));
        onProgress?.({ done: 0, total });
        await this.addInPages(this.db.siteRules, snapshot.siteRules, written);
        await this.addInPages(this.db.collections, snapshot.collections.map(stored), written);
        await this.addInPages(this.db.highlights, snapshot.highlights, written);
        await this.addInPages(this.db.clips, snapshot.clips, written);
      });
    } catch (error) {
      if (isCancelled(error)) return fail('cancelled', t('progress.stopped'));
      const failed = storageError<LibraryCounts>(error, t('restore.notRestoredShort'));
      if (failed.ok || failed.error.code === 'storage-full') return failed;
      return fail('storage-failed', t('restore.notRestored'));
    }
    return ok({
      siteRules: snapshot.siteRules.length,
      collections: snapshot.collections.length,
      highlights: snapshot.highlights.length,
      clips: snapshot.clips.length,
    });
  }

  /** Writes rows a page at a time; a cancel between pages throws, which rolls the whole transaction back. */
  private async addInPages<T, K, I>(table: Table<T, K, I>, rows: readonly I[], written: { done: number; total: number } & WorkOptions): Promise<void> {
    for (let i = 0; i < rows.length; i += PAGE_SIZE) {
      throwIfCancelled(written.signal);
      const page = rows.slice(i, i + PAGE_SIZE);
      await table.bulkAdd(page);
      written.done += page.length;
      written.onProgress?.({ done: written.done, total: written.total });
    }
  }

  /** Reads a table in primary-key order, one page at a time, stopping if `signal` fires. */
  private async page<T, K, I>(
    table: Table<T, K, I>,
    keyOf: (row: T) => IndexableType,
    size: number,
    { signal, seen }: { signal?: AbortSignal; seen: (n: number) => void },
    each: (rows: T[]) => void,
  ): Promise<void> {
    throwIfCancelled(signal);
    let rows = await table.orderBy(':id').limit(size).toArray();
    while (rows.length) {
      each(rows);
      seen(rows.length);
      const last = rows[rows.length - 1];
      if (rows.length < size || last === undefined) return;
      throwIfCancelled(signal);
      rows = await table.where(':id').above(keyOf(last)).limit(size).toArray();
    }
  }
}
