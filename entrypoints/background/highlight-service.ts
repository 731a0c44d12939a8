import type { LibraryRepository } from '../../lib/db/repository';
import { HIGHLIGHT_MEANING_LABELS, type HighlightMeaning } from '../../lib/model/highlight';
import { fail, ok, type Result } from '../../lib/model/result';
import { clipTab, inspectTab } from './clip-service';
import { paintSelection, selectionQuote } from './page-scripts';

/**
 * Highlights the selected passage: saves the page first if it is not in the
 * library yet (as an article, with its source type), stores the passage with
 * its context, and paints it in the page. Returns what to tell the user.
 */
export async function highlightSelection(repo: LibraryRepository, tabId: number, meaning: HighlightMeaning): Promise<Result<string>> {
  const selected = await selectionQuote(tabId);
  if (!selected.ok) return selected;
  const quote = selected.value.quote;
  if (!quote) return fail('invalid-input', 'Select some text on the page first, then choose Highlight.');
  const page = await inspectTab(repo, tabId);
  if (!page.ok) return page;
  let clip = page.value.saved.find((c) => c.kind !== 'selection');
  let savedPage = false;
  if (!clip) {
    const saved = await clipTab(repo, { tabId, mode: 'article', tags: [], note: '' });
    if (!saved.ok) return saved;
    clip = saved.value.clip;
    savedPage = !saved.value.duplicate;
  }
  const added = await repo.addHighlight({ clipId: clip.id, canonicalUrl: clip.canonicalUrl, quote, meaning, note: '' });
  if (!added.ok) return added;
  const painted = await paintSelection(tabId, meaning);
  const what = `Highlighted as “${HIGHLIGHT_MEANING_LABELS[meaning]}”`;
  if (!painted.ok || !painted.value) return ok(`${what} and saved. This browser cannot show it on the page, but it is in your library.`);
  return savedPage ? ok(`${what}. The page is now in your library too.`) : ok(`${what} and saved.`);
}
