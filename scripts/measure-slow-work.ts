import './node-i18n';
import 'fake-indexeddb/auto';
/**
 * How long the library's slow operations take at realistic sizes, on
 * fake-indexeddb in Node (slower than Chromium's IndexedDB for writes, so an
 * upper bound): which need a progress bar (over half a second) and which do
 * not. Run: `npx tsx scripts/measure-slow-work.ts [pages]` (default 5,000).
 */
import { BackupWriter } from '../lib/exchange/backup';
import { collectionMarkdown } from '../lib/consult/markdown';
import { collectionCsv } from '../lib/exchange/csv';
import { importAddresses, planImport } from '../lib/exchange/import-plan';
import { LibraryDb } from '../lib/db/library-db';
import { LibrarySearch } from '../lib/db/library-search';
import { LibraryRepository } from '../lib/db/repository';
import type { NewLinkClip } from '../lib/db/link-import-store';
import { bulkClip, sampleLibrary } from '../tests/helpers/sample-library';
import { fileItem, sampleFile } from '../tests/unit/lib/exchange/sample-file';

const pages = Number(process.argv[2] ?? 5_000);
const n = pages.toLocaleString('en-GB');
let id = 0;
const db = new LibraryDb('measure-slow-work');
const repo = new LibraryRepository(db, { now: () => new Date('2026-11-24T10:00:00Z'), newId: () => `m-${++id}` });

async function time<T>(what: string, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const value = await run();
  console.log(`${what.padEnd(58)} ${Math.round(performance.now() - started).toLocaleString('en-GB').padStart(7)} ms`); // i18n-ignore: console output
  return value;
}

const clips = Array.from({ length: pages }, (_, i) => bulkClip(i, 4_000));
const restored = await time(`restore a backup of ${n} pages (4 KB each)`, () => repo.backup.replaceAll({ ...sampleLibrary(), clips }));
if (!restored.ok) throw new Error(restored.error.message);
await time(`back up ${n} pages into backup text`, async () => {
  let size = 0;
  let writer: BackupWriter | undefined;
  await repo.backup.read({
    start: (counts) => {
      writer = new BackupWriter({ exportedAt: '2026-11-24T10:00:00.000Z', appVersion: '0.1.0', counts, settings: { annotatePages: false, autoHighlights: false, annotateHiddenHosts: [], rulePacks: [], prescriber: { service: '', clinician: '', contact: '' } } }, (c) => (size += c.length));
    },
    page: ({ table, rows }) => writer?.rows(table, rows),
  });
  writer?.finish();
  return size;
});
const links: NewLinkClip[] = Array.from({ length: pages }, (_, i) => ({
  kind: 'link',
  url: `https://www.example-links.org/${i}/`,
  canonicalUrl: `https://www.example-links.org/${i}/`,
  title: `Link ${i}`,
  tags: [],
  note: '',
  sourceVerdict: { type: 'unknown', confidence: 0.2, reasons: ['Not known yet.'] }, // i18n-ignore: test data
  signals: [],
}));
await time(`link import: preview ${n} bookmarks`, () => repo.linkImport.plan(links));
await time(`link import: add ${n} bookmarks`, () => repo.linkImport.apply(links));
const file = sampleFile(Array.from({ length: 1_000 }, (_, i) => fileItem(`conditions/measure-${i}`)));
const plan = await time('collection import: preview a 1,000-page file', async () => planImport(file, await repo.collections.importLibraryFor(importAddresses(file))));
const imported = await time('collection import: add 1,000 pages and the collection', () => repo.collections.applyImport(plan));
if (!imported.ok) throw new Error(imported.error.message);
const resolved = await time('list export: look up a 1,000-item list', () => repo.collections.resolve(imported.value.collection.id));
if (resolved) {
  await time('list export: Markdown of a 1,000-item list', () => collectionMarkdown(resolved, [], new Date()).length);
  await time('list export: CSV of a 1,000-item list', () => collectionCsv(resolved, [], { now: new Date() }).length);
}
await time(`search index: build for ${(await db.clips.count()).toLocaleString('en-GB')} clips`, async () => {
  const search = new LibrarySearch(db);
  await search.open();
  await search.rebuild();
});
db.close();
