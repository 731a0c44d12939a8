import { useState } from 'preact/hooks';
import { HighlightCard } from '../../components/HighlightCard';
import { useObservable } from '../../components/hooks/use-observable';
import { textFragmentUrl } from '../../lib/clip/text-fragment';
import type { LibraryRepository } from '../../lib/db/repository';
import type { Highlight } from '../../lib/model/highlight';
import { UndoToast } from '../../components/UndoToast';
import { t } from '../../lib/i18n';

export interface HighlightsSectionProps {
  repo: LibraryRepository;
  clipId: string;
  pageUrl: string;
}

/** Said in the library about a highlight that was not found, since re-attaching needs the page. */
export const reattachHint = () => t('library.highlights.reattachHint');

/** A clip's highlights: quote, meaning, note, whether found last time, a link to the passage on the page, delete with undo. */
export function HighlightsSection({ repo, clipId, pageUrl }: HighlightsSectionProps) {
  const highlights = useObservable(() => repo.observeHighlights(clipId), [clipId]).value ?? [];
  const [deleted, setDeleted] = useState<Highlight | undefined>();
  if (!highlights.length && !deleted) return null;
  return (
    <section class="hc-panel" aria-labelledby="hc-highlights-heading">
      <h2 id="hc-highlights-heading">{t('library.title.highlights')}</h2>
      <ul class="hc-highlights">
        {highlights.map((h) => (
          <HighlightCard
            key={h.id}
            highlight={h}
            passageHref={textFragmentUrl(pageUrl, h.quote)}
            onSaveNote={(note) => repo.updateHighlight(h.id, { note })}
            onDelete={async () => {
              const result = await repo.deleteHighlight(h.id);
              if (result.ok) setDeleted(result.value);
              return result;
            }}
            reattachHint={reattachHint()}
          />
        ))}
      </ul>
      {deleted ? (
        <UndoToast
          title={`highlight “${deleted.quote.exact.slice(0, 60)}”`}
          onUndo={() => void repo.restoreHighlight(deleted).then(() => setDeleted(undefined))}
          onDismiss={() => setDeleted(undefined)}
        />
      ) : null}
    </section>
  );
}
