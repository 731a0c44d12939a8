import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryDb, SCHEMA_HISTORY } from '../../../lib/db/library-db';
import { LibraryRepository } from '../../../lib/db/repository';
import type { Clip } from '../../../lib/model/clip';

const NAME = 'migration-v1-to-v2';

/** A clip exactly as version 1 of the extension stored it. */
const V1_CLIP: Clip = {
  id: 'clip-v1',
  kind: 'article',
  url: 'https://www.nhs.uk/conditions/asthma/?utm_source=x',
  canonicalUrl: 'https://www.nhs.uk/conditions/asthma/',
  title: 'Asthma',
  savedAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-02T10:00:00.000Z',
  contentHtml: '<p>Asthma is a common lung condition.</p>',
  contentText: 'Asthma is a common lung condition.',
  tags: ['asthma', 'inhalers'],
  note: 'Ask about my spacer',
  sourceVerdict: { type: 'official', confidence: 0.9, reasons: ['nhs.uk is on .nhs.uk'] },
  sourceOverride: 'charity',
  signals: ['jsonld:MedicalWebPage'],
};

describe('upgrading a version 1 library to today', () => {
  afterEach(() => Dexie.delete(NAME));

  it('keeps every clip as it was and adds empty site-rules and highlights tables', async () => {
    // Build the database with version 1's schema alone, as v0.1.0 shipped it.
    const v1 = new Dexie(NAME);
    v1.version(1).stores(SCHEMA_HISTORY[0]!.stores);
    await v1.table('clips').bulkAdd([V1_CLIP, { ...V1_CLIP, id: 'clip-v1-b', kind: 'selection', quote: { exact: 'common lung', prefix: 'is a ', suffix: ' condition' } }]);
    v1.close();

    const db = new LibraryDb(NAME);
    await db.open();
    expect(db.verno).toBe(SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version);
    expect(await db.clips.count()).toBe(2);
    expect(await db.clips.get('clip-v1')).toEqual(V1_CLIP);
    expect(await db.siteRules.count()).toBe(0);
    expect(await db.highlights.count()).toBe(0);
    expect(await db.collections.count()).toBe(0);

    // And the repository reads and filters the old records.
    const repo = new LibraryRepository(db);
    expect((await repo.listClips({ tag: 'asthma' })).map((c) => c.id).sort()).toEqual(['clip-v1', 'clip-v1-b']);
    expect((await repo.listClips({ sourceType: 'charity' })).length).toBe(2);
    db.close();
  });
});
