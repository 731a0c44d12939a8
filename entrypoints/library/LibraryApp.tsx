import { useEffect, useState } from 'preact/hooks';
import { StatusMessage } from '../../components/StatusMessage';
import { getRepository, type DeletedClip } from '../../lib/db/repository';
import { AllHighlightsView } from './AllHighlightsView';
import { ClipListView } from './ClipListView';
import { ImportView } from './import/ImportView';
import { ListEditorView } from './lists/ListEditorView';
import { ListsView } from './lists/ListsView';
import { ReaderView } from './ReaderView';
import { SettingsView } from './SettingsView';
import { SharedListView } from './share/SharedListView';
import { SubscriptionsView } from './subscriptions/SubscriptionsView';
import { SiteRulesView } from './SiteRulesView';
import { UndoToast } from '../../components/UndoToast';
import { useHashRoute } from './use-hash-route';

/** The library page: the list of clips, or one clip in the reader. */
export function LibraryApp() {
  const repo = getRepository();
  const route = useHashRoute();
  const [deleted, setDeleted] = useState<DeletedClip | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    document.title = {
      list: 'Your health library',
      clip: 'Reading a saved page',
      sites: 'Your list of sites',
      settings: 'Settings',
      highlights: 'Your highlights',
      lists: 'Collections, appointments and prescriptions',
      collection: 'Editing a list',
      import: 'Import a collection file',
      subscriptions: 'Collections you follow',
      share: 'A list shared with you',
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
      {error ? <StatusMessage tone="error">{error}</StatusMessage> : null}
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
      {deleted ? <UndoToast title={deleted.clip.title} onUndo={() => void handleUndo()} onDismiss={() => setDeleted(undefined)} /> : null}
    </div>
  );
}
