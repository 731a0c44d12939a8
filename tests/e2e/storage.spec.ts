import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bulkClip, sampleLibrary } from '../helpers/sample-library';
import { highlightPhraseFromMenu, openLibrary, openPopup, putRecords, savePageFromPopup, screenshot, useExtensionSession } from './harness';
import { evictIndexedDb, readCanary, readDatabases, readExtensionStorage, waitForCanaryCount } from './storage-helpers';

/** The extension API as seen inside the service worker. */
declare const chrome: typeof import('wxt/browser').browser;

const session = useExtensionSession();
const QUESTION_PASSAGE = 'Then have a sugary drink or snack that acts fast, such as a small glass of non-diet fizzy drink';
const WIPED_HEADING = 'Your saved pages are no longer in this browser';

/** What a fresh install holds after the library was opened once: filled in by the first test. */
let freshInstall: { databases: Record<string, Record<string, number>>; localKeys: string[] } | undefined;

const wipedBanner = (page: Page) => page.getByRole('alert').filter({ hasText: WIPED_HEADING });

/** The library list is on screen and says it is empty. */
async function expectEmptyLibrary(page: Page): Promise<void> {
  await page.getByText('Your library is empty.', { exact: false }).waitFor();
  expect(await page.locator('.hc-row').count()).toBe(0);
}

describe('storage: persistence, the eviction canary and Delete everything', () => {
  it('asks for persistent storage when the library opens, records the answer, and Settings shows what the browser says', async () => {
    const { ext } = session;
    const library = await openLibrary(ext);
    await expectEmptyLibrary(library);
    await expect.poll(async () => (await readExtensionStorage(ext.worker)).local.persistentStorage).toMatchObject({ supported: true });
    const recorded = (await readExtensionStorage(ext.worker)).local.persistentStorage as { granted: boolean };
    // Chromium decides by heuristics (bookmarks, engagement, notifications); unlimitedStorage does not make it say yes.
    const persisted = await library.evaluate(() => navigator.storage.persisted());
    console.log(`navigator.storage.persisted() after opening the library: ${persisted}; recorded answer: ${recorded.granted}`);
    expect(recorded.granted).toBe(persisted);
    await waitForCanaryCount(ext.worker, 0);
    freshInstall = { databases: await readDatabases(library), localKeys: Object.keys((await readExtensionStorage(ext.worker)).local).sort() };
    expect(freshInstall.databases['health-clipper']).toMatchObject({ clips: 0, highlights: 0, collections: 0, siteRules: 0, libraryMeta: 1 });

    await library.goto(`${library.url().replace(/#.*$/, '')}#settings`);
    const section = library.getByRole('region', { name: 'Keeping your library' });
    await section.getByText(`Your browser has agreed to keep your library: ${persisted ? 'Yes' : 'No'}`, { exact: false }).waitFor();
    if (!persisted) {
      expect(await section.textContent()).toContain('Your browser may clear your library if your computer runs low on disk space.');
      await section.scrollIntoViewIfNeeded();
      await screenshot(library, 'storage-persistence-no', { fullPage: false });
      // When the browser agrees (as Chromium does for a bookmarked or much-used site), Settings says so at once,
      // and the library asks again (recording the yes) once a week has passed since the no.
      const cdp = await ext.context.newCDPSession(library);
      // DevTools drops its permission overrides when its session ends: keep it open until the check is done.
      await cdp.send('Browser.setPermission', { permission: { name: 'persistent-storage' }, setting: 'granted', origin: `chrome-extension://${ext.extensionId}` });
      await library.reload();
      await section.getByText('Your browser has agreed to keep your library: Yes. It will not clear your saved pages to free up disk space.').waitFor();
      expect(await section.textContent()).not.toContain('runs low on disk space');
      expect((await readExtensionStorage(ext.worker)).local.persistentStorage).toMatchObject({ granted: false }); // not asked again within the week
      const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000).toISOString();
      await ext.worker.evaluate((askedAt) => chrome.storage.local.set({ persistentStorage: { supported: true, granted: false, askedAt } }), eightDaysAgo);
      await library.reload();
      await expect.poll(async () => (await readExtensionStorage(ext.worker)).local.persistentStorage).toMatchObject({ granted: true });
      await cdp.detach();
    }
    await library.close();
  });

  it('tells the user when the browser wiped the library, with the last backup date and a way to restore, and not again once dismissed', async () => {
    const { ext } = session;
    const library = await openLibrary(ext);
    await expectEmptyLibrary(library);
    await putRecords(library, 'clips', Array.from({ length: 12 }, (_, i) => bulkClip(i + 1, 2_000)));
    await library.reload();
    await library.locator('.hc-row').nth(11).waitFor();
    await waitForCanaryCount(ext.worker, 12);
    const first = await readCanary(ext.worker);
    // A real backup, from Settings, to restore after the wipe.
    await library.goto(`${library.url().replace(/#.*$/, '')}#settings`);
    const [download] = await Promise.all([
      library.waitForEvent('download'),
      library.getByRole('region', { name: 'Back up your library' }).getByRole('button', { name: 'Back up now' }).click(),
    ]);
    const backupPath = join(ext.profileDir, download.suggestedFilename());
    await download.saveAs(backupPath);
    const backupDay = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    await library.goto(`${library.url().replace(/#.*$/, '')}#`);

    // Extension storage cleared but the database intact: no alarm, the record is written again with the same id.
    await ext.worker.evaluate(() => chrome.storage.local.remove('libraryCanary'));
    await library.reload();
    await library.locator('.hc-row').nth(11).waitFor();
    await waitForCanaryCount(ext.worker, 12);
    const before = await readCanary(ext.worker);
    expect(before).toMatchObject({ libraryId: first?.libraryId, clipCount: 12 });
    expect(await wipedBanner(library).count()).toBe(0);

    // The browser clears the database (disk pressure), with the library tab and the service worker running.
    await evictIndexedDb(ext, library);
    await library.reload();
    const banner = wipedBanner(library);
    await banner.waitFor();
    const text = await banner.textContent();
    expect(text).toContain('The browser cleared Health Clipper’s storage, usually to free up disk space.');
    expect(text).toContain('your library had 12 saved pages');
    expect(text).toContain(`restore your latest backup, made on ${backupDay}`);
    await expectEmptyLibrary(library);
    await screenshot(library, 'storage-wiped-banner');
    const canary = await readCanary(ext.worker);
    expect(canary?.wiped).toMatchObject({ clipCount: 12, lastSeenAt: before?.seenAt });
    expect(canary?.libraryId).not.toBe(before?.libraryId);

    // "Restore from a backup" opens Settings at the file chooser.
    await banner.getByRole('button', { name: 'Restore from a backup' }).click();
    await expect.poll(() => library.evaluate(() => [location.hash, document.activeElement?.id])).toEqual(['#settings', 'hc-restore-file']);

    // The notice stays until dismissed, across reloads; then it is gone for good.
    await library.goto(`${library.url().replace(/#.*$/, '')}#`);
    await banner.waitFor();
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    await library.reload();
    await expectEmptyLibrary(library);
    await waitForCanaryCount(ext.worker, 0);
    expect(await banner.count()).toBe(0);
    expect((await readCanary(ext.worker))?.wiped).toBeUndefined();

    /** Restores the backup file from Settings, as the user would after following the banner. */
    const restore = async () => {
      await library.getByLabel('Choose a backup file (.json)').setInputFiles(backupPath);
      await library.getByRole('button', { name: 'Replace my library with this backup' }).click();
      await library.getByText(/^Done\. Your library now holds what the backup of .* held: 12 saved pages/).waitFor();
    };
    // Restoring the backup ends the notice by itself: wipe again (with 12 pages seen), follow the banner, restore.
    await library.goto(`${library.url().replace(/#.*$/, '')}#settings`);
    await restore();
    await library.goto(`${library.url().replace(/#.*$/, '')}#`);
    await library.locator('.hc-row').nth(11).waitFor();
    await waitForCanaryCount(ext.worker, 12);
    await evictIndexedDb(ext, library);
    await library.reload();
    await banner.getByRole('button', { name: 'Restore from a backup' }).click();
    await restore();
    await library.goto(`${library.url().replace(/#.*$/, '')}#`);
    await library.locator('.hc-row').nth(11).waitFor();
    expect(await library.locator('.hc-row').count()).toBe(12);
    expect(await banner.count()).toBe(0);
    expect((await readCanary(ext.worker))?.wiped).toBeUndefined();
    await library.close();
  });

  it('Delete everything empties IndexedDB and extension storage, stays empty after a restart, raises no alarm, and saving works after', async () => {
    const { ext } = session;
    // A library with a real save, a real highlight, records of every kind and settings (and the 12 pages restored above).
    const nhs = await session.openFixture('nhs-condition-page.html');
    await savePageFromPopup(ext, nhs.tabId, 'Saved the article to your library.');
    const charity = await session.openFixture('charity-guide.html');
    await highlightPhraseFromMenu(ext, charity.page, charity.tabId, QUESTION_PASSAGE, 'question');
    const library = await openLibrary(ext);
    const sample = sampleLibrary();
    for (const table of ['siteRules', 'collections', 'highlights', 'clips'] as const) await putRecords(library, table, sample[table]);
    await ext.worker.evaluate(() =>
      chrome.storage.local.set({ annotateHiddenHosts: ['bbc.co.uk'], prescriber: { service: 'Riverside Surgery', clinician: 'Dr A', contact: '01234' } }),
    );
    await ext.worker.evaluate(() => chrome.storage.session.set({ someSessionState: 1 }));
    await library.reload();
    await library.locator('.hc-row').nth(12 + sample.clips.length + 1).waitFor();
    const filled = (await readDatabases(library))['health-clipper'];
    expect(filled).toMatchObject({ clips: 12 + sample.clips.length + 2, siteRules: sample.siteRules.length });
    expect(filled?.highlights).toBeGreaterThan(1);
    const oldLibraryId = (await readCanary(ext.worker))?.libraryId;

    await library.goto(`${library.url().replace(/#.*$/, '')}#settings`);
    const zone = library.getByRole('region', { name: 'Delete everything' });
    await zone.scrollIntoViewIfNeeded();
    // The suggested backup first: it is made from here.
    const [safety] = await Promise.all([library.waitForEvent('download'), zone.getByRole('button', { name: 'Make a backup first' }).click()]);
    expect(safety.suggestedFilename()).toMatch(/^health-clipper-backup-\d{4}-\d{2}-\d{2}\.json$/);
    await zone.getByText(/^Saved health-clipper-backup-.*\.json to your downloads/).waitFor();
    const button = zone.getByRole('button', { name: 'Delete everything' });
    expect(await button.isDisabled()).toBe(true);
    await zone.getByLabel('To confirm, type DELETE in capital letters').fill('delete');
    expect(await button.isDisabled()).toBe(true);
    await zone.getByLabel('To confirm, type DELETE in capital letters').fill('DELETE');
    expect(await button.isDisabled()).toBe(false);
    await screenshot(library, 'storage-delete-everything-confirm', { fullPage: false });
    const started = Date.now();
    await button.click();
    await library.getByText('Everything was deleted. Your library is empty', { exact: false }).waitFor();
    const tookMs = Date.now() - started;
    await expectEmptyLibrary(library);
    await waitForCanaryCount(ext.worker, 0);
    await screenshot(library, 'storage-after-delete-everything');

    /** Only what a fresh install holds after its library was opened once. */
    const expectFreshInstall = async (page: Page) => {
      // The search index is saved a moment after the library opens: an empty one is at most one row, whenever it is written.
      const { searchIndex, ...tables } = (await readDatabases(page))['health-clipper'] ?? {};
      const { searchIndex: _fresh, ...freshTables } = freshInstall?.databases['health-clipper'] ?? {};
      expect(Object.keys(await readDatabases(page))).toEqual(Object.keys(freshInstall?.databases ?? {}));
      expect(tables).toEqual(freshTables);
      expect(searchIndex).toBeLessThanOrEqual(1);
      const storage = await readExtensionStorage(session.ext.worker);
      expect(Object.keys(storage.local).sort()).toEqual(freshInstall?.localKeys);
      expect(storage.sync).toEqual({});
      expect(storage.session).toEqual({});
      const canary = await readCanary(session.ext.worker);
      expect(canary).toMatchObject({ clipCount: 0 });
      expect(canary?.wiped).toBeUndefined();
      expect(canary?.libraryId).not.toBe(oldLibraryId);
      expect(await wipedBanner(page).count()).toBe(0);
    };
    await expectFreshInstall(library);
    expect(await ext.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
    // The background let go of the old database: it reads the new one (the page is not saved any more).
    const popup = await openPopup(ext, nhs.tabId);
    await popup.getByRole('button', { name: 'Save page' }).waitFor();
    // The alert region is always there, empty, ready to speak; what counts is that it says nothing.
    expect(await popup.getByRole('alert').filter({ hasText: /\S/ }).count()).toBe(0);
    await popup.close();
    console.log(`Delete everything: ${filled?.clips} pages and ${filled?.highlights} highlights deleted in ${tookMs} ms (click to empty library shown)`);

    // Close the browser and open the same profile again: still empty, still no alarm.
    await session.relaunch();
    const reopened = await openLibrary(session.ext);
    await expectEmptyLibrary(reopened);
    await waitForCanaryCount(session.ext.worker, 0);
    await expectFreshInstall(reopened);

    // And the library works as new.
    const again = await session.openFixture('nhs-condition-page.html');
    await savePageFromPopup(session.ext, again.tabId, 'Saved the article to your library.');
    await reopened.reload();
    await reopened.locator('.hc-row').first().waitFor();
    expect(await reopened.locator('.hc-row').count()).toBe(1);
    expect(await wipedBanner(reopened).count()).toBe(0);
    await reopened.close();
  });
});
