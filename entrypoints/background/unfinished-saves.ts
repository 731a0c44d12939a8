import { browser } from 'wxt/browser';
import { canonicalizeUrl } from '../../lib/clip/canonical-url';
import type { LibraryRepository } from '../../lib/db/repository';
import { t } from '../../lib/i18n';
import { inspectTab } from './clip-service';
import { notifyTab } from './notify-tab';

/**
 * A save from the context menu or the keyboard shortcut has no popup: only
 * the worker knows it is under way, and tells the user when it ends. The
 * browser may stop the worker before then (an update, memory pressure,
 * DevTools). The library is never left half-written (each write is one
 * transaction), but the user would be told nothing at all. So each such
 * save is noted in session storage until its notice is shown, and the next
 * time the worker starts it tells the user about any left unfinished.
 */

const PREFIX = 'hc-unfinished:';

export type UnfinishedWhat = 'page' | 'highlight';

interface UnfinishedSave {
  tabId: number;
  url: string;
  what: UnfinishedWhat;
  /** ISO time the save began: a highlight on the page made since then is this one. */
  startedAt: string;
}

function isUnfinishedSave(value: unknown): value is UnfinishedSave {
  const v = value as Partial<UnfinishedSave> | undefined;
  return typeof v?.tabId === 'number' && typeof v.url === 'string' && (v.what === 'page' || v.what === 'highlight') && typeof v.startedAt === 'string';
}

/** Runs a save, noted as unfinished until `run` (which shows the notice) returns. */
export async function noteWhileSaving(tabId: number, what: UnfinishedWhat, run: () => Promise<void>): Promise<void> {
  const key = `${PREFIX}${crypto.randomUUID()}`;
  const url = (await browser.tabs.get(tabId).catch(() => undefined))?.url ?? '';
  await browser.storage.session.set({ [key]: { tabId, url, what, startedAt: new Date().toISOString() } satisfies UnfinishedSave }).catch(() => undefined);
  try {
    await run();
  } finally {
    await browser.storage.session.remove(key).catch(() => undefined);
  }
}

/** What to tell the user about a save the worker did not finish, from what the library holds now. */
async function describeUnfinished(repo: LibraryRepository, save: UnfinishedSave): Promise<{ message: string; success: boolean }> {
  // The page's own canonical address, as the save used it; the tab's address if the page cannot be read now.
  const page = await inspectTab(repo, save.tabId);
  const canonicalUrl = page.ok ? page.value.facts.canonicalUrl : canonicalizeUrl(save.url);
  const pageSaved = canonicalUrl ? (await repo.findClipsByUrl(canonicalUrl)).some((c) => c.kind !== 'selection') : false;
  if (save.what === 'page') {
    return pageSaved
      ? { message: t('background.unfinishedPageSaved'), success: true }
      : { message: t('background.unfinishedPageNotSaved'), success: false };
  }
  const highlighted = canonicalUrl ? (await repo.listHighlightsForUrl(canonicalUrl)).some((h) => h.createdAt >= save.startedAt) : false;
  if (highlighted) {
    return { message: t('background.unfinishedHighlightNotShown'), success: true };
  }
  return {
    message: pageSaved
      ? t('background.unfinishedHighlightPageSaved')
      : t('background.unfinishedNothingSaved'),
    success: false,
  };
}

/** Tells the user, in the tab where they asked, about saves a stopped worker left unfinished. */
export async function tellAboutUnfinishedSaves(repo: LibraryRepository): Promise<void> {
  const stored: Record<string, unknown> = await browser.storage.session.get(null).catch(() => ({}));
  for (const key of Object.keys(stored).filter((k) => k.startsWith(PREFIX))) {
    const save = stored[key];
    // Only where the page is still the one the user saved from: a notice about another page would mislead.
    const tab = isUnfinishedSave(save) ? await browser.tabs.get(save.tabId).catch(() => undefined) : undefined;
    if (isUnfinishedSave(save) && tab?.url === save.url) {
      const { message, success } = await describeUnfinished(repo, save);
      await notifyTab(save.tabId, message, success);
    }
    // Forgotten only once told: if the worker is stopped again meanwhile, its next start tells the user.
    await browser.storage.session.remove(key).catch(() => undefined);
  }
}
