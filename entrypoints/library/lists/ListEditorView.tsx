import { StatusMessage } from '../../../components/StatusMessage';
import './lists.css';
import { useObservable, type Subscribable } from '../../../components/hooks/use-observable';
import type { LibraryRepository } from '../../../lib/db/repository';
import { CollectionEditor } from './CollectionEditor';
import { PrescriptionEditor } from './PrescriptionEditor';
import { ReadingListEditor } from './ReadingListEditor';
import { t } from '../../../lib/i18n';

export interface ListEditorViewProps {
  repo: LibraryRepository;
  id: string;
}

/** An observable whose "nothing there" is null, so it can be told apart from "not loaded yet" (undefined). */
function orNull<T>(source: Subscribable<T | undefined>): Subscribable<T | null> {
  return { subscribe: (next, error) => source.subscribe((value) => next?.(value ?? null), error) };
}

/** `#list=<id>`: the editor for a reading list, an information prescription or a collection. */
export function ListEditorView({ repo, id }: ListEditorViewProps) {
  const { value: resolved, error } = useObservable(() => orNull(repo.collections.observe(id)), [id]);
  if (error) return <StatusMessage tone="error">{t('lists.editor.readError')}</StatusMessage>;
  if (!resolved) {
    return (
      <main>
        <p><a href="#lists">{t('lists.back.toLists')}</a></p>
        <p role="status">{resolved === undefined ? t('lists.editor.opening') : t('lists.editor.gone')}</p>
      </main>
    );
  }
  const { collection, entries } = resolved;
  if (collection.kind === 'reading-list') return <ReadingListEditor key={collection.id} repo={repo} stored={collection} entries={entries} />;
  if (collection.kind === 'prescription') return <PrescriptionEditor key={collection.id} repo={repo} stored={collection} entries={entries} />;
  return <CollectionEditor key={collection.id} repo={repo} stored={collection} entries={entries} />;
}
