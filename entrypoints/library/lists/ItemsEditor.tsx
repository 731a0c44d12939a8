import { describeMove, moveById, removeById, updateById } from '../../../lib/consult/list-edits';
import type { ResolvedItem } from '../../../lib/consult/types';
import type { CollectionItem } from '../../../lib/model/collection';
import type { SiteRule } from '../../../lib/model/source-type';
import { ItemRow } from './ItemRow';
import { focusSoon, useFocusAfterMove } from './ReorderButtons';

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

/** The ordered pages and highlights of a list, each with its note, Move up / Move down and Remove. */
export function ItemsEditor({ items, entries, siteRules, now, noteLabel, notePlaceholder, readOnly, headingId, onChange, onAnnounce }: ItemsEditorProps) {
  const focusAfterMove = useFocusAfterMove();
  const titleOf = (item: CollectionItem) => entries.get(item.id)?.clip?.title ?? 'this item';
  if (!items.length) return <p class="hc-muted">Nothing on this list yet.</p>;
  return (
    <ol class="hc-items">
      {items.map((item, index) => (
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
          onMove={(delta) => {
            const moved = moveById(items, item.id, delta);
            if (!moved) return;
            focusAfterMove(`hc-item-${item.id}`, delta);
            onChange(moved.list, true);
            onAnnounce(describeMove(titleOf(item), moved.to, items.length));
          }}
          onRemove={() => {
            onChange(removeById(items, item.id), true);
            onAnnounce(`Removed “${titleOf(item)}” from the list.`);
            focusSoon(headingId);
          }}
        />
      ))}
    </ol>
  );
}
