import { liveQuery, type Observable } from 'dexie';
import type { ImportPlan } from '../exchange/import-plan';
import {
  clipIdsOf,
  collectionSchema,
  subscriptionSchema,
  type Collection,
  type CollectionItem,
  type StoredCollection,
  type Subscription,
  type SubscriptionSchedule,
} from '../model/collection';
import { fail, ok, type Result } from '../model/result';
import { applyImportPlan } from './import-store';
import type { LibraryDb } from './library-db';
import { storageError } from './storage-error';
import { t } from '../i18n';

interface Deps {
  now: () => Date;
  newId: () => string;
}

// Functions, not constants: the browser's i18n API is only there once the page runs.
const NOT_FOUND = () => t('db.collectionGone');
const NOT_FOLLOWED = () => t('db.collectionNotFollowed');

/** What a download of the published file brought, remembered with the list once it is in the library. */
export interface Download {
  etag?: string;
  lastModified?: string;
  /** hashEntries of the file's items (lib/exchange/subscription-diff.ts). */
  itemsHash: string;
}

/** The outcome of a check, as recorded on the subscription: nothing here changes the items. */
export interface CheckRecord {
  /** Changes found by a scheduled check, waiting for the user; null clears the flag. */
  changesWaitingAt?: string | null;
  /** What went wrong, in words for the user; null clears it. */
  lastProblem?: string | null;
  /** A download whose items are the ones already applied (a re-export): its validators are kept for next time. */
  sameItems?: Download;
}

/** What applying a followed collection's changes did. */
export interface AppliedUpdate {
  collection: Collection;
  /** Page titles and highlight notes left as the user has them (their own pages, or notes they edited). */
  keptYours: number;
}

/** Thrown inside a transaction to roll it back with a message for the user. */
class UpdateRefused extends Error {}

const unstored = ({ clipIds: _ids, ...c }: StoredCollection): Collection => c as Collection;
const stored = (c: Collection): StoredCollection => ({ ...c, clipIds: clipIdsOf(c) });

/**
 * Collections followed from a web address (lib/model/collection.ts
 * `subscription`). The field lives on the collection row, so this store
 * needs no table of its own; it only ever changes the subscription part,
 * except in `applyUpdate`, which the user confirms.
 */
export class SubscriptionStore {
  constructor(
    private readonly db: LibraryDb,
    private readonly deps: Deps,
  ) {}

  /** Followed collections, most recently changed first. */
  async list(): Promise<Collection[]> {
    const rows = await this.db.collections.toArray();
    return rows
      .filter((c) => c.subscription)
      .map(unstored)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** `list`, kept current. */
  observeList(): Observable<Collection[]> {
    return liveQuery(() => this.list());
  }

  /** Remembers where a collection (just imported from there) is published. */
  async follow(id: string, input: Omit<Subscription, 'checkedAt' | 'schedule'> & { schedule?: SubscriptionSchedule }): Promise<Result<Collection>> {
    const parsed = subscriptionSchema.safeParse({ ...input, checkedAt: this.deps.now().toISOString() });
    if (!parsed.success) return fail('invalid-input', t('db.followAddressRefused'));
    return this.change(id, () => parsed.data, { mustFollow: false });
  }

  /** Records that the address was checked just now, and what was found. */
  recordCheck(id: string, record: CheckRecord = {}): Promise<Result<Collection>> {
    const checkedAt = this.deps.now().toISOString();
    return this.change(id, (s) => {
      if (!s) return s;
      const { changesWaitingAt: _waiting, lastProblem: _problem, ...rest } = s;
      const waiting = record.changesWaitingAt === undefined ? s.changesWaitingAt : (record.changesWaitingAt ?? undefined);
      const problem = record.lastProblem === undefined ? s.lastProblem : (record.lastProblem ?? undefined);
      const validators = record.sameItems ? downloadFields(record.sameItems) : {};
      return { ...rest, ...validators, checkedAt, ...(waiting ? { changesWaitingAt: waiting } : {}), ...(problem ? { lastProblem: problem } : {}) };
    });
  }

  /**
   * Imports a previewed published file (lib/exchange/import-plan.ts) and
   * follows its address, in one transaction: the import and the address
   * are remembered together or not at all.
   */
  async importAndFollow(plan: ImportPlan, url: string, download: Download): Promise<Result<Collection>> {
    const subscription = subscriptionSchema.safeParse({ url, checkedAt: this.deps.now().toISOString(), ...downloadFields(download) });
    if (!subscription.success) return fail('invalid-input', t('db.followHttpsOnly'));
    try {
      return await this.db.transaction('rw', this.db.clips, this.db.highlights, this.db.collections, async () => {
        const imported = await applyImportPlan(this.db, this.deps, plan);
        if (!imported.ok) throw new UpdateRefused(imported.error.message);
        const now = this.deps.now().toISOString();
        const next = collectionSchema.safeParse({ ...imported.value.collection, subscription: { ...subscription.data, appliedAt: now } });
        if (!next.success) throw new UpdateRefused(t('db.followNotSaved'));
        await this.db.collections.put(stored(next.data));
        return ok(next.data);
      });
    } catch (error) {
      return error instanceof UpdateRefused ? fail('invalid-input', error.message) : storageError(error);
    }
  }

  /**
   * Applies the published list to a followed collection, in one
   * transaction: new pages and highlights are saved as an import saves them,
   * the items become the published ones in the published order (removed
   * pages stay in the library), and the curator's notes are updated. Page
   * titles and highlight notes change only where this list brought them in
   * and the user has not edited them since; the user's own notes and tags
   * on pages are never touched.
   */
  async applyUpdate(id: string, plan: ImportPlan, download: Download): Promise<Result<AppliedUpdate>> {
    try {
      return await this.db.transaction('rw', this.db.clips, this.db.highlights, this.db.collections, async () => {
        const row = await this.db.collections.get(id);
        if (!row) throw new UpdateRefused(NOT_FOUND());
        const { subscription, ...before } = unstored(row);
        if (!subscription) throw new UpdateRefused(NOT_FOLLOWED());
        // The import machinery saves new pages and highlights (reusing the ones already there)
        // into a scratch collection, whose items become this collection's.
        const imported = await applyImportPlan(this.db, this.deps, plan);
        if (!imported.ok) throw new UpdateRefused(imported.error.message);
        await this.db.collections.delete(imported.value.collection.id);
        const now = this.deps.now().toISOString();
        const items = reuseItems(before.items, imported.value.collection.items);
        const keptYours = await this.followPublishedWords(plan, items, { since: subscription.appliedAt ?? before.createdAt, from: before.createdAt, now });
        const fields = plan.collection.kind === before.kind ? { title: plan.collection.title, description: plan.collection.description } : {};
        const { changesWaitingAt: _w, lastProblem: _p, ...kept } = subscription;
        const next = collectionSchema.safeParse({
          ...before,
          ...fields,
          items,
          updatedAt: now,
          subscription: { ...kept, ...downloadFields(download), checkedAt: now, appliedAt: now },
        });
        if (!next.success) throw new UpdateRefused(t('db.followChangesNotSaved'));
        await this.db.collections.put(stored(next.data));
        return ok({ collection: next.data, keptYours });
      });
    } catch (error) {
      return error instanceof UpdateRefused ? fail('invalid-input', error.message) : storageError(error);
    }
  }

  /**
   * Brings page titles and highlight meanings and notes in line with the
   * published file, where this list brought them into the library (saved
   * or highlighted since it was first followed, as a link) and nobody has
   * edited them since the last update. Returns how many were left alone.
   */
  private async followPublishedWords(plan: ImportPlan, items: CollectionItem[], at: { since: string; from: string; now: string }): Promise<number> {
    let kept = 0;
    for (const [i, planned] of plan.items.entries()) {
      const item = items[i];
      const page = plan.pages[planned.page];
      if (!item || !page) continue;
      const clip = await this.db.clips.get(item.clipId);
      if (clip && clip.title !== page.title) {
        const ours = clip.kind === 'link' && clip.savedAt >= at.from && clip.savedAt <= at.since;
        if (ours) await this.db.clips.update(clip.id, { title: page.title, updatedAt: at.now });
        else kept++;
      }
      const published = planned.highlight === undefined ? undefined : plan.highlights[planned.highlight];
      const highlight = published && item.highlightId ? await this.db.highlights.get(item.highlightId) : undefined;
      if (published && highlight && (highlight.note !== published.note || highlight.meaning !== published.meaning)) {
        const ours = highlight.createdAt >= at.from && highlight.updatedAt <= at.since;
        if (ours) await this.db.highlights.update(highlight.id, { note: published.note, meaning: published.meaning, updatedAt: at.now });
        else kept++;
      }
    }
    return kept;
  }

  /** Turns the background check on (daily or weekly) or off. */
  setSchedule(id: string, schedule: SubscriptionSchedule): Promise<Result<Collection>> {
    return this.change(id, (s) => s && { ...s, schedule });
  }

  /** Stops following: the collection and its pages stay in the library as an ordinary collection. */
  unfollow(id: string): Promise<Result<Collection>> {
    return this.change(id, () => undefined);
  }

  /** Changes only the subscription of a collection (undefined removes it), validated, in one transaction. */
  private async change(
    id: string,
    edit: (s: Subscription | undefined) => Subscription | undefined,
    options: { mustFollow?: boolean } = {},
  ): Promise<Result<Collection>> {
    const { mustFollow = true } = options;
    try {
      return await this.db.transaction('rw', this.db.collections, async () => {
        const row = await this.db.collections.get(id);
        if (!row) return fail<Collection>('not-found', NOT_FOUND());
        const { subscription, ...rest } = unstored(row);
        if (mustFollow && !subscription) return fail<Collection>('not-found', NOT_FOLLOWED());
        const edited = edit(subscription);
        const next = collectionSchema.safeParse(edited ? { ...rest, subscription: edited } : rest);
        if (!next.success) return fail<Collection>('invalid-input', t('db.followChangeNotSaved'));
        await this.db.collections.put(stored(next.data));
        return ok(next.data);
      });
    } catch (error) {
      return storageError(error);
    }
  }
}

/** The validators and fingerprint of a download, as subscription fields. */
function downloadFields(d: Download): Pick<Subscription, 'etag' | 'lastModified' | 'lastItemsHash'> {
  return { ...(d.etag ? { etag: d.etag } : {}), ...(d.lastModified ? { lastModified: d.lastModified } : {}), lastItemsHash: d.itemsHash };
}

/**
 * The published items, keeping the id and the user's "private" mark of an
 * item that lists the same page or highlight as before; then the items the
 * user added themselves (no provenance), which an update never removes.
 */
function reuseItems(old: readonly CollectionItem[], fresh: readonly CollectionItem[]): CollectionItem[] {
  const key = (i: CollectionItem) => `${i.clipId} ${i.highlightId ?? ''}`;
  const waiting = new Map<string, CollectionItem[]>();
  for (const item of old) if (item.provenance) waiting.set(key(item), [...(waiting.get(key(item)) ?? []), item]);
  const published = fresh.map((item) => {
    const same = waiting.get(key(item))?.shift();
    return same ? { ...item, id: same.id, private: same.private } : item;
  });
  const listed = new Set(published.map(key));
  return [...published, ...old.filter((i) => !i.provenance && !listed.has(key(i)))];
}
