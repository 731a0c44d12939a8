import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { getRepository } from '../../lib/db/repository';
import { t } from '../../lib/i18n';
import type { ClipKind } from '../../lib/model/clip';
import { HIGHLIGHT_MEANINGS, HIGHLIGHT_MEANING_LABELS, type HighlightMeaning } from '../../lib/model/highlight';
import { listenForMessages } from '../../lib/messages/messenger';
import { fail, ok } from '../../lib/model/result';
import { annotatePagesSetting, autoHighlightsSetting, defaultTagsSetting } from '../../lib/settings/settings';
import { shouldOpenWelcome } from '../../lib/settings/welcome';
import { describePage, hideBadgeOnSite, syncAnnotationScript } from './annotate';
import { clipTab, inspectTab } from './clip-service';
import { openExtensionPagesForTests } from './e2e-opener';
import {
  highlightSelection,
  highlightsForPage,
  reattachHighlight,
  repaintHighlights,
  reportPlacements,
  scrollToHighlight,
  unpaintHighlight,
} from './highlight-service';
import { checkLibraryStorageQuietly, closeLibraryForDeletion } from './library-storage';
import { notifyTab, showTypeOnAction } from './notify-tab';
import { registerSubscriptionChecks } from './subscription-checks';
import { noteWhileSaving, tellAboutUnfinishedSaves } from './unfinished-saves';

// Titles are looked up when the menu is made (t() needs the browser's i18n API, so not at import time).
const MENU: Record<string, { title: () => string; contexts: ['page'] | ['selection']; mode: ClipKind }> = {
  'hc-save-page': { title: () => t('background.menuSavePage'), contexts: ['page'], mode: 'article' },
  'hc-save-link': { title: () => t('background.menuSaveLink'), contexts: ['page'], mode: 'link' },
  'hc-save-selection': { title: () => t('background.menuSaveSelection'), contexts: ['selection'], mode: 'selection' },
};

const HIGHLIGHT_PARENT = 'hc-highlight';
const HIGHLIGHT_MENU: Record<string, HighlightMeaning> = Object.fromEntries(
  HIGHLIGHT_MEANINGS.map((meaning) => [`${HIGHLIGHT_PARENT}-${meaning}`, meaning]),
);

/**
 * Saves from a gesture without a popup (menu, shortcut) and tells the user
 * in the page. 'auto' (the shortcut) saves the selection if there is one,
 * else the article.
 */
function clipAndNotify(tabId: number, mode: ClipKind | 'auto'): Promise<void> {
  return noteWhileSaving(tabId, 'page', async () => {
    let kind: ClipKind = mode === 'auto' ? 'article' : mode;
    if (mode === 'auto') {
      const page = await inspectTab(getRepository(), tabId);
      if (page.ok && page.value.hasSelection) kind = 'selection';
    }
    // No form to pre-fill here, so the user's default tags (options page) are applied as they are.
    const tags = await defaultTagsSetting.getValue().catch(() => []);
    const result = await clipTab(getRepository(), { tabId, mode: kind, tags, note: '' });
    if (result.ok) checkLibraryStorageQuietly();
    await notifyTab(tabId, result.ok ? result.value.message : result.error.message, result.ok);
  });
}

/** Highlights the selection from a menu or shortcut and tells the user in the page. */
function highlightAndNotify(tabId: number, meaning: HighlightMeaning): Promise<void> {
  return noteWhileSaving(tabId, 'highlight', async () => {
    const result = await highlightSelection(getRepository(), tabId, meaning);
    await notifyTab(tabId, result.ok ? result.value.message : result.error.message, result.ok);
  });
}

export default defineBackground(() => {
  // Firefox's end-to-end build only: lets the test open extension pages (e2e-opener.ts); dropped from every other build.
  if (import.meta.env.MODE === 'e2e' && import.meta.env.FIREFOX) openExtensionPagesForTests();

  listenForMessages({
    inspectTab: async ({ tabId }) => {
      const result = await inspectTab(getRepository(), tabId);
      if (!result.ok) return result;
      void showTypeOnAction(tabId, result.value.siteRule?.type ?? result.value.verdict.type);
      // Opening the popup (activeTab) is when we may show this page's highlights again.
      const highlights = await repaintHighlights(getRepository(), tabId, result.value.facts.canonicalUrl);
      return ok({ ...result.value, highlights });
    },
    clipTab: async (input) => {
      const result = await clipTab(getRepository(), input);
      if (result.ok) checkLibraryStorageQuietly();
      return result;
    },
    closeLibrary: () => closeLibraryForDeletion(),
    scrollToHighlight: ({ tabId, id }) => scrollToHighlight(tabId, id),
    reattachHighlight: ({ tabId, id }) => reattachHighlight(getRepository(), tabId, id),
    unpaintHighlight: ({ tabId, id }) => unpaintHighlight(tabId, id),
    describePage: (input) => describePage(getRepository(), input),
    hideBadgeOnSite: (input) => hideBadgeOnSite(input),
    highlightsForPage: (input) => highlightsForPage(getRepository(), input),
    highlightFromPage: async ({ meaning, note, passage }, sender) =>
      sender.tabId === undefined
        ? fail('invalid-input', t('background.notOnPage'))
        : highlightSelection(getRepository(), sender.tabId, meaning, { note, passage }),
    reportPlacements: (input, sender) => reportPlacements(getRepository(), input, sender),
  });

  // A save the browser stopped us in the middle of (menu or shortcut, no popup to say so): tell the user now.
  void tellAboutUnfinishedSaves(getRepository()).catch(() => undefined);

  // Followed collections the user asked to have checked every day or week (optional alarms).
  registerSubscriptionChecks(getRepository);

  // "Annotate pages as I browse" follows the setting and the optional permission.
  const sync = () => void syncAnnotationScript().catch(() => undefined);
  browser.runtime.onStartup.addListener(sync);
  browser.runtime.onStartup.addListener(checkLibraryStorageQuietly);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  annotatePagesSetting.watch(sync);
  autoHighlightsSetting.watch(sync);

  browser.runtime.onInstalled.addListener((details) => {
    sync();
    if (shouldOpenWelcome(details, import.meta.env.MODE)) void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => undefined);
    void browser.contextMenus.removeAll().then(() => {
      for (const [id, item] of Object.entries(MENU)) {
        browser.contextMenus.create({ id, title: item.title(), contexts: item.contexts });
      }
      browser.contextMenus.create({ id: HIGHLIGHT_PARENT, title: t('background.menuHighlightAs'), contexts: ['selection'] });
      for (const [id, meaning] of Object.entries(HIGHLIGHT_MENU)) {
        browser.contextMenus.create({ id, parentId: HIGHLIGHT_PARENT, title: HIGHLIGHT_MEANING_LABELS[meaning], contexts: ['selection'] });
      }
    });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    const item = MENU[String(info.menuItemId)];
    const meaning = HIGHLIGHT_MENU[String(info.menuItemId)];
    if (tab?.id === undefined) return;
    const tabId = tab.id;
    if (item) void clipAndNotify(tabId, item.mode);
    if (meaning) void highlightAndNotify(tabId, meaning);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (tab?.id === undefined) return;
    const tabId = tab.id;
    if (command === 'highlight-selection') void highlightAndNotify(tabId, 'important');
    // One shortcut for both: the selection if there is one, else the article.
    if (command === 'save-page') void clipAndNotify(tabId, 'auto');
  });
});
