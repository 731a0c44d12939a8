import { browser } from 'wxt/browser';
import type { ClipDraftInput, ClipKind, TextQuote } from '../../lib/model/clip';
import { canonicalizeUrl } from '../../lib/clip/canonical-url';
import { t } from '../../lib/i18n';
import { fail, ok, type Result } from '../../lib/model/result';
import type { HighlightPlacement, PageInspection, SavedHighlightPaint } from '../../lib/messages/page-clipper';
import type { PagePassage } from '../../lib/page-highlights/types';

/** How long a page may take to answer before we give up and say so. */
export const PAGE_TIMEOUT_MS = 15_000;

/** Said when a page takes longer than PAGE_TIMEOUT_MS. */
export function timedOutMessage(): string {
  return t('background.timedOut');
}

class PageTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new PageTimeout()), ms);
    promise.then(
      (v) => { clearTimeout(timer); resolve(v); },
      (e: unknown) => { clearTimeout(timer); reject(e instanceof Error ? e : new Error(String(e))); },
    );
  });
}

/**
 * A link-only draft from what the browser knows about the tab, for when the
 * page itself did not answer in time (a huge or frozen page): the user still
 * gets the address and title, and is told why that is all.
 */
export async function linkDraftFromTab(tabId: number, message: string): Promise<Result<ClipDraftInput>> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  const canonicalUrl = tab?.url ? canonicalizeUrl(tab.url) : undefined;
  if (!tab?.url || !canonicalUrl) return fail('page-did-not-answer', message);
  return ok({
    kind: 'link',
    facts: { url: tab.url, canonicalUrl, title: tab.title || canonicalUrl, signals: [] },
    fallback: { reason: 'timed-out', message },
  });
}

/** Whether the browser lets extensions read this address at all. */
export async function checkTabIsClippable(tabId: number): Promise<Result<string>> {
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch {
    return fail('not-found', t('background.tabClosed'));
  }
  if (url !== undefined && !/^https?:/i.test(url)) return fail('cannot-clip-page', t('background.cannotClip'));
  return ok(url ?? '');
}

/** Injects the clipper once per page load; later calls reuse it. */
async function ensureClipper(tabId: number): Promise<void> {
  const [probe] = await browser.scripting.executeScript({
    target: { tabId },
    // An own property: a page's <form id="__healthClipper"> is a named property of window, not own, and must not pass for the clipper.
    func: () => Object.hasOwn(globalThis, '__healthClipper'),
  });
  if (probe?.result !== true) {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/clipper.js'] });
  }
}

async function runInPage<T>(tabId: number, call: () => Promise<T | undefined>): Promise<Result<T>> {
  const clippable = await checkTabIsClippable(tabId);
  if (!clippable.ok) return clippable;
  try {
    const value = await withTimeout(
      (async () => {
        await ensureClipper(tabId);
        return call();
      })(),
      PAGE_TIMEOUT_MS,
    );
    if (value === undefined) return fail('unexpected', t('background.noAnswer'));
    return ok(value);
  } catch (error) {
    if (error instanceof PageTimeout) {
      return fail('page-did-not-answer', timedOutMessage());
    }
    // Closing the tab while its page is being read fails the script too: say that, not "this page is protected".
    const stillOpen = await browser.tabs.get(tabId).then(() => true, () => false);
    return stillOpen ? fail('cannot-clip-page', t('background.cannotClip')) : fail('not-found', t('background.tabClosed'));
  }
}

/**
 * Runs one self-contained function in the page's isolated world, where the
 * clipper has registered itself. What comes back is page data: untrusted.
 */
export function callClipper<Args extends unknown[], R>(tabId: number, func: (...args: Args) => R | undefined, args: Args): Promise<Result<R>> {
  return runInPage(tabId, async () => {
    const [res] = await browser.scripting.executeScript({ target: { tabId }, func, args });
    return res?.result as R | undefined;
  });
}

/** Reads the page's facts and whether text is selected. */
export function inspectPage(tabId: number): Promise<Result<PageInspection>> {
  return callClipper(tabId, () => globalThis.__healthClipper?.inspect(), []);
}

/** Builds the clip inside the page. The result is untrusted: the repository parses it. */
export function clipPage(tabId: number, mode: ClipKind): Promise<Result<ClipDraftInput>> {
  return callClipper(tabId, (m: ClipKind) => globalThis.__healthClipper?.clip(m), [mode]);
}

/** The selected passage with its context and position, to store as a highlight (null when nothing is selected). */
export function selectedPassage(tabId: number): Promise<Result<{ passage: PagePassage | null }>> {
  return callClipper(tabId, () => (globalThis.__healthClipper ? { passage: globalThis.__healthClipper.selectedPassage() ?? null } : undefined), []);
}

/** Finds and paints saved highlights in the page; says which were found. */
export function paintSavedHighlights(tabId: number, items: SavedHighlightPaint[]): Promise<Result<HighlightPlacement[]>> {
  return callClipper(tabId, (list: SavedHighlightPaint[]) => globalThis.__healthClipper?.paintSaved(list), [items]);
}
