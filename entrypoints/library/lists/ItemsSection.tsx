import { useState } from 'preact/hooks';
import type { ResolvedItem } from '../../../lib/consult/types';
import type { LibraryRepository } from '../../../lib/db/repository';
import type { CollectionItem } from '../../../lib/model/collection';
import type { SiteRule } from '../../../lib/model/source-type';
import { ItemPicker, type PickedItem } from './ItemPicker';
import { ItemsEditor } from './ItemsEditor';
import { focusSoon } from './ReorderButtons';
import { t } from '../../../lib/i18n';

export interface ItemsSectionProps {
  repo: LibraryRepository;
  heading: string;
  hint: string;
  items: CollectionItem[];
  entries: ReadonlyMap<string, ResolvedItem>;
  siteRules: readonly SiteRule[];
  now: Date;
  noteLabel: string;
  notePlaceholder: string;
  readOnly: boolean;
  onChange: (items: CollectionItem[], immediate: boolean) => void;
  onAnnounce: (text: string) => void;
}

const HEADING = 'hc-items-heading';

/** A list's pages and highlights, with the picker that adds more from the library. */
export function ItemsSection(props: ItemsSectionProps) {
  const { repo, heading, hint, items, readOnly, siteRules, onChange, onAnnounce } = props;
  const [picking, setPicking] = useState(false);
  const close = () => {
    setPicking(false);
    focusSoon('hc-open-picker');
  };
  const add = (picked: PickedItem[]) => {
    const added: CollectionItem[] = picked.map((p) => ({
      id: crypto.randomUUID(),
      clipId: p.clipId,
      ...(p.highlightId ? { highlightId: p.highlightId } : {}),
      note: '',
      private: false,
    }));
    onChange([...items, ...added], true);
    onAnnounce(t('lists.items.added', { count: added.length, total: items.length + added.length }));
    close();
  };
  return (
    <section class="hc-panel hc-section" aria-labelledby={HEADING}>
      <h2 id={HEADING} tabIndex={-1}>{heading}</h2>
      {readOnly ? null : <p class="hc-hint">{hint}</p>}
      <ItemsEditor {...props} headingId={HEADING} />
      {readOnly ? null : picking ? (
        <ItemPicker repo={repo} siteRules={siteRules} present={items} onAdd={add} onClose={close} />
      ) : (
        <button id="hc-open-picker" type="button" onClick={() => setPicking(true)}>{t('lists.items.add')}</button>
      )}
    </section>
  );
}
