import { useEffect, useRef } from 'preact/hooks';
import { shortAddress, shorten } from '../../../lib/consult/format';
import type { EditedEntry, EntryChange, SubscriptionDiff, SubscriptionEntry } from '../../../lib/exchange/subscription-diff';
import { HIGHLIGHT_MEANING_LABELS, HIGHLIGHT_MEANINGS, type HighlightMeaning } from '../../../lib/model/highlight-meanings';
import { t } from '../../../lib/i18n';

export interface ChangesPreviewProps {
  /** The followed collection's title, for the heading. */
  title: string;
  diff: SubscriptionDiff;
  busy: boolean;
  onApply: () => void;
  onDismiss: () => void;
}

const changedLabel = (part: EntryChange): string =>
  part === 'title' ? t('follow.changes.changedTitle') : part === 'note' ? t('follow.changes.changedNote') : t('follow.changes.changedHighlight');

const isMeaning = (m: string): m is HighlightMeaning => (HIGHLIGHT_MEANINGS as readonly string[]).includes(m);
const meaningLabel = (m: string) => (isMeaning(m) ? HIGHLIGHT_MEANING_LABELS[m] : m);

function EntryLine({ entry }: { entry: SubscriptionEntry }) {
  return (
    <>
      <span class="hc-change__title">{entry.title.trim() || shortAddress(entry.url)}</span>{' '}
      <span class="hc-muted">({shortAddress(entry.url)})</span>
      {entry.quote ? <p class="hc-item__quote">“{shorten(entry.quote, 200)}”</p> : null}
      {entry.note.trim() ? <p class="hc-change__note">{t('follow.changes.note', { note: shorten(entry.note.trim(), 300) })}</p> : null}
    </>
  );
}

/** One "was → now" line for each changed part of an edited item. */
function EditedLine({ edit }: { edit: EditedEntry }) {
  const { before, after, changed } = edit;
  const describe = (e: SubscriptionEntry, part: EntryChange) =>
    part === 'title' ? e.title : part === 'note' ? e.note.trim() || t('follow.changes.noNote') : e.highlight ? `${meaningLabel(e.highlight.meaning)}${e.highlight.note.trim() ? `: ${e.highlight.note.trim()}` : ''}` : t('follow.changes.noHighlight');
  return (
    <>
      <span class="hc-change__title">{after.title.trim() || shortAddress(after.url)}</span>{' '}
      <span class="hc-muted">({shortAddress(after.url)})</span>
      {after.quote ? <p class="hc-item__quote">“{shorten(after.quote, 200)}”</p> : null}
      <dl class="hc-change__parts">
        {changed.map((part) => (
          <div key={part}>
            <dt>{changedLabel(part)}</dt>
            <dd>
              <del>{shorten(describe(before, part), 300)}</del> <span aria-hidden="true">→</span> <ins>{shorten(describe(after, part), 300)}</ins>
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/**
 * What changed in a followed collection since the copy in the library:
 * added, removed and edited items, for the user to apply or not.
 */
export function ChangesPreview({ title, diff, busy, onApply, onDismiss }: ChangesPreviewProps) {
  const { added, removed, edited } = diff;
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the changes when they appear.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="hc-changes" aria-label={t('follow.changes.label', { title })} data-testid="changes-preview">
      <h3 ref={heading} tabIndex={-1}>{t('follow.changes.heading', { title })}</h3>
      <p>
        {t('follow.changes.summary', {
          parts: [
            added.length ? t('follow.changes.added', added.length) : '',
            removed.length ? t('follow.changes.removed', removed.length) : '',
            edited.length ? t('follow.changes.edited', edited.length) : '',
            diff.reordered ? t('follow.changes.reordered') : '',
          ]
            .filter(Boolean)
            .join(', '),
        })}
      </p>
      {added.length ? (
        <>
          <h4>{t('follow.changes.addedHeading')}</h4>
          <ul class="hc-change-list" aria-label={t('follow.changes.addedHeading')}>
            {added.map((e, i) => <li key={i} class="hc-change hc-change--added"><EntryLine entry={e} /></li>)}
          </ul>
        </>
      ) : null}
      {removed.length ? (
        <>
          <h4>{t('follow.changes.removedHeading')}</h4>
          <ul class="hc-change-list" aria-label={t('follow.changes.removedHeading')}>
            {removed.map((e, i) => <li key={i} class="hc-change hc-change--removed"><EntryLine entry={e} /></li>)}
          </ul>
        </>
      ) : null}
      {edited.length ? (
        <>
          <h4>{t('follow.changes.editedHeading')}</h4>
          <ul class="hc-change-list" aria-label={t('follow.changes.editedHeading')}>
            {edited.map((e, i) => <li key={i} class="hc-change hc-change--edited"><EditedLine edit={e} /></li>)}
          </ul>
        </>
      ) : null}
      <p class="hc-hint">
        {t('follow.changes.hint')}
      </p>
      <div class="hc-actions">
        <button type="button" class="hc-primary" disabled={busy} onClick={onApply}>{t('follow.changes.apply')}</button>
        <button type="button" disabled={busy} onClick={onDismiss}>{t('follow.changes.notNow')}</button>
      </div>
    </section>
  );
}
