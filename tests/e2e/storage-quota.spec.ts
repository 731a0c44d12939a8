import { createHash, randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkClip } from '../helpers/sample-library';
import { openLibrary, openPopup, putRecords, removeProfile, screenshot, startFixtureServer, tabIdFor, type FixtureServer } from './harness';
import { launchOnSmallDisk, type SmallDiskBrowser } from './storage-helpers';

let server: FixtureServer;
let ext: SmallDiskBrowser;
beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchOnSmallDisk(server);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
  if (ext) await removeProfile(ext.profileDir);
});

async function openFixture(name: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.context.newPage();
  await page.goto(server.urlOf(name));
  return { page, tabId: await tabIdFor(ext.worker, page.url()) };
}
const FULL = 'There is no room left on this computer for your library';

/** Words that do not compress: Chromium compresses what IndexedDB stores, so repeated text would fit in a small room. */
const noise = (chars: number) => randomBytes(Math.ceil(chars * 0.75)).toString('base64').replace(/[+/=]/g, 'x').replace(/(.{9})/g, '$1 ').slice(0, chars);

/** About 3 MB of article text: far more than the room left. */
const BIG_ARTICLE = Array.from({ length: 1_500 }, (_, i) => `<p>Paragraph ${i}: ${noise(2_000)}</p>`).join('\n');

/** Counts and a hash of every library record (the derived search tables left out): the library, byte for byte. */
function fingerprint(page: Page): Promise<{ counts: Record<string, number>; hash: string }> {
  return page
    .evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open('health-clipper');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const out: Record<string, unknown[]> = {};
      for (const name of ['clips', 'highlights', 'collections', 'siteRules', 'libraryMeta']) {
        out[name] = await new Promise<unknown[]>((ok) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => ok(request.result);
        });
      }
      db.close();
      return out;
    })
    .then((tables) => ({
      counts: Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length])),
      hash: createHash('sha256').update(JSON.stringify(tables)).digest('hex'),
    }));
}

/**
 * The extension has unlimitedStorage, so Chromium never applies a quota to
 * it (DevTools' Storage.overrideQuotaForOrigin was tried: a 3 MB write still
 * went through). What it does meet is a full disk: the browser runs here
 * with its profile on a small RAM disk (chromium-small-disk.sh) that the test
 * fills to 1 MB of room.
 */
describe('storage pressure: the disk fills up during a save', () => {
  it('says so plainly, writes nothing, keeps the rest of the library, and saves again once there is room', async () => {
    const library = await openLibrary(ext);
    await putRecords(library, 'clips', Array.from({ length: 40 }, (_, i) => bulkClip(i + 1, 3_000)));
    await library.reload();
    await library.locator('.hc-row').nth(39).waitFor();
    // Let the search index settle, so it is not writing when the disk fills.
    await library.waitForTimeout(1_500);
    const before = await fingerprint(library);
    expect(before.counts.clips).toBe(40);
    const free = await ext.fillDisk(1024 * 1024);
    console.log(`disk filled: ${free} bytes left`);

    // 1. Saving a 3 MB article from the popup.
    server.rewrite('nhs-condition-page.html', (html) => html.replace('</article>', `${BIG_ARTICLE}</article>`));
    const nhs = await openFixture('nhs-condition-page.html');
    const popup = await openPopup(ext, nhs.tabId);
    await popup.getByRole('button', { name: 'Save page' }).click();
    const message = popup.getByRole('alert');
    await message.getByText(FULL, { exact: false }).waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
      throw new Error(`the popup said: ${await popup.locator('body').innerText()}`, { cause: error });
    });
    const said = await message.textContent();
    expect(said).toContain('so the page was not saved. Nothing already in your library was changed.');
    expect(said).toContain('Free up some disk space, or delete saved pages you no longer need, then try again.');
    await screenshot(popup, 'storage-quota-popup');
    await popup.close();
    expect(await fingerprint(library)).toEqual(before);

    // 2. Adding 3,000 links from a bookmarks file: all or nothing.
    const links = Array.from({ length: 3_000 }, (_, i) => `<DT><A HREF="https://www.example-health.org/guides/${i}/" ADD_DATE="1706000000">Guide ${i}: ${noise(600)}</A>`).join('\n');
    const bookmarks = `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n<DL><p>\n<DT><H3>Health</H3>\n<DL><p>\n${links}\n</DL><p>\n</DL><p>\n`;
    await library.goto(`${library.url().replace(/#.*$/, '')}#settings`);
    await library.getByLabel('Choose a file (.html, .htm, .json or .ris)').setInputFiles({ name: 'bookmarks.html', mimeType: 'text/html', buffer: Buffer.from(bookmarks) });
    await library.getByRole('button', { name: 'Add 3,000 pages' }).click();
    const importMessage = library.getByRole('alert').filter({ hasText: 'so no links were added' });
    await importMessage.waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
      throw new Error(`the library said: ${await library.locator('main').innerText()}`, { cause: error });
    });
    // Small records fail inside Chromium's database files, reported only as "Internal error": the message gives
    // the disk as the usual cause rather than claiming it.
    const importSaid = await importMessage.textContent();
    expect(importSaid).toContain('Nothing already in your library was changed.');
    expect(importSaid).toMatch(/free up some disk space/i);
    await importMessage.scrollIntoViewIfNeeded();
    await screenshot(library, 'storage-quota-import', { fullPage: false });
    // Chromium cannot even open the database again until there is room (its files could not be written), so the
    // library is compared once the disk has room again, below.

    // Room again: the library is as it was, and the same save goes through.
    await ext.freeDisk();
    expect(await fingerprint(library)).toEqual(before);
    const retry = await openPopup(ext, nhs.tabId);
    await retry.getByRole('button', { name: 'Save page' }).click();
    await retry.getByText('Saved the article to your library.').waitFor();
    await retry.close();
    const after = await fingerprint(library);
    expect(after.counts.clips).toBe(41);
    server.rewrite('nhs-condition-page.html', undefined);
  });
});
