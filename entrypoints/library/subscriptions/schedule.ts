import { browser } from 'wxt/browser';
import type { LibraryRepository } from '../../../lib/db/repository';
import { SUBSCRIPTION_ALARM, SUBSCRIPTION_ALARM_MINUTES } from '../../../lib/exchange/check-subscription';
import type { SubscriptionSchedule } from '../../../lib/model/collection';
import { fail, type Result } from '../../../lib/model/result';
import { t } from '../../../lib/i18n';

/**
 * Turning a followed collection's scheduled check on or off. On: the
 * browser is asked for the optional `alarms` permission (inside the click),
 * then the hourly alarm is set (the background also sets it when the
 * permission arrives). Off for the last one: the alarm goes and the
 * permission is given back.
 */
export async function setSchedule(repo: LibraryRepository, id: string, schedule: SubscriptionSchedule): Promise<Result<unknown>> {
  // Firefox lists alarms as a required permission (it cannot be optional there, see wxt.config.ts) and
  // refuses to "request" a permission not declared optional, so it is asked for only where it is optional.
  const optional = browser.runtime.getManifest().optional_permissions?.includes('alarms') ?? false;
  if (schedule !== 'off' && optional) {
    // Must come first in the click: browsers only ask during a user gesture.
    const granted = await browser.permissions.request({ permissions: ['alarms'] }).catch(() => false);
    if (!granted) return fail('no-permission', t('follow.scheduleRefused'));
  }
  const saved = await repo.subscriptions.setSchedule(id, schedule);
  if (!saved.ok) return saved;
  const anyOn = (await repo.subscriptions.list()).some((c) => c.subscription && c.subscription.schedule !== 'off');
  if (anyOn) {
    if (browser.alarms && !((await browser.alarms.getAll()).some((a) => a.name === SUBSCRIPTION_ALARM))) {
      await browser.alarms.create(SUBSCRIPTION_ALARM, { periodInMinutes: SUBSCRIPTION_ALARM_MINUTES, delayInMinutes: 1 });
    }
  } else {
    await browser.alarms?.clear(SUBSCRIPTION_ALARM).catch(() => false);
    if (optional) await browser.permissions.remove({ permissions: ['alarms'] }).catch(() => false);
  }
  return saved;
}
