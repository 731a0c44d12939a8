import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bulkClip } from '../helpers/sample-library';
import {
  clickContextMenu,
  highlightPhraseFromMenu,
  launchWithExtension,
  openLibrary,
  openPopup,
  putRecords,
  readRecords,
  removeProfile,
  screenshot,
  useExtensionSession,
  waitForClosedShadowText,
} from './harness';

/** The extension API as seen inside the service worker. */
declare const chrome: typeof import('wxt/browser').browser;

const session = useExtensionSession();

/** Values in the extension's local storage, read in the service worker. */
function stored(keys: string[]): Promise<Record<string, unknown>> {
  return session.ext.worker.evaluate((k) => chrome.storage.local.get(k), keys);
}

/** Opens an extension page by its file name. */
async function openExtensionPage(file: string): Promise<Page> {
  const page = await session.ext.context.newPage();
  await page.goto(`chrome-extension://${session.ext.extensionId}/${file}`);
  return page;
}

/** The painted colour of a highlight registry entry on a page, as the browser computes it for ::highlight(). */
function paintedColour(page: Page, name: string): Promise<string> {
  return page.evaluate((n) => getComputedStyle(document.body, `::highlight(${n})`).backgroundColor, name);
}

/** The build users install (npm run build), which opens the welcome page; the e2e build does not. */
const RELEASE_DIR = resolve(process.cwd(), '.output/chrome-mv3');

describe('first run and settings: the welcome page and the options page (issue 9)', () => {
  it('the release build opens the welcome page by itself when it is installed', async () => {
    if (!existsSync(resolve(RELEASE_DIR, 'manifest.json'))) throw new Error(`No release build at ${RELEASE_DIR}: run npm run build first.`);
    const fresh = await launchWithExtension(session.server, undefined, { extensionDir: RELEASE_DIR });
    try {
      const welcomeUrl = `chrome-extension://${fresh.extensionId}/welcome.html`;
      await expect.poll(() => fresh.context.pages().map((p) => p.url()), { timeout: 10_000 }).toContain(welcomeUrl);
      const welcome = fresh.context.pages().find((p) => p.url() === welcomeUrl);
      await welcome?.getByRole('heading', { level: 1, name: 'Welcome to Health Clipper' }).waitFor();
      // Once: the extension's own pages do not open it again.
      expect(fresh.context.pages().filter((p) => p.url() === welcomeUrl)).toHaveLength(1);
    } finally {
      await fresh.close();
      await removeProfile(fresh.profileDir);
    }
  });

  it('the welcome page says what is kept where, asks about annotating pages (Not now, then Yes), and leads to backup', async () => {
    const { ext } = session;
    // The e2e build never opens it by itself (lib/settings/welcome.ts): no other spec expects an extra tab.
    expect(ext.context.pages().map((p) => p.url()).filter((u) => u.includes('welcome.html'))).toEqual([]);

    const welcome = await openExtensionPage('welcome.html');
    await welcome.getByRole('heading', { level: 1, name: 'Welcome to Health Clipper' }).waitFor();
    expect(await welcome.title()).toBe('Welcome to Health Clipper');
    expect(await welcome.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Your library stays on this computer',
      'How the source type is decided',
      'Annotate pages as I browse?',
      'Back up your library',
    ]);
    await screenshot(welcome, 'welcome-page');

    await welcome.getByRole('button', { name: 'Not now' }).click();
    await welcome.getByRole('status').filter({ hasText: 'this stays off' }).waitFor();
    expect(await stored(['annotatePages', 'autoHighlights'])).toEqual({});

    await welcome.getByRole('button', { name: 'Yes, annotate pages' }).click();
    await welcome.getByRole('status').filter({ hasText: 'Done.' }).waitFor();
    expect(await stored(['annotatePages', 'autoHighlights'])).toEqual({ annotatePages: true, autoHighlights: true });
    await screenshot(welcome, 'welcome-page-yes');

    // Badges appear on pages opened from now on (the script is registered a moment later).
    let badgeText: string | undefined;
    for (let attempt = 0; attempt < 20 && !badgeText; attempt++) {
      const { page } = await session.openFixture('nhs-condition-page.html', `welcome=${attempt}`);
      const badge = await waitForClosedShadowText(page, 'hc-page-badge', 'Official', 1_500).catch(() => undefined);
      if (badge) {
        badgeText = badge.texts.join(' ');
        await badge.detach();
        await screenshot(page, 'welcome-badge-on-page', { fullPage: false });
      }
      await page.close();
    }
    expect(badgeText).toMatch(/Official/);

    // "Go to backup" opens the library's Settings, where the backup is made.
    await welcome.getByRole('link', { name: 'Go to backup in your library' }).click();
    await welcome.getByRole('heading', { name: 'Back up your library' }).waitFor();
    expect(new URL(welcome.url()).pathname + new URL(welcome.url()).hash).toBe('/library.html#settings');
    await welcome.close();
  });

  it('the options page opens from the browser, and its default tags go with popup and menu saves', async () => {
    const { ext } = session;
    // As the browser's "Extension options" does (options_ui, open in a tab).
    // Chromium may open it in a blank tab that is already there, so look for it rather than wait for a new page.
    await ext.worker.evaluate(() => chrome.runtime.openOptionsPage());
    let options: Page | undefined;
    await expect.poll(() => (options = ext.context.pages().find((p) => p.url().endsWith('/options.html')))).toBeDefined();
    if (!options) throw new Error('the options page did not open');
    await options.getByRole('heading', { level: 1, name: 'Options' }).waitFor();
    expect(new URL(options.url()).pathname).toBe('/options.html');
    const tagBox = options.getByRole('combobox', { name: 'Tags to add to new pages' });
    await tagBox.fill('Diabetes');
    await tagBox.press('Enter');
    await tagBox.fill('for GP');
    await tagBox.press('Enter');
    await options.getByText('Saved. New pages start with these tags: diabetes, for gp.').waitFor();
    expect(await stored(['defaultTags'])).toEqual({ defaultTags: ['diabetes', 'for gp'] });

    // The popup shows them on a page not yet saved; the user takes one off before saving.
    const { page: charity, tabId } = await session.openFixture('charity-guide.html');
    const popup = await openPopup(ext, tabId);
    await popup.getByRole('button', { name: 'Save page' }).waitFor();
    expect(await popup.locator('.hc-tag').allTextContents()).toEqual([expect.stringContaining('diabetes'), expect.stringContaining('for gp')]);
    await screenshot(popup, 'popup-default-tags');
    await popup.getByRole('button', { name: 'Remove tag for gp' }).click();
    await popup.getByRole('button', { name: 'Save page' }).click();
    await popup.getByText(/^Saved/).waitFor();
    await popup.close();
    await charity.close();

    // The menu has no form: the tags are applied as they are.
    const { page: product, tabId: productTab } = await session.openFixture('product-page.html');
    await clickContextMenu(ext, productTab, 'hc-save-page', product.url());
    const library = await openLibrary(ext);
    await expect
      .poll(async () => ((await readRecords(library, 'clips')) as { url: string; tags: string[] }[]).map((c) => [new URL(c.url).host, c.tags]).sort(), { timeout: 15_000 })
      .toEqual([
        ['www.diabetes.org.uk', ['diabetes']],
        [new URL(product.url()).host, ['diabetes', 'for gp']],
      ]);
    await product.close();
    await library.close();
    await options.close();
  });

  it('a new colour for a meaning is painted in pages and shown in the highlight list, which still names the meaning', async () => {
    const { ext } = session;
    const { page, tabId } = await session.openFixture('nhs-condition-page.html', 'colours');
    await highlightPhraseFromMenu(ext, page, tabId, 'feeling very tired, losing weight without trying', 'important');
    // The usual orange first.
    expect(await paintedColour(page, 'hc-important')).toBe('rgba(255, 140, 0, 0.35)');

    const options = await openExtensionPage('options.html');
    const important = options.locator('fieldset[data-meaning="important"]');
    expect(await important.locator('legend').textContent()).toContain('Important');
    await important.getByRole('radio', { name: 'Purple' }).check();
    await options.getByText('Important highlights are now Purple.').waitFor();
    expect(await stored(['highlightColours'])).toEqual({ highlightColours: { question: 'yellow', important: 'purple', disagree: 'red', 'this-is-me': 'teal' } });
    await screenshot(options, 'options-page');

    // The open page repaints at once, and a page opened later paints in the new colour too.
    await expect.poll(() => paintedColour(page, 'hc-important')).toBe('rgba(142, 80, 181, 0.28)');
    // Other meanings keep theirs; the underline (not colour) still tells them apart.
    expect(await page.evaluate(() => getComputedStyle(document.body, '::highlight(hc-important)').textDecorationLine)).toBe('underline');
    // Without the selection and the toolbar over it, so the screenshot shows the paint itself.
    await page.evaluate(() => getSelection()?.removeAllRanges());
    await page.mouse.click(5, 5);
    await page.getByText('Common symptoms include').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(300);
    await screenshot(page, 'highlight-in-purple', { fullPage: false });
    await page.close();
    const { page: again, tabId: againTab } = await session.openFixture('nhs-condition-page.html', 'colours-again');
    // Opening the popup repaints the page's highlights (without "show my highlights automatically").
    await (await openPopup(ext, againTab)).close();
    await again.waitForFunction(() => (CSS.highlights.get('hc-important')?.size ?? 0) > 0, undefined, { timeout: 15_000 });
    expect(await paintedColour(again, 'hc-important')).toBe('rgba(142, 80, 181, 0.28)');
    await again.close();

    const library = await openLibrary(ext, '#highlights');
    const card = library.locator('.hc-highlight--important').first();
    await card.waitFor();
    expect(await card.evaluate((el) => getComputedStyle(el).borderLeftColor)).toBe('rgb(142, 80, 181)');
    expect(await card.locator('.hc-highlight__meaning').textContent()).toContain('Important');
    await screenshot(library, 'highlights-list-purple');
    await library.close();
    await options.close();
  });

  it('the backup reminder follows the options page: never, or after a week', async () => {
    const { ext } = session;
    const library = await openLibrary(ext);
    // A dozen pages saved in 2025 and never backed up: the monthly reminder is due.
    await putRecords(library, 'clips', Array.from({ length: 12 }, (_, i) => bulkClip(i, 500)));
    await library.reload();
    const reminder = library.getByRole('complementary', { name: 'Backup reminder' });
    await reminder.waitFor();

    const options = await openExtensionPage('options.html');
    const section = options.locator('[data-setting="backup-reminder"]');
    expect(await section.getByRole('radio', { name: 'After a month without a backup' }).isChecked()).toBe(true);
    await section.getByRole('radio', { name: 'Never' }).check();
    await options.getByText('Saved. You will not be reminded.', { exact: false }).waitFor();
    expect(await stored(['backupReminderFrequency'])).toEqual({ backupReminderFrequency: 'off' });
    // The open library follows at once, and after a reload too.
    await expect.poll(() => reminder.count()).toBe(0);
    await library.reload();
    await library.locator('.hc-row').first().waitFor();
    await library.waitForTimeout(500);
    expect(await reminder.count()).toBe(0);

    await section.getByRole('radio', { name: 'After a week without a backup' }).check();
    await reminder.waitFor();
    await options.close();
    await library.close();
  });
});
