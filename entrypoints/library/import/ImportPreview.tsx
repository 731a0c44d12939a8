import type { ComponentChildren } from 'preact';
import { SourceTypeBadge } from '../../../components/SourceTypeBadge';
import { displayHost } from '../../../components/format-date';
import { formatDay, shorten } from '../../../lib/consult/format';
import type { ImportPlan, PlannedPage } from '../../../lib/exchange/import-plan';
import { t } from '../../../lib/i18n';
import { HIGHLIGHT_MEANING_LABELS } from '../../../lib/model/highlight-meanings';

export interface ImportPreviewProps {
  plan: ImportPlan;
  /** Where the file came from: its name, or "a share link". */
  from: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The most entries each list shows; the counts say how many there are. */
const SHOWN = 50;

const kindWords = (kind: ImportPlan['source']['kind']) =>
  kind === 'collection' ? t('import.kind.collection') : kind === 'reading-list' ? t('import.kind.readingList') : t('import.kind.prescription');
const newKind = (kind: ImportPlan['source']['kind']) =>
  kind === 'collection' ? t('import.newKind.collection') : kind === 'reading-list' ? t('import.newKind.readingList') : t('import.newKind.prescription');

function Listing<T>({ id, heading, entries, render, empty }: { id: string; heading: string; entries: readonly T[]; render: (entry: T, index: number) => ComponentChildren; empty: string }) {
  return (
    <section class="hc-import__list" aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      {entries.length ? (
        <ul>
          {entries.slice(0, SHOWN).map(render)}
          {entries.length > SHOWN ? <li class="hc-muted">{t('import.more', { n: entries.length - SHOWN })}</li> : null}
        </ul>
      ) : (
        <p class="hc-muted">{empty}</p>
      )}
    </section>
  );
}

/**
 * What importing a collection file would do, before anything is written:
 * who made it and when, how many pages are new and how many are already in
 * the library, the highlights, and Add / Cancel. Everything from the file
 * is shown as text (Preact escapes it); nothing in it is ever HTML.
 */
export function ImportPreview({ plan, from, busy, onConfirm, onCancel }: ImportPreviewProps) {
  const { source, counts } = plan;
  const newPages = plan.pages.filter((p) => p.status === 'new');
  const existing = plan.pages.filter((p) => p.status === 'existing');
  const titleOf = (page: PlannedPage | undefined) => (page ? page.existingTitle ?? page.title : '');
  const date = formatDay(source.exportedAt) || t('import.unknownDate');
  return (
    <section class="hc-panel hc-import__preview" aria-labelledby="hc-import-preview-heading" data-testid="import-preview">
      <h2 id="hc-import-preview-heading" tabIndex={-1}>{t('import.checkHeading', { title: source.title })}</h2>
      <p class="hc-import__source">
        {source.curator
          ? t('import.sourceCurated', { kind: kindWords(source.kind), curator: source.curator, date, from })
          : t('import.sourceNoCurator', { kind: kindWords(source.kind), date, from })}
      </p>
      {source.description ? <p class="hc-pre hc-import__description">{shorten(source.description, 600)}</p> : null}
      <ul class="hc-import__counts" aria-label={t('import.countsLabel')}>
        <li data-count="new-pages">{t('import.newPages', counts.newPages, { n: counts.newPages })}</li>
        <li data-count="existing-pages">{t('import.existingPages', { n: counts.existingPages })}</li>
        <li data-count="highlights">
          {t('import.newHighlights', counts.newHighlights, { n: counts.newHighlights })}
          {counts.existingHighlights ? t('import.existingHighlights', counts.existingHighlights, { n: counts.existingHighlights }) : ''}
        </li>
        {counts.privateItems ? <li data-count="private">{t('import.privateItems', counts.privateItems, { n: counts.privateItems })}</li> : null}
      </ul>
      <p>{t('import.willAdd', counts.items, { kind: newKind(source.kind), n: counts.items })}</p>
      <div class="hc-actions">
        <button type="button" class="hc-primary" disabled={busy} onClick={onConfirm}>
          {busy ? t('import.adding') : t('import.add')}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>{t('common.cancel')}</button>
      </div>
      <Listing
        id="hc-import-new"
        heading={t('import.newHeading', { n: newPages.length })}
        entries={newPages}
        empty={t('import.noNewPages')}
        render={(p, i) => (
          <li key={i} data-page-status="new">
            <span class="hc-import__title">{p.title}</span>{' '}
            <span class="hc-item__meta hc-import__meta">
              <SourceTypeBadge type={p.verdict.type} unsure={p.verdict.confidence < 0.5} />
              <span>{displayHost(p.canonicalUrl)}</span>
            </span>
          </li>
        )}
      />
      <Listing
        id="hc-import-existing"
        heading={t('import.existingHeading', { n: existing.length })}
        entries={existing}
        empty={t('import.none')}
        render={(p, i) => (
          <li key={i} data-page-status="existing">
            <span class="hc-import__title">{titleOf(p)}</span> <span class="hc-muted">{displayHost(p.canonicalUrl)}</span>
          </li>
        )}
      />
      <Listing
        id="hc-import-highlights"
        heading={t('import.highlightsHeading', { n: plan.highlights.length })}
        entries={plan.highlights}
        empty={t('import.none')}
        render={(h, i) => (
          <li key={i} data-highlight-status={h.status}>
            <strong>{t('import.meaning', { meaning: HIGHLIGHT_MEANING_LABELS[h.meaning] })}</strong>{' '}
            {t('import.quoteOn', { quote: shorten(h.quote.exact, 160) })} <span class="hc-muted">{t('import.onPage', { title: titleOf(plan.pages[h.page]) })}</span>
            {h.status === 'existing' ? <span class="hc-muted">{t('import.highlightedAlready')}</span> : null}
          </li>
        )}
      />
      <p class="hc-hint">{t('import.plainText')}</p>
    </section>
  );
}
