import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryDb } from '../../lib/db/library-db';
import { LibrarySearch, type LibraryQuery, type SearchProgress } from '../../lib/db/library-search';
import { LibraryRepository } from '../../lib/db/repository';
import { SNAPSHOT_FORMAT } from '../../lib/search/search-index';
import type { ClipDraftInput } from '../../lib/model/clip';
import type { SourceType } from '../../lib/model/source-type';

let db: LibraryDb;
let repo: LibraryRepository;
let n = 0;
let clock = 0;

beforeEach(() => {
  db = new LibraryDb(`library-search-${++n}`);
  let id = 0;
  clock = Date.parse('2026-11-24T10:00:00Z');
  repo = new LibraryRepository(db, { now: () => new Date((clock += 60_000)), newId: () => `id-${++id}` });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function save(path: string, title: string, text: string, extra: { type?: SourceType; tags?: string[]; note?: string; nextReview?: string } = {}): Promise<string> {
  const url = `https://www.${extra.type === 'peer' ? 'patient-forum' : 'nhs'}.uk/${path}/`;
  const draft: ClipDraftInput = {
    kind: 'article',
    facts: {
      url,
      canonicalUrl: url,
      title,
      signals: [],
      ...(extra.nextReview
        ? { quality: { referencesCount: 0, hasAdverts: false, sponsorship: [], charityNumbers: [], nextReview: { date: extra.nextReview, source: 'text' } } }
        : {}),
    },
    contentText: text,
    tags: extra.tags ?? [],
    note: extra.note ?? '',
  };
  return value(await repo.saveClip(draft, { type: extra.type ?? 'official', confidence: 0.9, reasons: ['test'] })).clip.id;
}

/** A stored clip to copy for a raw write. */
function rawClip() {
  return {
    kind: 'article', url: 'https://www.nhs.uk/gout/', canonicalUrl: 'https://www.nhs.uk/gout/', title: 'Gout', savedAt: '2026-11-24T10:00:00.000Z',
    updatedAt: '2026-11-24T10:00:00.000Z', tags: [], note: '', signals: [], sourceVerdict: { type: 'official', confidence: 0.9, reasons: ['test'] },
  };
}

const ask = (search: LibrarySearch, query: string, filter: LibraryQuery['filter'] = {}) =>
  search.search({ query, filter, now: Date.parse('2026-11-24T12:00:00Z') }).then((h) => h.ids);

async function opened(): Promise<{ search: LibrarySearch; progress: SearchProgress[] }> {
  const progress: SearchProgress[] = [];
  const search = new LibrarySearch(db, (p) => progress.push(p));
  await search.open();
  await search.rebuild();
  return { search, progress };
}

describe('the search index follows every change to the library', () => {
  it('finds a clip saved, edited, highlighted, deleted and restored after the index was built', async () => {
    const { search } = await opened();
    expect(await ask(search, 'anemia')).toEqual([]);

    const id = await save('anaemia', 'Iron deficiency anaemia', 'Take 200mg ferrous sulphate twice a day.');
    expect(await ask(search, 'anemia')).toEqual([id]);
    expect(await ask(search, '200 mg')).toEqual([id]);

    value(await repo.updateClip(id, { note: 'ask the pharmacist about constipation', tags: ['iron'] }));
    expect(await ask(search, 'constipation')).toEqual([id]);
    expect(await ask(search, '', { tag: 'iron' })).toEqual([id]);

    const highlight = value(
      await repo.addHighlight({ clipId: id, canonicalUrl: 'https://www.nhs.uk/anaemia/', quote: { exact: 'ferrous sulphate', prefix: '', suffix: '' }, meaning: 'question', note: 'with orange juice?' }),
    );
    expect(await ask(search, 'orange juice')).toEqual([id]);
    expect(await ask(search, '', { hasHighlights: true })).toEqual([id]);
    value(await repo.deleteHighlight(highlight.id));
    expect(await ask(search, 'orange juice')).toEqual([]);
    expect(await ask(search, '', { hasHighlights: true })).toEqual([]);

    const deleted = value(await repo.deleteClip(id));
    expect(await ask(search, 'anemia')).toEqual([]);
    value(await repo.restoreClip(deleted));
    expect(await ask(search, 'anemia')).toEqual([id]);
  });

  it('rebuilds after a restore replaces the library, and searches what is built meanwhile', async () => {
    const kept = await save('asthma', 'Asthma', 'Use your blue inhaler.');
    const snapshot = await repo.backup.snapshot();
    await save('gout', 'Gout', 'Allopurinol 100 mg.');
    const { search } = await opened();
    expect(await ask(search, 'allopurinol')).toHaveLength(1);

    value(await repo.backup.replaceAll(snapshot));
    await ask(search, 'inhaler'); // notices the cleared tables and starts again
    await search.rebuild();
    expect(await ask(search, 'allopurinol')).toEqual([]);
    expect(await ask(search, 'inhaler')).toEqual([kept]);
  });

  it('follows imports of many clips at once', async () => {
    const { search } = await opened();
    const links = Array.from({ length: 30 }, (_, i) => {
      const url = `https://www.diabetes.org.uk/guide-${i}`;
      return { kind: 'link', url, canonicalUrl: url, title: `Guide ${i} to type 2 diabetes`, tags: ['import'], note: '', signals: [], sourceVerdict: { type: 'charity', confidence: 0.9, reasons: ['test'] } };
    });
    const outcome = await repo.linkImport.apply(links);
    expect(outcome.ok).toBe(true);
    expect(await ask(search, 'type 2')).toHaveLength(30);
  });
});

describe('building and saving the index', () => {
  it('reports progress while building, newest clips first, and then is ready', async () => {
    for (let i = 0; i < 600; i++) await save(`page-${i}`, `Page ${i}`, i === 599 ? 'The newest page mentions HbA1c.' : 'Nothing to see.');
    const { search, progress } = await opened();
    const building = progress.filter((p) => p.state === 'building');
    expect(building[0]).toEqual({ state: 'building', done: 0, total: 600 });
    expect(building.map((p) => p.done)).toEqual([0, 250, 500, 600]);
    expect(progress.at(-1)).toMatchObject({ state: 'ready', done: 600, total: 600 });
    expect(progress.at(-1)?.bytes).toBeGreaterThan(0);
    expect(await ask(search, 'hba1c')).toHaveLength(1);
  });

  it('reads the saved index next time and applies the changes made while it was closed', async () => {
    const a = await save('asthma', 'Asthma', 'Use your blue inhaler.');
    const first = await opened();
    await first.search.flush();
    expect(await db.searchIndex.count()).toBeGreaterThan(1);

    const b = await save('eczema', 'Eczema', 'Emollients and a blue inhaler are not related.');
    const progress: SearchProgress[] = [];
    const second = new LibrarySearch(db, (p) => progress.push(p));
    await second.open();
    expect(progress.map((p) => p.state)).toEqual(['ready']);
    expect(await ask(second, 'blue inhaler')).toEqual(expect.arrayContaining([a, b]));
    expect(await ask(second, 'emollient')).toEqual([b]);
  });

  it('builds again when the saved index does not hold every clip (a write that went around the journal)', async () => {
    await save('asthma', 'Asthma', 'Use your blue inhaler.');
    const first = await opened();
    await first.search.flush();
    // Written straight to IndexedDB, as nothing in the extension does.
    const raw = db.backendDB();
    await new Promise<void>((ok) => {
      const tx = raw.transaction('clips', 'readwrite');
      tx.objectStore('clips').put({ ...(rawClip()), id: 'sneaky' });
      tx.oncomplete = () => ok();
    });
    const progress: SearchProgress[] = [];
    const second = new LibrarySearch(db, (p) => progress.push(p), 0);
    await second.open();
    for (let i = 0; i < 100 && progress.at(-1)?.state !== 'building' && progress.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    expect(progress.map((p) => p.state).slice(0, 2)).toEqual(['ready', 'building']);
    await second.rebuild(); // the build already under way
    expect(await ask(second, 'gout')).toEqual(['sneaky']);
  });

  it('throws away a saved index of another format and builds a new one', async () => {
    await save('asthma', 'Asthma', 'Use your blue inhaler.');
    const first = await opened();
    await first.search.flush();
    await db.searchIndex.toCollection().modify((row) => {
      if ('meta' in row) row.meta.format = (SNAPSHOT_FORMAT + 1) as typeof SNAPSHOT_FORMAT;
    });
    const progress: SearchProgress[] = [];
    const second = new LibrarySearch(db, (p) => progress.push(p));
    await second.open();
    await second.rebuild();
    expect(progress[0]?.state).toBe('building');
    expect(await ask(second, 'inhaler')).toHaveLength(1);
  });

  it('leaves journal entries the saved index does not include yet', async () => {
    await save('asthma', 'Asthma', 'Inhaler.');
    const { search } = await opened();
    await save('gout', 'Gout', 'Allopurinol.');
    await ask(search, 'gout');
    await search.flush();
    const meta = (await db.searchIndex.get('meta')) as { meta: { seq: number } } | undefined;
    const journal = await db.searchJournal.toArray();
    expect(journal.every((e) => (e.seq ?? 0) >= (meta?.meta.seq ?? Infinity))).toBe(true);
  });
});

describe('filters combine with the words', () => {
  it('by type (with the user’s site rule), tag, list, date, highlights and review overdue', async () => {
    const nhs = await save('diabetes', 'Type 2 diabetes', 'Metformin 500 mg.', { tags: ['diabetes'], nextReview: '2026-01-01' });
    clock = Date.parse('2025-06-01T10:00:00Z');
    const forum = await save('my-story', 'My type 2 diabetes story', 'Metformin made me sick.', { type: 'peer', tags: ['diabetes'] });
    const { search } = await opened();
    expect(await ask(search, 'metformin')).toHaveLength(2);
    expect(await ask(search, 'metformin', { type: 'peer' })).toEqual([forum]);
    value(await repo.saveSiteRule({ host: 'patient-forum.uk', type: 'charity' }));
    expect(await ask(search, 'metformin', { type: 'peer' })).toEqual([]);
    expect(await ask(search, 'metformin', { type: 'charity' })).toEqual([forum]);
    expect(await ask(search, 'metformin', { reviewOverdue: true })).toEqual([nhs]);
    expect(await ask(search, 'metformin', { savedFrom: Date.parse('2026-01-01') })).toEqual([nhs]);
    expect(await ask(search, 'metformin', { savedBefore: Date.parse('2026-01-01') })).toEqual([forum]);
    const list = value(await repo.collections.addToNextAppointment(forum));
    expect(await ask(search, 'diabetes', { collectionId: list.id })).toEqual([forum]);
    expect(await ask(search, '', { tag: 'diabetes' })).toEqual([nhs, forum]);
  });
});
