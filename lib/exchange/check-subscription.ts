import type { Subscription } from '../model/collection';
import { fetchCollection, type FetchLike } from './fetch-collection';
import { hashEntries } from './subscription-diff';
import { entriesFromFile } from './subscription-entries';

/**
 * The scheduled check of a followed collection (opt-in, per collection):
 * it only finds out whether the published list changed since the user last
 * applied it. It never changes the library; the user sees the changes and
 * applies them on the subscriptions page.
 */

/** The one alarm that wakes the background to check the followed collections that are due. */
export const SUBSCRIPTION_ALARM = 'hc-subscription-checks';
/** How often the alarm fires; each collection is checked only when its day or week is up. */
export const SUBSCRIPTION_ALARM_MINUTES = 60;

const HOUR = 3_600_000;
/** A little under a day or a week, so an hourly alarm never slips a whole period late. */
const DUE_AFTER: Record<Exclude<Subscription['schedule'], 'off'>, number> = { daily: 23.5 * HOUR, weekly: 7 * 24 * HOUR - 0.5 * HOUR };

/** Whether a scheduled check is due now (never when the schedule is off). */
export function isCheckDue(subscription: Subscription, now: Date): boolean {
  if (subscription.schedule === 'off') return false;
  const last = Date.parse(subscription.checkedAt);
  return Number.isNaN(last) || now.getTime() - last >= DUE_AFTER[subscription.schedule];
}

/** What a scheduled check found: changes waiting or not, or a problem to show the user. */
export type ScheduledCheck = { changed: boolean } | { problem: string };

/**
 * Asks the address whether the list changed (If-None-Match /
 * If-Modified-Since from the last applied download). A 200 with the same
 * items as last applied (a re-export, a server without ETags) is no change.
 */
export async function checkForChanges(subscription: Subscription, fetch: FetchLike): Promise<ScheduledCheck> {
  const result = await fetchCollection(subscription.url, {
    fetch,
    validators: { ...(subscription.etag ? { etag: subscription.etag } : {}), ...(subscription.lastModified ? { lastModified: subscription.lastModified } : {}) },
  });
  if (!result.ok) return { problem: result.error.message };
  if (result.value.status === 'unchanged') return { changed: false };
  const hash = await hashEntries(entriesFromFile(result.value.file));
  return { changed: hash !== subscription.lastItemsHash };
}
