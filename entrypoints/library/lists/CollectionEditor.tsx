import { useMemo, useState } from 'preact/hooks';
import { useObservable } from '../../../components/hooks/use-observable';
import type { ResolvedItem } from '../../../lib/consult/types';
import type { LibraryRepository } from '../../../lib/db/repository';
import type { Collection } from '../../../lib/model/collection';
import { EditorFrame } from './EditorFrame';
import { ItemsSection } from './ItemsSection';
import { OutputsBar } from './OutputsBar';
import { useListDraft } from './use-list-draft';

type PlainCollection = Extract<Collection, { kind: 'collection' }>;

export interface CollectionEditorProps {
  repo: LibraryRepository;
  stored: PlainCollection;
  entries: readonly ResolvedItem[];
}

/** The curators of an imported collection, once each, for the intro ("Imported from … by …"). */
function importedFrom(collection: PlainCollection): string | undefined {
  const sources = new Set(collection.items.flatMap((i) => (i.provenance ? [`“${i.provenance.collection}”${i.provenance.curator ? ` by ${i.provenance.curator}` : ''}`] : [])));
  return sources.size ? [...sources].slice(0, 3).join(', ') : undefined;
}

/**
 * A collection: a title, a description and ordered pages and highlights,
 * each with the curator's note and a Private tick; print or share it, or
 * export it as a file others can import. A page can be in any number of
 * collections.
 */
export function CollectionEditor({ repo, stored, entries }: CollectionEditorProps) {
  const { draft, edit, flush, problem, error } = useListDraft(repo, stored);
  const [said, say] = useState('');
  const siteRules = useObservable(() => repo.observeSiteRules(), []).value ?? [];
  const byItem = useMemo(() => new Map(entries.map((e) => [e.item.id, e])), [entries]);
  const prepare = async () => ((await flush()) ? repo.collections.resolve(stored.id) : undefined);
  const from = importedFrom(draft);

  return (
    <EditorFrame
      title={draft.title}
      problem={problem}
      error={error}
      announcement={said}
      back={{ href: '#lists', label: 'Back to collections and lists' }}
      intro={
        <p class="hc-muted">
          A collection of pages and highlights with your notes, to keep or to share. Changes are saved as you type.
          {from ? ` Imported from ${from}.` : ''}
        </p>
      }
    >
      <section class="hc-panel hc-section" aria-labelledby="hc-about-heading">
        <h2 id="hc-about-heading">About this collection</h2>
        <label for="hc-list-title">Title</label>
        <input id="hc-list-title" type="text" maxLength={200} required value={draft.title} onInput={(e) => edit((c) => ({ ...c, title: e.currentTarget.value }))} />
        <label for="hc-collection-description">Description (optional)</label>
        <textarea
          id="hc-collection-description"
          rows={3}
          maxLength={4000}
          placeholder="Who it is for, and how the pages were chosen"
          value={draft.description}
          onInput={(e) => edit((c) => ({ ...c, description: e.currentTarget.value }))}
        />
      </section>
      <ItemsSection
        repo={repo}
        heading="Pages and highlights"
        hint="In the order readers should see them. Say in a line why each is worth reading. Tick Private for anything that should stay on this computer."
        items={draft.items}
        entries={byItem}
        siteRules={siteRules}
        now={new Date()}
        noteLabel="Curator’s note"
        notePlaceholder="For example: clear on what to do after a hypo"
        readOnly={false}
        onChange={(items, immediate) => edit((c) => ({ ...c, items }), immediate)}
        onAnnounce={say}
      />
      <OutputsBar id={stored.id} title={draft.title} siteRules={siteRules} prepare={prepare} showCurator />
    </EditorFrame>
  );
}
