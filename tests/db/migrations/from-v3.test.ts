import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryDb, SCHEMA_HISTORY } from '../../../lib/db/library-db';
import type { Clip } from '../../../lib/model/clip';
import type { Highlight } from '../../../lib/model/highlight';
import type { SiteRule } from '../../../lib/model/source-type';

const NAME = 'migration-from-v3';

const CLIP: Clip = {
  id: 'clip-v3',
  kind: 'article',
  url: 'https://www.nhs.uk/conditions/type-2-diabetes/',
  canonicalUrl: 'https://www.nhs.uk/conditions/type-2-diabetes/',
  title: 'Type 2 diabetes',
  savedAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
  contentHtml: '<p>Type 2 diabetes is a common condition.</p>',
  contentText: 'Type 2 diabetes is a common condition.',
  tags: ['diabetes'],
  note: 'read before the nurse',
  sourceVerdict: { type: 'official', confidence: 0.95, reasons: ['nhs.uk is an NHS website.'], rule: 'list:uk-official', supporting: [], facets: {} },
  signals: [],
  quality: { referencesCount: 0, hasAdverts: false, sponsorship: [], charityNumbers: [] },
};
const RULE: SiteRule = { host: 'mysurgery.co.uk', type: 'official', note: 'my GP', createdAt: '2026-11-21T10:00:00.000Z' };
const HIGHLIGHT: Highlight = {
  id: 'hl-v3',
  clipId: 'clip-v3',
  canonicalUrl: CLIP.canonicalUrl,
  quote: { exact: 'a common condition', prefix: 'Type 2 diabetes is ', suffix: '.' },
  position: { start: 19, end: 37 },
  meaning: 'question',
  note: 'ask about HbA1c',
  createdAt: '2026-11-22T10:05:00.000Z',
  updatedAt: '2026-11-22T10:05:00.000Z',
};

describe('upgrading a version 3 library to today', () => {
  afterEach(() => Dexie.delete(NAME));

  it('keeps clips, site rules and highlights as they were and adds an empty collections table', async () => {
    const v3 = new Dexie(NAME);
    v3.version(3).stores(SCHEMA_HISTORY[2]!.stores);
    await v3.table('clips').add(CLIP);
    await v3.table('siteRules').add(RULE);
    await v3.table('highlights').add(HIGHLIGHT);
    v3.close();

    const db = new LibraryDb(NAME);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.clips.toArray()).toEqual([CLIP]);
    expect(await db.siteRules.toArray()).toEqual([RULE]);
    expect(await db.highlights.toArray()).toEqual([HIGHLIGHT]);
    expect(await db.collections.count()).toBe(0);
    db.close();
  });
});
