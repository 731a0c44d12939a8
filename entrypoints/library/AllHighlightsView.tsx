import { HighlightCard } from '../../components/HighlightCard';
import { useObservable } from '../../components/hooks/use-observable';
import { textFragmentUrl } from '../../lib/clip/text-fragment';
import type { LibraryRepository } from '../../lib/db/repository';
import { REATTACH_HINT } from './HighlightsSection';
import { clipHref } from './use-hash-route';

export interface AllHighlightsViewProps {
  repo: LibraryRepository;
}

/** Every highlight in the library, newest first, with its page, meaning, note and whether it was found last time. */
export function AllHighlightsView({ repo }: AllHighlightsViewProps) {
  const items = useObservable(() => repo.observeAllHighlights(), []).value;
  const missing = items?.filter((i) => i.highlight.lastSeen?.status === 'missing').length ?? 0;
  return (
    <main>
      <p><a href="#">Back to your library</a></p>
      <h1>Your highlights</h1>
      <p role="status" class="hc-muted">
        {items === undefined
          ? 'Loading…'
          : items.length === 0
            ? 'No highlights yet. Select text on a page, right-click and choose “Highlight selected text as”.'
            : `${items.length} highlight${items.length === 1 ? '' : 's'}${missing ? `, ${missing} not found on the page the last time it was shown` : ''}`}
      </p>
      <ul class="hc-highlights">
        {(items ?? []).map(({ highlight, pageTitle, pageUrl }) => (
          <HighlightCard
            key={highlight.id}
            highlight={highlight}
            page={{ title: pageTitle, href: clipHref(highlight.clipId) }}
            passageHref={textFragmentUrl(pageUrl, highlight.quote)}
            reattachHint={REATTACH_HINT}
          />
        ))}
      </ul>
    </main>
  );
}
