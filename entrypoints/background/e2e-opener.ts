import { browser } from 'wxt/browser';

/**
 * Test-only, compiled into the Firefox end-to-end build alone (index.ts):
 * WebDriver BiDi will not navigate a tab to a moz-extension:// address, so
 * tests/e2e/firefox-smoke.spec.ts loads
 * https://127.0.0.1:<port>/__hc-e2e-open/<page>.html?<query> and this swaps
 * the tab to the extension's own page with the same query and hash. Only
 * these pages, only from 127.0.0.1. The production builds do not contain it
 * (the spec greps them for the marker).
 */
const PAGES = { 'library.html': '/library.html', 'popup.html': '/popup.html', 'sidepanel.html': '/sidepanel.html' } as const;
export const E2E_OPEN_PATH = '/__hc-e2e-open/';

/** Swaps a tab that loads an e2e "open" address on 127.0.0.1 to the named extension page. */
export function openExtensionPagesForTests(): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (!change.url) return;
    const url = new URL(change.url);
    if (url.hostname !== '127.0.0.1' || !url.pathname.startsWith(E2E_OPEN_PATH)) return;
    const name = url.pathname.slice(E2E_OPEN_PATH.length);
    const page = Object.hasOwn(PAGES, name) ? PAGES[name as keyof typeof PAGES] : undefined;
    if (page) void browser.tabs.update(tabId, { url: `${browser.runtime.getURL(page)}${url.search}${url.hash}` });
  });
}
