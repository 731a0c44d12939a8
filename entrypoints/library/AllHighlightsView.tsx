import { formatDate } from '../../components/format-date';
import { useObservable } from '../../components/hooks/use-observable';
import { textFragmentUrl } from '../../lib/clip/text-fragment';
import type { LibraryRepository } from '../../lib/db/repository';
import { HIGHLIGHT_MEANING_LABELS } from '../../lib/model/highlight';
import { clipHref } from './use-hash-route';

export interface AllHighlightsViewProps {
  repo: LibraryRepository;
}

/** Every highlight in the library, newest first, with its page, meaning and note. */
export function AllHighlightsView({ repo }: AllHighlightsViewProps) {
  const items = useObservable(() => repo.observeAllHighlights(), []).value;
  return (
    <main>
      <p><a href="#">Back to your library</a></p>
      <h1>Your highlights</h1>
      <p role="status" class="hc-muted">
        {items === undefined
          ? 'Loading…'
          : items.length === 0
            ? 'No highlights yet. Select text on a page, right-click and choose “Highlight selected text as”.'
            : `${items.length} highlight${items.length === 1 ? '' : 's'}`}
      </p>
      <ul class="hc-highlights">
        {(items ?? []).map(({ highlight, pageTitle, pageUrl }) => (
          <li key={highlight.id} class={`hc-highlight hc-highlight--${highlight.meaning}`} data-meaning={highlight.meaning}>
            <p class="hc-highlight__meaning">
              {HIGHLIGHT_MEANING_LABELS[highlight.meaning]} · <a href={clipHref(highlight.clipId)}>{pageTitle}</a>{' '}
              <span class="hc-muted">· {formatDate(highlight.createdAt)}</span>
            </p>
            <blockquote>{highlight.quote.exact}</blockquote>
            {highlight.note ? <p>Your note: {highlight.note}</p> : null}
            <p>
              <a href={textFragmentUrl(pageUrl, highlight.quote)} target="_blank" rel="noopener noreferrer">
                Show this passage on the page
              </a>
            </p>
          </li>
        ))}
      </ul>
    </main>
  );
}
