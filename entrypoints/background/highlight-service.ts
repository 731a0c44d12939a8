import type { LibraryRepository } from '../../lib/db/repository';
import { HIGHLIGHT_MEANING_LABELS, type HighlightMeaning } from '../../lib/model/highlight';
import { fail, ok, type Result } from '../../lib/model/result';
import { clipTab, inspectTab } from './clip-service';
import { paintSavedHighlights, paintSelection, selectedPassage } from './page-scripts';

/**
 * Highlights the selected passage: saves the page first if it is not in the
 * library yet (as an article, with its source type), stores the passage with
 * its context, and paints it in the page. Returns what to tell the user.
 */
export async function highlightSelection(repo: LibraryRepository, tabId: number, meaning: HighlightMeaning): Promise<Result<string>> {
  const selected = await selectedPassage(tabId);
  if (!selected.ok) return selected;
  const passage = selected.value.passage;
  if (!passage) return fail('invalid-input', 'Select some text on the page first, then choose Highlight.');
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
  const added = await repo.addHighlight({ clipId: clip.id, canonicalUrl: clip.canonicalUrl, quote: passage.quote, position: passage.position, meaning, note: '' });
  if (!added.ok) return added;
  const painted = await paintSelection(tabId, meaning);
  const what = `Highlighted as “${HIGHLIGHT_MEANING_LABELS[meaning]}”`;
  if (!painted.ok || !painted.value) return ok(`${what} and saved. This browser cannot show it on the page, but it is in your library.`);
  return savedPage ? ok(`${what}. The page is now in your library too.`) : ok(`${what} and saved.`);
}

/** What became of a page's saved highlights when it was shown again. */
export interface HighlightsOnPage {
  placed: number;
  changed: number;
  missing: number;
}

/**
 * Paints the highlights saved for this page (by canonical address) again,
 * sending the page only quotes, positions and meanings, never notes.
 */
export async function repaintHighlights(repo: LibraryRepository, tabId: number, canonicalUrl: string): Promise<HighlightsOnPage | undefined> {
  const saved = await repo.listHighlightsForUrl(canonicalUrl);
  if (!saved.length) return undefined;
  const result = await paintSavedHighlights(
    tabId,
    saved.map(({ id, quote, position, meaning }) => ({ id, quote, position, meaning })),
  );
  if (!result.ok) return undefined;
  const count = (status: string) => result.value.filter((p) => p.status === status).length;
  return { placed: count('placed'), changed: count('changed'), missing: count('missing') };
}
