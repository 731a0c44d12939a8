import { addressVariants } from '../exchange/import-addresses';
import type { ImportLibrary, ImportPlan, LibraryClipInfo } from '../exchange/import-plan';
import { clipSchema, type Clip } from '../model/clip';
import { clipIdsOf, collectionSchema, type Collection, type CollectionItemInput, type StoredCollection } from '../model/collection';
import { highlightSchema, type Highlight } from '../model/highlight';
import { t } from '../i18n';
import { fail, ok, type Result } from '../model/result';
import { isCancelled, throwIfCancelled } from '../progress/progress';
import type { WorkOptions } from './backup-store';
import type { LibraryDb } from './library-db';
import { storageError } from './storage-error';

/**
 * Applying an import plan (lib/exchange/import-plan.ts) to the library: new
 * pages as link clips, new highlights, and the new collection, in one
 * transaction over clips, highlights and collections, so a failure anywhere
 * leaves the library exactly as it was.
 */

interface Deps {
  now: () => Date;
  newId: () => string;
}

/** What an import did. */
export interface ImportOutcome {
  collection: Collection;
  addedPages: number;
  reusedPages: number;
  addedHighlights: number;
  reusedHighlights: number;
}

/** Records per write: the cancel is checked between writes. */
const WRITE_BATCH = 250;

/** Thrown inside the transaction to roll it back with a message for the user. */
class ImportRefused extends Error {}

const WHOLE_PAGE = new Set<Clip['kind']>(['article', 'link']);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function best(candidates: readonly Clip[]): Clip | undefined {
  return [...candidates].sort((a, b) => Number(WHOLE_PAGE.has(b.kind)) - Number(WHOLE_PAGE.has(a.kind)) || a.savedAt.localeCompare(b.savedAt))[0];
}

function byUrl(clips: readonly Clip[]): Map<string, Clip[]> {
  const map = new Map<string, Clip[]>();
  for (const clip of clips) map.set(clip.canonicalUrl, [...(map.get(clip.canonicalUrl) ?? []), clip]);
  return map;
}

/**
 * The clips saved under any of these addresses. A large file names tens of
 * thousands of addresses (each page with its www./m./http variants); when
 * the library has fewer clips than that, reading the index's keys and
 * matching them here is much faster than asking IndexedDB for each address.
 */
async function clipsSavedUnder(db: LibraryDb, addresses: readonly string[]): Promise<Clip[]> {
  if (!addresses.length) return [];
  let wanted = addresses;
  if ((await db.clips.count()) < addresses.length) {
    const asked = new Set(addresses);
    wanted = (await db.clips.orderBy('canonicalUrl').uniqueKeys()).filter((k): k is string => typeof k === 'string' && asked.has(k));
    if (!wanted.length) return [];
  }
  return db.clips.where('canonicalUrl').anyOf([...wanted]).toArray();
}

/** The clips saved under any of these addresses, and their highlights: the snapshot `planImport` needs. */
export async function readImportLibrary(db: LibraryDb, addresses: readonly string[]): Promise<ImportLibrary> {
  if (!addresses.length) return { clips: [], highlights: [] };
  return db.transaction('r', db.clips, db.highlights, async () => {
    const clips = await clipsSavedUnder(db, addresses);
    const highlights = clips.length ? await db.highlights.where('clipId').anyOf(clips.map((c) => c.id)).toArray() : [];
    return {
      clips: clips.map((c): LibraryClipInfo => ({ id: c.id, kind: c.kind, canonicalUrl: c.canonicalUrl, title: c.title, savedAt: c.savedAt })),
      highlights: highlights.map((h) => ({ id: h.id, clipId: h.clipId, exact: h.quote.exact })),
    };
  });
}

/**
 * Writes what `plan` previews, all or nothing. Matches are checked again
 * inside the transaction: a page saved since the preview is reused rather
 * than saved twice, a page deleted since is saved again as a link, and a
 * passage highlighted since is not highlighted twice. The user's own
 * titles, notes and tags are never changed. `signal` is checked between
 * writes: a cancel rolls everything back, up to the last write.
 */
export async function applyImportPlan(db: LibraryDb, deps: Deps, plan: ImportPlan, { signal, onProgress }: WorkOptions = {}): Promise<Result<ImportOutcome>> {
  if (signal?.aborted) return fail('cancelled', t('progress.stopped'));
  try {
    return await db.transaction('rw', db.clips, db.highlights, db.collections, async () => {
      // Work: each new page, each new highlight, and the collection.
      let done = 0;
      let total = plan.pages.length + plan.highlights.length + 1;
      const writeInBatches = async <R>(rows: readonly R[], write: (batch: R[]) => Promise<unknown>) => {
        for (let i = 0; i < rows.length; i += WRITE_BATCH) {
          throwIfCancelled(signal);
          const batch = rows.slice(i, i + WRITE_BATCH);
          await write(batch);
          done += batch.length;
          onProgress?.({ done, total });
        }
      };
      onProgress?.({ done, total });
      const now = deps.now().toISOString();

      // Pages: the planned match if it is still there, else whatever is saved under the address now, else a new link clip.
      const matchedIds = plan.pages.flatMap((p) => (p.existingClipId ? [p.existingClipId] : []));
      const stillThere = new Map((await db.clips.bulkGet(matchedIds)).flatMap((c) => (c ? [[c.id, c] as const] : [])));
      const planned = plan.pages.map((p) => (p.existingClipId ? stillThere.get(p.existingClipId) : undefined));
      const variants = plan.pages.map((p, i) => (planned[i] ? [] : addressVariants(p.canonicalUrl)));
      const saved = byUrl(await clipsSavedUnder(db, variants.flat()));
      const pageClips: Clip[] = [];
      const added: Clip[] = [];
      plan.pages.forEach((page, i) => {
        const found = planned[i] ?? best((variants[i] ?? []).flatMap((v) => saved.get(v) ?? []));
        if (found) {
          pageClips.push(found);
          return;
        }
        const parsed = clipSchema.safeParse({
          id: deps.newId(),
          kind: 'link',
          url: page.url,
          canonicalUrl: page.canonicalUrl,
          title: page.title,
          ...(page.siteName ? { siteName: page.siteName } : {}),
          ...(page.byline ? { byline: page.byline } : {}),
          ...(page.excerpt ? { excerpt: page.excerpt } : {}),
          ...(page.publishedAt ? { publishedAt: page.publishedAt } : {}),
          savedAt: now,
          updatedAt: now,
          tags: [],
          note: '',
          sourceVerdict: page.verdict,
          signals: [],
        });
        if (!parsed.success) throw new ImportRefused(t('import.pageRefused', { title: page.title.slice(0, 80) }));
        pageClips.push(parsed.data);
        added.push(parsed.data);
      });
      total = added.length + plan.highlights.length + 1;
      await writeInBatches(added, (batch) => db.clips.bulkAdd(batch));
      const addedIds = new Set(added.map((c) => c.id));

      // Highlights: the user's own on the same passage if there is one now, else a new one.
      const reusedClipIds = [...new Set(pageClips.filter((c) => !addedIds.has(c.id)).map((c) => c.id))];
      const existing = reusedClipIds.length ? await db.highlights.where('clipId').anyOf(reusedClipIds).toArray() : [];
      const passages = new Map<string, string>();
      for (const h of existing) if (!passages.has(`${h.clipId} ${squash(h.quote.exact)}`)) passages.set(`${h.clipId} ${squash(h.quote.exact)}`, h.id);
      const newHighlights: Highlight[] = [];
      const highlightIds = plan.highlights.map((h) => {
        const clip = pageClips[h.page];
        if (!clip) throw new ImportRefused(t('import.planDamaged'));
        const key = `${clip.id} ${squash(h.quote.exact)}`;
        const same = passages.get(key);
        if (same) return same;
        const parsed = highlightSchema.safeParse({
          id: deps.newId(),
          clipId: clip.id,
          canonicalUrl: clip.canonicalUrl,
          quote: h.quote,
          ...(h.position ? { position: h.position } : {}),
          selectors: h.selectors,
          meaning: h.meaning,
          note: h.note,
          createdAt: now,
          updatedAt: now,
        });
        if (!parsed.success) throw new ImportRefused(t('import.highlightRefused'));
        newHighlights.push(parsed.data);
        passages.set(key, parsed.data.id);
        return parsed.data.id;
      });
      total = added.length + newHighlights.length + 1;
      await writeInBatches(newHighlights, (batch) => db.highlights.bulkAdd(batch));

      // The collection, every item with where its note came from.
      const items: CollectionItemInput[] = plan.items.map((item) => {
        const clip = pageClips[item.page];
        const highlightId = item.highlight === undefined ? undefined : highlightIds[item.highlight];
        if (!clip || (item.highlight !== undefined && !highlightId)) throw new ImportRefused(t('import.planDamaged'));
        return { id: deps.newId(), clipId: clip.id, ...(highlightId ? { highlightId } : {}), note: item.note, private: item.private, provenance: plan.provenance };
      });
      const fields = plan.collection;
      const parsed = collectionSchema.safeParse({
        ...fields,
        ...(fields.kind === 'reading-list' ? { questions: fields.questions.map((q) => ({ ...q, id: deps.newId() })) } : {}),
        ...(fields.kind === 'prescription' ? { support: fields.support.map((s) => ({ ...s, id: deps.newId() })) } : {}),
        id: deps.newId(),
        createdAt: now,
        updatedAt: now,
        items,
      });
      if (!parsed.success) throw new ImportRefused(t('import.collectionRefused'));
      const stored: StoredCollection = { ...parsed.data, clipIds: clipIdsOf(parsed.data) };
      throwIfCancelled(signal);
      await db.collections.add(stored);
      onProgress?.({ done: total, total });
      return ok({
        collection: parsed.data,
        addedPages: added.length,
        reusedPages: plan.pages.length - added.length,
        addedHighlights: newHighlights.length,
        reusedHighlights: plan.highlights.length - newHighlights.length,
      });
    });
  } catch (error) {
    if (isCancelled(error)) return fail('cancelled', t('progress.stopped'));
    if (error instanceof ImportRefused) return fail('invalid-input', error.message);
    return storageError(error, t('import.nothingImported'));
  }
}
