import { liveQuery, type Observable } from 'dexie';
import type { Clip } from '../model/clip';
import {
  clipIdsOf,
  collectionItemSchema,
  collectionSchema,
  type Collection,
  type CollectionKind,
  type Prescription,
  type ReadingList,
  type StoredCollection,
} from '../model/collection';
import type { ClipSummary, ResolvedItem, ResolvedCollection } from '../model/collection';
import type { Highlight } from '../model/highlight';
import { fail, ok, type Result } from '../model/result';
import type { LibraryDb } from './library-db';
import type { WorkOptions } from './backup-store';
import { applyImportPlan, readImportLibrary, type ImportOutcome } from './import-store';
import type { ImportLibrary, ImportPlan } from '../exchange/import-plan';
import { storageError } from './storage-error';
import { t } from '../i18n';

export type { ClipSummary, ResolvedCollection, ResolvedItem } from '../model/collection';
export type { ImportOutcome } from './import-store';

interface Deps {
  now: () => Date;
  newId: () => string;
}

// Functions, not constants: the browser's i18n API is only there once the page runs.
const NOT_FOUND = () => t('db.listGone');
const IS_RECORD = () => t('db.listIsRecord');
/** What a new reading list is called when the user adds to "my next appointment" and has none open. */
export const nextAppointmentTitle = () => t('db.nextAppointmentTitle');

const summary = ({ contentHtml: _h, contentText: _t, ...rest }: Clip): ClipSummary => rest;
const stored = (c: Collection): StoredCollection => ({ ...c, clipIds: clipIdsOf(c) });
const unstored = ({ clipIds: _ids, ...c }: StoredCollection): Collection => c as Collection;

/**
 * Collections, reading lists and information prescriptions: one table, one
 * schema (lib/model/collection.ts). Every write validates the whole
 * collection and that the pages it names are in the library.
 */
export class CollectionStore {
  constructor(
    private readonly db: LibraryDb,
    private readonly deps: Deps,
  ) {}

  /** Creates a collection from untrusted input (id and dates are assigned here). */
  async create(input: unknown): Promise<Result<Collection>> {
    const now = this.deps.now().toISOString();
    const base = typeof input === 'object' && input !== null ? input : {};
    const parsed = collectionSchema.safeParse({ ...base, id: this.deps.newId(), createdAt: now, updatedAt: now });
    if (!parsed.success) return fail('invalid-input', t('db.listUnreadable'));
    return this.write(parsed.data);
  }

  /** Replaces a collection with an edited copy (the editors save whole lists). Records of past appointments cannot change. */
  async save(input: unknown): Promise<Result<Collection>> {
    const parsed = collectionSchema.safeParse(input);
    if (!parsed.success) return fail('invalid-input', t('db.changeUnreadable'));
    const existing = await this.db.collections.get(parsed.data.id);
    if (!existing) return fail('not-found', NOT_FOUND());
    if (existing.kind === 'reading-list' && existing.recordedAt) return fail('invalid-input', IS_RECORD());
    if (existing.kind !== parsed.data.kind) return fail('invalid-input', t('db.listKindFixed'));
    // Where a followed collection comes from belongs to SubscriptionStore (a check may have changed it
    // while the editor was open), so an edit keeps the stored one rather than the editor's copy.
    const { subscription: _fromEditor, ...edited } = parsed.data;
    const subscription = existing.subscription ? { subscription: existing.subscription } : {};
    return this.write({ ...edited, ...subscription, createdAt: existing.createdAt, updatedAt: this.deps.now().toISOString() });
  }

  get(id: string): Promise<Collection | undefined> {
    return this.db.collections.get(id).then((c) => c && unstored(c));
  }

  /** Collections of a kind (or all), most recently changed first. */
  async list(kind?: CollectionKind): Promise<Collection[]> {
    const rows = kind ? await this.db.collections.where('kind').equals(kind).toArray() : await this.db.collections.toArray();
    return rows.map(unstored).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** The collections that include a page. */
  async containing(clipId: string): Promise<Collection[]> {
    return (await this.db.collections.where('clipIds').equals(clipId).toArray()).map(unstored);
  }

  /** A collection with its clips and highlights looked up. */
  async resolve(id: string): Promise<ResolvedCollection | undefined> {
    const collection = await this.get(id);
    if (!collection) return undefined;
    const clipIds = clipIdsOf(collection);
    const highlightIds = collection.items.flatMap((i) => (i.highlightId ? [i.highlightId] : []));
    const [clips, highlights] = await Promise.all([this.db.clips.bulkGet(clipIds), this.db.highlights.bulkGet(highlightIds)]);
    const clipById = new Map(clips.filter((c): c is Clip => Boolean(c)).map((c) => [c.id, summary(c)]));
    const highlightById = new Map(highlights.filter((h): h is Highlight => Boolean(h)).map((h) => [h.id, h]));
    const entries = collection.items.map((item) => {
      const entry: ResolvedItem = { item };
      const clip = clipById.get(item.clipId);
      const highlight = item.highlightId ? highlightById.get(item.highlightId) : undefined;
      if (clip) entry.clip = clip;
      if (highlight) entry.highlight = highlight;
      return entry;
    });
    return { collection, entries };
  }

  /** Adds pages or highlights to a collection, skipping ones already in it. */
  async addItems(id: string, items: readonly { clipId: string; highlightId?: string; note?: string }[]): Promise<Result<Collection>> {
    const existing = await this.get(id);
    if (!existing) return fail('not-found', NOT_FOUND());
    const key = (i: { clipId: string; highlightId?: string }) => `${i.clipId} ${i.highlightId ?? ''}`;
    const present = new Set(existing.items.map(key));
    const added = [];
    for (const item of items) {
      if (present.has(key(item))) continue;
      present.add(key(item));
      const parsed = collectionItemSchema.safeParse({ ...item, id: this.deps.newId() });
      if (!parsed.success) return fail('invalid-input', t('db.itemUnreadable'));
      added.push(parsed.data);
    }
    return this.save({ ...existing, items: [...existing.items, ...added] });
  }

  /**
   * "Add to my next appointment": adds a page to the reading list the user
   * changed most recently that is not yet a record, or starts one.
   */
  async addToNextAppointment(clipId: string, highlightId?: string): Promise<Result<Collection>> {
    const open = (await this.list('reading-list')).find((c) => c.kind === 'reading-list' && !c.recordedAt);
    if (open) return this.addItems(open.id, [{ clipId, ...(highlightId ? { highlightId } : {}) }]);
    const created = await this.create({ kind: 'reading-list', title: nextAppointmentTitle() });
    if (!created.ok) return created;
    return this.addItems(created.value.id, [{ clipId, ...(highlightId ? { highlightId } : {}) }]);
  }

  /** Keeps a reading list as a dated record of the appointment; it can no longer be edited. */
  async keepAsRecord(id: string): Promise<Result<ReadingList>> {
    const existing = await this.get(id);
    if (!existing || existing.kind !== 'reading-list') return fail('not-found', NOT_FOUND());
    if (existing.recordedAt) return ok(existing);
    const now = this.deps.now().toISOString();
    const result = await this.write({ ...existing, recordedAt: now, updatedAt: now });
    return result.ok && result.value.kind === 'reading-list' ? ok(result.value) : fail('storage-failed', t('db.listNotKept'));
  }

  /**
   * Starts the next reading list from an earlier one: its unanswered
   * questions, its reading, what matters to the user and their medicines.
   * Answered questions stay with the earlier list.
   */
  async startNext(id: string, title: string = nextAppointmentTitle()): Promise<Result<Collection>> {
    const earlier = await this.get(id);
    if (!earlier || earlier.kind !== 'reading-list') return fail('not-found', NOT_FOUND());
    return this.create({
      kind: 'reading-list',
      title,
      items: earlier.items.map((i) => ({ ...i, id: this.deps.newId() })),
      questions: earlier.questions.filter((q) => !q.answered).map((q) => ({ ...q, id: this.deps.newId(), answer: '' })),
      whatMatters: earlier.whatMatters,
      appointment: earlier.appointment.medicines ? { medicines: earlier.appointment.medicines } : {},
      followsId: earlier.id,
    });
  }

  /**
   * Issues a prescription template to one patient: a dated copy that can be
   * personalised without changing the template.
   */
  async issue(templateId: string, patientName?: string): Promise<Result<Prescription>> {
    const template = await this.get(templateId);
    if (!template || template.kind !== 'prescription' || !template.isTemplate) return fail('not-found', t('db.templateGone'));
    const now = this.deps.now().toISOString();
    const name = patientName?.trim();
    const copy: Prescription = {
      ...template,
      id: this.deps.newId(),
      items: template.items.map((i) => ({ ...i, id: this.deps.newId() })),
      support: template.support.map((s) => ({ ...s, id: this.deps.newId() })),
      isTemplate: false,
      templateId: template.id,
      issuedAt: now,
      createdAt: now,
      updatedAt: now,
      ...(name ? { patientName: name } : {}),
    };
    const result = await this.write(copy);
    return result.ok && result.value.kind === 'prescription' ? ok(result.value) : fail('storage-failed', t('db.prescriptionNotIssued'));
  }

  /** Deletes a collection and hands it back for undo. Its pages stay in the library. */
  async delete(id: string): Promise<Result<Collection>> {
    try {
      return await this.db.transaction('rw', this.db.collections, async () => {
        const existing = await this.db.collections.get(id);
        if (!existing) return fail<Collection>('not-found', NOT_FOUND());
        await this.db.collections.delete(id);
        return ok(unstored(existing));
      });
    } catch (error) {
      return storageError(error);
    }
  }

  /** Puts a deleted collection back (undo). */
  async restore(collection: Collection): Promise<Result<Collection>> {
    const parsed = collectionSchema.safeParse(collection);
    if (!parsed.success) return fail('invalid-input', t('db.listNotRestored'));
    return this.write(parsed.data, { allowMissingClips: true });
  }

  /** The clips saved under these addresses and their highlights: what `planImport` (lib/exchange) needs to preview an import. */
  importLibraryFor(addresses: readonly string[]): Promise<ImportLibrary> {
    return readImportLibrary(this.db, addresses);
  }

  /** Imports a previewed collection file: new pages, highlights and the collection, in one transaction (all or nothing). */
  applyImport(plan: ImportPlan, options?: WorkOptions): Promise<Result<ImportOutcome>> {
    return applyImportPlan(this.db, this.deps, plan, options);
  }

  /** The highlights on the pages a collection names, oldest first (the editor offers "question to ask" ones as questions). */
  async highlightsOnPages(id: string): Promise<Highlight[]> {
    const collection = await this.get(id);
    if (!collection) return [];
    const list = await this.db.highlights.where('clipId').anyOf(clipIdsOf(collection)).toArray();
    return list.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** `highlightsOnPages`, kept current. */
  observeHighlightsOnPages(id: string): Observable<Highlight[]> {
    return liveQuery(() => this.highlightsOnPages(id));
  }

  observe(id: string): Observable<ResolvedCollection | undefined> {
    return liveQuery(() => this.resolve(id));
  }

  observeList(kind?: CollectionKind): Observable<Collection[]> {
    return liveQuery(() => this.list(kind));
  }

  /** Writes a validated collection, after checking that the pages it names are in the library. */
  private async write(collection: Collection, options: { allowMissingClips?: boolean } = {}): Promise<Result<Collection>> {
    try {
      return await this.db.transaction('rw', this.db.clips, this.db.collections, async () => {
        if (!options.allowMissingClips) {
          const ids = clipIdsOf(collection);
          const found = await this.db.clips.where('id').anyOf(ids).primaryKeys();
          const before = await this.db.collections.get(collection.id);
          const known = new Set([...found, ...(before?.clipIds ?? [])]);
          if (ids.some((c) => !known.has(c))) return fail<Collection>('not-found', t('db.listPageGone'));
        }
        await this.db.collections.put(stored(collection));
        return ok(collection);
      });
    } catch (error) {
      return storageError(error);
    }
  }
}
