import { StatusMessage } from '../../../components/StatusMessage';
import { useObservable } from '../../../components/hooks/use-observable';
import type { LibraryRepository } from '../../../lib/db/repository';
import { listHref } from '../use-hash-route';
import { FollowForm } from './FollowForm';
import { SubscriptionRow } from './SubscriptionRow';
import '../import/import.css';
import './subscriptions.css';

export interface SubscriptionsViewProps {
  repo: LibraryRepository;
}

/** `#subscriptions`: follow a collection published at a web address, and check the ones followed for changes. */
export function SubscriptionsView({ repo }: SubscriptionsViewProps) {
  const { value: followed, error } = useObservable(() => repo.subscriptions.observeList(), []);

  return (
    <main class="hc-subscriptions">
      <p><a href="#lists">Back to collections and lists</a></p>
      <h1>Collections you follow</h1>
      {error ? <StatusMessage tone="error">The collections you follow could not be read. Reload this page.</StatusMessage> : null}
      <FollowForm repo={repo} followed={followed ?? []} onFollowed={(c) => (location.hash = listHref(c.id))} />
      <section aria-labelledby="hc-followed-heading">
        <h2 id="hc-followed-heading">Following</h2>
        {followed === undefined ? (
          <p role="status">Loading…</p>
        ) : followed.length ? (
          <ul class="hc-follows" aria-label="Collections you follow">
            {followed.map((c) => <SubscriptionRow key={c.id} repo={repo} collection={c} />)}
          </ul>
        ) : (
          <p class="hc-muted">None yet. When you follow a collection, it appears here with “Check now”.</p>
        )}
      </section>
      <section class="hc-hint" aria-labelledby="hc-follow-privacy">
        <h2 id="hc-follow-privacy" class="hc-follow__small-heading">What is sent when a collection is checked</h2>
        <p>
          Only a request for the file at the address you follow, with no cookies, and the date or version of the copy you have so an unchanged file
          is not downloaded again. Nothing from your library is sent. Changes are shown to you first; they are never applied by themselves.
        </p>
      </section>
    </main>
  );
}
