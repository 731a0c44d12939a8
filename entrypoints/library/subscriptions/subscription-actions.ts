import { formatDay } from '../../../lib/consult/format';
import type { LibraryRepository } from '../../../lib/db/repository';
import type { AppliedUpdate, Download } from '../../../lib/db/subscription-store';
import type { CollectionFile } from '../../../lib/exchange/collection-file';
import { fetchCollection } from '../../../lib/exchange/fetch-collection';
import { importAddresses, planImport, type ImportPlan } from '../../../lib/exchange/import-plan';
import { diffSubscription, hashEntries, hasChanges, type SubscriptionDiff } from '../../../lib/exchange/subscription-diff';
import { entriesFromFile, entriesFromResolved } from '../../../lib/exchange/subscription-entries';
import type { Collection } from '../../../lib/model/collection';
import { fail, ok, type Result } from '../../../lib/model/result';
import { t } from '../../../lib/i18n';

/**
 * What the subscriptions page does with a published address: look at a
 * list before following it, check a followed one for changes, apply them.
 * Each makes exactly one request to the address (fetchCollection).
 */

/** The page's own fetch, passed in so lib/exchange stays free of globals. */
const pageFetch = (input: string, init: RequestInit) => fetch(input, init);

/** A published list fetched and planned, waiting for "Add to my library and follow". */
export interface FollowPreview {
  url: string;
  plan: ImportPlan;
  download: Download;
}

/** The validators and fingerprint of a download. */
async function downloadOf(file: CollectionFile, etag?: string, lastModified?: string): Promise<Download> {
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}), itemsHash: await hashEntries(entriesFromFile(file)) };
}

/** What importing this file would do to the library (the import page's own planner). */
async function planFor(repo: LibraryRepository, file: CollectionFile): Promise<ImportPlan> {
  return planImport(file, await repo.collections.importLibraryFor(importAddresses(file)));
}

/** Fetches a list to follow and works out what adding it would do. */
export async function previewFollow(repo: LibraryRepository, url: string): Promise<Result<FollowPreview>> {
  const fetched = await fetchCollection(url, { fetch: pageFetch });
  if (!fetched.ok) return fetched;
  if (fetched.value.status !== 'changed') return fail('unexpected', t('follow.noList'));
  const { file, etag, lastModified } = fetched.value;
  return ok({ url, plan: await planFor(repo, file), download: await downloadOf(file, etag, lastModified) });
}

/** The outcome of "Check now". */
export type CheckOutcome =
  | { kind: 'unchanged'; message: string }
  | { kind: 'changes'; diff: SubscriptionDiff; file: CollectionFile; download: Download }
  | { kind: 'problem'; message: string };

/** "No changes since 24 November 2026": the publisher's own date when the server gives one, else when the list last came in. */
function noChangesSince(collection: Collection, lastModified: string | undefined): string {
  const modified = lastModified && !Number.isNaN(Date.parse(lastModified)) ? new Date(lastModified).toISOString() : undefined;
  const since = formatDay(modified ?? collection.subscription?.appliedAt ?? collection.createdAt);
  return since ? t('follow.noChangesSince', { date: since }) : t('follow.noChanges');
}

/**
 * "Check now": asks the address with the validators of the last applied
 * download. 304, the same items (a re-export), or items the library
 * already matches: no changes. Otherwise the diff, for the user to apply.
 */
export async function checkNow(repo: LibraryRepository, collection: Collection): Promise<CheckOutcome> {
  const s = collection.subscription;
  if (!s) return { kind: 'problem', message: t('db.collectionNotFollowed') };
  const fetched = await fetchCollection(s.url, {
    fetch: pageFetch,
    validators: { ...(s.etag ? { etag: s.etag } : {}), ...(s.lastModified ? { lastModified: s.lastModified } : {}) },
  });
  if (!fetched.ok) {
    await repo.subscriptions.recordCheck(collection.id, { lastProblem: fetched.error.message });
    return { kind: 'problem', message: fetched.error.message };
  }
  if (fetched.value.status === 'unchanged') {
    await repo.subscriptions.recordCheck(collection.id, { changesWaitingAt: null, lastProblem: null });
    return { kind: 'unchanged', message: noChangesSince(collection, s.lastModified) };
  }
  const { file, etag, lastModified } = fetched.value;
  const download = await downloadOf(file, etag, lastModified);
  const resolved = await repo.collections.resolve(collection.id);
  const diff = diffSubscription(resolved ? entriesFromResolved(resolved) : [], entriesFromFile(file));
  if (download.itemsHash === s.lastItemsHash || !hasChanges(diff)) {
    await repo.subscriptions.recordCheck(collection.id, { sameItems: download, changesWaitingAt: null, lastProblem: null });
    return { kind: 'unchanged', message: noChangesSince(collection, lastModified) };
  }
  await repo.subscriptions.recordCheck(collection.id, { lastProblem: null });
  return { kind: 'changes', diff, file, download };
}

/** "Apply these changes": plans the published file against the library as an import would, and applies it in one transaction. */
export async function applyChanges(repo: LibraryRepository, id: string, file: CollectionFile, download: Download): Promise<Result<AppliedUpdate>> {
  return repo.subscriptions.applyUpdate(id, await planFor(repo, file), download);
}
