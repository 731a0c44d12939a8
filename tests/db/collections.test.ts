import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextAppointmentTitle } from '../../lib/db/collection-store';
import { LibraryDb } from '../../lib/db/library-db';
import { LibraryRepository } from '../../lib/db/repository';
import type { ClipDraftInput } from '../../lib/model/clip';
import type { Collection } from '../../lib/model/collection';

let db: LibraryDb;
let repo: LibraryRepository;
let n = 0;
let clock = 0;

beforeEach(() => {
  db = new LibraryDb(`collections-${++n}`);
  let id = 0;
  clock = Date.parse('2026-11-24T10:00:00Z');
  repo = new LibraryRepository(db, { now: () => new Date((clock += 60_000)), newId: () => `id-${++id}` });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const verdict = { type: 'official' as const, confidence: 0.95, reasons: ['nhs.uk is an NHS website.'] };
async function savedClip(path: string, title = path): Promise<string> {
  const url = `https://www.nhs.uk/${path}/`;
  const draft: ClipDraftInput = { kind: 'article', facts: { url, canonicalUrl: url, title, signals: [] }, contentText: 'text' };
  const result = await repo.saveClip(draft, verdict);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.clip.id;
}
function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('collections, reading lists and prescriptions in the repository', () => {
  it('creates a reading list with defaults, adds pages once each, and finds lists by page', async () => {
    const a = await savedClip('asthma');
    const b = await savedClip('copd');
    const list = value(await repo.collections.create({ kind: 'reading-list', title: 'Asthma review', appointment: { date: '2026-12-03', with: 'Practice nurse' } }));
    expect(list).toMatchObject({ kind: 'reading-list', items: [], questions: [], whatMatters: '', appointment: { date: '2026-12-03' } });
    const added = value(await repo.collections.addItems(list.id, [{ clipId: a, note: 'my inhaler technique' }, { clipId: b }, { clipId: a, note: 'again' }]));
    expect(added.items.map((i) => [i.clipId, i.note])).toEqual([[a, 'my inhaler technique'], [b, '']]);
    value(await repo.collections.addItems(list.id, [{ clipId: a }]));
    expect((await repo.collections.get(list.id))?.items).toHaveLength(2);
    expect((await repo.collections.containing(a)).map((c) => c.id)).toEqual([list.id]);
  });

  it('lists the highlights on a list’s pages (for “from your highlights” questions), oldest first', async () => {
    const a = await savedClip('asthma');
    const b = await savedClip('copd');
    const add = (clipId: string, exact: string) =>
      repo.addHighlight({ clipId, canonicalUrl: 'https://www.nhs.uk/x/', quote: { exact, prefix: '', suffix: '' }, meaning: 'question' });
    value(await add(a, 'spacer'));
    value(await add(b, 'not on the list'));
    value(await add(a, 'peak flow'));
    const list = value(await repo.collections.create({ kind: 'reading-list', title: 'Review', items: [{ id: 'i', clipId: a }] }));
    expect((await repo.collections.highlightsOnPages(list.id)).map((h) => h.quote.exact)).toEqual(['spacer', 'peak flow']);
    expect(await repo.collections.highlightsOnPages('missing')).toEqual([]);
  });

  it('refuses a list that names a page not in the library, or a malformed one, and writes nothing', async () => {
    expect(await repo.collections.create({ kind: 'reading-list', title: 'x', items: [{ id: 'i', clipId: 'ghost' }] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await repo.collections.create({ kind: 'reading-list', title: '' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await repo.collections.create({ kind: 'shopping-list', title: 'x' })).toMatchObject({ ok: false });
    expect(await repo.collections.create({ kind: 'reading-list', title: 'x', appointment: { date: 'next Tuesday' } })).toMatchObject({ ok: false });
    expect(await db.collections.count()).toBe(0);
  });

  it('resolves items to their pages and highlights, and keeps items whose page was deleted', async () => {
    const a = await savedClip('asthma', 'Asthma');
    const b = await savedClip('copd', 'COPD');
    const h = value(await repo.addHighlight({ clipId: a, canonicalUrl: 'https://www.nhs.uk/asthma/', quote: { exact: 'use a spacer', prefix: '', suffix: '' }, meaning: 'question' }));
    const list = value(await repo.collections.create({ kind: 'reading-list', title: 'Review' }));
    value(await repo.collections.addItems(list.id, [{ clipId: a, highlightId: h.id }, { clipId: b }]));
    value(await repo.deleteClip(b));
    const resolved = await repo.collections.resolve(list.id);
    expect(resolved?.entries.map((e) => [e.clip?.title, e.highlight?.quote.exact])).toEqual([
      ['Asthma', 'use a spacer'],
      [undefined, undefined],
    ]);
    // A later edit still saves: the deleted page was already on the list.
    const current = await repo.collections.get(list.id);
    expect(await repo.collections.save({ ...current, title: 'Asthma review' })).toMatchObject({ ok: true, value: { title: 'Asthma review' } });
  });

  it('after the appointment: keeps the list as a read-only record and starts the next one from what is still open', async () => {
    const a = await savedClip('asthma');
    const list = value(
      await repo.collections.create({
        kind: 'reading-list',
        title: 'December review',
        whatMatters: 'I want to walk the dog without stopping',
        appointment: { date: '2026-12-03', with: 'Nurse', medicines: 'Clenil 100, two puffs twice a day' },
        questions: [
          { id: 'q1', text: 'Is my inhaler technique right?', answered: true, answer: 'Yes, use the spacer' },
          { id: 'q2', text: 'What happens if I do nothing?', origin: 'starter' },
        ],
        items: [{ id: 'i1', clipId: a }],
      }),
    );
    const record = value(await repo.collections.keepAsRecord(list.id));
    expect(record.recordedAt).toBeDefined();
    expect(await repo.collections.save({ ...record, title: 'changed' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await repo.collections.get(list.id))?.title).toBe('December review');

    const next = value(await repo.collections.startNext(list.id));
    if (next.kind !== 'reading-list') throw new Error('kind');
    expect(next).toMatchObject({ title: nextAppointmentTitle(), followsId: list.id, whatMatters: 'I want to walk the dog without stopping' });
    expect(next.questions.map((q) => [q.text, q.answered])).toEqual([['What happens if I do nothing?', false]]);
    expect(next.appointment).toEqual({ medicines: 'Clenil 100, two puffs twice a day' });
    expect(next.items.map((i) => i.clipId)).toEqual([a]);
  });

  it('“add to my next appointment” uses the open list changed last, or starts one', async () => {
    const a = await savedClip('asthma');
    const b = await savedClip('copd');
    const first = value(await repo.collections.addToNextAppointment(a));
    expect(first).toMatchObject({ kind: 'reading-list', title: nextAppointmentTitle() });
    const second = value(await repo.collections.addToNextAppointment(b));
    expect(second.id).toBe(first.id);
    expect(second.items.map((i) => i.clipId)).toEqual([a, b]);
    value(await repo.collections.keepAsRecord(first.id));
    const third = value(await repo.collections.addToNextAppointment(a));
    expect(third.id).not.toBe(first.id);
  });

  it('issues a prescription template as a dated copy that can change without changing the template', async () => {
    const a = await savedClip('type-2-diabetes');
    const template = value(
      await repo.collections.create({
        kind: 'prescription',
        title: 'Type 2 diabetes: first weeks',
        condition: 'Type 2 diabetes',
        prescriber: { service: 'Riverside Surgery', clinician: 'Dr A Patel, GP', contact: '01632 960000' },
        items: [{ id: 'i1', clipId: a, note: 'Start here: what diabetes is.' }],
        support: [{ id: 's1', name: 'Diabetes UK helpline', contact: '0345 123 2399' }],
      }),
    );
    expect(template).toMatchObject({ isTemplate: true });
    const issued = value(await repo.collections.issue(template.id, '  Mrs J Smith '));
    expect(issued).toMatchObject({ isTemplate: false, templateId: template.id, patientName: 'Mrs J Smith', title: template.title });
    expect(issued.issuedAt).toBeDefined();
    value(await repo.collections.save({ ...issued, items: issued.items.map((i) => ({ ...i, note: 'For you: read this first.' })) }));
    expect((await repo.collections.get(template.id) as Collection).items[0]?.note).toBe('Start here: what diabetes is.');
    expect(await repo.collections.issue(issued.id)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('deletes a list (its pages stay) and undo puts it back', async () => {
    const a = await savedClip('asthma');
    const list = value(await repo.collections.create({ kind: 'collection', title: 'Helpful', items: [{ id: 'i', clipId: a }] }));
    const deleted = value(await repo.collections.delete(list.id));
    expect(await repo.collections.list()).toEqual([]);
    expect(await repo.getClip(a)).toBeDefined();
    value(await repo.collections.restore(deleted));
    expect(await repo.collections.list()).toEqual([list]);
  });
});
