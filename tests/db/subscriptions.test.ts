import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryDb } from '../../lib/db/library-db';
import { LibraryRepository } from '../../lib/db/repository';
import type { CollectionFile, FileItem } from '../../lib/exchange/collection-file';
import { importAddresses, planImport } from '../../lib/exchange/import-plan';
import type { HighlightMeaning } from '../../lib/model/highlight';
import { checkDueSubscriptions } from '../../entrypoints/background/subscription-checks';
import { hashEntries } from '../../lib/exchange/subscription-diff';
import { entriesFromFile } from '../../lib/exchange/subscription-entries';

let db: LibraryDb;
let repo: LibraryRepository;
let n = 0;
let clock = 0;

beforeEach(() => {
  db = new LibraryDb(`subscriptions-${++n}`);
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
const URL_ = 'https://www.diabetes-support-group.org.uk/collections/first-steps.json';

describe('followed collections', () => {
  it('remembers the address on the collection, with the schedule off, and lists only followed ones', async () => {
    const followed = value(await repo.collections.create({ kind: 'collection', title: 'First steps' }));
    value(await repo.collections.create({ kind: 'collection', title: 'Mine' }));
    const after = value(await repo.subscriptions.follow(followed.id, { url: URL_, etag: '"v1"', lastItemsHash: 'abc' }));
    expect(after.subscription).toEqual({ url: URL_, etag: '"v1"', lastItemsHash: 'abc', schedule: 'off', checkedAt: '2026-11-24T10:03:00.000Z' });
    expect((await repo.subscriptions.list()).map((c) => c.title)).toEqual(['First steps']);
    expect((await repo.collections.get(followed.id))?.subscription?.url).toBe(URL_);
  });

  it('refuses an address that is not https', async () => {
    const c = value(await repo.collections.create({ kind: 'collection', title: 'x' }));
    const result = await repo.subscriptions.follow(c.id, { url: 'http://example.org/list.json' });
    expect(result.ok).toBe(false);
    expect((await repo.collections.get(c.id))?.subscription).toBeUndefined();
  });

  it('records checks, a waiting change and a problem, and clears them, without touching the items or the change date', async () => {
    const c = value(await repo.collections.create({ kind: 'collection', title: 'x' }));
    value(await repo.subscriptions.follow(c.id, { url: URL_ }));
    const waiting = value(await repo.subscriptions.recordCheck(c.id, { changesWaitingAt: '2026-11-25T00:00:00.000Z' }));
    expect(waiting.subscription).toMatchObject({ changesWaitingAt: '2026-11-25T00:00:00.000Z', checkedAt: '2026-11-24T10:03:00.000Z' });
    expect(waiting.updatedAt).toBe(c.updatedAt);
    const problem = value(await repo.subscriptions.recordCheck(c.id, { lastProblem: 'did not answer' }));
    expect(problem.subscription).toMatchObject({ changesWaitingAt: '2026-11-25T00:00:00.000Z', lastProblem: 'did not answer' });
    const cleared = value(await repo.subscriptions.recordCheck(c.id, { changesWaitingAt: null, lastProblem: null }));
    expect(cleared.subscription).not.toHaveProperty('changesWaitingAt');
    expect(cleared.subscription).not.toHaveProperty('lastProblem');
  });

  it('turns the schedule on and off, and stops following while keeping the collection', async () => {
    const c = value(await repo.collections.create({ kind: 'collection', title: 'x' }));
    value(await repo.subscriptions.follow(c.id, { url: URL_ }));
    expect(value(await repo.subscriptions.setSchedule(c.id, 'weekly')).subscription?.schedule).toBe('weekly');
    const plain = value(await repo.subscriptions.unfollow(c.id));
    expect(plain).not.toHaveProperty('subscription');
    expect((await repo.collections.get(c.id))?.title).toBe('x');
    expect(await repo.subscriptions.list()).toEqual([]);
    expect((await repo.subscriptions.setSchedule(c.id, 'daily')).ok).toBe(false);
  });

  it('says so when the collection is gone', async () => {
    expect(await repo.subscriptions.recordCheck('nope')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('importing a followed collection and applying its changes', () => {
  const item = (path: string, extra: Partial<FileItem> = {}): FileItem => {
    const url = `https://www.nhs.uk/${path}/`;
    return { url, canonicalUrl: url, title: `NHS: ${path}`, sourceType: 'official', note: '', ...extra };
  };
  const passage = (path: string, exact: string, note = '', meaning: HighlightMeaning = 'important'): FileItem =>
    item(path, { highlight: { meaning, note, selectors: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }] } });
  const file = (items: FileItem[], title = 'First steps'): CollectionFile => ({
    format: 'health-clipper-collection',
    formatVersion: 1,
    exportedAt: '2026-11-24T09:00:00.000Z',
    generator: 'Health Clipper',
    collection: { kind: 'collection', title, description: '', curator: 'Riverside group', createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-24T09:00:00.000Z', items },
  });
  const plan = async (f: CollectionFile) => planImport(f, await repo.collections.importLibraryFor(importAddresses(f)));
  /** Each item as [page title, curator note, highlight note]. */
  const titles = async (id: string) => ((await repo.collections.resolve(id))?.entries ?? []).map((e) => [e.clip?.title, e.item.note, e.highlight?.note ?? null]);

  it('imports the list and remembers its address and validators together', async () => {
    const followed = value(await repo.subscriptions.importAndFollow(await plan(file([item('a', { note: 'Start here' }), passage('a', 'Check your feet', 'Daily!')])), URL_, { etag: '"v1"', itemsHash: 'h1' }));
    expect(followed.subscription).toMatchObject({ url: URL_, etag: '"v1"', lastItemsHash: 'h1', schedule: 'off' });
    expect(followed.subscription?.appliedAt).toBeDefined();
    expect(await titles(followed.id)).toEqual([['NHS: a', 'Start here', null], ['NHS: a', '', 'Daily!']]);
  });

  it('applies added, removed and edited items in one go, in the published order, keeping removed pages in the library', async () => {
    const first = value(await repo.subscriptions.importAndFollow(await plan(file([item('a'), item('b', { note: 'old note' }), passage('c', 'rest', 'old')])), URL_, { etag: '"v1"', itemsHash: 'h1' }));
    const keptId = first.items[1]?.id;
    value(await repo.subscriptions.recordCheck(first.id, { changesWaitingAt: '2026-11-25T00:00:00.000Z' }));
    const next = file([item('d'), item('b', { note: 'new note', title: 'NHS: b (renamed)' }), passage('c', 'rest', 'new', 'question')], 'First steps (2027)');
    const applied = value(await repo.subscriptions.applyUpdate(first.id, await plan(next), { etag: '"v2"', itemsHash: 'h2' }));
    expect(applied.keptYours).toBe(0);
    expect(applied.collection.title).toBe('First steps (2027)');
    expect(applied.collection.items[1]?.id).toBe(keptId);
    expect(applied.collection.subscription).toMatchObject({ etag: '"v2"', lastItemsHash: 'h2' });
    expect(applied.collection.subscription).not.toHaveProperty('changesWaitingAt');
    expect(await titles(first.id)).toEqual([['NHS: d', '', null], ['NHS: b (renamed)', 'new note', null], ['NHS: c', '', 'new']]);
    // The page no longer listed is still in the library.
    expect((await repo.findClipsByUrl('https://www.nhs.uk/a/')).length).toBe(1);
  });

  it('never changes the user’s own page (title, note, tags) or a highlight note they edited', async () => {
    const url = 'https://www.nhs.uk/mine/';
    const mine = value(await repo.saveClip({ kind: 'article', facts: { url, canonicalUrl: url, title: 'My own title', signals: [] }, contentText: 't', tags: ['feet'], note: 'my note' }, { type: 'official', confidence: 0.9, reasons: [] }));
    const followed = value(await repo.subscriptions.importAndFollow(await plan(file([item('mine'), passage('c', 'rest', 'curator')])), URL_, { itemsHash: 'h1' }));
    const highlightId = followed.items[1]?.highlightId ?? '';
    value(await repo.updateHighlight(highlightId, { note: 'my words now' }));
    const next = file([item('mine', { title: 'Publisher title', note: 'curator says' }), passage('c', 'rest', 'curator changed')]);
    const applied = value(await repo.subscriptions.applyUpdate(followed.id, await plan(next), { itemsHash: 'h2' }));
    expect(applied.keptYours).toBe(2);
    const clip = (await repo.findClipsByUrl(url))[0];
    expect(clip).toMatchObject({ id: mine.clip.id, title: 'My own title', note: 'my note', tags: ['feet'] });
    expect(await titles(followed.id)).toEqual([['My own title', 'curator says', null], ['NHS: c', '', 'my words now']]);
  });

  it('keeps the items the user added to a followed collection themselves', async () => {
    const followed = value(await repo.subscriptions.importAndFollow(await plan(file([item('a'), item('b')])), URL_, { itemsHash: 'h1' }));
    const url = 'https://www.nhs.uk/my-own-find/';
    const mine = value(await repo.saveClip({ kind: 'link', facts: { url, canonicalUrl: url, title: 'My find', signals: [] } }, { type: 'official', confidence: 0.9, reasons: [] }));
    value(await repo.collections.addItems(followed.id, [{ clipId: mine.clip.id, note: 'mine' }]));
    const applied = value(await repo.subscriptions.applyUpdate(followed.id, await plan(file([item('b'), item('c')])), { itemsHash: 'h2' }));
    expect(await titles(applied.collection.id)).toEqual([['NHS: b', '', null], ['NHS: c', '', null], ['My find', 'mine', null]]);
  });

  it('an edit in the list editor keeps the stored subscription (a check may have changed it meanwhile)', async () => {
    const followed = value(await repo.subscriptions.importAndFollow(await plan(file([item('a')])), URL_, { itemsHash: 'h1' }));
    value(await repo.subscriptions.recordCheck(followed.id, { changesWaitingAt: '2026-11-25T00:00:00.000Z' }));
    const saved = value(await repo.collections.save({ ...followed, title: 'Renamed by me' }));
    expect(saved.title).toBe('Renamed by me');
    expect(saved.subscription?.changesWaitingAt).toBe('2026-11-25T00:00:00.000Z');
  });

  it('changes nothing when the update cannot be applied', async () => {
    const followed = value(await repo.subscriptions.importAndFollow(await plan(file([item('a')])), URL_, { itemsHash: 'h1' }));
    value(await repo.subscriptions.unfollow(followed.id));
    expect((await repo.subscriptions.applyUpdate(followed.id, await plan(file([item('z')])), { itemsHash: 'h2' })).ok).toBe(false);
    expect(await repo.findClipsByUrl('https://www.nhs.uk/z/')).toEqual([]);
    expect((await repo.collections.list()).length).toBe(1);
  });

  it('the scheduled check flags changes on due collections only, and never changes the items', async () => {
    const published = file([item('a')]);
    const hash = await hashEntries(entriesFromFile(published));
    const daily = value(await repo.subscriptions.importAndFollow(await plan(published), URL_, { etag: '"v1"', itemsHash: hash }));
    value(await repo.subscriptions.setSchedule(daily.id, 'daily'));
    const manual = value(await repo.subscriptions.importAndFollow(await plan(file([item('m')], 'Manual')), `${URL_}?manual`, { itemsHash: 'x' }));
    const changed = JSON.stringify(file([item('a'), item('new')]));
    const asked: string[] = [];
    const fetch = async (url: string) => {
      asked.push(url);
      return new Response(changed, { headers: { 'content-type': 'application/json', etag: '"v2"' } });
    };
    // Not due yet: nothing is asked.
    await checkDueSubscriptions(repo, { fetch, now: () => new Date(clock + 3_600_000) });
    expect(asked).toEqual([]);
    await checkDueSubscriptions(repo, { fetch, now: () => new Date(clock + 25 * 3_600_000) });
    expect(asked).toEqual([URL_]);
    const after = await repo.collections.get(daily.id);
    expect(after?.subscription?.changesWaitingAt).toBeDefined();
    expect(after?.subscription?.etag).toBe('"v1"');
    expect(after?.items).toHaveLength(1);
    expect((await repo.collections.get(manual.id))?.subscription?.changesWaitingAt).toBeUndefined();
  });
});
