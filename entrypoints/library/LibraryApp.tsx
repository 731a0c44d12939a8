import { useEffect, useState } from 'preact/hooks';
import { StatusMessage } from '../../components/StatusMessage';
import { LiveStatus } from '../../components/LiveStatus';
import { getRepository, type DeletedClip } from '../../lib/db/repository';
import { lazy, Suspense } from 'preact/compat';
import { ClipListView } from './ClipListView';
import { UndoToast } from '../../components/UndoToast';
import { useHashRoute } from './use-hash-route';
import { useLastBackup } from './backup/use-last-backup';
import { LibraryWipedBanner } from './storage/LibraryWipedBanner';
import { goToRestore, useWipeNotice } from './storage/use-wipe-notice';
import { dismissLibraryWipeNotice } from '../../lib/settings/library-canary';
import { t } from '../../lib/i18n';

// Views other than the list load when first opened, so the list's first rows come sooner.
const ReaderView = lazy(() => import('./ReaderView').then((m) => m.ReaderView));
const AllHighlightsView = lazy(() => import('./AllHighlightsView').then((m) => m.AllHighlightsView));
const ImportView = lazy(() => import('./import/ImportView').then((m) => m.ImportView));
const ListEditorView = lazy(() => import('./lists/ListEditorView').then((m) => m.ListEditorView));
const ListsView = lazy(() => import('./lists/ListsView').then((m) => m.ListsView));
const SettingsView = lazy(() => import('./SettingsView').then((m) => m.SettingsView));
const SharedListView = lazy(() => import('./share/SharedListView').then((m) => m.SharedListView));
const SubscriptionsView = lazy(() => import('./subscriptions/SubscriptionsView').then((m) => m.SubscriptionsView));
const SiteRulesView = lazy(() => import('./SiteRulesView').then((m) => m.SiteRulesView));

/** The library page: the list of clips, or one clip in the reader. */
export function LibraryApp() {
  const repo = getRepository();
  const route = useHashRoute();
  const [deleted, setDeleted] = useState<DeletedClip | undefined>();
  const [error, setError] = useState<string | undefined>();
  const wiped = useWipeNotice(repo);
  const lastBackup = useLastBackup();
  // Set by "Delete everything" when it reloads the page into an empty library.
  const [justDeleted] = useState(() => new URLSearchParams(location.search).has('deleted'));
  useEffect(() => {
    if (justDeleted) history.replaceState(null, '', location.pathname + location.hash);
  }, []);

  useEffect(() => {
    document.title = {
      list: t('library.title.list'),
      clip: t('library.title.clip'),
      sites: t('library.title.sites'),
      settings: t('library.title.settings'),
      highlights: t('library.title.highlights'),
      lists: t('library.title.lists'),
      collection: t('library.title.collection'),
      import: t('library.title.import'),
      subscriptions: t('library.title.subscriptions'),
      share: t('library.title.share'),
    }[route.view];
  }, [route.view]);

  const handleDelete = async (id: string) => {
    const result = await repo.deleteClip(id);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(undefined);
    setDeleted(result.value);
    if (route.view === 'clip') location.hash = '';
  };
  const handleUndo = async () => {
    if (!deleted) return;
    const result = await repo.restoreClip(deleted);
    setDeleted(undefined);
    if (!result.ok) setError(result.error.message);
  };

  return (
    <div class="hc-page">
      <LiveStatus status={error ? { tone: 'error', text: error } : undefined} />
      {justDeleted ? <StatusMessage tone="success">{t('library.everythingDeleted')}</StatusMessage> : null}
      {wiped && lastBackup !== undefined ? (
        <LibraryWipedBanner notice={wiped} lastBackup={lastBackup} onRestore={goToRestore} onDismiss={() => void dismissLibraryWipeNotice()} />
      ) : null}
      <Suspense fallback={<p role="status">{t('library.loading')}</p>}>
      {route.view === 'clip' ? (
        <ReaderView repo={repo} id={route.id} onDelete={(id) => void handleDelete(id)} />
      ) : route.view === 'sites' ? (
        <SiteRulesView repo={repo} />
      ) : route.view === 'settings' ? (
        <SettingsView />
      ) : route.view === 'highlights' ? (
        <AllHighlightsView repo={repo} />
      ) : route.view === 'lists' ? (
        <ListsView repo={repo} />
      ) : route.view === 'collection' ? (
        <ListEditorView repo={repo} id={route.id} />
      ) : route.view === 'import' ? (
        <ImportView repo={repo} />
      ) : route.view === 'subscriptions' ? (
        <SubscriptionsView repo={repo} />
      ) : route.view === 'share' ? (
        <SharedListView fragment={route.fragment} />
      ) : (
        <ClipListView repo={repo} onDelete={(id) => void handleDelete(id)} />
      )}
      </Suspense>
      <UndoToast title={deleted?.clip.title} onUndo={() => void handleUndo()} onDismiss={() => setDeleted(undefined)} />
    </div>
  );
}
