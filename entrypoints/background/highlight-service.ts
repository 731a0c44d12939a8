import { resolveCanonicalUrl } from '../../lib/clip/canonical-url';
import type { LibraryRepository } from '../../lib/db/repository';
import { t } from '../../lib/i18n';
import { HIGHLIGHT_MEANING_LABELS, type Highlight, type HighlightMeaning } from '../../lib/model/highlight';
import { fail, ok, type Result } from '../../lib/model/result';
import type { MessageSender } from '../../lib/messages/protocol';
import type { PagePassage, PaintItem } from '../../lib/page-highlights/types';
import { autoHighlightsSetting } from '../../lib/settings/settings';
import { clipTab, inspectTab } from './clip-service';
import { callClipper, paintSavedHighlights, selectedPassage } from './page-scripts';

/** Only what a page needs to paint highlights: never notes. */
const toPaintItems = (saved: readonly Highlight[]): PaintItem[] =>
  saved.map(({ id, quote, position, selectors, meaning }) => ({ id, quote, position, selectors, meaning }));

/**
 * Highlights a passage of the page in a tab: the one given (from our
 * in-page toolbar) or else the current selection. Saves the page first if
 * it is not in the library yet (as an article, with its source type), then
 * stores the passage with its context. Returns the highlight's id and what
 * to tell the user.
 */
export async function highlightSelection(
  repo: LibraryRepository,
  tabId: number,
  meaning: HighlightMeaning,
  options: { note?: string; passage?: PagePassage } = {},
): Promise<Result<{ id: string; message: string }>> {
  let passage = options.passage;
  if (!passage) {
    const selected = await selectedPassage(tabId);
    if (!selected.ok) return selected;
    passage = selected.value.passage ?? undefined;
  }
  if (!passage) return fail('invalid-input', t('background.selectFirst'));
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
  const added = await repo.addHighlight({
    clipId: clip.id,
    canonicalUrl: clip.canonicalUrl,
    quote: passage.quote,
    position: passage.position,
    selectors: passage.selectors,
    meaning,
    note: options.note ?? '',
  });
  if (!added.ok) return added;
  const id = added.value.id;
  const label = { meaning: HIGHLIGHT_MEANING_LABELS[meaning] };
  const message = savedPage ? t('background.highlightedPageSaved', label) : t('background.highlightedSaved', label);
  if (options.passage) return ok({ id, message }); // the toolbar paints it itself
  const painted = await callClipper(tabId, (i: string, m: HighlightMeaning) => globalThis.__healthClipper?.paintSelection(i, m), [id, meaning]);
  if (!painted.ok || !painted.value) return ok({ id, message: t('background.highlightNotShown', label) });
  return ok({ id, message });
}

/** What became of a page's saved highlights when it was shown again. */
export interface HighlightsOnPage {
  placed: number;
  changed: number;
  missing: number;
}

/**
 * Paints the highlights saved for this page (by canonical address) again,
 * sending the page only quotes, positions and meanings, never notes, and
 * remembers which were found. Also turns on the in-page toolbar.
 */
export async function repaintHighlights(repo: LibraryRepository, tabId: number, canonicalUrl: string): Promise<HighlightsOnPage | undefined> {
  const saved = await repo.listHighlightsForUrl(canonicalUrl);
  const result = await paintSavedHighlights(tabId, toPaintItems(saved));
  if (!result.ok || !saved.length) return undefined;
  await repo.recordPlacements(canonicalUrl, result.value);
  const count = (status: string) => result.value.filter((p) => p.status === status).length;
  return { placed: count('placed'), changed: count('changed'), missing: count('missing') };
}

/** Scrolls the tab to a highlight painted there. */
export function scrollToHighlight(tabId: number, id: string): Promise<Result<boolean>> {
  return callClipper(tabId, (i: string) => globalThis.__healthClipper?.scrollTo(i), [id]);
}

/** Takes a highlight off the page in a tab. */
export function unpaintHighlight(tabId: number, id: string): Promise<Result<boolean>> {
  return callClipper(tabId, (i: string) => globalThis.__healthClipper?.unpaint(i), [id]);
}

/** Moves a highlight that was not found onto the passage the user has selected now, and paints it there. */
export async function reattachHighlight(repo: LibraryRepository, tabId: number, id: string): Promise<Result<string>> {
  const selected = await selectedPassage(tabId);
  if (!selected.ok) return selected;
  const passage = selected.value.passage;
  if (!passage) return fail('invalid-input', t('background.selectToMove'));
  const updated = await repo.updateHighlight(id, { quote: passage.quote, position: passage.position, selectors: passage.selectors });
  if (!updated.ok) return updated;
  await callClipper(tabId, (i: string, m: HighlightMeaning) => globalThis.__healthClipper?.paintSelection(i, m), [id, updated.value.meaning]);
  return ok(t('background.moved'));
}

/**
 * The page asks which highlights to paint (our content script, when "show
 * my highlights automatically" is on). Answers nothing when it is off.
 */
export async function highlightsForPage(repo: LibraryRepository, input: { url: string; canonicalHref?: string }): Promise<Result<{ items: PaintItem[]; toolbar: boolean }>> {
  if (!(await autoHighlightsSetting.getValue())) return ok({ items: [], toolbar: false });
  const canonicalUrl = resolveCanonicalUrl(input.url, input.canonicalHref);
  if (!canonicalUrl) return ok({ items: [], toolbar: true });
  return ok({ items: toPaintItems(await repo.listHighlightsForUrl(canonicalUrl)), toolbar: true });
}

/** Remembers what the page found; the address is the sending frame's, as the browser reports it. */
export async function reportPlacements(
  repo: LibraryRepository,
  input: { url: string; canonicalHref?: string; placements: { id: string; status: 'placed' | 'changed' | 'missing'; changedText?: string }[] },
  sender: MessageSender,
): Promise<Result<number>> {
  const canonicalUrl = resolveCanonicalUrl(sender.url ?? input.url, input.canonicalHref);
  if (!canonicalUrl) return fail('invalid-input', t('background.noAddress'));
  return repo.recordPlacements(canonicalUrl, input.placements);
}
