import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryDb } from '../../lib/db/library-db';
import { LibraryRepository } from '../../lib/db/repository';
import type { ClipDraftInput } from '../../lib/model/clip';

let db: LibraryDb;
let repo: LibraryRepository;
let n = 0;

beforeEach(() => {
  db = new LibraryDb(`site-rules-${++n}`);
  let id = 0;
  repo = new LibraryRepository(db, { now: () => new Date('2026-11-24T10:00:00Z'), newId: () => `clip-${++id}` });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const draft = (url: string): ClipDraftInput => ({
  kind: 'link',
  facts: { url, canonicalUrl: url, title: url, signals: [] },
});

describe('site rules in the repository', () => {
  it('stores a rule under the bare host, replaces it, lists and deletes it', async () => {
    const saved = await repo.saveSiteRule({ host: 'https://www.mysurgery.co.uk/contact', type: 'official', note: 'my GP practice' });
    expect(saved).toEqual({ ok: true, value: { host: 'mysurgery.co.uk', type: 'official', note: 'my GP practice', createdAt: '2026-11-24T10:00:00.000Z' } });
    await repo.saveSiteRule({ host: 'mysurgery.co.uk', type: 'charity' });
    expect((await repo.listSiteRules()).map((r) => [r.host, r.type])).toEqual([['mysurgery.co.uk', 'charity']]);

    const deleted = await repo.deleteSiteRule('mysurgery.co.uk');
    expect(deleted.ok && deleted.value.type).toBe('charity');
    expect(await repo.listSiteRules()).toEqual([]);
    expect((await repo.deleteSiteRule('mysurgery.co.uk')).ok).toBe(false);
  });

  it('refuses what is not a site or not a type, and writes nothing', async () => {
    expect(await repo.saveSiteRule({ host: 'not a site', type: 'official' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await repo.saveSiteRule({ host: 'example.org', type: 'trusted' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await repo.listSiteRules()).toEqual([]);
  });

  it('makes the type filter follow the rule for clips already saved, while a page override still wins', async () => {
    const unknown = { type: 'unknown' as const, confidence: 0.2, reasons: ['We do not know this site.'] };
    await repo.saveClip(draft('https://www.mysurgery.co.uk/leaflets/asthma'), unknown);
    const second = await repo.saveClip(draft('https://www.mysurgery.co.uk/leaflets/flu'), unknown);
    expect((await repo.listClips({ sourceType: 'official' })).length).toBe(0);

    await repo.saveSiteRule({ host: 'mysurgery.co.uk', type: 'official' });
    expect((await repo.listClips({ sourceType: 'official' })).length).toBe(2);

    if (!second.ok) throw new Error('not saved');
    await repo.updateClip(second.value.clip.id, { sourceOverride: 'peer' });
    expect((await repo.listClips({ sourceType: 'official' })).map((c) => c.url)).toEqual(['https://www.mysurgery.co.uk/leaflets/asthma']);
    expect((await repo.listClips({ sourceType: 'peer' })).length).toBe(1);
  });
});
