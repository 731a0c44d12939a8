import { useMemo, useState } from 'preact/hooks';
import { useObservable } from '../../../components/hooks/use-observable';
import type { ResolvedItem } from '../../../lib/consult/types';
import type { LibraryRepository } from '../../../lib/db/repository';
import type { Collection } from '../../../lib/model/collection';
import { EditorFrame } from './EditorFrame';
import { ItemsSection } from './ItemsSection';
import { OutputsBar } from './OutputsBar';
import { useListDraft } from './use-list-draft';
import { t } from '../../../lib/i18n';

type PlainCollection = Extract<Collection, { kind: 'collection' }>;

export interface CollectionEditorProps {
  repo: LibraryRepository;
  stored: PlainCollection;
  entries: readonly ResolvedItem[];
}

/** The curators of an imported collection, once each, for the intro ("Imported from … by …"). */
function importedFrom(collection: PlainCollection): string | undefined {
  const sources = new Set(
    collection.items.flatMap(({ provenance: p }) =>
      p ? [p.curator ? t('lists.collection.sourceBy', { collection: p.collection, curator: p.curator }) : t('lists.collection.source', { collection: p.collection })] : [],
    ),
  );
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
      back={{ href: '#lists', label: t('lists.back.toCollections') }}
      intro={
        <p class="hc-muted">
          {from ? `${t('lists.collection.intro')} ${t('lists.collection.importedFrom', { sources: from })}` : t('lists.collection.intro')}
        </p>
      }
    >
      <section class="hc-panel hc-section" aria-labelledby="hc-about-heading">
        <h2 id="hc-about-heading">{t('lists.collection.aboutHeading')}</h2>
        <label for="hc-list-title">{t('lists.collection.title')}</label>
        <input id="hc-list-title" type="text" maxLength={200} required value={draft.title} onInput={(e) => edit((c) => ({ ...c, title: e.currentTarget.value }))} />
        <label for="hc-collection-description">{t('lists.collection.description')}</label>
        <textarea
          id="hc-collection-description"
          rows={3}
          maxLength={4000}
          placeholder={t('lists.collection.descriptionPlaceholder')}
          value={draft.description}
          onInput={(e) => edit((c) => ({ ...c, description: e.currentTarget.value }))}
        />
      </section>
      <ItemsSection
        repo={repo}
        heading={t('lists.collection.itemsHeading')}
        hint={t('lists.collection.itemsHint')}
        items={draft.items}
        entries={byItem}
        siteRules={siteRules}
        now={new Date()}
        noteLabel={t('lists.collection.noteLabel')}
        notePlaceholder={t('lists.collection.notePlaceholder')}
        readOnly={false}
        onChange={(items, immediate) => edit((c) => ({ ...c, items }), immediate)}
        onAnnounce={say}
      />
      <OutputsBar id={stored.id} title={draft.title} siteRules={siteRules} prepare={prepare} showCurator />
    </EditorFrame>
  );
}
