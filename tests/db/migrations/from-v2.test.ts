import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryDb, SCHEMA_HISTORY } from '../../../lib/db/library-db';
import type { Clip } from '../../../lib/model/clip';
import type { SiteRule } from '../../../lib/model/source-type';

const NAME = 'migration-from-v2';

const CLIP: Clip = {
  id: 'clip-v2',
  kind: 'selection',
  url: 'https://forum.example.org/threads/insulin-pumps.42/',
  canonicalUrl: 'https://forum.example.org/threads/insulin-pumps.42/',
  title: 'Insulin pumps',
  savedAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  contentText: 'My pump changed everything',
  quote: { exact: 'My pump changed everything', prefix: '', suffix: '' },
  tags: ['pumps'],
  note: '',
  sourceVerdict: { type: 'peer', confidence: 0.8, reasons: ['A member’s post.'], rule: 'ugc:forum-path', supporting: [], facets: { subtype: 'forum thread' } },
  signals: [],
  quality: { referencesCount: 0, hasAdverts: false, sponsorship: [], charityNumbers: [] },
};
const RULE: SiteRule = { host: 'mysurgery.co.uk', type: 'official', note: 'my GP', createdAt: '2026-11-21T10:00:00.000Z' };

describe('upgrading a version 2 library to today', () => {
  afterEach(() => Dexie.delete(NAME));

  it('keeps clips and site rules as they were and adds an empty highlights table', async () => {
    const v2 = new Dexie(NAME);
    v2.version(2).stores(SCHEMA_HISTORY[1]!.stores);
    await v2.table('clips').add(CLIP);
    await v2.table('siteRules').add(RULE);
    v2.close();

    const db = new LibraryDb(NAME);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.clips.toArray()).toEqual([CLIP]);
    expect(await db.siteRules.toArray()).toEqual([RULE]);
    expect(await db.highlights.count()).toBe(0);
    expect(await db.collections.count()).toBe(0);
    db.close();
  });
});
