import { Dexie, type DBCore, type Middleware } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryDb } from '../../lib/db/library-db';
import { LibraryRepository } from '../../lib/db/repository';
import { importAddresses, planImport } from '../../lib/exchange/import-plan';
import { draftsToLinkClips } from '../../lib/exchange/link-drafts';
import type { Result } from '../../lib/model/result';
import { bulkClip, sampleLibrary } from '../helpers/sample-library';
import { fileHighlight, fileItem, sampleFile } from '../unit/lib/exchange/sample-file';

/**
 * A full disk in the middle of a write: a DBCore middleware makes the Nth
 * write from now fail with QuotaExceededError, as IndexedDB does when the
 * origin's quota or the disk runs out. Every writing path must then leave
 * the library exactly as it was and say so in plain words.
 */
class DiskFull {
  private left = Infinity;
  /** The error the failing write gets: a quota by default, or what Chromium says when the disk itself is full. */
  error = (): Error => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  /** Writes that went through since the last `after` or `clear` (to check a test fails writes mid-way, not only the first). */
  written = 0;
  /** Fails the write after `okWrites` more have gone through. */
  after(okWrites: number): void {
    this.left = okWrites;
    this.written = 0;
  }
  /** Space again. */
  clear(): void {
    this.left = Infinity;
    this.written = 0;
  }
  readonly middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'disk-full',
    // Below every other middleware (the search journal is 1.5), next to IndexedDB: it sees every write.
    level: 0,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            if (this.left <= 0) return Promise.reject(this.error());
            this.left--;
            this.written++;
            return table.mutate(req);
          },
        };
      },
    }),
  };
}

let db: LibraryDb;
let repo: LibraryRepository;
let disk: DiskFull;
let n = 0;
beforeEach(async () => {
  disk = new DiskFull();
  db = new LibraryDb(`quota-${++n}`);
  db.use(disk.middleware);
  let id = 0;
  repo = new LibraryRepository(db, { now: () => new Date('2026-11-24T10:00:00Z'), newId: () => `new-${++id}` });
  const filled = await repo.backup.replaceAll(sampleLibrary());
  if (!filled.ok) throw new Error(filled.error.message);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** Every record of every table (search journal and index included): the library, byte for byte. */
async function dump(): Promise<string> {
  return JSON.stringify(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));
}

/** The failure the user is shown: full disk, what did not happen, that nothing changed, and what to do. */
function expectDiskFullMessage(result: Result<unknown>, notDone: string): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('storage-full');
  expect(result.error.message).toContain(`There is no room left on this computer for your library, so ${notDone}.`);
  expect(result.error.message).toContain('Nothing already in your library was changed.');
  expect(result.error.message).toContain('Free up some disk space, or delete saved pages you no longer need, then try again.');
  expect(result.error.message).toContain('make a backup');
}

const verdict = { type: 'official' as const, confidence: 0.9, reasons: ['nhs.uk is an NHS website.'] };
const BIG_PAGE = {
  kind: 'article' as const,
  facts: { url: 'https://www.nhs.uk/big/', canonicalUrl: 'https://www.nhs.uk/big/', title: 'A very long page', signals: [] },
  contentText: 'Long text. '.repeat(50_000),
  contentHtml: `<p>${'Long text. '.repeat(50_000)}</p>`,
  tags: ['big'],
  note: '',
};

describe('a full disk during a write leaves the library exactly as it was', () => {
  it('saving a page: a clear message, nothing written, and the next save works once there is room', async () => {
    const before = await dump();
    disk.after(0);
    expectDiskFullMessage(await repo.saveClip(BIG_PAGE, verdict), 'the page was not saved');
    expect(await dump()).toBe(before);
    // The clip is written, then the search journal: a failure at the second write undoes the first.
    disk.after(1);
    expectDiskFullMessage(await repo.saveClip(BIG_PAGE, verdict), 'the page was not saved');
    expect(await dump()).toBe(before);
    disk.clear();
    const saved = await repo.saveClip(BIG_PAGE, verdict);
    expect(saved.ok && saved.value.duplicate).toBe(false);
    expect(disk.written).toBe(2);
    expect(await db.clips.count()).toBe(sampleLibrary().clips.length + 1);
  });

  it('saving a highlight', async () => {
    const clip = sampleLibrary().clips[0]!;
    const before = await dump();
    for (const okWrites of [0, 1]) {
      disk.after(okWrites);
      const result = await repo.addHighlight({ clipId: clip.id, canonicalUrl: clip.canonicalUrl, quote: { exact: 'HbA1c', prefix: '', suffix: '' }, meaning: 'question', note: 'ask' });
      expectDiskFullMessage(result, 'the highlight was not saved');
      expect(await dump()).toBe(before);
    }
  });

  it('importing a collection file: all or nothing', async () => {
    const file = sampleFile([
      fileItem('conditions/asthma', { note: 'For the kids' }),
      fileItem('conditions/eczema'),
      fileHighlight('conditions/eczema', 'Use emollients every day', 'Daily'),
    ]);
    const plan = planImport(file, await repo.collections.importLibraryFor(importAddresses(file)));
    const before = await dump();
    for (const okWrites of [0, 1, 2, 3]) {
      disk.after(okWrites);
      expectDiskFullMessage(await repo.collections.applyImport(plan), 'nothing was imported');
      expect(await dump()).toBe(before);
    }
    disk.clear();
    expect((await repo.collections.applyImport(plan)).ok).toBe(true);
    expect(disk.written).toBeGreaterThan(3);
  });

  it('adding 1,200 links from another tool: all or nothing, even when the disk fills after the first 500', async () => {
    const links = draftsToLinkClips(Array.from({ length: 1_200 }, (_, i) => ({ url: `https://www.example.org/page/${i}`, title: `Page ${i}`, tags: [], note: '' })));
    const before = await dump();
    for (const okWrites of [0, 1, 2]) {
      disk.after(okWrites);
      expectDiskFullMessage(await repo.linkImport.apply(links), 'no links were added');
      expect(await dump()).toBe(before);
    }
    disk.clear();
    expect(await repo.linkImport.apply(links)).toEqual({ ok: true, value: { added: 1_200, alreadyThere: 0 } });
    expect(disk.written).toBeGreaterThan(2);
  });

  it('restoring a backup: the library being replaced is kept whole', async () => {
    const other = { siteRules: [], collections: [], highlights: [], clips: Array.from({ length: 600 }, (_, i) => bulkClip(i + 1, 500)) };
    const before = await dump();
    // Four tables cleared (and journalled), then the new records in pages of 250: fail at each stage.
    for (const okWrites of [0, 3, 6, 9]) {
      disk.after(okWrites);
      expectDiskFullMessage(await repo.backup.replaceAll(other), 'the backup was not restored');
      expect(await dump()).toBe(before);
    }
    disk.clear();
    expect((await repo.backup.replaceAll(other)).ok).toBe(true);
    expect(disk.written).toBeGreaterThan(9);
  });

  it('editing a note keeps the old note', async () => {
    const clip = sampleLibrary().clips[0]!;
    const before = await dump();
    disk.after(0);
    expectDiskFullMessage(await repo.updateClip(clip.id, { note: 'A new note' }), 'this was not saved');
    expect(await dump()).toBe(before);
  });

  it('knows a full disk as Chromium reports it (large values: "Failed to write blobs (IOError)")', async () => {
    const before = await dump();
    disk.error = () => new DOMException('Failed to write blobs (IOError)', 'DataError');
    disk.after(0);
    expectDiskFullMessage(await repo.saveClip(BIG_PAGE, verdict), 'the page was not saved');
    expect(await dump()).toBe(before);
  });

  it('gives a disk that is probably full as the first thing to check when Chromium says only "Internal error"', async () => {
    const before = await dump();
    disk.error = () => new DOMException('Internal error committing transaction.', 'UnknownError');
    disk.after(0);
    const result = await repo.saveClip(BIG_PAGE, verdict);
    expect(result).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    if (!result.ok) {
      expect(result.error.message).toContain('so the page was not saved. Nothing already in your library was changed.');
      expect(result.error.message).toContain('This usually happens when the computer’s disk is full. Free up some disk space, then try again.');
    }
    expect(await dump()).toBe(before);
  });
});
