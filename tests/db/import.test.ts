import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryDb } from '../../lib/db/library-db';
import { LibraryRepository } from '../../lib/db/repository';
import { parseCollectionFile, type CollectionFile } from '../../lib/exchange/collection-file';
import { collectionFileText, exportCollectionFile } from '../../lib/exchange/export-file';
import { importAddresses, planImport, type ImportPlan } from '../../lib/exchange/import-plan';
import type { ClipDraftInput } from '../../lib/model/clip';
import { fileHighlight, fileItem, sampleFile } from '../unit/lib/exchange/sample-file';

let db: LibraryDb;
let repo: LibraryRepository;
let n = 0;

function openRepo(name: string): { db: LibraryDb; repo: LibraryRepository } {
  const database = new LibraryDb(name);
  let id = 0;
  let clock = Date.parse('2026-11-24T10:00:00Z');
  return { db: database, repo: new LibraryRepository(database, { now: () => new Date((clock += 60_000)), newId: () => `${name}-id-${++id}` }) };
}

beforeEach(() => {
  ({ db, repo } = openRepo(`import-${++n}`));
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const verdict = { type: 'official' as const, confidence: 0.95, reasons: ['nhs.uk is an NHS website.'] };
async function savePage(url: string, extra: Partial<ClipDraftInput> = {}): Promise<string> {
  const draft: ClipDraftInput = { kind: 'article', facts: { url, canonicalUrl: url, title: 'My own title', signals: [] }, contentText: 'text', tags: ['mine'], note: 'My own note', ...extra };
  const result = await repo.saveClip(draft, verdict);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.clip.id;
}
function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
async function plan(file: CollectionFile, repository = repo): Promise<ImportPlan> {
  return planImport(file, await repository.collections.importLibraryFor(importAddresses(file)));
}
/** Every record of every table, in key order: the library, byte for byte. */
async function dump(database = db): Promise<string> {
  const tables = await Promise.all(database.tables.map(async (t) => [t.name, await t.toArray()] as const));
  return JSON.stringify(tables);
}

function curated(): CollectionFile {
  const file = sampleFile(
    [
      fileItem('conditions/type-2-diabetes', { note: 'Start here', title: 'Type 2 diabetes (curator’s copy)' }),
      fileHighlight('conditions/type-2-diabetes', 'Check your feet every day', 'Daily check'),
      fileHighlight('conditions/type-2-diabetes', 'a passage I had not highlighted'),
      fileItem('conditions/asthma', { note: 'For the kids', private: true }),
    ],
    'Our list',
  );
  file.collection.curator = 'Riverside group';
  return file;
}

describe('applyImport', () => {
  it('saves new pages as links with their source type, their highlights, and a collection whose notes say where they came from', async () => {
    const outcome = value(await repo.collections.applyImport(await plan(curated())));
    expect(outcome).toMatchObject({ addedPages: 2, reusedPages: 0, addedHighlights: 2, reusedHighlights: 0 });
    const clips = await repo.listClips();
    expect(clips.map((c) => [c.kind, c.title, c.sourceVerdict.type, c.note, c.tags])).toEqual([
      ['link', 'NHS: conditions/asthma', 'official', '', []],
      ['link', 'Type 2 diabetes (curator’s copy)', 'official', '', []],
    ]);
    const resolved = await repo.collections.resolve(outcome.collection.id);
    expect(resolved?.collection).toMatchObject({ kind: 'collection', title: 'Our list' });
    expect(resolved?.entries.map((e) => [e.clip?.title, e.highlight?.quote.exact, e.highlight?.note, e.item.note, e.item.private])).toEqual([
      ['Type 2 diabetes (curator’s copy)', undefined, undefined, 'Start here', false],
      ['Type 2 diabetes (curator’s copy)', 'Check your feet every day', 'Daily check', '', false],
      ['Type 2 diabetes (curator’s copy)', 'a passage I had not highlighted', '', '', false],
      ['NHS: conditions/asthma', undefined, undefined, 'For the kids', true],
    ]);
    for (const e of resolved?.entries ?? []) expect(e.item.provenance).toEqual({ collection: 'Our list', curator: 'Riverside group', exportedAt: '2026-11-24T10:00:00.000Z' });
    // The highlights paint on the page like any other.
    expect((await repo.listHighlightsForUrl('https://nhs.uk/conditions/type-2-diabetes/')).length).toBe(2);
  });

  it('never overwrites the user’s own title, note, tags or highlight note, and does not highlight a passage twice', async () => {
    const mine = await savePage('https://nhs.uk/conditions/type-2-diabetes/');
    const myHighlight = value(
      await repo.addHighlight({ clipId: mine, canonicalUrl: 'https://nhs.uk/conditions/type-2-diabetes/', quote: { exact: 'Check your feet  every day', prefix: '', suffix: '' }, meaning: 'question', note: 'Ask the nurse' }),
    );
    const before = await repo.getClip(mine);
    const p = await plan(curated());
    expect(p.counts).toMatchObject({ newPages: 1, existingPages: 1, newHighlights: 1, existingHighlights: 1 });
    const outcome = value(await repo.collections.applyImport(p));
    expect(outcome).toMatchObject({ addedPages: 1, reusedPages: 1, addedHighlights: 1, reusedHighlights: 1 });
    expect(await repo.getClip(mine)).toEqual(before);
    const highlights = await repo.listHighlights(mine);
    expect(highlights.map((h) => [h.id === myHighlight.id, h.quote.exact, h.note, h.meaning])).toEqual([
      [true, 'Check your feet  every day', 'Ask the nurse', 'question'],
      [false, 'a passage I had not highlighted', '', 'important'],
    ]);
    const items = (await repo.collections.get(outcome.collection.id))?.items ?? [];
    expect(items[0]?.clipId).toBe(mine);
    expect(items[1]?.highlightId).toBe(myHighlight.id);
    // The page is in the new collection and in the user's own lists alike.
    expect((await repo.collections.containing(mine)).map((c) => c.title)).toEqual(['Our list']);
  });

  it('checks the preview again when applying: a page saved since is reused, one deleted since is saved again', async () => {
    const gone = await savePage('https://www.nhs.uk/conditions/asthma/');
    const p = await plan(curated());
    expect(p.pages.map((x) => x.status)).toEqual(['new', 'existing']);
    value(await repo.deleteClip(gone));
    const since = await savePage('https://www.nhs.uk/conditions/type-2-diabetes/');
    const outcome = value(await repo.collections.applyImport(p));
    expect(outcome).toMatchObject({ addedPages: 1, reusedPages: 1 });
    const items = (await repo.collections.get(outcome.collection.id))?.items ?? [];
    expect(items[0]?.clipId).toBe(since);
    expect((await repo.findClipsByUrl('https://www.nhs.uk/conditions/asthma/')).map((c) => c.kind)).toEqual(['link']);
  });

  it('is all or nothing: a failure after pages and highlights were written leaves the library byte-identical', async () => {
    await savePage('https://nhs.uk/conditions/type-2-diabetes/');
    const p = await plan(curated());
    const before = await dump();
    // The disk fails as the collection is written, after the new clip and highlights went in.
    const fail = () => {
      throw new Error('disk full');
    };
    db.collections.hook('creating', fail);
    const result = await repo.collections.applyImport(p);
    db.collections.hook('creating').unsubscribe(fail);
    expect(result).toEqual({ ok: false, error: { code: 'storage-failed', message: expect.stringContaining('Nothing already in your library was changed') } });
    expect(await dump()).toBe(before);
    // And it works once the disk is back.
    expect((await repo.collections.applyImport(p)).ok).toBe(true);
    expect(await dump()).not.toBe(before);
  });

  it('is all or nothing when the plan cannot be stored either (a damaged plan), with a message', async () => {
    const p = await plan(curated());
    const before = await dump();
    const damaged: ImportPlan = { ...p, items: [...p.items, { page: 99, note: '', private: false }] };
    expect(await repo.collections.applyImport(damaged)).toEqual({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/damaged/) } });
    const untitled: ImportPlan = { ...p, collection: { kind: 'collection', title: '   ', description: '' } };
    expect((await repo.collections.applyImport(untitled)).ok).toBe(false);
    expect(await dump()).toBe(before);
  });

  it('round-trips: export from one library, import into a fresh one, export again gives the same items', async () => {
    const a = await savePage('https://www.nhs.uk/conditions/type-2-diabetes/');
    value(await repo.addHighlight({ clipId: a, canonicalUrl: 'https://www.nhs.uk/conditions/type-2-diabetes/', quote: { exact: 'feet', prefix: 'your ', suffix: ' every' }, meaning: 'important', note: 'n' }));
    const highlight = (await repo.listHighlights(a))[0];
    const list = value(await repo.collections.create({ kind: 'collection', title: 'Mine', items: [{ id: 'i1', clipId: a, note: 'page note' }, { id: 'i2', clipId: a, highlightId: highlight?.id, note: 'passage note' }] }));
    const resolved = await repo.collections.resolve(list.id);
    if (!resolved) throw new Error('no list');
    const first = exportCollectionFile(resolved, [], { now: new Date('2026-11-25T10:00:00Z'), curator: 'Me' });
    const other = openRepo(`import-other-${n}`);
    try {
      const parsed = value(parseCollectionFile(collectionFileText(first)));
      const outcome = value(await other.repo.collections.applyImport(await plan(parsed, other.repo)));
      const again = await other.repo.collections.resolve(outcome.collection.id);
      if (!again) throw new Error('not imported');
      const second = exportCollectionFile(again, [], { now: new Date('2026-11-25T10:00:00Z'), curator: 'Me' });
      // The clip is a link in the other library (no content), so only what the file carries is compared.
      expect(second.collection.items.map(({ title, url, note, highlight }) => ({ title, url, note, highlight }))).toEqual(
        first.collection.items.map(({ title, url, note, highlight }) => ({ title, url, note, highlight })),
      );
    } finally {
      other.db.close();
      await Dexie.delete(other.db.name);
    }
  });

  it('imports an empty collection, and one of a few thousand items in one go', async () => {
    expect(value(await repo.collections.applyImport(await plan(sampleFile([]))))).toMatchObject({ addedPages: 0 });
    const big = sampleFile(Array.from({ length: 3_000 }, (_, i) => fileItem(`page-${i}`, { note: `note ${i}` })));
    const outcome = value(await repo.collections.applyImport(await plan(big)));
    expect(outcome.addedPages).toBe(3_000);
    expect((await repo.collections.get(outcome.collection.id))?.items).toHaveLength(3_000);
  });
});
