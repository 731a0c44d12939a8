import { StatusMessage } from '../../../components/StatusMessage';
import { useObservable } from '../../../components/hooks/use-observable';
import type { LibraryRepository } from '../../../lib/db/repository';
import { listHref } from '../use-hash-route';
import { FollowForm } from './FollowForm';
import { SubscriptionRow } from './SubscriptionRow';
import '../import/import.css';
import './subscriptions.css';
import { t } from '../../../lib/i18n';

export interface SubscriptionsViewProps {
  repo: LibraryRepository;
}

/** `#subscriptions`: follow a collection published at a web address, and check the ones followed for changes. */
export function SubscriptionsView({ repo }: SubscriptionsViewProps) {
  const { value: followed, error } = useObservable(() => repo.subscriptions.observeList(), []);

  return (
    <main class="hc-subscriptions">
      <p><a href="#lists">{t('follow.back')}</a></p>
      <h1>{t('library.title.subscriptions')}</h1>
      {error ? <StatusMessage tone="error">{t('follow.unreadable')}</StatusMessage> : null}
      <FollowForm repo={repo} followed={followed ?? []} onFollowed={(c) => (location.hash = listHref(c.id))} />
      <section aria-labelledby="hc-followed-heading">
        <h2 id="hc-followed-heading">{t('follow.following')}</h2>
        {followed === undefined ? (
          <p role="status">{t('library.loading')}</p>
        ) : followed.length ? (
          <ul class="hc-follows" aria-label={t('library.title.subscriptions')}>
            {followed.map((c) => <SubscriptionRow key={c.id} repo={repo} collection={c} />)}
          </ul>
        ) : (
          <p class="hc-muted">{t('follow.none')}</p>
        )}
      </section>
      <section class="hc-hint" aria-labelledby="hc-follow-privacy">
        <h2 id="hc-follow-privacy" class="hc-follow__small-heading">{t('follow.privacyHeading')}</h2>
        <p>{t('follow.privacy')}</p>
      </section>
    </main>
  );
}
