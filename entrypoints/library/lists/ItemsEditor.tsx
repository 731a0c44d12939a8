import { useState } from 'preact/hooks';
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
  const titleOf = (item: CollectionItem) => entries.get(item.id)?.clip?.title ?? 'this item';
  if (!items.length) return <p class="hc-muted">Nothing on this list yet.</p>;
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
            onAnnounce(value ? `“${titleOf(item)}” is private: it is left out of what you share.` : `“${titleOf(item)}” is no longer private.`);
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
            onAnnounce(`Removed “${titleOf(item)}” from the list.`);
            focusSoon(headingId);
          }}
        />
      ))}
    </ol>
    {items.length > visible.length ? (
      <div class="hc-actions hc-items__more">
        <p class="hc-muted">Showing the first {visible.length.toLocaleString('en-GB')} of {items.length.toLocaleString('en-GB')} items.</p>
        <button type="button" onClick={() => setShown((n) => n + SHOWN_AT_ONCE)}>Show {Math.min(SHOWN_AT_ONCE, items.length - visible.length)} more</button>
        <button type="button" onClick={() => setShown(items.length)}>Show all {items.length.toLocaleString('en-GB')}</button>
      </div>
    ) : null}
    </>
  );
}
