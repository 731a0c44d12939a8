import { useState } from 'preact/hooks';
import { describeMove, moveById, removeById, updateById } from '../../../lib/consult/list-edits';
import type { ResolvedItem } from '../../../lib/consult/types';
import type { CollectionItem } from '../../../lib/model/collection';
import type { SiteRule } from '../../../lib/model/source-type';
import { ItemRow } from './ItemRow';
import { focusSoon, useFocusAfterMove } from './ReorderButtons';
import { t } from '../../../lib/i18n';

export interface ItemsEditorProps {
  items: CollectionItem[];
  /** The saved list's items looked up, by item id. */
  entries: ReadonlyMap<string, ResolvedItem>;
  siteRules: readonly SiteRule[];
  now: Date;
  noteLabel: string;
  notePlaceholder: string;
  readOnly: boolean;
  /** Id of the heading focus goes to after a removal. */
  headingId: string;
  /** `immediate` for a click (saved at once), not for typing. */
  onChange: (items: CollectionItem[], immediate: boolean) => void;
  onAnnounce: (text: string) => void;
}

/**
 * How many items are shown at first, and added by "Show more": an imported
 * collection of thousands of items still opens at once (rendering 10,000
 * editable rows takes Chromium several seconds).
 */
const SHOWN_AT_ONCE = 100;

/** The ordered pages and highlights of a list, each with its note, Move up / Move down and Remove. */
export function ItemsEditor({ items, entries, siteRules, now, noteLabel, notePlaceholder, readOnly, headingId, onChange, onAnnounce }: ItemsEditorProps) {
  const focusAfterMove = useFocusAfterMove();
  const [shown, setShown] = useState(SHOWN_AT_ONCE);
  const titleOf = (item: CollectionItem) => entries.get(item.id)?.clip?.title ?? t('lists.items.thisItem');
  if (!items.length) return <p class="hc-muted">{t('lists.items.empty')}</p>;
  const visible = items.length > shown ? items.slice(0, shown) : items;
  return (
    <>
    <ol class="hc-items">
      {visible.map((item, index) => (
        <ItemRow
          key={item.id}
          item={item}
          entry={entries.get(item.id)}
          index={index}
          total={items.length}
          siteRules={siteRules}
          now={now}
          noteLabel={noteLabel}
          notePlaceholder={notePlaceholder}
          readOnly={readOnly}
          onNote={(note) => onChange(updateById(items, item.id, { note }), false)}
          onPrivate={(value) => {
            onChange(updateById(items, item.id, { private: value }), true);
            onAnnounce(value ? t('lists.items.madePrivate', { title: titleOf(item) }) : t('lists.items.madePublic', { title: titleOf(item) }));
          }}
          onMove={(delta) => {
            const moved = moveById(items, item.id, delta);
            if (!moved) return;
            // Moving the last row shown down keeps it in sight.
            if (moved.to >= shown) setShown(moved.to + 1);
            focusAfterMove(`hc-item-${item.id}`, delta);
            onChange(moved.list, true);
            onAnnounce(describeMove(titleOf(item), moved.to, items.length));
          }}
          onRemove={() => {
            onChange(removeById(items, item.id), true);
            onAnnounce(t('lists.items.removed', { title: titleOf(item) }));
            focusSoon(headingId);
          }}
        />
      ))}
    </ol>
    {items.length > visible.length ? (
      <div class="hc-actions hc-items__more">
        <p class="hc-muted">{t('lists.items.showingFirst', { shown: visible.length.toLocaleString(), total: items.length.toLocaleString() })}</p>
        <button type="button" onClick={() => setShown((n) => n + SHOWN_AT_ONCE)}>{t('lists.items.showMore', { count: Math.min(SHOWN_AT_ONCE, items.length - visible.length) })}</button>
        <button type="button" onClick={() => setShown(items.length)}>{t('lists.items.showAll', { count: items.length.toLocaleString() })}</button>
      </div>
    ) : null}
    </>
  );
}
