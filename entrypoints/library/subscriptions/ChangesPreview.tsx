import { useEffect, useRef } from 'preact/hooks';
import { count, shortAddress, shorten } from '../../../lib/consult/format';
import type { EditedEntry, EntryChange, SubscriptionDiff, SubscriptionEntry } from '../../../lib/exchange/subscription-diff';
import { HIGHLIGHT_MEANING_LABELS, HIGHLIGHT_MEANINGS, type HighlightMeaning } from '../../../lib/model/highlight-meanings';

export interface ChangesPreviewProps {
  /** The followed collection's title, for the heading. */
  title: string;
  diff: SubscriptionDiff;
  busy: boolean;
  onApply: () => void;
  onDismiss: () => void;
}

const CHANGE_WORDS: Record<EntryChange, string> = { title: 'title', note: 'note', highlight: 'highlight' };

const isMeaning = (m: string): m is HighlightMeaning => (HIGHLIGHT_MEANINGS as readonly string[]).includes(m);
const meaningLabel = (m: string) => (isMeaning(m) ? HIGHLIGHT_MEANING_LABELS[m] : m);

function EntryLine({ entry }: { entry: SubscriptionEntry }) {
  return (
    <>
      <span class="hc-change__title">{entry.title.trim() || shortAddress(entry.url)}</span>{' '}
      <span class="hc-muted">({shortAddress(entry.url)})</span>
      {entry.quote ? <p class="hc-item__quote">“{shorten(entry.quote, 200)}”</p> : null}
      {entry.note.trim() ? <p class="hc-change__note">Note: {shorten(entry.note.trim(), 300)}</p> : null}
    </>
  );
}

/** One "was → now" line for each changed part of an edited item. */
function EditedLine({ edit }: { edit: EditedEntry }) {
  const { before, after, changed } = edit;
  const describe = (e: SubscriptionEntry, part: EntryChange) =>
    part === 'title' ? e.title : part === 'note' ? e.note.trim() || '(no note)' : e.highlight ? `${meaningLabel(e.highlight.meaning)}${e.highlight.note.trim() ? `: ${e.highlight.note.trim()}` : ''}` : '(none)';
  return (
    <>
      <span class="hc-change__title">{after.title.trim() || shortAddress(after.url)}</span>{' '}
      <span class="hc-muted">({shortAddress(after.url)})</span>
      {after.quote ? <p class="hc-item__quote">“{shorten(after.quote, 200)}”</p> : null}
      <dl class="hc-change__parts">
        {changed.map((part) => (
          <div key={part}>
            <dt>Changed {CHANGE_WORDS[part]}</dt>
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
    <section class="hc-changes" aria-label={`Changes to ${title}`} data-testid="changes-preview">
      <h3 ref={heading} tabIndex={-1}>What changed in “{title}”</h3>
      <p>
        {[added.length ? `${count(added.length, 'item')} added` : '', removed.length ? `${count(removed.length, 'item')} removed` : '', edited.length ? `${count(edited.length, 'item')} changed` : '', diff.reordered ? 'the order changed' : '']
          .filter(Boolean)
          .join(', ')}
        . Nothing changes in your library until you apply them.
      </p>
      {added.length ? (
        <>
          <h4>Added</h4>
          <ul class="hc-change-list" aria-label="Added">
            {added.map((e, i) => <li key={i} class="hc-change hc-change--added"><EntryLine entry={e} /></li>)}
          </ul>
        </>
      ) : null}
      {removed.length ? (
        <>
          <h4>Removed</h4>
          <ul class="hc-change-list" aria-label="Removed">
            {removed.map((e, i) => <li key={i} class="hc-change hc-change--removed"><EntryLine entry={e} /></li>)}
          </ul>
        </>
      ) : null}
      {edited.length ? (
        <>
          <h4>Changed</h4>
          <ul class="hc-change-list" aria-label="Changed">
            {edited.map((e, i) => <li key={i} class="hc-change hc-change--edited"><EditedLine edit={e} /></li>)}
          </ul>
        </>
      ) : null}
      <p class="hc-hint">
        Removed items leave this collection only: the pages stay in your library. Your own notes and tags on pages are never changed.
      </p>
      <div class="hc-actions">
        <button type="button" class="hc-primary" disabled={busy} onClick={onApply}>Apply these changes</button>
        <button type="button" disabled={busy} onClick={onDismiss}>Not now</button>
      </div>
    </section>
  );
}
