import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Dexie } from 'dexie';
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryDb } from '../../lib/db/library-db';
import { LibraryRepository } from '../../lib/db/repository';
import { draftsToLinkClips, type LinkDraft } from '../../lib/exchange/link-drafts';
import { readLinkFile } from '../../lib/exchange/link-file';

let db: LibraryDb;
let repo: LibraryRepository;
let n = 0;
const NOW = new Date('2026-11-24T10:00:00Z');

beforeEach(() => {
  db = new LibraryDb(`link-import-${++n}`);
  let id = 0;
  repo = new LibraryRepository(db, { now: () => NOW, newId: () => `id-${++id}` });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const draft = (url: string, extra: Partial<LinkDraft> = {}): LinkDraft => ({ url, title: url, tags: [], note: '', ...extra });

async function saveArticle(url: string, note: string, tags: string[]) {
  const result = await repo.saveClip(
    { kind: 'article', facts: { url, canonicalUrl: url, title: 'Saved before', signals: [] }, contentText: 'text', note, tags },
    { type: 'official', confidence: 0.9, reasons: ['x'] },
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.value.clip;
}

describe('adding links from other tools', () => {
  it('previews new pages and pages already saved (by canonical address and its www./http variants)', async () => {
    await saveArticle('https://www.nhs.uk/conditions/asthma/', 'my note', ['mine']);
    const links = draftsToLinkClips([
      draft('http://nhs.uk/conditions/asthma/?utm_source=x', { tags: ['imported'] }),
      draft('https://www.nice.org.uk/guidance/ng245'),
      draft('http://nice.org.uk/guidance/ng245'),
      draft('https://www.healthtalk.org/experiences/asthma/'),
    ]);
    const plan = await repo.linkImport.plan(links);
    expect(plan.fresh.map((l) => l.canonicalUrl)).toEqual(['https://www.nice.org.uk/guidance/ng245', 'https://www.healthtalk.org/experiences/asthma/']);
    expect(plan.existing.map((e) => e.clip.title)).toEqual(['Saved before']);
    expect(plan.repeated).toBe(1);
  });

  it('adds new pages as link clips in one go, and never changes a page already saved', async () => {
    const before = await saveArticle('https://www.nhs.uk/conditions/asthma/', 'my note', ['mine']);
    const links = draftsToLinkClips([
      draft('https://www.nhs.uk/conditions/asthma/', { tags: ['imported'], note: 'from bookmarks' }),
      draft('https://www.nice.org.uk/guidance/ng245', { tags: ['guidelines'], savedAt: '2023-11-14T22:13:20.000Z', siteName: 'NICE', publishedAt: '2024-07' }),
    ]);
    const result = await repo.linkImport.apply(links);
    expect(result).toEqual({ ok: true, value: { added: 1, alreadyThere: 1 } });
    const [nice] = await repo.findClipsByUrl('https://www.nice.org.uk/guidance/ng245');
    expect(nice).toMatchObject({
      kind: 'link',
      title: 'https://www.nice.org.uk/guidance/ng245',
      tags: ['guidelines'],
      savedAt: '2023-11-14T22:13:20.000Z',
      updatedAt: NOW.toISOString(),
      siteName: 'NICE',
      publishedAt: '2024-07',
      sourceVerdict: { type: 'official' },
    });
    const [asthma] = await repo.findClipsByUrl('https://www.nhs.uk/conditions/asthma/');
    expect(asthma).toEqual(before);
    // Doing it again adds nothing.
    expect(await repo.linkImport.apply(links)).toEqual({ ok: true, value: { added: 0, alreadyThere: 2 } });
  });

  it('a link without a date from the other tool is saved today', async () => {
    await repo.linkImport.apply(draftsToLinkClips([draft('https://www.mind.org.uk/')]));
    expect((await repo.listClips())[0]?.savedAt).toBe(NOW.toISOString());
  });

  it('all or nothing: one unreadable link, or a failure half way, adds none of them', async () => {
    const links = draftsToLinkClips(Array.from({ length: 1_200 }, (_, i) => draft(`https://www.example.org/page/${i}`)));
    const bad = [...links.slice(0, 5), { ...links[5], url: 'javascript:alert(1)' }];
    const refused = await repo.linkImport.apply(bad);
    expect(!refused.ok && refused.error.message).toBe('These links could not be read, so nothing was added.');
    expect(await db.clips.count()).toBe(0);

    let written = 0;
    const fail = () => {
      if (++written === 700) throw new Error('disk hiccup');
    };
    db.clips.hook('creating', fail);
    const failed = await repo.linkImport.apply(links);
    db.clips.hook('creating').unsubscribe(fail);
    expect(failed.ok).toBe(false);
    expect(await db.clips.count()).toBe(0);
  });

  it('bookmarks file to library: the pages appear with their source types and folders as tags', async () => {
    const html = readFileSync(resolve('tests/fixtures/other-tools/firefox-bookmarks.html'), 'utf8');
    const parsed = readLinkFile('bookmarks.html', html, { now: NOW, parseHtml: (h) => new JSDOM(h).window.document });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const result = await repo.linkImport.apply(draftsToLinkClips(parsed.value.drafts));
    expect(result.ok && result.value.added).toBe(3);
    const clips = await repo.listClips();
    expect(clips.map((c) => [c.title, c.sourceVerdict.type, c.tags])).toEqual([
      ['Wellbeing and physical health | Rethink Mental Illness', 'charity', ['mental health']],
      ['Depression - Mind', 'charity', ['mental health', 'depression', 'cbt', 'treatment']],
      ['Exercise for depression: a meta-analysis - PubMed', 'research', []],
    ]);
  });
});
