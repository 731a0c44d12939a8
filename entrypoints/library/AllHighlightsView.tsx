import { HighlightCard } from '../../components/HighlightCard';
import { useObservable } from '../../components/hooks/use-observable';
import { textFragmentUrl } from '../../lib/clip/text-fragment';
import type { LibraryRepository } from '../../lib/db/repository';
import { reattachHint } from './HighlightsSection';
import { clipHref } from './use-hash-route';
import { t } from '../../lib/i18n';

export interface AllHighlightsViewProps {
  repo: LibraryRepository;
}

/** Every highlight in the library, newest first, with its page, meaning, note and whether it was found last time. */
export function AllHighlightsView({ repo }: AllHighlightsViewProps) {
  const items = useObservable(() => repo.observeAllHighlights(), []).value;
  const missing = items?.filter((i) => i.highlight.lastSeen?.status === 'missing').length ?? 0;
  return (
    <main>
      <p><a href="#">{t('library.back')}</a></p>
      <h1>{t('library.title.highlights')}</h1>
      <p role="status" class="hc-muted">
        {items === undefined
          ? t('library.loading')
          : items.length === 0
            ? t('library.highlights.none')
            : missing
              ? `${t('library.highlights.count', items.length)}, ${t('library.highlights.missing', missing)}`
              : t('library.highlights.count', items.length)}
      </p>
      <ul class="hc-highlights">
        {(items ?? []).map(({ highlight, pageTitle, pageUrl }) => (
          <HighlightCard
            key={highlight.id}
            highlight={highlight}
            page={{ title: pageTitle, href: clipHref(highlight.clipId) }}
            passageHref={textFragmentUrl(pageUrl, highlight.quote)}
            reattachHint={reattachHint()}
          />
        ))}
      </ul>
    </main>
  );
}
