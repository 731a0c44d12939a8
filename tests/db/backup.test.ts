import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LIBRARY_TABLES, type LibrarySnapshot } from '../../lib/db/backup-store';
import { LibraryDb } from '../../lib/db/library-db';
import { LibraryRepository } from '../../lib/db/repository';
import { BACKUP_TABLES, BackupWriter, parseBackup, type BackupSettings } from '../../lib/exchange/backup';
import { bulkClip, sampleLibrary, sampleSettings } from '../helpers/sample-library';

const opened: LibraryDb[] = [];
let n = 0;
function freshRepo(): { db: LibraryDb; repo: LibraryRepository } {
  const db = new LibraryDb(`backup-${++n}`);
  opened.push(db);
  let id = 0;
  return { db, repo: new LibraryRepository(db, { now: () => new Date('2026-11-24T10:00:00Z'), newId: () => `new-${++id}` }) };
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** What the UI does: stream the library through the writer into text. */
async function backUp(repo: LibraryRepository, settings: BackupSettings = sampleSettings(), pageSize?: number): Promise<string> {
  const chunks: string[] = [];
  let writer: BackupWriter | undefined;
  const result = await repo.backup.read(
    {
      start: (counts) => {
        writer = new BackupWriter({ exportedAt: '2026-11-24T10:00:00.000Z', appVersion: '0.1.0', counts, settings }, (c) => chunks.push(c));
      },
      page: ({ table, rows }) => writer?.rows(table, rows),
    },
    pageSize,
  );
  if (!result.ok) throw new Error(result.error.message);
  writer?.finish();
  return chunks.join('');
}

async function restore(repo: LibraryRepository, text: string) {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { siteRules, collections, highlights, clips } = parsed.value;
  return repo.backup.replaceAll({ siteRules, collections, highlights, clips });
}

/** Every row of every table, as IndexedDB holds it (collections with their clipIds index field). */
async function rawTables(db: LibraryDb) {
  return {
    clips: await db.clips.toArray(),
    highlights: await db.highlights.toArray(),
    collections: await db.collections.toArray(),
    siteRules: await db.siteRules.toArray(),
  };
}

/** A library made through the repository, the way the extension fills it. */
async function filledThroughRepository(repo: LibraryRepository): Promise<void> {
  const verdict = { type: 'official' as const, confidence: 0.9, reasons: ['nhs.uk is the NHS website.'] };
  const url = 'https://www.nhs.uk/conditions/asthma/';
  const saved = await repo.saveClip({ kind: 'article', facts: { url, canonicalUrl: url, title: 'Asthma', signals: ['jsonld:MedicalWebPage'] }, contentHtml: '<p>Asthma is common.</p>', contentText: 'Asthma is common.', tags: ['asthma'] }, verdict);
  if (!saved.ok) throw new Error(saved.error.message);
  const clipId = saved.value.clip.id;
  await repo.updateClip(clipId, { note: 'Ask about the brown inhaler', sourceOverride: 'charity' });
  await repo.updateClip(clipId, { sourceOverride: null });
  const highlight = await repo.addHighlight({ clipId, canonicalUrl: url, quote: { exact: 'Asthma', prefix: '', suffix: ' is common' }, meaning: 'important', note: 'yes' });
  if (!highlight.ok) throw new Error(highlight.error.message);
  const list = await repo.collections.create({ kind: 'reading-list', title: 'Asthma review', items: [{ id: 'i1', clipId, highlightId: highlight.value.id }] });
  if (!list.ok) throw new Error(list.error.message);
  await repo.collections.keepAsRecord(list.value.id);
  await repo.saveSiteRule({ host: 'https://www.mysurgery.co.uk/contact', type: 'official', note: 'my GP' });
}

describe('backup and restore of the whole library', () => {
  it('a restore into an empty library gives back exactly what was backed up', async () => {
    const a = freshRepo();
    await filledThroughRepository(a.repo);
    const sample = sampleLibrary();
    await a.db.transaction('rw', a.db.clips, a.db.highlights, async () => {
      await a.db.clips.bulkAdd(sample.clips);
      await a.db.highlights.bulkAdd(sample.highlights);
    });
    for (const c of sample.collections) expect((await a.repo.collections.restore(c)).ok).toBe(true);
    const text = await backUp(a.repo, sampleSettings(), 2);

    const b = freshRepo();
    const restored = await restore(b.repo, text);
    expect(restored).toEqual({ ok: true, value: { siteRules: 1, collections: 4, highlights: 3, clips: 4 } });
    expect(await b.repo.backup.snapshot()).toEqual(await a.repo.backup.snapshot());
    expect(await rawTables(b.db)).toEqual(await rawTables(a.db));
    // And what the user sees through the repository is the same.
    expect(await b.repo.listClips()).toEqual(await a.repo.listClips());
    expect(await b.repo.listAllHighlights()).toEqual(await a.repo.listAllHighlights());
    expect(await b.repo.collections.list()).toEqual(await a.repo.collections.list());
    expect(await b.repo.listTags()).toEqual(await a.repo.listTags());
    // A second backup of the restored library holds the same (keys may come in another order: zod writes schema order).
    expect(JSON.parse(await backUp(b.repo))).toEqual(JSON.parse(text));
  });

  it('replaces a library that already has pages in it (nothing of the old one stays)', async () => {
    const a = freshRepo();
    await a.repo.backup.replaceAll(sampleLibrary());
    const text = await backUp(a.repo);
    const b = freshRepo();
    await filledThroughRepository(b.repo);
    expect((await restore(b.repo, text)).ok).toBe(true);
    expect(await b.repo.backup.snapshot()).toEqual(await a.repo.backup.snapshot());
    expect((await b.repo.listClips()).map((c) => c.title)).not.toContain('Asthma');
  });

  it('all or nothing: a failure half way through a restore leaves the library exactly as it was', async () => {
    const { db, repo } = freshRepo();
    await filledThroughRepository(repo);
    const before = await rawTables(db);

    // A record the database refuses (the same key twice), after other tables were already cleared and refilled.
    const sample = sampleLibrary();
    const broken: LibrarySnapshot = { ...sample, clips: [...sample.clips, sample.clips[0]!] };
    const failed = await repo.backup.replaceAll(broken);
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.error.message).toMatch(/left exactly as it was/);
    expect(await rawTables(db)).toEqual(before);

    // A failure deep into the clips (a disk error on the 300th of 1,000).
    let written = 0;
    const fail = () => {
      if (++written === 300) throw new Error('disk hiccup');
    };
    db.clips.hook('creating', fail);
    const big: LibrarySnapshot = { ...sample, clips: Array.from({ length: 1_000 }, (_, i) => bulkClip(i, 200)) };
    expect((await repo.backup.replaceAll(big)).ok).toBe(false);
    db.clips.hook('creating').unsubscribe(fail);
    expect(written).toBe(300);
    expect(await rawTables(db)).toEqual(before);

    // Records that do not fit the model never reach the database.
    const invalid = { ...sample, highlights: [{ ...sample.highlights[0]!, meaning: 'shouting' }] };
    // @ts-expect-error: a record of the wrong shape, as a damaged file could hold
    expect((await repo.backup.replaceAll(invalid)).ok).toBe(false);
    expect(await rawTables(db)).toEqual(before);
  });

  it('reads the library in pages inside one transaction, in table order', async () => {
    const { repo } = freshRepo();
    await repo.backup.replaceAll({ ...sampleLibrary(), clips: Array.from({ length: 23 }, (_, i) => bulkClip(i, 50)) });
    const pages: [string, number][] = [];
    await repo.backup.read({ start: () => undefined, page: ({ table, rows }) => pages.push([table, rows.length]) }, 10);
    expect(pages).toEqual([['siteRules', 1], ['collections', 3], ['highlights', 2], ['clips', 10], ['clips', 10], ['clips', 3]]);
    // The file lists tables in the order the store reads them (the writer cannot reopen a table).
    expect(LIBRARY_TABLES).toEqual(BACKUP_TABLES);
  });

  it('10,000 clips: back up and restore (time printed, not asserted)', async () => {
    const a = freshRepo();
    const clips = Array.from({ length: 10_000 }, (_, i) => bulkClip(i, 2_000));
    await a.repo.backup.replaceAll({ ...sampleLibrary(), clips });
    const t0 = performance.now();
    const text = await backUp(a.repo);
    const t1 = performance.now();
    const parsed = parseBackup(text);
    const t2 = performance.now();
    if (!parsed.ok) throw new Error(parsed.error.message);
    const b = freshRepo();
    const { siteRules, collections, highlights } = parsed.value;
    const restored = await b.repo.backup.replaceAll({ siteRules, collections, highlights, clips: parsed.value.clips });
    const t3 = performance.now();
    expect(restored.ok && restored.value.clips).toBe(10_000);
    expect(await b.db.clips.count()).toBe(10_000);
    console.log(
      `[backup bench] 10,000 clips (~4 KB of text and HTML each), fake-indexeddb in Node: ` +
        `file ${(text.length / 1e6).toFixed(1)} MB; back up ${(t1 - t0).toFixed(0)} ms, ` +
        `parse + validate ${(t2 - t1).toFixed(0)} ms, restore ${(t3 - t2).toFixed(0)} ms`,
    );
  }, 120_000);
});
