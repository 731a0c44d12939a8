import { useState } from 'preact/hooks';
import { HIGHLIGHT_MEANING_ICONS, HIGHLIGHT_MEANING_LABELS } from '../lib/model/highlight-meanings';
import type { Highlight } from '../lib/model/highlight';
import type { Result } from '../lib/model/result';
import { formatDate } from './format-date';
import { t } from '../lib/i18n';
import { LiveStatus } from './LiveStatus';

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
    else if (!result.value) setStatus({ tone: 'info', text: t('highlight.notOnPage') });
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
          <p><strong><span aria-hidden="true">⚠ </span>{t('highlight.notFound')}</strong> <span class="hc-muted">{t('highlight.checked', { date: formatDate(seen.at) })}</span>. {t('highlight.pageChanged')}:</p>
          <blockquote>
            <span class="hc-muted">…{highlight.quote.prefix}</span> <mark>{highlight.quote.exact}</mark> <span class="hc-muted">{highlight.quote.suffix}…</span>
          </blockquote>
        </div>
      ) : seen?.status === 'changed' ? (
        <div class="hc-highlight__changed">
          <p><strong><span aria-hidden="true">△ </span>{t('highlight.wordingChanged')}</strong></p>
          <p class="hc-muted">{t('highlight.youSaved')}</p>
          <blockquote>{highlight.quote.exact}</blockquote>
          <p class="hc-muted">{t('highlight.pageNowSays')}</p>
          <blockquote>{seen.changedText ?? ''}</blockquote>
        </div>
      ) : onShow ? (
        <blockquote>
          <button type="button" class="hc-link-button" onClick={() => void show()} title={t('highlight.scrollTitle')}>
            {highlight.quote.exact}
          </button>
        </blockquote>
      ) : (
        <blockquote>{highlight.quote.exact}</blockquote>
      )}
      {passageHref && seen?.status !== 'missing' ? (
        <p>
          <a href={passageHref} target="_blank" rel="noopener noreferrer">{t('highlight.showPassage')}</a>
        </p>
      ) : null}
      {onSaveNote ? (
        <>
          <label for={noteId}>{t('highlight.note')}</label>
          <textarea id={noteId} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </>
      ) : highlight.note ? (
        <p>{t('highlight.yourNote', { note: highlight.note })}</p>
      ) : null}
      <div class="hc-actions">
        {onShow && seen?.status !== 'missing' ? <button type="button" onClick={() => void show()}>{t('highlight.showOnPage')}</button> : null}
        {onSaveNote ? <button type="button" onClick={() => void onSaveNote(note).then((r) => report(r, t('highlight.noteSaved')))}>{t('highlight.saveNote')}</button> : null}
        {onReattach && seen?.status === 'missing' ? (
          <button type="button" onClick={() => void onReattach().then((r) => report(r, r.ok ? r.value : ''))}>{t('highlight.reattach')}</button>
        ) : null}
        {onDelete ? <button type="button" class="hc-danger" onClick={() => void onDelete().then((r) => { if (!r.ok) report(r, ''); })}>{t('highlight.delete')}</button> : null}
      </div>
      {seen?.status === 'missing' && reattachHint ? <p class="hc-muted">{reattachHint}</p> : null}
      <LiveStatus status={status} />
    </li>
  );
}
