import { useState } from 'preact/hooks';
import { HIGHLIGHT_MEANING_ICONS, HIGHLIGHT_MEANING_LABELS } from '../lib/model/highlight-meanings';
import type { Highlight } from '../lib/model/highlight';
import type { Result } from '../lib/model/result';
import { formatDate } from './format-date';
import { StatusMessage } from './StatusMessage';

export interface HighlightCardProps {
  highlight: Highlight;
  /** A link that opens the page at this passage (text fragment), if the page has an address. */
  passageHref?: string;
  /** The page the highlight is on, for lists that span pages. */
  page?: { title: string; href: string };
  onSaveNote?: (note: string) => Promise<Result<unknown>>;
  onDelete?: () => Promise<Result<unknown>>;
  /** Scrolls the open page to the passage (side panel). */
  onShow?: () => Promise<Result<boolean>>;
  /** Moves a highlight that was not found onto the text selected now (side panel). */
  onReattach?: () => Promise<Result<string>>;
  /** Said where re-attaching is not possible here (library). */
  reattachHint?: string;
}

type Status = { tone: 'success' | 'error' | 'info'; text: string } | undefined;

/**
 * One highlight: its meaning (icon and words, not colour alone), the
 * passage, whether it was found on the page last time, the user's note, and
 * what can be done with it here.
 */
export function HighlightCard({ highlight, passageHref, page, onSaveNote, onDelete, onShow, onReattach, reattachHint }: HighlightCardProps) {
  const [note, setNote] = useState(highlight.note);
  const [status, setStatus] = useState<Status>();
  const noteId = `hc-hl-note-${highlight.id}`;
  const seen = highlight.lastSeen;
  const report = (result: Result<unknown>, success: string) =>
    setStatus(result.ok ? { tone: 'success', text: success } : { tone: 'error', text: result.error.message });
  const show = async () => {
    if (!onShow) return;
    const result = await onShow();
    if (!result.ok) report(result, '');
    else if (!result.value) setStatus({ tone: 'info', text: 'This passage is not on the page now.' });
    else setStatus(undefined);
  };
  return (
    <li class={`hc-highlight hc-highlight--${highlight.meaning}`} data-meaning={highlight.meaning} data-status={seen?.status ?? 'unknown'}>
      <p class="hc-highlight__meaning">
        <span class="hc-highlight__icon" aria-hidden="true">{HIGHLIGHT_MEANING_ICONS[highlight.meaning]}</span>
        {HIGHLIGHT_MEANING_LABELS[highlight.meaning]}
        {page ? <> · <a href={page.href}>{page.title}</a></> : null}
        <span class="hc-muted"> · {formatDate(highlight.createdAt)}</span>
      </p>
      {seen?.status === 'missing' ? (
        <div class="hc-highlight__missing">
          <p><strong>Not found on the page now</strong> <span class="hc-muted">(checked {formatDate(seen.at)})</span>. The page may have changed. You saved:</p>
          <blockquote>
            <span class="hc-muted">…{highlight.quote.prefix}</span> <mark>{highlight.quote.exact}</mark> <span class="hc-muted">{highlight.quote.suffix}…</span>
          </blockquote>
        </div>
      ) : seen?.status === 'changed' ? (
        <div class="hc-highlight__changed">
          <p><strong>The wording has changed since you saved this.</strong></p>
          <p class="hc-muted">You saved:</p>
          <blockquote>{highlight.quote.exact}</blockquote>
          <p class="hc-muted">The page now says:</p>
          <blockquote>{seen.changedText ?? ''}</blockquote>
        </div>
      ) : onShow ? (
        <blockquote>
          <button type="button" class="hc-link-button" onClick={() => void show()} title="Scroll the page to this passage">
            {highlight.quote.exact}
          </button>
        </blockquote>
      ) : (
        <blockquote>{highlight.quote.exact}</blockquote>
      )}
      {passageHref && seen?.status !== 'missing' ? (
        <p>
          <a href={passageHref} target="_blank" rel="noopener noreferrer">Show this passage on the page</a>
        </p>
      ) : null}
      {onSaveNote ? (
        <>
          <label for={noteId}>Note</label>
          <textarea id={noteId} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </>
      ) : highlight.note ? (
        <p>Your note: {highlight.note}</p>
      ) : null}
      <div class="hc-actions">
        {onShow && seen?.status !== 'missing' ? <button type="button" onClick={() => void show()}>Show on the page</button> : null}
        {onSaveNote ? <button type="button" onClick={() => void onSaveNote(note).then((r) => report(r, 'Note saved.'))}>Save note</button> : null}
        {onReattach && seen?.status === 'missing' ? (
          <button type="button" onClick={() => void onReattach().then((r) => report(r, r.ok ? r.value : ''))}>Attach to selected text</button>
        ) : null}
        {onDelete ? <button type="button" class="hc-danger" onClick={() => void onDelete().then((r) => { if (!r.ok) report(r, ''); })}>Delete highlight</button> : null}
      </div>
      {seen?.status === 'missing' && reattachHint ? <p class="hc-muted">{reattachHint}</p> : null}
      {status ? <StatusMessage tone={status.tone}>{status.text}</StatusMessage> : null}
    </li>
  );
}
