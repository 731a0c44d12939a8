import type { ComponentChildren } from 'preact';
import { SourceTypeBadge } from '../../../components/SourceTypeBadge';
import { displayHost } from '../../../components/format-date';
import { count, formatDay, shorten } from '../../../lib/consult/format';
import type { ImportPlan, PlannedPage } from '../../../lib/exchange/import-plan';
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

const KIND_WORDS: Record<ImportPlan['source']['kind'], string> = {
  collection: 'A collection',
  'reading-list': 'A reading list',
  prescription: 'An information prescription',
};

function Listing<T>({ id, heading, entries, render, empty }: { id: string; heading: string; entries: readonly T[]; render: (entry: T, index: number) => ComponentChildren; empty: string }) {
  return (
    <section class="hc-import__list" aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      {entries.length ? (
        <ul>
          {entries.slice(0, SHOWN).map(render)}
          {entries.length > SHOWN ? <li class="hc-muted">…and {count(entries.length - SHOWN, 'more', 'more')}.</li> : null}
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
  return (
    <section class="hc-panel hc-import__preview" aria-labelledby="hc-import-preview-heading" data-testid="import-preview">
      <h2 id="hc-import-preview-heading" tabIndex={-1}>Check before adding: “{source.title}”</h2>
      <p class="hc-import__source">
        {KIND_WORDS[source.kind]}
        {source.curator ? <> curated by <strong>{source.curator}</strong></> : ' (no curator named)'}, exported on {formatDay(source.exportedAt) || 'an unknown date'}. From {from}.
      </p>
      {source.description ? <p class="hc-pre hc-import__description">{shorten(source.description, 600)}</p> : null}
      <ul class="hc-import__counts" aria-label="What will be added">
        <li data-count="new-pages"><strong>{counts.newPages}</strong> new {counts.newPages === 1 ? 'page' : 'pages'}, saved to your library as links</li>
        <li data-count="existing-pages"><strong>{counts.existingPages}</strong> already in your library: your titles, notes and tags stay as they are</li>
        <li data-count="highlights">
          <strong>{counts.newHighlights}</strong> new {counts.newHighlights === 1 ? 'highlight' : 'highlights'}
          {counts.existingHighlights ? `, and ${count(counts.existingHighlights, 'passage')} you had already highlighted` : ''}
        </li>
        {counts.privateItems ? <li data-count="private">{count(counts.privateItems, 'item')} the curator marked private (kept private)</li> : null}
      </ul>
      <p>
        A new {source.kind === 'collection' ? 'collection' : source.kind === 'reading-list' ? 'reading list' : 'prescription'} with {count(counts.items, 'item')} will be added.
        The curator’s notes are kept on it, each marked with where it came from.
      </p>
      <div class="hc-actions">
        <button type="button" class="hc-primary" disabled={busy} onClick={onConfirm}>
          {busy ? 'Adding…' : 'Add to my library'}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>Cancel</button>
      </div>
      <Listing
        id="hc-import-new"
        heading={`New pages (${newPages.length})`}
        entries={newPages}
        empty="None: every page is already in your library."
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
        heading={`Already in your library (${existing.length})`}
        entries={existing}
        empty="None."
        render={(p, i) => (
          <li key={i} data-page-status="existing">
            <span class="hc-import__title">{titleOf(p)}</span> <span class="hc-muted">{displayHost(p.canonicalUrl)}</span>
          </li>
        )}
      />
      <Listing
        id="hc-import-highlights"
        heading={`Highlights (${plan.highlights.length})`}
        entries={plan.highlights}
        empty="None."
        render={(h, i) => (
          <li key={i} data-highlight-status={h.status}>
            <strong>{HIGHLIGHT_MEANING_LABELS[h.meaning]}:</strong> “{shorten(h.quote.exact, 160)}” <span class="hc-muted">on {titleOf(plan.pages[h.page])}</span>
            {h.status === 'existing' ? <span class="hc-muted"> (you highlighted this already)</span> : null}
          </li>
        )}
      />
      <p class="hc-hint">Everything in the file is read as plain text: nothing in it can run or change anything else in your library.</p>
    </section>
  );
}
