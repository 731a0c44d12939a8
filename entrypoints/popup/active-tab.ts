import { browser } from 'wxt/browser';

/**
 * The tab the popup acts on: the active tab, or `?tabId=N` when the popup
 * page is opened in a tab of its own (end-to-end tests do this, because a
 * test cannot click the toolbar button).
 */
export async function findTargetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Opens the library, at one clip when an id is given. */
export async function openLibrary(clipId?: string): Promise<void> {
  const hash = clipId ? `#clip=${encodeURIComponent(clipId)}` : '';
  await browser.tabs.create({ url: browser.runtime.getURL(`/library.html${hash}`) });
}

/**
 * Opens the side panel for this tab (Chromium's side panel, Firefox's
 * sidebar). Must run inside the click that asked for it. False when this
 * browser has neither.
 */
export async function openSidePanel(tabId: number): Promise<boolean> {
  const firefoxSidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  try {
    if (firefoxSidebar) {
      await firefoxSidebar.open();
      return true;
    }
    if (browser.sidePanel) {
      await browser.sidePanel.open({ tabId });
      return true;
    }
  } catch {
    return false;
  }
  return false;
}
