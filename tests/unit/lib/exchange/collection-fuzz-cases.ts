import { expect } from 'vitest';
import type { LibraryRepository } from '../../../../lib/db/repository';
import { collectionFileSchema, type CollectionFile } from '../../../../lib/exchange/collection-file';
import { importAddresses, planImport, type ImportPlan } from '../../../../lib/exchange/import-plan';
import { outcomeOf, type ImporterSteps, type Outcome } from '../../../helpers/import-fuzz';
import { fileHighlight, fileItem, sampleFile } from './sample-file';

/** What the collection-file and share-link fuzz tests share: the valid files they mutate and the import they run. */

/** Three valid files: a moderator's collection with a highlight, a reading list, a prescription. */
export function collectionBases(): CollectionFile[] {
  const collection = sampleFile([
    fileItem('conditions/type-2-diabetes', { note: 'Start here', siteName: 'NHS', publishedAt: '2024-01-02', lastReviewed: '2023-08-18T00:00:00.000Z', excerpt: 'About it' }),
    fileHighlight('conditions/type-2-diabetes', 'Type 2 diabetes is a common condition', 'Daily'),
    { ...fileItem('x'), url: 'https://forum.example.org/t/1', canonicalUrl: 'https://forum.example.org/t/1', sourceType: 'peer', private: true, byline: 'jo' },
  ]);
  collection.collection.curator = 'Riverside group';
  const item = collection.collection.items[1];
  if (item?.highlight) item.highlight.selectors.push({ type: 'TextPositionSelector', start: 3, end: 28 });
  const list = sampleFile([fileItem('a', { note: 'why' })], 'My appointment');
  list.collection = { ...list.collection, kind: 'reading-list', questions: [{ text: 'Can I drive?', answered: true, answer: 'Yes' }], whatMatters: 'Work', appointment: { date: '2026-12-03', with: 'Dr P' } };
  const rx = sampleFile([fileItem('b')], 'Asthma');
  rx.collection = { ...rx.collection, kind: 'prescription', condition: 'Asthma', prescriber: { service: 'Surgery' }, support: [{ name: 'Helpline', contact: '0300' }] };
  return [collection, list, rx];
}

/** The address the sample followed collection is published at. */
const PUBLISHED = 'https://moderator.example/list.json';

/** Follows the first sample file from an address, as the subscriptions page does; returns the collection's id. */
export async function followSampleCollection(repo: LibraryRepository): Promise<string> {
  const file = collectionBases()[0];
  if (!file) throw new Error('no sample file');
  const followed = await repo.subscriptions.importAndFollow(planImport(file, await repo.collections.importLibraryFor(importAddresses(file))), PUBLISHED, { itemsHash: 'h0' });
  if (!followed.ok) throw new Error(followed.error.message);
  return followed.value.id;
}

/**
 * Preview and apply as the pages run them. The applies take turns over the
 * three transactions that write a collection file into the library: an
 * import, following a published file, and applying a followed file's new
 * version to `followedId` (the same plan, each all or nothing).
 */
export function collectionSteps(repo: LibraryRepository, followedId: () => string): Omit<ImporterSteps<CollectionFile, ImportPlan>, 'read'> {
  let applies = 0;
  return {
    async preview(file): Promise<Outcome<ImportPlan>> {
      return { ok: true, value: planImport(file, await repo.collections.importLibraryFor(importAddresses(file))) };
    },
    async apply(plan) {
      switch (applies++ % 3) {
        case 0:
          return outcomeOf(await repo.collections.applyImport(plan));
        case 1:
          return outcomeOf(await repo.subscriptions.importAndFollow(plan, PUBLISHED, { itemsHash: 'h1' }));
        default:
          return outcomeOf(await repo.subscriptions.applyUpdate(followedId(), plan, { itemsHash: 'h2' }));
      }
    },
  };
}

/** What every accepted collection file must be, whatever was done to it. */
export function expectValidCollectionFile(file: CollectionFile, where: string): void {
  expect(collectionFileSchema.safeParse(file).success, `${where}: accepted a file the schema refuses`).toBe(true);
  for (const item of file.collection.items) expect(/^https?:\/\//i.test(item.url) && /^https?:\/\//i.test(item.canonicalUrl), `${where}: accepted ${item.url.slice(0, 60)}`).toBe(true);
}
