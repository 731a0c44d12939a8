import { useState } from 'preact/hooks';
import { StatusMessage } from '../../components/StatusMessage';
import { useObservable } from '../../components/hooks/use-observable';
import { textFragmentUrl } from '../../lib/clip/text-fragment';
import type { LibraryRepository } from '../../lib/db/repository';
import { HIGHLIGHT_MEANING_LABELS, type Highlight } from '../../lib/model/highlight';

export interface HighlightsSectionProps {
  repo: LibraryRepository;
  clipId: string;
  pageUrl: string;
}

/** A clip's highlights: quote, meaning, note, a link to the passage on the page, delete. */
export function HighlightsSection({ repo, clipId, pageUrl }: HighlightsSectionProps) {
  const highlights = useObservable(() => repo.observeHighlights(clipId), [clipId]).value ?? [];
  if (!highlights.length) return null;
  return (
    <section class="hc-panel" aria-labelledby="hc-highlights-heading">
      <h2 id="hc-highlights-heading">Your highlights</h2>
      <ul class="hc-highlights">
        {highlights.map((h) => (
          <HighlightItem key={h.id} repo={repo} highlight={h} pageUrl={pageUrl} />
        ))}
      </ul>
    </section>
  );
}

function HighlightItem({ repo, highlight, pageUrl }: { repo: LibraryRepository; highlight: Highlight; pageUrl: string }) {
  const [note, setNote] = useState(highlight.note);
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();
  const noteId = `hc-hl-note-${highlight.id}`;
  const save = async () => {
    const result = await repo.updateHighlight(highlight.id, { note });
    setStatus(result.ok ? { tone: 'success', text: 'Note saved.' } : { tone: 'error', text: result.error.message });
  };
  const remove = async () => {
    const result = await repo.deleteHighlight(highlight.id);
    if (!result.ok) setStatus({ tone: 'error', text: result.error.message });
  };
  return (
    <li class={`hc-highlight hc-highlight--${highlight.meaning}`} data-meaning={highlight.meaning}>
      <p class="hc-highlight__meaning">{HIGHLIGHT_MEANING_LABELS[highlight.meaning]}</p>
      <blockquote>{highlight.quote.exact}</blockquote>
      <p>
        <a href={textFragmentUrl(pageUrl, highlight.quote)} target="_blank" rel="noopener noreferrer">
          Show this passage on the page
        </a>
      </p>
      <label for={noteId}>Note</label>
      <textarea id={noteId} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <div class="hc-actions">
        <button type="button" onClick={() => void save()}>Save note</button>
        <button type="button" class="hc-danger" onClick={() => void remove()}>Delete highlight</button>
      </div>
      {status ? <StatusMessage tone={status.tone}>{status.text}</StatusMessage> : null}
    </li>
  );
}
