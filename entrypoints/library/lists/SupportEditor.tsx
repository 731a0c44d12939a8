import { useState } from 'preact/hooks';
import { describeMove, moveById, removeById, updateById } from '../../../lib/consult/list-edits';
import type { SupportEntry } from '../../../lib/model/collection';
import { focusSoon, ReorderButtons, useFocusAfterMove } from './ReorderButtons';
import { t } from '../../../lib/i18n';

export interface SupportEditorProps {
  support: SupportEntry[];
  onChange: (support: SupportEntry[], immediate: boolean) => void;
  onAnnounce: (text: string) => void;
}

const HEADING = 'hc-support-heading';
const EMPTY = { name: '', contact: '', note: '' };

/** "Where to get support": helplines, charities, local groups; add, change, reorder, remove. */
export function SupportEditor({ support, onChange, onAnnounce }: SupportEditorProps) {
  const [adding, setAdding] = useState(EMPTY);
  const [missingName, setMissingName] = useState(false);
  const focusAfterMove = useFocusAfterMove();
  const field = (entry: SupportEntry, key: 'name' | 'contact' | 'note', label: string) => {
    const id = `hc-support-${entry.id}-${key}`;
    return (
      <div>
        <label for={id}>{label}</label>
        <input id={id} type="text" maxLength={key === 'note' ? 4000 : 200} value={entry[key]} onInput={(e) => onChange(updateById(support, entry.id, { [key]: e.currentTarget.value }), false)} />
      </div>
    );
  };
  const add = (e: Event) => {
    e.preventDefault();
    if (!adding.name.trim()) {
      setMissingName(true);
      focusSoon('hc-support-new-name');
      return;
    }
    setMissingName(false);
    onChange([...support, { id: crypto.randomUUID(), name: adding.name.trim(), contact: adding.contact.trim(), note: adding.note.trim() }], true);
    onAnnounce(t('lists.support.added', { name: adding.name.trim() }));
    setAdding(EMPTY);
  };

  return (
    <section class="hc-panel hc-section" aria-labelledby={HEADING}>
      <h2 id={HEADING} tabIndex={-1}>{t('lists.support.heading')}</h2>
      <p class="hc-hint">{t('lists.support.hint')}</p>
      {support.length ? (
        <ol class="hc-support">
          {support.map((entry, index) => (
            <li key={entry.id} class="hc-support__entry" data-support-id={entry.id}>
              <div class="hc-grid-2">
                {field(entry, 'name', t('lists.support.name'))}
                {field(entry, 'contact', t('lists.support.contact'))}
              </div>
              {field(entry, 'note', t('lists.support.note'))}
              <ReorderButtons
                idPrefix={`hc-support-${entry.id}`}
                label={entry.name || t('lists.support.entryNumber', { number: index + 1 })}
                index={index}
                total={support.length}
                onMove={(delta) => {
                  const moved = moveById(support, entry.id, delta);
                  if (!moved) return;
                  focusAfterMove(`hc-support-${entry.id}`, delta);
                  onChange(moved.list, true);
                  onAnnounce(describeMove(entry.name, moved.to, support.length));
                }}
                onRemove={() => {
                  onChange(removeById(support, entry.id), true);
                  onAnnounce(t('lists.support.removed', { name: entry.name }));
                  focusSoon(HEADING);
                }}
              />
            </li>
          ))}
        </ol>
      ) : (
        <p class="hc-muted">{t('lists.support.none')}</p>
      )}
      <form class="hc-support__new" onSubmit={add} aria-labelledby="hc-support-new-heading">
        <h3 id="hc-support-new-heading">{t('lists.support.newHeading')}</h3>
        <div class="hc-grid-2">
          <div>
            <label for="hc-support-new-name">{t('lists.support.name')}</label>
            <input
              id="hc-support-new-name"
              type="text"
              maxLength={200}
              aria-invalid={missingName}
              aria-describedby={missingName ? 'hc-support-new-error' : undefined}
              value={adding.name}
              onInput={(e) => setAdding({ ...adding, name: e.currentTarget.value })}
            />
            {missingName ? <p id="hc-support-new-error" class="hc-field-error">{t('lists.support.nameMissing')}</p> : null}
          </div>
          <div>
            <label for="hc-support-new-contact">{t('lists.support.contact')}</label>
            <input id="hc-support-new-contact" type="text" maxLength={200} value={adding.contact} onInput={(e) => setAdding({ ...adding, contact: e.currentTarget.value })} />
          </div>
        </div>
        <label for="hc-support-new-note">{t('lists.support.note')}</label>
        <input id="hc-support-new-note" type="text" maxLength={4000} value={adding.note} onInput={(e) => setAdding({ ...adding, note: e.currentTarget.value })} />
        <div class="hc-actions">
          <button type="submit">{t('lists.support.add')}</button>
        </div>
      </form>
    </section>
  );
}
