import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { StatusMessage } from '../../../components/StatusMessage';
import { LiveStatus } from '../../../components/LiveStatus';
import { formatDay, shortAddress } from '../../../lib/consult/format';
import type { LibraryRepository } from '../../../lib/db/repository';
import { originPattern } from '../../../lib/exchange/fetch-collection';
import type { Collection, SubscriptionSchedule } from '../../../lib/model/collection';
import { listHref } from '../use-hash-route';
import { ChangesPreview } from './ChangesPreview';
import { setSchedule } from './schedule';
import { applyChanges, checkNow, type CheckOutcome } from './subscription-actions';
import { t } from '../../../lib/i18n';

export interface SubscriptionRowProps {
  repo: LibraryRepository;
  collection: Collection;
}

type Status = { tone: 'success' | 'error' | 'info'; text: string } | undefined;

const scheduleWords = (schedule: SubscriptionSchedule): string =>
  schedule === 'daily' ? t('follow.schedule.daily') : schedule === 'weekly' ? t('follow.schedule.weekly') : t('follow.schedule.off');

/** When the moment was, with the time for today's checks. */
const when = (iso: string) => {
  const day = formatDay(iso);
  const time = new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return day === formatDay(new Date().toISOString()) ? t('follow.todayAt', { time }) : day;
};

/** One followed collection: where it comes from, when it was checked, Check now, the schedule, and the changes to apply. */
export function SubscriptionRow({ repo, collection }: SubscriptionRowProps) {
  const subscription = collection.subscription;
  const [outcome, setOutcome] = useState<CheckOutcome | undefined>();
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  if (!subscription) return null;
  const headingId = `hc-follow-${collection.id}`;
  const host = new URL(subscription.url).host;

  const check = async () => {
    setStatus(undefined);
    setOutcome(undefined);
    // Inside the click, in case the access to this site was taken back since (resolves at once when it is still there).
    const granted = await browser.permissions.request({ origins: [originPattern(new URL(subscription.url))] }).catch(() => false);
    if (!granted) {
      setStatus({ tone: 'error', text: t('follow.noAccess', { host }) });
      return;
    }
    setBusy(true);
    setStatus({ tone: 'info', text: t('follow.checking', { host }) });
    const result = await checkNow(repo, collection);
    setBusy(false);
    setOutcome(result.kind === 'changes' ? result : undefined);
    setStatus(result.kind === 'changes' ? undefined : { tone: result.kind === 'problem' ? 'error' : 'success', text: result.message });
  };

  const apply = async () => {
    if (outcome?.kind !== 'changes') return;
    setBusy(true);
    const result = await applyChanges(repo, collection.id, outcome.file, outcome.download);
    setBusy(false);
    if (!result.ok) {
      setStatus({ tone: 'error', text: t('follow.applyFailed', { reason: result.error.message }) });
      return;
    }
    setOutcome(undefined);
    const applied = t('follow.applied', result.value.collection.items.length, { title: result.value.collection.title });
    const kept = result.value.keptYours ? ` ${t('follow.keptYours', result.value.keptYours)}` : '';
    setStatus({ tone: 'success', text: `${applied}${kept}` });
  };

  const schedule = async (value: SubscriptionSchedule) => {
    const result = await setSchedule(repo, collection.id, value);
    setStatus(
      result.ok
        ? { tone: 'success', text: value === 'off' ? t('follow.scheduleOff') : value === 'daily' ? t('follow.scheduleDaily', { host }) : t('follow.scheduleWeekly', { host }) }
        : { tone: 'error', text: result.error.message },
    );
  };

  const unfollow = async () => {
    const result = await repo.subscriptions.unfollow(collection.id);
    setStatus(result.ok ? undefined : { tone: 'error', text: result.error.message });
  };

  return (
    <li class="hc-follow" data-subscription-id={collection.id} aria-labelledby={headingId}>
      <h3 id={headingId} class="hc-follow__title"><a href={listHref(collection.id)}>{collection.title}</a></h3>
      <p class="hc-row__meta">
        <span>{t('follow.from', { address: shortAddress(subscription.url) })}</span>
        <span>{t('follow.items', collection.items.length)}</span>
        <span>{t('follow.lastChecked', { when: when(subscription.checkedAt) })}</span>
      </p>
      {subscription.changesWaitingAt && !outcome ? (
        <p class="hc-follow__waiting" data-testid="changes-waiting">
          <strong>{t('follow.changesWaiting')}</strong> {t('follow.changesWaitingWhen', { when: when(subscription.changesWaitingAt) })}
        </p>
      ) : null}
      {subscription.lastProblem ? <StatusMessage tone="error">{t('follow.lastProblem', { problem: subscription.lastProblem })}</StatusMessage> : null}
      <div class="hc-follow__controls">
        <button type="button" class="hc-primary" disabled={busy} onClick={() => void check()}>{t('follow.checkNow')}</button>
        <label class="hc-follow__schedule">
          {t('follow.checkForChanges')}
          <select value={subscription.schedule} onChange={(e) => void schedule(e.currentTarget.value === 'daily' || e.currentTarget.value === 'weekly' ? e.currentTarget.value : 'off')}>
            {(['off', 'daily', 'weekly'] as const).map((v) => <option key={v} value={v}>{scheduleWords(v)}</option>)}
          </select>
        </label>
        <button type="button" class="hc-danger" disabled={busy} aria-label={t('follow.stopNamed', { title: collection.title })} onClick={() => void unfollow()}>{t('follow.stop')}</button>
      </div>
      <LiveStatus status={status} />
      {outcome?.kind === 'changes' ? (
        <ChangesPreview title={collection.title} diff={outcome.diff} busy={busy} onApply={() => void apply()} onDismiss={() => setOutcome(undefined)} />
      ) : null}
    </li>
  );
}
