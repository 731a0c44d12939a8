import { describe, expect, it } from 'vitest';
import { clickContextMenu, openLibrary, openPopup, screenshot, useExtensionSession } from './harness';

const session = useExtensionSession();

describe('highlights in real Chromium (first steps of issue 4)', () => {
  it('highlights a selected passage from the context menu: saves the page, paints the passage, lists it in the library', async () => {
    const { page, tabId } = await session.openFixture('charity-guide.html');
    const selected = await page.evaluate(() => {
      const p = document.querySelectorAll('main p')[1] ?? document.querySelector('p')!;
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString().replace(/\s+/g, ' ').trim();
    });
    expect(selected.length).toBeGreaterThan(20);
    const domBefore = await page.evaluate(() => document.body.innerHTML.length);

    await clickContextMenu(session.ext, tabId, 'hc-highlight-question', page.url());
    // Painted with the CSS Custom Highlight API, without rewriting the page.
    await page.waitForFunction(() => CSS.highlights.has('hc-question'), undefined, { timeout: 15_000 });
    expect(await page.evaluate(() => document.body.innerHTML.length)).toBe(domBefore);
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await screenshot(page, 'page-highlighted');

    // Visit again: opening the popup (activeTab) paints the saved highlight again.
    await page.reload();
    expect(await page.evaluate(() => CSS.highlights.has('hc-question'))).toBe(false);
    const popup = await openPopup(session.ext, tabId);
    await popup.getByTestId('highlights-summary').waitFor();
    expect(await popup.getByTestId('highlights-summary').textContent()).toBe('1 highlight shown on this page.');
    expect(await page.evaluate(() => CSS.highlights.get('hc-question')?.size)).toBe(1);
    await popup.close();

    const library = await openLibrary(session.ext);
    await library.locator('.hc-row[data-kind="article"] a.hc-row__title').click();
    const item = library.locator('.hc-highlight[data-meaning="question"]');
    await item.waitFor();
    expect((await item.locator('blockquote').textContent())?.slice(0, 40)).toBe(selected.slice(0, 40));
    expect(await item.getByRole('link', { name: 'Show this passage on the page' }).getAttribute('href')).toContain('#:~:text=');
    await item.getByLabel('Note').fill('Ask the nurse what a hypo feels like');
    await item.getByRole('button', { name: 'Save note' }).click();
    await item.getByText('Note saved.').waitFor();
    await screenshot(library, 'reader-highlights');
    await item.getByRole('button', { name: 'Delete highlight' }).click();
    await item.waitFor({ state: 'detached' });
    await library.getByRole('button', { name: 'Undo' }).waitFor();
    await library.close();
  });

  it('highlights with the keyboard shortcut as "Important"', async () => {
    const { page, tabId } = await session.openFixture('news-article.html');
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('article p')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await session.ext.worker.evaluate(async (id) => {
      const tab = await chrome.tabs.get(id);
      (chrome.commands.onCommand as unknown as { dispatch(name: string, tab: unknown): void }).dispatch('highlight-selection', tab);
    }, tabId);
    await page.waitForFunction(() => CSS.highlights.get('hc-important')?.size === 1, undefined, { timeout: 15_000 });
    await page.close();

    const library = await openLibrary(session.ext, '#highlights');
    const item = library.locator('.hc-highlight[data-meaning="important"]');
    await item.waitFor();
    expect(await item.locator('.hc-highlight__meaning').textContent()).toMatch(/^!Important · /) // icon, words, then the page;
    await screenshot(library, 'all-highlights');
    await library.close();
  });
});

declare const chrome: typeof import('wxt/browser').browser;
