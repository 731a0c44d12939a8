import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryDb, SCHEMA_HISTORY } from '../../../lib/db/library-db';
import { LibrarySearch } from '../../../lib/db/library-search';
import type { Clip } from '../../../lib/model/clip';
import type { Highlight } from '../../../lib/model/highlight';
import type { SiteRule } from '../../../lib/model/source-type';

const NAME = 'migration-from-v4';

const CLIP: Clip = {
  id: 'clip-v4',
  kind: 'article',
  url: 'https://www.nhs.uk/conditions/iron-deficiency-anaemia/',
  canonicalUrl: 'https://www.nhs.uk/conditions/iron-deficiency-anaemia/',
  title: 'Iron deficiency anaemia',
  savedAt: '2026-11-23T10:00:00.000Z',
  updatedAt: '2026-11-23T10:00:00.000Z',
  contentHtml: '<p>Take 200mg ferrous sulphate tablets.</p>',
  contentText: 'Take 200mg ferrous sulphate tablets.',
  tags: ['anaemia'],
  note: 'ask about iron levels',
  sourceVerdict: { type: 'official', confidence: 0.95, reasons: ['nhs.uk is an NHS website.'], rule: 'list:uk-official', supporting: [], facets: {} },
  signals: [],
};
const RULE: SiteRule = { host: 'mysurgery.co.uk', type: 'official', note: 'my GP', createdAt: '2026-11-21T10:00:00.000Z' };
const HIGHLIGHT: Highlight = {
  id: 'hl-v4',
  clipId: 'clip-v4',
  canonicalUrl: CLIP.canonicalUrl,
  quote: { exact: 'ferrous sulphate', prefix: 'Take 200mg ', suffix: ' tablets.' },
  meaning: 'question',
  note: 'with orange juice?',
  createdAt: '2026-11-23T10:05:00.000Z',
  updatedAt: '2026-11-23T10:05:00.000Z',
};
const COLLECTION = {
  id: 'list-v4',
  kind: 'reading-list',
  title: 'My next appointment',
  items: [{ id: 'item-1', clipId: 'clip-v4', note: '' }],
  clipIds: ['clip-v4'],
  createdAt: '2026-11-23T10:10:00.000Z',
  updatedAt: '2026-11-23T10:10:00.000Z',
};

describe('upgrading a version 4 library to today', () => {
  afterEach(() => Dexie.delete(NAME));

  it('keeps every record as it was, adds the search tables, and builds the search index from the data', async () => {
    const v4 = new Dexie(NAME);
    v4.version(4).stores(SCHEMA_HISTORY[3]!.stores);
    await v4.table('clips').add(CLIP);
    await v4.table('siteRules').add(RULE);
    await v4.table('highlights').add(HIGHLIGHT);
    await v4.table('collections').add(COLLECTION);
    v4.close();

    const db = new LibraryDb(NAME);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.clips.toArray()).toEqual([CLIP]);
    expect(await db.siteRules.toArray()).toEqual([RULE]);
    expect(await db.highlights.toArray()).toEqual([HIGHLIGHT]);
    expect(await db.collections.toArray()).toEqual([COLLECTION]);
    expect(await db.searchJournal.count()).toBe(0);
    expect(await db.searchIndex.count()).toBe(0);

    // No saved index after the upgrade: search builds one from what is there.
    const search = new LibrarySearch(db);
    await search.open();
    await search.rebuild();
    const find = async (query: string) => (await search.search({ query, filter: {}, now: Date.now() })).ids;
    expect(await find('anemia')).toEqual(['clip-v4']);
    expect(await find('orange juice')).toEqual(['clip-v4']);
    expect(await find('200 mg')).toEqual(['clip-v4']);
    db.close();
  });
});
