import { liveQuery, type IndexableType, type Observable, type Table } from 'dexie';
import { clipDraftSchema, clipEditSchema, normaliseTags, type Clip, type ClipDraft } from '../model/clip';
import { highlightDraftSchema, highlightEditSchema, highlightPlacementSchema, type Highlight } from '../model/highlight';
import { pageAddressVariants } from '../model/page-address';
import { fail, ok, type Result } from '../model/result';
import { normaliseSiteInput } from '../model/site-rules';
import { siteRuleSchema, type SiteRule, type SourceVerdict } from '../model/source-type';
import { matchesFilter, queryWords, type ClipFilter } from './clip-search';
import { BackupStore } from './backup-store';
import { CollectionStore } from './collection-store';
import { LibraryDb } from './library-db';
import { LibraryMetaStore } from './library-meta-store';
import { LinkImportStore } from './link-import-store';
import { bestPassage, type Passage } from '../search/snippet';
import type { QueryPlan } from '../search/tokenise';
import { storageError } from './storage-error';
import { SubscriptionStore } from './subscription-store';
import { t } from '../i18n';

/** A clip without its (large) stored content: what lists show. */
export type ClipListItem = Omit<Clip, 'contentHtml' | 'contentText'>;

/** One row of the library list: the clip without its content, and the passage that matched a search. */
export interface ClipRow {
  clip: ClipListItem;
  passage?: Passage;
}

/** The outcome of saving: the clip, and whether it was already there. */
export interface SavedClip {
  clip: ClipListItem;
  /** True when the page was already saved and nothing new was written. */
  duplicate: boolean;
}

/** A highlight with the page it belongs to, for the library-wide list. */
export interface HighlightWithPage {
  highlight: Highlight;
  pageTitle: string;
  pageUrl: string;
}

/** A deleted clip with its highlights, kept by the UI for undo. */
export interface DeletedClip {
  clip: Clip;
  highlights: Highlight[];
}

/** Clock and id source, injected so tests are deterministic. */
export interface RepositoryDeps {
  now: () => Date;
  newId: () => string;
}

const defaultDeps: RepositoryDeps = { now: () => new Date(), newId: () => crypto.randomUUID() };

function toListItem(clip: Clip): ClipListItem {
  const { contentHtml: _html, contentText: _text, ...rest } = clip;
  return rest;
}


/** Kinds for which a second save of the same page would be a duplicate. */
const WHOLE_PAGE_KINDS = new Set<Clip['kind']>(['article', 'link']);

/**
 * The only way into the library's storage. Returns model types, never Dexie
 * collections; every write validates its input first.
 */
export class LibraryRepository {
  /** Collections, reading lists and information prescriptions. */
  readonly collections: CollectionStore;
  /** Collections followed from a web address (a part of their collection row). */
  readonly subscriptions: SubscriptionStore;
  /** Whole-library backup (read everything) and restore (replace everything, all or nothing). */
  readonly backup: BackupStore;
  /** Links brought from other tools (bookmarks, Zotero) as link clips. */
  readonly linkImport: LinkImportStore;
  /** Facts about the database itself (the eviction canary's marker). */
  readonly meta: LibraryMetaStore;

  constructor(
    private readonly db: LibraryDb,
    private readonly deps: RepositoryDeps = defaultDeps,
  ) {
    this.collections = new CollectionStore(db, deps);
    this.subscriptions = new SubscriptionStore(db, deps);
    this.backup = new BackupStore(db);
    this.linkImport = new LinkImportStore(db, deps);
    this.meta = new LibraryMetaStore(db);
  }

  /** Closes the database connection for good (before "Delete everything" deletes it); use a new repository after. */
  close(): void {
    this.db.close();
  }

  /**
   * Saves a clip from an untrusted draft. A whole page (article or link)
   * that is already in the library is not saved twice: the existing clip is
   * returned with `duplicate: true`. Selections are always new clips.
   */
  async saveClip(input: unknown, verdict: SourceVerdict): Promise<Result<SavedClip>> {
    const parsed = clipDraftSchema.safeParse(input);
    if (!parsed.success) return fail('invalid-input', t('db.pageUnreadable'));
    const draft: ClipDraft = parsed.data;
    try {
      return await this.db.transaction('rw', this.db.clips, async () => {
        if (WHOLE_PAGE_KINDS.has(draft.kind)) {
          const existing = await this.db.clips.where('canonicalUrl').anyOf(pageAddressVariants(draft.facts.canonicalUrl)).toArray();
          const same = existing.find((c) => WHOLE_PAGE_KINDS.has(c.kind));
          if (same) return ok({ clip: toListItem(same), duplicate: true });
        }
        const now = this.deps.now().toISOString();
        const { signals, ...facts } = draft.facts;
        const clip: Clip = {
          id: this.deps.newId(),
          kind: draft.kind,
          ...facts,
          savedAt: now,
          updatedAt: now,
          contentHtml: draft.contentHtml,
          contentText: draft.contentText,
          quote: draft.quote,
          fallback: draft.fallback,
          tags: normaliseTags(draft.tags),
          note: draft.note,
          sourceVerdict: verdict,
          signals,
        };
        await this.db.clips.add(clip);
        return ok({ clip: toListItem(clip), duplicate: false });
      });
    } catch (error) {
      return storageError(error, t('db.notDone.page'));
    }
  }

  /** The clip with this id, with its content, or undefined. */
  getClip(id: string): Promise<Clip | undefined> {
    return this.db.clips.get(id);
  }

  /** Clips saved from this canonical address (or its www./mobile/http variant), newest first. */
  async findClipsByUrl(canonicalUrl: string): Promise<ClipListItem[]> {
    const clips = await this.db.clips.where('canonicalUrl').anyOf(pageAddressVariants(canonicalUrl)).toArray();
    return clips.sort((a, b) => b.savedAt.localeCompare(a.savedAt)).map(toListItem);
  }

  /** Changes tags, note or the source-type override of one clip. */
  async updateClip(id: string, input: unknown): Promise<Result<ClipListItem>> {
    const parsed = clipEditSchema.safeParse(input);
    if (!parsed.success) return fail('invalid-input', t('db.changeUnreadable'));
    const edit = parsed.data;
    try {
      return await this.db.transaction('rw', this.db.clips, async () => {
        const clip = await this.db.clips.get(id);
        if (!clip) return fail<ClipListItem>('not-found', t('db.pageGone'));
        const next: Clip = {
          ...clip,
          tags: edit.tags ? normaliseTags(edit.tags) : clip.tags,
          note: edit.note ?? clip.note,
          sourceOverride: edit.sourceOverride === null ? undefined : (edit.sourceOverride ?? clip.sourceOverride),
          updatedAt: this.deps.now().toISOString(),
        };
        await this.db.clips.put(next);
        return ok(toListItem(next));
      });
    } catch (error) {
      return storageError(error);
    }
  }

  /** Deletes a clip with its highlights and hands them back whole, so the user can undo. */
  async deleteClip(id: string): Promise<Result<DeletedClip>> {
    try {
      return await this.db.transaction('rw', this.db.clips, this.db.highlights, async () => {
        const clip = await this.db.clips.get(id);
        if (!clip) return fail<DeletedClip>('not-found', t('db.pageGone'));
        const highlights = await this.db.highlights.where('clipId').equals(id).toArray();
        await this.db.highlights.bulkDelete(highlights.map((h) => h.id));
        await this.db.clips.delete(id);
        return ok({ clip, highlights });
      });
    } catch (error) {
      return storageError(error);
    }
  }

  /** Puts back what `deleteClip` returned (undo), all or nothing. */
  async restoreClip(deleted: DeletedClip): Promise<Result<ClipListItem>> {
    try {
      await this.db.transaction('rw', this.db.clips, this.db.highlights, async () => {
        await this.db.clips.put(deleted.clip);
        await this.db.highlights.bulkPut(deleted.highlights);
      });
      return ok(toListItem(deleted.clip));
    } catch (error) {
      return storageError(error);
    }
  }

  /** Saves a highlight on a clip from an untrusted draft. */
  async addHighlight(input: unknown): Promise<Result<Highlight>> {
    const parsed = highlightDraftSchema.safeParse(input);
    if (!parsed.success) return fail('invalid-input', t('db.highlightUnreadable'));
    try {
      return await this.db.transaction('rw', this.db.clips, this.db.highlights, async () => {
        if (!(await this.db.clips.get(parsed.data.clipId))) {
          return fail<Highlight>('not-found', t('db.highlightPageGone'));
        }
        const now = this.deps.now().toISOString();
        const highlight: Highlight = { ...parsed.data, id: this.deps.newId(), createdAt: now, updatedAt: now };
        await this.db.highlights.add(highlight);
        return ok(highlight);
      });
    } catch (error) {
      return storageError(error, t('db.notDone.highlight'));
    }
  }

  /** A clip's highlights, oldest first (page order is the UI's job). */
  async listHighlights(clipId: string): Promise<Highlight[]> {
    const list = await this.db.highlights.where('clipId').equals(clipId).toArray();
    return list.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Highlights saved on a page (by canonical address or its www./mobile/http variant), to paint them again on a visit. */
  async listHighlightsForUrl(canonicalUrl: string): Promise<Highlight[]> {
    const list = await this.db.highlights.where('canonicalUrl').anyOf(pageAddressVariants(canonicalUrl)).toArray();
    return list.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** `listHighlightsForUrl`, kept current (for the side panel). */
  observeHighlightsForUrl(canonicalUrl: string): Observable<Highlight[]> {
    return liveQuery(() => this.listHighlightsForUrl(canonicalUrl));
  }

  /**
   * Remembers what became of a page's highlights when it was last shown, so
   * the library can say "not found on the page now". Only highlights saved
   * for this page are touched: the report comes from the page side.
   */
  async recordPlacements(canonicalUrl: string, input: unknown): Promise<Result<number>> {
    const parsed = highlightPlacementSchema.array().max(5_000).safeParse(input);
    if (!parsed.success) return fail('invalid-input', t('db.pageSentUnreadable'));
    try {
      return await this.db.transaction('rw', this.db.highlights, async () => {
        const mine = new Map((await this.listHighlightsForUrl(canonicalUrl)).map((h) => [h.id, h]));
        const at = this.deps.now().toISOString();
        const updated: Highlight[] = [];
        for (const p of parsed.data) {
          const existing = mine.get(p.id);
          if (!existing) continue;
          const lastSeen: Highlight['lastSeen'] = { status: p.status, at };
          if (p.status === 'changed' && p.changedText !== undefined) lastSeen.changedText = p.changedText;
          updated.push({ ...existing, lastSeen });
        }
        await this.db.highlights.bulkPut(updated);
        return ok(updated.length);
      });
    } catch (error) {
      return storageError(error);
    }
  }

  /** Changes a highlight's note or meaning, or re-attaches it to a new passage. */
  async updateHighlight(id: string, input: unknown): Promise<Result<Highlight>> {
    const parsed = highlightEditSchema.safeParse(input);
    if (!parsed.success) return fail('invalid-input', t('db.changeUnreadable'));
    try {
      return await this.db.transaction('rw', this.db.highlights, async () => {
        const existing = await this.db.highlights.get(id);
        if (!existing) return fail<Highlight>('not-found', t('db.highlightGone'));
        const edit = parsed.data;
        const next: Highlight = {
          ...existing,
          note: edit.note ?? existing.note,
          meaning: edit.meaning ?? existing.meaning,
          quote: edit.quote ?? existing.quote,
          // A new passage without a position drops the old one: it described the old passage.
          position: edit.quote ? edit.position : (edit.position ?? existing.position),
          // Selectors describe the passage: a new passage replaces them (or drops them).
          selectors: edit.quote ? edit.selectors : existing.selectors,
          updatedAt: this.deps.now().toISOString(),
        };
        // A re-attached highlight sits on the passage the user just chose.
        if (edit.quote) next.lastSeen = { status: 'placed', at: next.updatedAt };
        await this.db.highlights.put(next);
        return ok(next);
      });
    } catch (error) {
      return storageError(error);
    }
  }

  /** Deletes a highlight and hands it back, so the user can undo. */
  deleteHighlight(id: string): Promise<Result<Highlight>> {
    return this.takeOut(this.db.highlights, id, t('db.highlightGone'));
  }

  /** Puts a deleted highlight back (undo), if its page is still in the library. */
  async restoreHighlight(deleted: Highlight): Promise<Result<Highlight>> {
    try {
      return await this.db.transaction('rw', this.db.clips, this.db.highlights, async () => {
        if (!(await this.db.clips.get(deleted.clipId))) {
          return fail<Highlight>('not-found', t('db.highlightPageDeleted'));
        }
        await this.db.highlights.put(deleted);
        return ok(deleted);
      });
    } catch (error) {
      return storageError(error);
    }
  }


  /** Clips that pass the filter, newest first. */
  async listClips(filter: ClipFilter = {}): Promise<ClipListItem[]> {
    const words = queryWords(filter.query);
    const rules = filter.sourceType ? await this.listSiteRules() : [];
    const source = filter.tag
      ? this.db.clips.where('tags').equals(filter.tag)
      : this.db.clips.orderBy('savedAt').reverse();
    const clips = await source.filter((c) => matchesFilter(c, filter, words, rules)).toArray();
    if (filter.tag) clips.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    return clips.map(toListItem);
  }

  /** The newest clips, for the first rows of the library (an indexed read: fast at any size). */
  async listNewest(limit: number): Promise<ClipListItem[]> {
    return (await this.db.clips.orderBy('savedAt').reverse().limit(limit).toArray()).map(toListItem);
  }

  /** Every clip's id, newest first (keys only: about a tenth of a second at 100,000 clips). */
  async listIdsNewestFirst(): Promise<string[]> {
    return (await this.db.clips.orderBy('savedAt').reverse().primaryKeys()) as string[];
  }

  /** `listIdsNewestFirst`, kept current. */
  observeIdsNewestFirst(): Observable<string[]> {
    return liveQuery(() => this.listIdsNewestFirst());
  }

  /**
   * The rows for these ids, in the same order (missing clips left out),
   * each with the passage that matched `plan` when there is one.
   */
  async listRows(ids: readonly string[], plan?: QueryPlan): Promise<ClipRow[]> {
    const clips = await this.db.clips.bulkGet([...ids]);
    return clips
      .filter((c): c is Clip => Boolean(c))
      .map((clip) => {
        const passage = plan?.clauses.length ? bestPassage(clip.contentText ?? clip.quote?.exact ?? clip.excerpt ?? '', plan) : undefined;
        return passage ? { clip: toListItem(clip), passage } : { clip: toListItem(clip) };
      });
  }

  /** These clips (in this order, without content) and their highlights, kept current: one page of a picker. */
  observePickerPage(ids: readonly string[]): Observable<{ clips: ClipListItem[]; highlights: Highlight[] }> {
    return liveQuery(async () => {
      const clips = (await this.db.clips.bulkGet([...ids])).filter((c): c is Clip => Boolean(c)).map(toListItem);
      const highlights = ids.length ? await this.db.highlights.where('clipId').anyOf([...ids]).toArray() : [];
      return { clips, highlights: highlights.sort((a, b) => b.createdAt.localeCompare(a.createdAt)) };
    });
  }

  /** A number that changes whenever a clip or highlight is written anywhere (the search journal's newest entry). */
  observeChanges(): Observable<number> {
    return liveQuery(async () => {
      const last = await this.db.searchJournal.orderBy('seq').lastKey();
      return typeof last === 'number' ? last : 0;
    });
  }

  /** Every tag in use, sorted, for autocomplete and the tag filter. */
  async listTags(): Promise<string[]> {
    const keys = await this.db.clips.orderBy('tags').uniqueKeys();
    return keys.filter((k): k is string => typeof k === 'string').sort((a, b) => a.localeCompare(b));
  }

  /** The user's site rules, by host. */
  listSiteRules(): Promise<SiteRule[]> {
    return this.db.siteRules.orderBy('host').toArray();
  }

  /**
   * Adds or replaces the user's rule for a site. The host may be typed as an
   * address ("https://www.mysurgery.co.uk/contact") or a bare host name.
   */
  async saveSiteRule(input: { host: string; type: unknown; note?: string }): Promise<Result<SiteRule>> {
    const host = normaliseSiteInput(input.host);
    if (!host) return fail('invalid-input', t('db.siteAddressUnreadable'));
    const parsed = siteRuleSchema.safeParse({ host, type: input.type, note: input.note ?? '', createdAt: this.deps.now().toISOString() });
    if (!parsed.success) return fail('invalid-input', t('db.siteTypeMissing'));
    try {
      await this.db.siteRules.put(parsed.data);
      return ok(parsed.data);
    } catch (error) {
      return storageError(error);
    }
  }

  /** Removes the rule for a host and hands it back, so the user can undo. */
  deleteSiteRule(host: string): Promise<Result<SiteRule>> {
    return this.takeOut(this.db.siteRules, host, t('db.siteGone'));
  }

  /** Deletes one record by key in a transaction and hands it back (for undo), or says it is gone. */
  private async takeOut<T, K extends IndexableType, TInsert>(table: Table<T, K, TInsert>, key: K, missing: string): Promise<Result<T>> {
    try {
      return await this.db.transaction('rw', table, async () => {
        const record = await table.get(key);
        if (record === undefined) return fail<T>('not-found', missing);
        await table.delete(key);
        return ok(record);
      });
    } catch (error) {
      return storageError(error);
    }
  }


  /** `listSiteRules` that re-runs whenever the rules change. */
  observeSiteRules(): Observable<SiteRule[]> {
    return liveQuery(() => this.listSiteRules());
  }

  /** `listTags` that re-runs whenever the library changes. */
  observeTags(): Observable<string[]> {
    return liveQuery(() => this.listTags());
  }

  /** Every highlight, newest first, with the title and address of the page it is on. */
  async listAllHighlights(): Promise<HighlightWithPage[]> {
    const highlights = await this.db.highlights.orderBy('createdAt').reverse().toArray();
    const clips = await this.db.clips.bulkGet([...new Set(highlights.map((h) => h.clipId))]);
    const pages = new Map(clips.filter((c): c is Clip => Boolean(c)).map((c) => [c.id, { title: c.title, url: c.url }]));
    return highlights.flatMap((highlight) => {
      const page = pages.get(highlight.clipId);
      return page ? [{ highlight, pageTitle: page.title, pageUrl: page.url }] : [];
    });
  }

  /** `listAllHighlights`, kept current. */
  observeAllHighlights(): Observable<HighlightWithPage[]> {
    return liveQuery(() => this.listAllHighlights());
  }

  /** `listHighlights` that re-runs whenever highlights change. */
  observeHighlights(clipId: string): Observable<Highlight[]> {
    return liveQuery(() => this.listHighlights(clipId));
  }

  /** One clip, kept current. */
  observeClip(id: string): Observable<Clip | undefined> {
    return liveQuery(() => this.getClip(id));
  }
}

let shared: LibraryRepository | undefined;

/** The repository over the real database, opened on first use (never at import time). */
export function getRepository(): LibraryRepository {
  shared ??= new LibraryRepository(new LibraryDb());
  return shared;
}

/** Closes the shared repository's connection (so the database can be deleted); the next getRepository opens a new one. */
export function closeRepository(): void {
  shared?.close();
  shared = undefined;
}
