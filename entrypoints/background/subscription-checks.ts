import { browser } from 'wxt/browser';
import type { LibraryRepository } from '../../lib/db/repository';
import { checkForChanges, isCheckDue, SUBSCRIPTION_ALARM, SUBSCRIPTION_ALARM_MINUTES } from '../../lib/exchange/check-subscription';
import type { FetchLike } from '../../lib/exchange/fetch-collection';

/**
 * Opt-in scheduled checks of followed collections. The `alarms` permission
 * is optional in Chromium and asked for when the user turns on "check every
 * day/week"; until then `browser.alarms` does not exist here. A check that
 * finds changes only flags them ("changes waiting"); it never applies them.
 */

/** Checks each followed collection whose day or week is up, one at a time, and records what it found. */
export async function checkDueSubscriptions(repo: LibraryRepository, deps: { fetch: FetchLike; now: () => Date }): Promise<void> {
  for (const collection of await repo.subscriptions.list()) {
    const subscription = collection.subscription;
    if (!subscription || !isCheckDue(subscription, deps.now())) continue;
    const found = await checkForChanges(subscription, deps.fetch);
    if ('problem' in found) await repo.subscriptions.recordCheck(collection.id, { lastProblem: found.problem });
    else if (found.changed) await repo.subscriptions.recordCheck(collection.id, { changesWaitingAt: deps.now().toISOString(), lastProblem: null });
    else await repo.subscriptions.recordCheck(collection.id, { lastProblem: null });
  }
}

/** Keeps the hourly alarm while some followed collection has a schedule, and removes it otherwise. */
export async function syncSubscriptionAlarm(repo: LibraryRepository): Promise<void> {
  if (!browser.alarms) return;
  const wanted = (await repo.subscriptions.list()).some((c) => c.subscription && c.subscription.schedule !== 'off');
  // getAll rather than get: after the permission was granted at run time, alarms.get threw
  // "not available in this context" in the service worker (Chromium 156) while getAll worked.
  const existing = (await browser.alarms.getAll()).some((a) => a.name === SUBSCRIPTION_ALARM);
  if (wanted && !existing) await browser.alarms.create(SUBSCRIPTION_ALARM, { periodInMinutes: SUBSCRIPTION_ALARM_MINUTES, delayInMinutes: 1 });
  if (!wanted && existing) await browser.alarms.clear(SUBSCRIPTION_ALARM);
}

/**
 * Wiring: listens for the alarm (now if the permission is there, which is
 * how a service worker woken by the alarm hears it, or once it is granted)
 * and keeps the alarm in step with the schedules.
 */
export function registerSubscriptionChecks(repo: () => LibraryRepository): void {
  let listening = false;
  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name !== SUBSCRIPTION_ALARM) return;
    void checkDueSubscriptions(repo(), { fetch: (input, init) => fetch(input, init), now: () => new Date() })
      .then(() => syncSubscriptionAlarm(repo()))
      .catch(() => undefined);
  };
  const listen = () => {
    if (listening || !browser.alarms) return;
    browser.alarms.onAlarm.addListener(onAlarm);
    listening = true;
  };
  const sync = () => void syncSubscriptionAlarm(repo()).catch(() => undefined);
  listen();
  browser.permissions.onAdded.addListener((granted) => {
    if (!granted.permissions?.includes('alarms')) return;
    listen();
    sync();
  });
  browser.runtime.onStartup.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
}
