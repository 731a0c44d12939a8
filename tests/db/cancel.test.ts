import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkOptions } from '../../lib/db/backup-store';
import { LibraryDb } from '../../lib/db/library-db';
import { LibraryRepository } from '../../lib/db/repository';
import type { NewLinkClip } from '../../lib/db/link-import-store';
import { importAddresses, planImport } from '../../lib/exchange/import-plan';
import type { Progress } from '../../lib/progress/progress';
import { fingerprintLibrary } from '../helpers/import-fuzz';
import { bulkClip, sampleLibrary } from '../helpers/sample-library';
import { fileHighlight, fileItem, sampleFile } from '../unit/lib/exchange/sample-file';

/**
 * Cancelling slow work at several points: before it starts, after the first
 * batch, in the middle, and at the last batch it can still stop. A cancelled
 * import or restore must leave every table exactly as it was (the whole
 * library fingerprinted, search journal included), and say 'cancelled'.
 */
const opened: LibraryDb[] = [];
let n = 0;
async function seededRepo(): Promise<{ db: LibraryDb; repo: LibraryRepository }> {
  const db = new LibraryDb(`cancel-${++n}`);
  opened.push(db);
  let id = 0;
  const repo = new LibraryRepository(db, { now: () => new Date('2026-11-24T10:00:00Z'), newId: () => `new-${++id}` });
  const seeded = await repo.backup.replaceAll(sampleLibrary());
  if (!seeded.ok) throw new Error(seeded.error.message);
  return { db, repo };
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** Options that cancel once `at` units are reported done (0: cancelled before the work starts), recording every report. */
function cancelAt(at: number): WorkOptions & { reports: Progress[] } {
  const controller = new AbortController();
  const reports: Progress[] = [];
  if (at === 0) controller.abort();
  return {
    signal: controller.signal,
    reports,
    onProgress: (p) => {
      reports.push(p);
      if (p.done >= at) controller.abort();
    },
  };
}

function links(count: number): NewLinkClip[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'link',
    url: `https://www.example-health.org/links/${i}/`,
    canonicalUrl: `https://www.example-health.org/links/${i}/`,
    title: `Link ${i}`,
    tags: [],
    note: '',
    sourceVerdict: { type: 'unknown', confidence: 0.2, reasons: ['Not known yet.'] },
    signals: [],
  }));
}

describe('cancelling a restore', () => {
  const backup = () => {
    const lib = sampleLibrary();
    return { ...lib, clips: [...lib.clips, ...Array.from({ length: 1_200 }, (_, i) => bulkClip(i, 500))] };
  };

  it.each([0, 1, 600, 1_000])('cancelled after %i records: the old library stays exactly as it was', async (at) => {
    const { db, repo } = await seededRepo();
    const before = await fingerprintLibrary(db);
    const options = cancelAt(at);
    const result = await repo.backup.replaceAll(backup(), options);
    expect(result.ok ? 'restored' : result.error.code).toBe('cancelled');
    expect(await fingerprintLibrary(db)).toBe(before);
    if (at > 0) expect(options.reports.length).toBeGreaterThan(0);
  });

  it('runs to the end without a cancel, reporting progress up to every record', async () => {
    const { db, repo } = await seededRepo();
    const before = await fingerprintLibrary(db);
    const options = cancelAt(Infinity);
    const result = await repo.backup.replaceAll(backup(), options);
    expect(result.ok && result.value.clips).toBe(backup().clips.length);
    expect(await fingerprintLibrary(db)).not.toBe(before);
    const total = options.reports.at(-1)?.total ?? 0;
    expect(options.reports.at(-1)).toEqual({ done: total, total });
    expect(options.reports.length).toBeGreaterThan(5);
  });
});

describe('cancelling a link import', () => {
  it.each([0, 1, 1_000, 2_750])('cancelled after %i links: nothing is added', async (at) => {
    const { db, repo } = await seededRepo();
    const before = await fingerprintLibrary(db);
    const result = await repo.linkImport.apply(links(3_000), cancelAt(at));
    expect(result.ok ? 'added' : result.error.code).toBe('cancelled');
    expect(await fingerprintLibrary(db)).toBe(before);
  });

  it('adds every link when not cancelled', async () => {
    const { db, repo } = await seededRepo();
    const options = cancelAt(Infinity);
    const result = await repo.linkImport.apply(links(3_000), options);
    expect(result.ok && result.value.added).toBe(3_000);
    expect(await db.clips.count()).toBe(sampleLibrary().clips.length + 3_000);
    expect(options.reports.at(-1)).toEqual({ done: 3_000, total: 3_000 });
  });
});

describe('cancelling a collection import', () => {
  const file = () =>
    sampleFile([...Array.from({ length: 800 }, (_, i) => fileItem(`conditions/page-${i}`)), ...Array.from({ length: 400 }, (_, i) => fileHighlight(`conditions/page-${i}`, `Passage ${i}`))]);

  it.each([0, 1, 500, 1_000])('cancelled after %i writes: no page, highlight or collection is added', async (at) => {
    const { db, repo } = await seededRepo();
    const plan = planImport(file(), await repo.collections.importLibraryFor(importAddresses(file())));
    const before = await fingerprintLibrary(db);
    const result = await repo.collections.applyImport(plan, cancelAt(at));
    expect(result.ok ? 'imported' : result.error.code).toBe('cancelled');
    expect(await fingerprintLibrary(db)).toBe(before);
  });

  it('imports everything when not cancelled', async () => {
    const { db, repo } = await seededRepo();
    const plan = planImport(file(), await repo.collections.importLibraryFor(importAddresses(file())));
    const options = cancelAt(Infinity);
    const result = await repo.collections.applyImport(plan, options);
    expect(result.ok && [result.value.addedPages, result.value.addedHighlights]).toEqual([800, 400]);
    expect(await db.collections.count()).toBe(sampleLibrary().collections.length + 1);
    expect(options.reports.at(-1)).toEqual({ done: 1_201, total: 1_201 });
  });
});

describe('cancelling a backup', () => {
  it.each([0, 1, 500])('cancelled after %i records: the read stops and says so', async (at) => {
    const { db, repo } = await seededRepo();
    await db.clips.bulkAdd(Array.from({ length: 1_000 }, (_, i) => bulkClip(i, 300)));
    const before = await fingerprintLibrary(db);
    let pages = 0;
    const result = await repo.backup.read({ start: () => undefined, page: () => void pages++ }, 100, cancelAt(at));
    expect(result.ok ? 'read' : result.error.code).toBe('cancelled');
    expect(pages).toBeLessThan(11);
    expect(await fingerprintLibrary(db)).toBe(before);
  });
});
