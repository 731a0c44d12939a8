import type { Clip } from '../model/clip';
import type { Highlight } from '../model/highlight';
import { searchDocFromClip } from '../search/search-doc';
import { SearchIndex, type SearchFilter } from '../search/search-index';
import type { QueryPlan } from '../search/tokenise';
import type { LibraryDb } from './library-db';
import { SearchIndexStore } from './search-index-store';

/** Where the search index is: being read, being built (with how far), ready, or broken. */
export interface SearchProgress {
  state: 'loading' | 'building' | 'ready' | 'failed';
  /** Clips indexed so far and in all, while building. */
  done: number;
  total: number;
  /** The index's size in memory, once ready. */
  bytes?: number;
}

/** What the library's search box asks: words, and filters that combine with them. */
export interface LibraryQuery {
  query: string;
  filter: Omit<SearchFilter, 'clipIds'> & { collectionId?: string };
  /** "Now", for "review overdue" (ms since 1970). */
  now: number;
}

export interface LibraryHits {
  ids: string[];
  plan: QueryPlan;
  /** True while the index is still being built: only the clips indexed so far were searched. */
  partial: boolean;
  progress: SearchProgress;
}

/** Clips read from the database per step when building; small enough to keep answering searches between steps. */
const BUILD_BATCH = 250;
/** Changes caught up since the index was last saved after which it is saved again. */
const SAVE_AFTER_CHANGES = 500;

/**
 * Keeps a search index of the library consistent with the database and
 * answers searches from it. On open it reads the saved index and applies
 * the journal's changes since; with no usable saved index (first use, an
 * upgrade, a restore) it builds one in the background, newest clips first,
 * and searches what is built so far meanwhile. Before each search it applies
 * any new journal entries, so a search never misses a change that was
 * written before it began.
 */
export class LibrarySearch {
  private index: SearchIndex | undefined;
  private seq = 0;
  private unsaved = 0;
  private progress: SearchProgress = { state: 'loading', done: 0, total: 0 };
  private queue: Promise<unknown> = Promise.resolve();
  private building: Promise<void> | undefined;
  private readonly store: SearchIndexStore;

  constructor(
    private readonly db: LibraryDb,
    private readonly onProgress: (progress: SearchProgress) => void = () => {},
    /** How long after opening the saved index is checked against the clip count. */
    private readonly verifyDelayMs = 20_000,
  ) {
    this.store = new SearchIndexStore(db);
  }

  /** Reads the saved index, or starts building one. Resolves once searches can be answered (perhaps partly). */
  async open(): Promise<void> {
    await this.serial(async () => {
      const saved = await this.store.load().catch(() => undefined);
      const index = saved ? SearchIndex.fromSnapshot(saved.snapshot) : undefined;
      if (index && saved) {
        this.index = index;
        this.seq = saved.seq;
        this.setProgress({ state: 'ready', done: index.size, total: index.size, bytes: index.byteSize() });
      }
    });
    if (this.index) {
      await this.serial(() => this.catchUp());
      // Counting 100,000 clips keeps IndexedDB busy for about a second: not while the page is starting.
      setTimeout(() => void this.serial(() => this.verify()).catch(() => undefined), this.verifyDelayMs);
    } else {
      void this.rebuild();
    }
  }

  /**
   * A last check after reading the saved index, in the background: it holds
   * as many clips as the database. Every write goes through the journal, so
   * they differ only if something wrote around it (an older version of the
   * extension, a damaged saved copy); then the index is built again.
   */
  private async verify(): Promise<void> {
    const index = this.index;
    if (!index || this.building) return;
    await this.catchUp();
    const clips = await this.db.clips.count();
    const pending = await this.store.changesAfter(this.seq);
    if (!pending.length && clips !== index.size) void this.rebuild();
  }

  /** Where the index is now. */
  status(): SearchProgress {
    return this.progress;
  }

  /** How many bytes the index holds (for the benchmark and the settings page). */
  byteSize(): number {
    return this.index?.byteSize() ?? 0;
  }

  /** Clip ids matching the query and filters, best first. */
  async search(request: LibraryQuery): Promise<LibraryHits> {
    if (!this.building) await this.serial(() => this.catchUp());
    const { collectionId, ...filter } = request.filter;
    const clipIds = collectionId ? new Set((await this.db.collections.get(collectionId))?.clipIds ?? []) : undefined;
    const siteRules = filter.type ? await this.db.siteRules.toArray() : [];
    const index = this.index ?? new SearchIndex();
    const hits = index.search(request.query, { ...filter, clipIds }, { now: request.now, siteRules });
    return { ...hits, partial: this.progress.state !== 'ready', progress: this.progress };
  }

  /** Saves the index now if it has changes not yet saved (the library page calls this when it is hidden). */
  async flush(): Promise<void> {
    await this.serial(async () => {
      if (this.index && this.unsaved > 0 && !this.building) await this.save();
    });
  }

  /**
   * Builds the index from the database, newest clips first, replacing the
   * current one. Searches meanwhile see the clips indexed so far.
   */
  rebuild(): Promise<void> {
    this.building ??= this.build().finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  private async build(): Promise<void> {
    try {
      const index = new SearchIndex();
      const { keys, seq } = await this.serial(async () => ({
        seq: await this.store.lastSeq(),
        keys: (await this.db.clips.orderBy('savedAt').reverse().primaryKeys()) as string[],
      }));
      this.index = index;
      this.setProgress({ state: 'building', done: 0, total: keys.length });
      for (let i = 0; i < keys.length; i += BUILD_BATCH) {
        await this.serial(async () => {
          await this.indexClips(index, keys.slice(i, i + BUILD_BATCH));
          this.setProgress({ state: 'building', done: Math.min(keys.length, i + BUILD_BATCH), total: keys.length });
        });
      }
      await this.serial(async () => {
        this.seq = seq;
        await this.catchUp(true);
        await this.save();
        this.setProgress({ state: 'ready', done: index.size, total: index.size, bytes: index.byteSize() });
      });
    } catch (error) {
      this.setProgress({ ...this.progress, state: 'failed' });
      throw error;
    }
  }

  /** Applies journal entries written since the index's last one. */
  private async catchUp(duringBuild = false): Promise<void> {
    const index = this.index;
    if (!index) return;
    const entries = await this.store.changesAfter(this.seq);
    if (!entries.length) return;
    if (!duringBuild && entries.some((e) => e.all)) {
      // A table was cleared (a restore): start again from the database.
      this.seq = entries[entries.length - 1]!.seq ?? this.seq;
      void this.rebuild();
      return;
    }
    const ids = [...new Set(entries.flatMap((e) => e.clipIds))];
    for (let i = 0; i < ids.length; i += BUILD_BATCH) await this.indexClips(index, ids.slice(i, i + BUILD_BATCH));
    this.seq = entries[entries.length - 1]!.seq ?? this.seq;
    this.unsaved += ids.length;
    if (this.unsaved >= SAVE_AFTER_CHANGES && !duringBuild) await this.save();
  }

  /** (Re)indexes these clips as they are in the database now; clips no longer there are removed. */
  private async indexClips(index: SearchIndex, ids: readonly string[]): Promise<void> {
    const [clips, highlights] = await Promise.all([
      this.db.clips.bulkGet([...ids]),
      this.db.highlights.where('clipId').anyOf([...ids]).toArray(),
    ]);
    const byClip = new Map<string, Highlight[]>();
    for (const h of highlights) byClip.set(h.clipId, [...(byClip.get(h.clipId) ?? []), h]);
    clips.forEach((clip: Clip | undefined, k) => {
      if (clip) index.add(searchDocFromClip(clip, byClip.get(clip.id)));
      else index.remove(ids[k]!);
    });
  }

  private async save(): Promise<void> {
    if (!this.index) return;
    // Too many replaced clips: the saved copy would mostly be dead weight.
    if (this.index.wasteRatio() > 0.5 && this.index.size > 1000) {
      void this.rebuild();
      return;
    }
    await this.store.save(this.index.toSnapshot(), this.seq);
    this.unsaved = 0;
  }

  private setProgress(progress: SearchProgress): void {
    this.progress = progress;
    this.onProgress(progress);
  }

  /** Runs steps one at a time, so a search never sees half of a catch-up. */
  private serial<T>(step: () => Promise<T>): Promise<T> {
    const run = this.queue.then(step, step);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
