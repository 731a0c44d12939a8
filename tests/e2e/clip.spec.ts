import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickContextMenu, openLibrary, openPopup, screenshot, useExtensionSession } from './harness';

const session = useExtensionSession();
const openFixture = (name: string, query?: string) => session.openFixture(name, query);

/**
 * Opens the clip of this kind in the reader, and waits until the
 * reader has moved focus to its heading (typing before that would lose focus).
 */
async function openReader(library: Page, kind: 'article' | 'selection'): Promise<void> {
  await library.locator(`.hc-row[data-kind="${kind}"]`).locator('a.hc-row__title').click();
  await library.locator('#hc-reader-title:focus').waitFor();
}

/** Selects the text of the first element matching `selector` in the page. */
async function selectText(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`no ${sel}`);
    const range = document.createRange();
    range.selectNodeContents(el);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  }, selector);
}

describe('clipping health pages in real Chromium', () => {
  it('saves an article from the popup, with tags and a note, and knows it next time', async () => {
    const { tabId } = await openFixture('nhs-condition-page.html', 'utm_source=newsletter&utm_medium=email');
    const popup = await openPopup(session.ext, tabId);
    await popup.getByRole('button', { name: 'Save page' }).waitFor();
    expect(await popup.locator('[data-source-type]').first().getAttribute('data-source-type')).toBe('official');

    const tags = popup.getByRole('combobox', { name: 'Tags' });
    await tags.fill('diabetes');
    await tags.press('Enter');
    await tags.fill('type 2');
    await tags.press('Enter');
    await popup.getByLabel('Note').fill('Ask the nurse about HbA1c targets');
    await screenshot(popup, 'popup-before-save');

    await popup.getByRole('button', { name: 'Save page' }).click();
    await popup.getByText('Saved the article to your library.').waitFor();
    await screenshot(popup, 'popup-after-save');
    await popup.close();

    // The same page under a tracking link is recognised as already saved.
    const again = await openFixture('nhs-condition-page.html', 'utm_campaign=x#symptoms');
    const popup2 = await openPopup(session.ext, again.tabId);
    await popup2.getByText(/Already saved on/).waitFor();
    expect(await popup2.getByRole('button', { name: 'Save page' }).count()).toBe(0);
    const chips = await popup2.locator('.hc-tag').allTextContents();
    expect(chips.map((c) => c.replace('×', '').trim())).toEqual(['diabetes', 'type 2']);
    await screenshot(popup2, 'popup-already-saved');
    await popup2.close();
  });

  it('saves a selected passage from the context menu, with the text around it', async () => {
    const { page, tabId } = await openFixture('news-article.html');
    const selected = await selectText(page, 'article p:nth-of-type(2)');
    expect(selected.length).toBeGreaterThan(20);
    await clickContextMenu(session.ext, tabId, 'hc-save-selection', page.url());

    const library = await openLibrary(session.ext);
    const row = library.locator('.hc-row[data-kind="selection"]');
    await row.first().waitFor();
    const quote = (await row.first().locator('.hc-row__quote').textContent()) ?? '';
    expect(quote.replace(/[“”]/g, '').slice(0, 30)).toBe(selected.replace(/\s+/g, ' ').trim().slice(0, 30));
    await library.close();
  });

  it('lists, searches, filters, edits, deletes and restores clips in the library', async () => {
    const library = await openLibrary(session.ext);
    await library.getByText('2 clips').waitFor();
    await screenshot(library, 'library-list');

    await library.getByLabel('Search your library').fill('hba1c');
    await library.getByText('1 clip found').waitFor();
    await library.getByLabel('Search your library').fill('');
    await library.getByLabel('Type of source').selectOption('news');
    await library.getByText('1 clip found').waitFor();
    await library.getByLabel('Type of source').selectOption('');
    await library.getByLabel('Tag', { exact: true }).selectOption('diabetes');
    await library.getByText('1 clip found').waitFor();
    await library.getByLabel('Tag', { exact: true }).selectOption('');

    // Open the article in the reader, add a tag, change the type.
    await openReader(library, 'article');
    expect((await library.locator('.hc-reader__content').textContent())?.length ?? 0).toBeGreaterThan(200);
    const tags = library.getByRole('combobox', { name: 'Tags' });
    await tags.fill('appointment');
    await tags.press('Enter');
    await library.getByRole('button', { name: 'Save tags and note' }).click();
    await library.getByText('Your tags and note are saved.').waitFor();
    await library.getByLabel('Change the type').selectOption('charity');
    await library.getByRole('button', { name: 'Save type' }).click();
    await library.getByText('Source type updated.').waitFor();
    await screenshot(library, 'library-reader');

    await library.getByRole('link', { name: 'Back to your library' }).click();
    await library.getByLabel('Tag', { exact: true }).selectOption('appointment');
    await library.getByText('1 clip found').waitFor();
    await library.getByLabel('Tag', { exact: true }).selectOption('');
    await library.getByLabel('Type of source').selectOption('charity');
    await library.getByText('1 clip found').waitFor();
    await library.getByLabel('Type of source').selectOption('');

    // Delete, then undo.
    await library.getByText('2 clips').waitFor();
    await library.locator('.hc-row[data-kind="selection"]').getByRole('button', { name: /^Delete/ }).click();
    await library.getByText('1 clip', { exact: true }).waitFor();
    await screenshot(library, 'library-deleted-undo');
    await library.getByRole('button', { name: 'Undo' }).click();
    await library.getByText('2 clips').waitFor();

    // Tags used before are offered as you type, and picked with the keyboard.
    await openReader(library, 'selection');
    const passageTags = library.getByRole('combobox', { name: 'Tags' });
    await passageTags.fill('ty');
    await library.getByRole('option', { name: 'type 2' }).waitFor();
    await passageTags.press('ArrowDown');
    await passageTags.press('Enter');
    expect((await library.locator('.hc-tag').allTextContents()).map((c) => c.replace('×', '').trim())).toEqual(['type 2']);
    await library.close();
  });

  it('says plainly when a page cannot be saved', async () => {
    const tabId = await session.ext.worker.evaluate(async () => (await chrome.tabs.create({ url: 'chrome://version' })).id ?? -1);
    expect(tabId).toBeGreaterThan(0);
    const popup = await openPopup(session.ext, tabId);
    await popup.getByRole('alert').waitFor();
    expect(await popup.getByRole('alert').textContent()).toContain('This page cannot be saved');
    await screenshot(popup, 'popup-cannot-clip');
    await popup.close();
  });

  it('keeps the library when the browser is closed and opened again', async () => {
    await session.relaunch();
    const library = await openLibrary(session.ext);
    await library.getByText('2 clips').waitFor();
    const titles = await library.locator('a.hc-row__title').allTextContents();
    expect(titles).toHaveLength(2);
    await library.close();
  });
});

declare const chrome: typeof import('wxt/browser').browser;
