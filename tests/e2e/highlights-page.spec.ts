import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  closedShadow,
  highlightPhraseFromMenu,
  openLibrary,
  openPopup,
  openSidePanel,
  screenshot,
  selectPhraseOnPage,
  useExtensionSession,
  waitForClosedShadowText,
} from './harness';

const session = useExtensionSession();
const TOOLBAR = 'hc-selection-toolbar';

const selectPhrase = selectPhraseOnPage;

/** How many ranges are painted under a meaning's highlight name. */
const paintedCount = (page: Page, meaning: string) => page.evaluate((m) => CSS.highlights.get(`hc-${m}`)?.size ?? 0, meaning);

const highlightFromMenu = (page: Page, tabId: number, phrase: string, meaning: string) =>
  highlightPhraseFromMenu(session.ext, page, tabId, phrase, meaning);

describe('highlights on the page, the side panel and changed pages (issue 4)', () => {
  it('highlights from the in-page toolbar with a note; after a reload the side panel lists it, scrolls to it, edits the note, deletes with undo', async () => {
    const { page, tabId } = await session.openFixture('nhs-condition-page.html');
    // Clicking the extension on the page (activeTab) is what lets the toolbar appear without extra access.
    const popup = await openPopup(session.ext, tabId);
    await popup.getByRole('button', { name: 'Save page' }).waitFor();
    await popup.close();
    await page.bringToFront();

    const phrase = 'feeling very tired, losing weight without trying';
    await selectPhrase(page, phrase);
    let toolbar = await waitForClosedShadowText(page, TOOLBAR, 'This is me');
    // Every meaning carries an icon and words, not colour alone.
    for (const label of ['Question to ask', 'Important', 'I disagree', 'This is me', '?', '!', '✗', '♥']) expect(toolbar.texts).toContain(label);
    await toolbar.click('Add a note');
    toolbar = await waitForClosedShadowText(page, TOOLBAR, 'Your note (optional), then choose what it means');
    await page.keyboard.type('This is exactly how I felt in the spring');
    await toolbar.click('This is me');
    await waitForClosedShadowText(page, TOOLBAR, 'Highlighted as “This is me”. The page is now in your library too.');
    expect(await paintedCount(page, 'this-is-me')).toBe(1);
    await screenshot(page, 'toolbar-highlighted');

    await page.reload();
    expect(await paintedCount(page, 'this-is-me')).toBe(0);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const panel = await openSidePanel(session.ext, tabId);
    const item = panel.locator('.hc-highlight[data-meaning="this-is-me"]');
    await item.waitFor();
    expect(await item.getAttribute('data-status')).toBe('placed');
    expect(await item.getByLabel('Note').inputValue()).toBe('This is exactly how I felt in the spring');
    expect(await panel.locator('[data-source-type]').first().getAttribute('data-source-type')).toBe('official');
    expect(await paintedCount(page, 'this-is-me')).toBe(1);

    // Scroll to it: the page moves to the passage and marks it for a moment.
    // This page is a background tab here (the panel has the focus), where smooth scrolling stalls:
    // with reduced motion (which the highlighter honours) the jump is immediate.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const scrolledFrom = await page.evaluate(() => window.scrollY);
    await item.getByRole('button', { name: phrase }).click();
    await page.waitForFunction(() => (CSS.highlights.get('hc-focus')?.size ?? 0) === 1, undefined, { timeout: 5_000 });
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 5_000 }).toBeLessThan(scrolledFrom);

    await item.getByLabel('Note').fill('Tell the GP about the tiredness');
    await item.getByRole('button', { name: 'Save note' }).click();
    await item.getByText('Note saved.').waitFor();
    await screenshot(panel, 'side-panel');

    await item.getByRole('button', { name: 'Delete highlight' }).click();
    await panel.getByRole('button', { name: 'Undo' }).waitFor();
    expect(await paintedCount(page, 'this-is-me')).toBe(0);
    await panel.getByRole('button', { name: 'Undo' }).click();
    await item.waitFor();
    await page.waitForFunction(() => (CSS.highlights.get('hc-this-is-me')?.size ?? 0) === 1, undefined, { timeout: 5_000 });
    expect(await item.getByLabel('Note').inputValue()).toBe('Tell the GP about the tiredness');
    await panel.close();
    await page.close();
  });

  it('flags a highlight whose wording changed, lists one that is gone as not found (side panel and library), and re-attaches it', async () => {
    const name = 'charity-guide.html';
    const { page, tabId } = await session.openFixture(name);
    const changing = 'Then have a sugary drink or snack that acts fast, such as a small glass of non-diet fizzy drink';
    const removed = 'Hypos are more likely if you take insulin or certain tablets, such as sulphonylureas.';
    await highlightFromMenu(page, tabId, changing, 'question');
    await highlightFromMenu(page, tabId, removed, 'important');

    // The charity edits its page: a word is added to one passage and the other paragraph is removed.
    session.server.rewrite(name, (html) =>
      html.replace('sugary drink or snack', 'sugary drink or a snack').replace(/<p>\s*Hypos are more likely[\s\S]*?<\/p>/, ''),
    );
    try {
      await page.reload();
      const panel = await openSidePanel(session.ext, tabId);
      const changed = panel.locator('.hc-highlight[data-status="changed"]');
      await changed.waitFor();
      expect(await changed.textContent()).toContain('The wording has changed since you saved this.');
      expect(await changed.locator('blockquote').nth(0).textContent()).toBe(changing);
      expect(await changed.locator('blockquote').nth(1).textContent()).toContain('sugary drink or a snack');
      const missing = panel.locator('.hc-highlight[data-status="missing"]');
      await missing.waitFor();
      expect(await panel.getByRole('heading', { name: 'Not found on the page now' }).count()).toBe(1);
      expect(await missing.locator('mark').textContent()).toBe(removed);
      // The changed one is painted; the missing one is not painted anywhere else.
      expect(await paintedCount(page, 'question')).toBe(1);
      expect(await paintedCount(page, 'important')).toBe(0);
      await screenshot(panel, 'side-panel-changed-page');

      const library = await openLibrary(session.ext, '#highlights');
      const inLibrary = library.locator('.hc-highlight[data-status="missing"]');
      await inLibrary.waitFor();
      expect(await inLibrary.textContent()).toContain('Not found on the page now');
      await library.getByRole('status').filter({ hasText: '1 not found on the page the last time it was shown' }).waitFor();
      await screenshot(library, 'library-not-found');
      await library.close();

      // Re-attach the missing one to text the user selects now.
      await page.bringToFront();
      await selectPhrase(page, 'Once you feel better, eat a starchy snack or your next meal if it is due');
      await panel.bringToFront();
      await missing.getByRole('button', { name: 'Attach to selected text' }).click();
      await panel.locator('.hc-highlight[data-meaning="important"][data-status="placed"]').waitFor();
      expect(await panel.locator('.hc-highlight[data-status="missing"]').count()).toBe(0);
      expect(await paintedCount(page, 'important')).toBe(1);
      await panel.close();
    } finally {
      session.server.rewrite(name, undefined);
    }
    await page.close();
  });

  it('with “show my highlights automatically” on, paints them on a visit without a click, under a mobile address, once late-loading text appears', async () => {
    const name = 'news-article.html';
    const { page, tabId } = await session.openFixture(name);
    await highlightFromMenu(page, tabId, 'Doctors say that remission is not a cure', 'disagree');
    await page.close();

    const library = await openLibrary(session.ext, '#settings');
    const setting = library.locator('[data-setting="hc-auto-highlights-heading"]');
    await setting.getByRole('button', { name: 'Turn on' }).click();
    await setting.getByText('Status: On').waitFor();
    await screenshot(library, 'settings-auto-highlights');
    await library.close();
    await expect.poll(() => session.ext.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length)).toBe(1);

    // The site now builds its article with a script, 1.5 s after load, and is opened at its mobile address.
    session.server.rewrite(name, (html) =>
      html
        .replace(/<link[^>]+rel=["']?canonical[^>]*>/gi, '')
        .replace(
          '</body>',
          `<script>const a = document.querySelector('article'); const hold = a.innerHTML; a.innerHTML = '<p>Loading…</p>';
           setTimeout(() => { a.innerHTML = hold; }, 1500);</script></body>`,
        ),
    );
    try {
      const later = await session.ext.context.newPage();
      await later.goto(session.server.urlOf(name).replace('://www.', '://m.'));
      expect(await later.evaluate(() => document.querySelector('article')?.textContent)).toBe('Loading…');
      await later.waitForFunction(() => (CSS.highlights.get('hc-disagree')?.size ?? 0) === 1, undefined, { timeout: 10_000 });
      // The toolbar is offered on every page now, without clicking the extension.
      await selectPhrase(later, 'regular check-ups of their eyes, feet and kidneys');
      await waitForClosedShadowText(later, TOOLBAR, 'Question to ask');
      await screenshot(later, 'auto-highlights-late-content');
      expect(await closedShadow(later, 'hc-page-badge')).toBeUndefined(); // badges stay off: a separate choice
      await later.close();
    } finally {
      session.server.rewrite(name, undefined);
    }
  });
});

declare const chrome: typeof import('wxt/browser').browser;
