import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickContextMenu, openLibrary, openPopup, screenshot, useExtensionSession } from './harness';

const session = useExtensionSession();
const openFixture = (name: string) => session.openFixture(name);

/** Presses the extension's keyboard shortcut by running its real listener. */
async function pressShortcut(tabId: number): Promise<void> {
  await session.ext.worker.evaluate(async (id) => {
    const tab = await chrome.tabs.get(id);
    (chrome.commands.onCommand as unknown as { dispatch(name: string, tab: unknown): void }).dispatch('save-page', tab);
  }, tabId);
}

/** The library row for a page title, once it appears. */
async function waitForRow(library: Page, title: string) {
  const row = library.locator('.hc-row', { has: library.locator('a.hc-row__title', { hasText: title }) });
  await row.first().waitFor();
  return row.first();
}

describe('other ways to save, and pages that cannot be saved in full', () => {
  it('keeps the visible text of a page with no article, and says so', async () => {
    const { tabId } = await openFixture('forum-index.html');
    const popup = await openPopup(session.ext, tabId);
    await popup.getByRole('button', { name: 'Save page' }).click();
    await popup.getByText(/no single main article/).waitFor();
    await screenshot(popup, 'popup-no-article-fallback');
    await popup.close();

    const library = await openLibrary(session.ext);
    await (await waitForRow(library, 'Living with diabetes')).locator('a.hc-row__title').click();
    const content = (await library.locator('.hc-reader__content').textContent()) ?? '';
    expect(content).toContain('HbA1c went down!');
    expect(content).toContain('Eye screening tomorrow');
    await library.close();
  });

  it('saves the selection with the keyboard shortcut when text is selected, else the article', async () => {
    const { page, tabId } = await openFixture('charity-guide.html');
    const selected = await page.evaluate(() => {
      const p = document.querySelector('main p, article p, p')!;
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString().replace(/\s+/g, ' ').trim();
    });
    await pressShortcut(tabId);
    const library = await openLibrary(session.ext);
    const passage = library.locator('.hc-row[data-kind="selection"]');
    await passage.first().waitFor();
    expect((await passage.first().locator('.hc-row__quote').textContent())?.replace(/[“”]/g, '').slice(0, 40)).toBe(selected.slice(0, 40));

    await page.evaluate(() => getSelection()!.removeAllRanges());
    await pressShortcut(tabId);
    await library.locator('.hc-row[data-kind="article"]').first().waitFor();
    await screenshot(library, 'library-after-shortcut');
    await library.close();
  });

  it('saves the link and title of a page that stops responding, and says why', async () => {
    const { page, tabId } = await openFixture('frozen-page.html');
    await page.waitForTimeout(800); // the page's script is now busy
    await clickContextMenu(session.ext, tabId, 'hc-save-page', page.url());
    const library = await openLibrary(session.ext);
    const row = await waitForRow(library, 'A page that stops responding');
    expect(await row.getAttribute('data-kind')).toBe('link');
    await row.locator('a.hc-row__title').click();
    await library.getByText(/took too long to read/).waitFor();
    await library.close();
    await page.close({ runBeforeUnload: false });
  });
});

declare const chrome: typeof import('wxt/browser').browser;
