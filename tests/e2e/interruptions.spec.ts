import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBackupText } from '../../lib/exchange/backup';
import type { CollectionFile, FileItem } from '../../lib/exchange/collection-file';
import { bulkClip, sampleLibrary, sampleSettings } from '../helpers/sample-library';
import { launchWithExtension, openPopup, removeProfile, screenshot, selectPhraseOnPage, type ExtensionBrowser, type FixtureServer } from './harness';
import {
  describeGeneratedPage,
  duplicatesOf,
  libraryFingerprint,
  readLibrary,
  squash,
  startGeneratedPageServer,
  tabIdOf,
  wakeWorker,
  workerStopper,
  type LibraryDump,
} from './interrupt-helpers';

/**
 * Nothing lost, nothing half-written: the service worker stopped in the
 * middle of saving a page or a highlight, the library tab closed in the
 * middle of an import or a restore, the page's tab closed in the middle of a
 * clip, and two tabs saving 100 pages each at once. Every save the user was
 * told about is there exactly once; any other is there whole or not at all.
 */

/** The extension API, inside the worker and extension pages where the test runs code. */
declare const chrome: typeof import('wxt/browser').browser;

let server: FixtureServer;
beforeAll(async () => {
  server = await startGeneratedPageServer();
});
afterAll(async () => {
  await server.close();
});

/** A browser of its own for one describe block, with an extension page kept open to look and stop from. */
function useBrowser(): { ext: () => ExtensionBrowser; control: () => Page } {
  let ext: ExtensionBrowser | undefined;
  let control: Page | undefined;
  beforeAll(async () => {
    ext = await launchWithExtension(server);
    control = await ext.context.newPage();
    // A quiet extension page: it has the extension's APIs and database, and sends nothing by itself.
    await control.goto(`chrome-extension://${ext.extensionId}/print.html`);
  });
  afterAll(async () => {
    const dir = ext?.profileDir;
    await ext?.close();
    if (dir) await removeProfile(dir);
  });
  const need = <T,>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser has not started');
    return value;
  };
  return { ext: () => need(ext), control: () => need(control) };
}

/** The words the popup settles on after "Saving…": what the user was told. */
async function popupOutcome(popup: Page): Promise<string> {
  const status = popup.locator('.hc-status');
  await popup.waitForFunction(
    () => {
      const text = document.querySelector('.hc-status')?.textContent?.trim() ?? '';
      return text !== '' && text !== 'Saving…';
    },
    undefined,
    { timeout: 20_000 },
  );
  return ((await status.first().textContent()) ?? '').trim();
}

/** Checks a stored clip is the whole page: title, tags and the article from its first words to its last. */
function expectWhole(dump: LibraryDump, id: string, paragraphs: number, tags: string[]): void {
  const page = describeGeneratedPage(id, paragraphs);
  const clips = dump.clips.filter((c) => c.canonicalUrl === page.url);
  expect(clips, `${id}: one clip`).toHaveLength(1);
  const [clip] = clips;
  expect(clip?.title).toBe(page.title);
  expect(clip?.kind).toBe('article');
  expect(clip?.tags).toEqual(tags);
  const text = squash(clip?.contentText ?? '');
  expect(text.startsWith(page.title) || text.includes(page.firstWords), `${id}: starts whole`).toBe(true);
  expect(text, `${id}: ends whole`).toContain(page.lastWords);
  expect(text.length, `${id}: text length`).toBeGreaterThanOrEqual(page.textLength);
}

const pause = (ms: number) => new Promise((ok) => setTimeout(ok, Math.max(0, ms)));

/** Messages a save may end with when it did not go through; each tells the user what to do. */
const PLAIN_FAILURES = [
  'Health Clipper did not answer. Reload the page or close this window, then try again.',
  'That tab is closed. Open the page again and try once more.',
];

describe('the service worker is stopped in the middle of a save', () => {
  const { ext, control } = useBrowser();
  const PARAGRAPHS = 400;
  /** Milliseconds between clicking "Save page" and stopping the worker: dense where a save is under way, then later. */
  const DELAYS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 115, 130, 150, 175, 200, 250, 320, 450, 600];

  it(`saves from the popup ${DELAYS.length} times, stopping the worker 0–600 ms after "Save page": confirmed saves are there once and whole, the rest whole or absent`, async () => {
    const browser = ext();
    const stopper = await workerStopper(browser.context, control());
    const outcomes: { id: string; delay: number; told: string }[] = [];
    try {
      for (const [i, delay] of DELAYS.entries()) {
        const id = `sw-stop-${i}`;
        const page = await browser.context.newPage();
        await page.goto(server.urlOf(id, `paras=${PARAGRAPHS}`));
        // Opening the popup wakes the worker again after the last stop.
        const popup = await openPopup(browser, await tabIdOf(control(), page.url()));
        const tags = popup.getByRole('combobox', { name: 'Tags' });
        await tags.fill(`run ${i}`);
        await tags.press('Enter');
        await popup.getByRole('button', { name: 'Save page' }).click();
        await pause(delay);
        await stopper.stop();
        const told = await popupOutcome(popup);
        outcomes.push({ id, delay, told });
        if (i === 1) await screenshot(popup, 'interrupt-popup-after-worker-stop');
        await popup.close();
        await page.close();
      }
    } finally {
      await stopper.detach();
    }
    await wakeWorker(control(), browser.extensionId);
    const dump = await readLibrary(control());
    const counts = { confirmedPresent: 0, confirmedByLibrary: 0, unconfirmedAbsent: 0, unconfirmedPresentWhole: 0 };
    for (const { id, told } of outcomes) {
      const page = describeGeneratedPage(id, PARAGRAPHS);
      const stored = dump.clips.filter((c) => c.canonicalUrl === page.url);
      // The second: the worker was stopped after saving but before answering, and the popup asked the library.
      if (told === 'Saved the article to your library.' || told === 'Saved to your library.') {
        expectWhole(dump, id, PARAGRAPHS, [`run ${id.split('-').pop()}`]);
        counts.confirmedPresent++;
        if (told === 'Saved to your library.') counts.confirmedByLibrary++;
      } else {
        expect(PLAIN_FAILURES, `${id} said “${told}”`).toContain(told);
        if (stored.length) {
          expectWhole(dump, id, PARAGRAPHS, [`run ${id.split('-').pop()}`]);
          counts.unconfirmedPresentWhole++;
        } else counts.unconfirmedAbsent++;
      }
    }
    expect(duplicatesOf(dump.clips.map((c) => c.canonicalUrl))).toEqual(new Map());
    expect(dump.clips.length).toBe(counts.confirmedPresent + counts.unconfirmedPresentWhole);
    console.log(`[interruptions] worker stopped mid-save at ${DELAYS.length} moments (0–600 ms): ${JSON.stringify(counts)}`);
    // Every page in the library is one the user was told was saved.
    expect(counts.unconfirmedPresentWhole).toBe(0);
    // The stops must have landed both before and after saves finished, or nothing was tested.
    expect(counts.confirmedPresent).toBeGreaterThan(0);
    expect(counts.unconfirmedAbsent + counts.unconfirmedPresentWhole).toBeGreaterThan(0);

    // And the next save, uninterrupted, works.
    const page = await browser.context.newPage();
    await page.goto(server.urlOf('sw-after', `paras=${PARAGRAPHS}`));
    const popup = await openPopup(browser, await tabIdOf(control(), page.url()));
    await popup.getByRole('button', { name: 'Save page' }).click();
    expect(await popupOutcome(popup)).toBe('Saved the article to your library.');
    await popup.close();
    await page.close();
  });

  it('highlights from the context menu while the worker is stopped at 8 moments: no highlight without its page, no page twice, no half page, and the user is told', async () => {
    const browser = ext();
    const stopper = await workerStopper(browser.context, control());
    const PASSAGE_PARAGRAPH = 3;
    const tried: { id: string; page: Page; tabId: number }[] = [];
    try {
      for (let i = 0; i < 8; i++) {
        const id = `hl-stop-${i}`;
        const page = await browser.context.newPage();
        await page.goto(server.urlOf(id, `paras=${PARAGRAPHS}`));
        const tabId = await tabIdOf(control(), page.url());
        const phrase = (await page.locator('p').nth(PASSAGE_PARAGRAPH + 1).textContent())?.slice(0, 60) ?? '';
        // Counts the notices shown in the corner of the page (closed shadow roots: only their host is visible here).
        await page.evaluate(() => {
          const w = window as unknown as { hcNotices: number };
          w.hcNotices = 0;
          new MutationObserver((changes) => {
            for (const change of changes) for (const node of change.addedNodes) if ((node as Element).id === 'hc-toast-host') w.hcNotices++;
          }).observe(document.documentElement, { childList: true });
        });
        await selectPhraseOnPage(page, phrase);
        const worker = await wakeWorker(control(), browser.extensionId);
        await worker.evaluate(
          async ({ tabId, url }) => {
            await chrome.action.setTitle({ tabId, title: 'waiting' });
            const tab = await chrome.tabs.get(tabId);
            (chrome.contextMenus.onClicked as unknown as { dispatch(info: unknown, tab: unknown): void }).dispatch(
              { menuItemId: 'hc-highlight-important', editable: false, pageUrl: url, selectionText: 'x' },
              tab,
            );
          },
          { tabId, url: page.url() },
        );
        // The click has reached the listener once it has noted the save as under way (a few ms).
        await control().waitForFunction(
          async (t) => Object.entries(await chrome.storage.session.get(null)).some(([k, v]) => k.startsWith('hc-unfinished:') && (v as { tabId?: number }).tabId === t),
          tabId,
          { polling: 5 },
        );
        await pause(i * 40);
        await stopper.stop();
        tried.push({ id, page, tabId });
      }
    } finally {
      await stopper.detach();
    }
    const worker = await wakeWorker(control(), browser.extensionId);
    const dump = await readLibrary(control());
    const clipIds = new Set(dump.clips.map((c) => c.id));
    expect(dump.highlights.filter((h) => !clipIds.has(h.clipId)), 'highlights without their page').toEqual([]);
    expect(duplicatesOf(dump.clips.map((c) => c.canonicalUrl))).toEqual(new Map());
    expect(duplicatesOf(dump.highlights.map((h) => h.clipId))).toEqual(new Map());
    const counts = { pageAndHighlight: 0, pageOnly: 0, nothing: 0, toldDone: 0, toldInterrupted: 0 };
    for (const { id, page, tabId } of tried) {
      const url = describeGeneratedPage(id, PARAGRAPHS).url;
      const clip = dump.clips.find((c) => c.canonicalUrl === url);
      const highlighted = clip ? dump.highlights.some((h) => h.clipId === clip.id) : false;
      if (!clip) counts.nothing++;
      else {
        expectWhole(dump, id, PARAGRAPHS, []);
        if (highlighted) counts.pageAndHighlight++;
        else counts.pageOnly++;
      }
      // What the user was told in that tab: the usual notice, or (from the worker's next start) that it was interrupted.
      await expect.poll(() => worker.evaluate((t) => chrome.action.getTitle({ tabId: t }), tabId), { timeout: 10_000 }).not.toBe('waiting');
      const told = await worker.evaluate((t) => chrome.action.getTitle({ tabId: t }), tabId);
      const interrupted = {
        highlighted: 'Your highlight was saved, but the browser stopped Health Clipper before it was shown. Click the Health Clipper button to show it.',
        pageOnly: 'Health Clipper was stopped by the browser while highlighting. The page is in your library, but the highlight is not: select the text and try again.',
        nothing: 'Health Clipper was stopped by the browser while highlighting, so nothing was saved. Select the text and try again.',
      };
      if (Object.values(interrupted).includes(told)) {
        counts.toldInterrupted++;
        expect(told, id).toBe(highlighted ? interrupted.highlighted : clip ? interrupted.pageOnly : interrupted.nothing);
        if ((await page.locator('#hc-toast-host').count()) > 0) await screenshot(page, 'interrupt-highlight-notice', { fullPage: false });
      } else {
        expect(highlighted, `${id} was told “${told}”`).toBe(true);
        expect(told).toMatch(/^Highlighted as “Important”/);
        counts.toldDone++;
      }
      // And the same words were shown in the page itself.
      await expect.poll(() => page.evaluate(() => (window as unknown as { hcNotices: number }).hcNotices), { timeout: 5_000 }).toBeGreaterThan(0);
      await page.close();
    }
    console.log(`[interruptions] worker stopped mid-highlight at 8 moments (0–280 ms): ${JSON.stringify(counts)}`);
    expect(counts.nothing + counts.pageOnly).toBeGreaterThan(0);
  });
});

/** Records, inside the worker, any promise it left rejected and unhandled and any uncaught error. */
async function watchWorkerErrors(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const g = globalThis as unknown as { hcUnhandled?: string[] };
    if (g.hcUnhandled) return;
    g.hcUnhandled = [];
    self.addEventListener('unhandledrejection', (e) => g.hcUnhandled?.push(`rejection: ${String((e as PromiseRejectionEvent).reason)}`));
    self.addEventListener('error', (e) => g.hcUnhandled?.push(`error: ${(e as ErrorEvent).message}`));
  });
}

/** What the worker recorded; undefined if it is not the same worker any more (it crashed or was restarted). */
function workerErrors(worker: Worker): Promise<string[] | undefined> {
  return worker.evaluate(() => (globalThis as unknown as { hcUnhandled?: string[] }).hcUnhandled);
}

/** Closes a tab from the browser's side, as its × button does, whatever the page is busy with. */
async function closeTab(control: Page, tabId: number): Promise<void> {
  await control.evaluate((id) => chrome.tabs.remove(id), tabId);
}

describe('the page’s tab is closed in the middle of a save', () => {
  const { ext, control } = useBrowser();
  const PARAGRAPHS = 1000;
  const DELAYS = [0, 20, 40, 60, 90, 130, 200, 350];

  it(`closes the tab ${DELAYS.length} times 0–350 ms after "Save page" in the popup: the popup says what happened, nothing is half-saved, the worker carries on`, async () => {
    const browser = ext();
    const worker = await wakeWorker(control(), browser.extensionId);
    await watchWorkerErrors(worker);
    const outcomes: { id: string; told: string }[] = [];
    for (const [i, delay] of DELAYS.entries()) {
      const id = `tab-close-${i}`;
      const page = await browser.context.newPage();
      await page.goto(server.urlOf(id, `paras=${PARAGRAPHS}`));
      const tabId = await tabIdOf(control(), page.url());
      const popup = await openPopup(browser, tabId);
      await popup.getByRole('button', { name: 'Save page' }).click();
      await pause(delay);
      await closeTab(control(), tabId);
      const told = await popupOutcome(popup);
      outcomes.push({ id, told });
      if (told !== 'Saved the article to your library.') await screenshot(popup, 'interrupt-popup-after-tab-closed');
      await popup.close();
    }
    const dump = await readLibrary(control());
    const counts = { confirmedPresent: 0, unconfirmedAbsent: 0, unconfirmedPresentWhole: 0 };
    for (const { id, told } of outcomes) {
      const stored = dump.clips.filter((c) => c.canonicalUrl === describeGeneratedPage(id, PARAGRAPHS).url);
      if (told === 'Saved the article to your library.') {
        expectWhole(dump, id, PARAGRAPHS, []);
        counts.confirmedPresent++;
        continue;
      }
      expect(PLAIN_FAILURES, `${id} said “${told}”`).toContain(told);
      if (stored.length) {
        expectWhole(dump, id, PARAGRAPHS, []);
        counts.unconfirmedPresentWhole++;
      } else counts.unconfirmedAbsent++;
    }
    console.log(`[interruptions] tab closed mid-save (popup) at ${DELAYS.length} moments (0–350 ms): ${JSON.stringify(counts)}`);
    expect(counts.unconfirmedAbsent + counts.unconfirmedPresentWhole).toBeGreaterThan(0);
    expect(duplicatesOf(dump.clips.map((c) => c.canonicalUrl))).toEqual(new Map());

    // The same from the context menu, where the notice would have been shown in the closed tab.
    const MENU_DELAYS = [0, 50, 100, 200];
    for (const [i, delay] of MENU_DELAYS.entries()) {
      const page = await browser.context.newPage();
      await page.goto(server.urlOf(`menu-close-${i}`, `paras=${PARAGRAPHS}`));
      const tabId = await tabIdOf(control(), page.url());
      await worker.evaluate(
        async ({ tabId, url }) => {
          const tab = await chrome.tabs.get(tabId);
          (chrome.contextMenus.onClicked as unknown as { dispatch(info: unknown, tab: unknown): void }).dispatch({ menuItemId: 'hc-save-page', editable: false, pageUrl: url }, tab);
        },
        { tabId, url: page.url() },
      );
      await pause(delay);
      await closeTab(control(), tabId);
    }
    await pause(500);
    // Same worker (it did not crash), and nothing it started was left failing unseen.
    expect(await workerErrors(worker)).toEqual([]);
    const after = await readLibrary(control());
    for (let i = 0; i < MENU_DELAYS.length; i++) {
      const id = `menu-close-${i}`;
      if (after.clips.some((c) => c.canonicalUrl === describeGeneratedPage(id, PARAGRAPHS).url)) expectWhole(after, id, PARAGRAPHS, []);
    }
    expect(duplicatesOf(after.clips.map((c) => c.canonicalUrl))).toEqual(new Map());

    // The next save works.
    const page = await browser.context.newPage();
    await page.goto(server.urlOf('tab-close-after', `paras=${PARAGRAPHS}`));
    const popup = await openPopup(browser, await tabIdOf(control(), page.url()));
    await popup.getByRole('button', { name: 'Save page' }).click();
    expect(await popupOutcome(popup)).toBe('Saved the article to your library.');
    await popup.close();
    await page.close();
  });
});

describe('two tabs save 100 pages each at the same time', () => {
  const { ext, control } = useBrowser();
  const PER_TAB = 100;
  const pageId = (tab: number, n: number) => `t${tab}page${String(n).padStart(3, '0')}`;

  /** Opens each page in turn in one tab and saves it with the keyboard shortcut's listener; returns what the toolbar button said. */
  async function saveEachPage(worker: Worker, tab: number): Promise<string[]> {
    const page = await ext().context.newPage();
    const said: string[] = [];
    for (let n = 0; n < PER_TAB; n++) {
      await page.goto(server.urlOf(pageId(tab, n), 'paras=12'));
      said.push(
        await worker.evaluate(async (url) => {
          const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
          const id = tab?.id;
          if (id === undefined) return `no tab shows ${url}`;
          // The notice's words also go on the toolbar button's title: wait for them there.
          await chrome.action.setTitle({ tabId: id, title: 'waiting' });
          (chrome.commands.onCommand as unknown as { dispatch(name: string, tab: unknown): void }).dispatch('save-page', tab);
          const until = Date.now() + 20_000;
          for (;;) {
            const title = await chrome.action.getTitle({ tabId: id });
            if (title !== 'waiting' || Date.now() > until) return title;
            await new Promise((ok) => setTimeout(ok, 10));
          }
        }, page.url()),
      );
    }
    await page.close();
    return said;
  }

  it(`ends with exactly ${2 * PER_TAB} clips, each once, with its own title and address, each found by search`, async () => {
    const browser = ext();
    const worker = await wakeWorker(control(), browser.extensionId);
    await watchWorkerErrors(worker);
    // The library is open while the tabs save: its search index must keep up with both.
    const library = await browser.context.newPage();
    await library.goto(`chrome-extension://${browser.extensionId}/library.html`);
    await library.getByText('Your library is empty', { exact: false }).first().waitFor();
    const started = Date.now();
    const [first, second] = await Promise.all([saveEachPage(worker, 1), saveEachPage(worker, 2)]);
    const seconds = (Date.now() - started) / 1000;
    expect([...(first ?? []), ...(second ?? [])].filter((m) => m !== 'Saved the article to your library.')).toEqual([]);
    expect(await workerErrors(worker)).toEqual([]);

    const dump = await readLibrary(control());
    expect(dump.clips).toHaveLength(2 * PER_TAB);
    expect(duplicatesOf(dump.clips.map((c) => c.canonicalUrl))).toEqual(new Map());
    for (const tab of [1, 2]) {
      for (let n = 0; n < PER_TAB; n++) {
        const expected = describeGeneratedPage(pageId(tab, n), 12);
        const clip = dump.clips.find((c) => c.canonicalUrl === expected.url);
        expect(clip?.title, pageId(tab, n)).toBe(expected.title);
        expect(clip?.url).toBe(`${expected.url}?paras=12`);
        expect(squash(clip?.contentText ?? '')).toContain(expected.lastWords);
      }
    }
    // Every save told the search index about its clip, in the same transaction.
    const journalled = new Set(dump.journalClipIds);
    expect(dump.clips.filter((c) => !journalled.has(c.id)).map((c) => c.title)).toEqual([]);
    console.log(`[interruptions] two tabs saved ${2 * PER_TAB} pages at once in ${seconds.toFixed(1)} s`);

    // And the library's search, open all along, finds them all, and each one by its own words.
    const search = async (words: string) => {
      await library.getByLabel('Search your library').fill('');
      await library.getByLabel('Search your library').fill(words);
      const status = library.locator(`#hc-list-status[data-answers="${words}"]`, { hasText: /found|Nothing matches/ });
      await status.waitFor();
      await library.locator('.hc-row--loading').first().waitFor({ state: 'detached' });
      return (await status.textContent()) ?? '';
    };
    // The index follows the journal a moment after each write; give it that moment.
    await expect.poll(() => search('Interrupted save test'), { timeout: 15_000 }).toBe(`${2 * PER_TAB} clips found`);
    for (const id of [pageId(1, 0), pageId(1, PER_TAB >> 1), pageId(1, PER_TAB - 1), pageId(2, 0), pageId(2, PER_TAB >> 2), pageId(2, PER_TAB - 1)]) {
      expect(await search(id)).toBe('1 clip found');
      expect(await library.locator('.hc-row__title').first().textContent()).toBe(describeGeneratedPage(id, 12).title);
    }
    await screenshot(library, 'interrupt-two-tabs-search', { fullPage: false });
    await library.close();
  });
});

describe('the library tab is closed in the middle of a restore or an import', () => {
  const { ext, control } = useBrowser();

  /** A small library (one of everything) and a large one (1,200 pages) that replaces it. */
  const SMALL = { ...sampleLibrary(), clips: [...sampleLibrary().clips, ...Array.from({ length: 30 }, (_, i) => bulkClip(i, 2_000))] };
  const LARGE = { ...sampleLibrary(), clips: [...sampleLibrary().clips, ...Array.from({ length: 1_200 }, (_, i) => bulkClip(10_000 + i, 2_000))] };
  const header = (exportedAt: string) => ({ exportedAt, appVersion: '0.1.0', settings: { ...sampleSettings(), annotatePages: false } });

  /** Opens Settings, chooses the backup file and waits for its summary. */
  async function chooseBackup(path: string): Promise<Page> {
    const library = await ext().context.newPage();
    await library.goto(`chrome-extension://${ext().extensionId}/library.html#settings`);
    await library.getByLabel('Choose a backup file (.json)').setInputFiles(path);
    await library.getByRole('region', { name: 'What this backup holds' }).waitFor({ timeout: 60_000 });
    return library;
  }

  /** Restores a backup to the end, as the user would; returns how long the restore took after the click. */
  async function restoreFully(path: string): Promise<number> {
    const library = await chooseBackup(path);
    const started = Date.now();
    await library.getByRole('button', { name: 'Replace my library with this backup' }).click();
    await library.getByText(/^Done\. Your library now holds/).waitFor({ timeout: 60_000 });
    const ms = Date.now() - started;
    await library.close();
    return ms;
  }

  it('adds a 1,500-link bookmarks file and closes the tab at 4 moments: each file is added whole or not at all, and the next one works', async () => {
    const browser = ext();
    const LINKS = 1_500;
    const button = `Add ${LINKS.toLocaleString('en-GB')} pages`;
    const bookmarks = (file: number) => {
      const links = Array.from({ length: LINKS }, (_, i) => `<DT><A HREF="https://www.bookmarked-health.org.uk/f${file}/page-${i}/" ADD_DATE="1706000000">Bookmarked page ${file}-${i}</A>`);
      return `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE><H1>Bookmarks</H1>\n<DL><p>\n<DT><H3>Health ${file}</H3>\n<DL><p>\n${links.join('\n')}\n</DL><p>\n</DL><p>\n`;
    };
    const otherClips = (await libraryFingerprint(control())).clips;
    /** How many of one file's links are in the library; each one checked whole (title, folder tag). */
    const addedFrom = (file: number) =>
      control().evaluate(async (f) => {
        const db = await new Promise<IDBDatabase>((ok, fail) => {
          const open = indexedDB.open('health-clipper');
          open.onsuccess = () => ok(open.result);
          open.onerror = () => fail(open.error);
        });
        const prefix = `https://www.bookmarked-health.org.uk/f${f}/`;
        const rows = await new Promise<{ canonicalUrl: string; title: string; tags: string[] }[]>((ok, fail) => {
          const request = db.transaction('clips').objectStore('clips').index('canonicalUrl').getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
          request.onsuccess = () => ok(request.result as { canonicalUrl: string; title: string; tags: string[] }[]);
          request.onerror = () => fail(request.error);
        });
        db.close();
        const broken = rows.filter((r) => r.title !== `Bookmarked page ${f}-${/page-(\d+)\/$/.exec(r.canonicalUrl)?.[1]}` || r.tags.join() !== `health ${f}`);
        return { count: rows.length, broken: broken.length };
      }, file);
    /** Chooses the file, waits for the preview, clicks Add; returns the tab and when the click happened. */
    const addFile = async (file: number) => {
      const path = join(browser.profileDir, `bookmarks-${file}.html`);
      writeFileSync(path, bookmarks(file));
      const library = await browser.context.newPage();
      await library.goto(`chrome-extension://${browser.extensionId}/library.html#settings`);
      await library.getByLabel('Choose a file (.html, .htm, .json or .ris)').setInputFiles(path);
      await library.getByRole('button', { name: button }).waitFor({ timeout: 30_000 });
      const tabId = await tabIdOf(control(), library.url());
      // Timed from just before the click: the import starts while Playwright is still returning from it.
      const clickedAt = Date.now();
      await library.getByRole('button', { name: button }).click();
      return { library, tabId, clickedAt };
    };
    const added = `Added ${LINKS.toLocaleString('en-GB')} pages to your library as links.`;

    // One whole import first, to know how long adding takes.
    const first = await addFile(0);
    await first.library.getByText(added, { exact: false }).waitFor({ timeout: 60_000 });
    const fullMs = Date.now() - first.clickedAt;
    await first.library.close();
    expect(await addedFrom(0)).toEqual({ count: LINKS, broken: 0 });

    const outcomes = { nothing: 0, all: 0 };
    const moments = [0.05, 0.4, 0.8, 1.5].map((f) => Math.round(f * fullMs));
    for (const [i, ms] of moments.entries()) {
      const { tabId, clickedAt } = await addFile(i + 1);
      await pause(clickedAt + ms - Date.now());
      await closeTab(control(), tabId);
      const found = await addedFrom(i + 1);
      expect(found.broken).toBe(0);
      expect([0, LINKS], `closed ${ms} ms into the import`).toContain(found.count);
      if (found.count) outcomes.all++;
      else outcomes.nothing++;
    }
    console.log(`[interruptions] bookmarks import of ${LINKS} links took ${fullMs} ms after the click; tab closed at ${moments.join(', ')} ms: ${JSON.stringify(outcomes)}`);
    expect(outcomes.nothing).toBeGreaterThan(0);
    // Nothing else was added or lost.
    const total = Number((await libraryFingerprint(control())).clips.split(':')[0]);
    expect(total).toBe(Number(otherClips.split(':')[0]) + LINKS * (1 + outcomes.all));

    // The next import works.
    const next = await addFile(99);
    await next.library.getByText(added, { exact: false }).waitFor({ timeout: 60_000 });
    await screenshot(next.library, 'interrupt-import-after-cut-imports', { fullPage: false });
    await next.library.close();
    expect(await addedFrom(99)).toEqual({ count: LINKS, broken: 0 });
  });

  it('imports a 1,000-item collection file and closes the tab at 4 moments: the collection, its pages and highlights are added whole or not at all', async () => {
    const browser = ext();
    const ITEMS = 1_000;
    /** A moderator's collection file: pages, every tenth with a highlighted passage too. */
    const collectionFile = (file: number): CollectionFile => {
      const items: FileItem[] = [];
      for (let i = 0; i < ITEMS; i++) {
        const url = `https://www.collected-health.org.uk/c${file}/page-${i}/`;
        const page: FileItem = { url, canonicalUrl: url, title: `Collected page ${file}-${i}`, sourceType: 'charity', note: `Why page ${i} helps` };
        items.push(i % 10 === 0 ? { ...page, highlight: { meaning: 'important', note: '', selectors: [{ type: 'TextQuoteSelector', exact: `passage ${i}`, prefix: '', suffix: '' }] } } : page);
      }
      const title = `Collected by the group, part ${file}`;
      return { format: 'health-clipper-collection', formatVersion: 1, exportedAt: '2026-11-24T10:00:00.000Z', generator: 'Health Clipper', collection: { kind: 'collection', title, description: '', createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-24T10:00:00.000Z', items } };
    };
    /** What of one file is in the library: its pages, its highlights and its collection (read in the page: the library is large by now). */
    const importedFrom = (file: number) =>
      control().evaluate(
        async ({ f, title }) => {
          const db = await new Promise<IDBDatabase>((ok, fail) => {
            const open = indexedDB.open('health-clipper');
            open.onsuccess = () => ok(open.result);
            open.onerror = () => fail(open.error);
          });
          const all = <T,>(store: string, index?: string, range?: IDBKeyRange) =>
            new Promise<T[]>((ok, fail) => {
              const source = db.transaction(store).objectStore(store);
              const request = (index ? source.index(index) : source).getAll(range);
              request.onsuccess = () => ok(request.result as T[]);
              request.onerror = () => fail(request.error);
            });
          const prefix = `https://www.collected-health.org.uk/c${f}/`;
          const pages = await all<{ id: string }>('clips', 'canonicalUrl', IDBKeyRange.bound(prefix, `${prefix}\uffff`));
          const highlights = await all<{ clipId: string }>('highlights', 'canonicalUrl', IDBKeyRange.bound(prefix, `${prefix}\uffff`));
          const lists = (await all<{ title: string; items: unknown[] }>('collections')).filter((c) => c.title === title);
          db.close();
          const ids = new Set(pages.map((p) => p.id));
          return {
            pages: pages.length,
            highlights: highlights.filter((h) => ids.has(h.clipId)).length,
            orphans: highlights.filter((h) => !ids.has(h.clipId)).length,
            collections: lists.length,
            items: lists.reduce((n, c) => n + c.items.length, 0),
          };
        },
        { f: file, title: collectionFile(file).collection.title },
      );
    const importFile = async (file: number) => {
      const library = await browser.context.newPage();
      await library.goto(`chrome-extension://${browser.extensionId}/library.html#lists`);
      await library.getByRole('link', { name: 'Import a collection file' }).click();
      await library.getByLabel('Choose a collection file').setInputFiles({ name: `collection-${file}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(collectionFile(file))) });
      const add = library.getByTestId('import-preview').getByRole('button', { name: 'Add to my library' });
      await add.waitFor({ timeout: 30_000 });
      const tabId = await tabIdOf(control(), library.url());
      const clickedAt = Date.now();
      await add.click();
      return { library, tabId, clickedAt, title: collectionFile(file).collection.title };
    };
    const whole = { pages: ITEMS, highlights: ITEMS / 10, orphans: 0, collections: 1, items: ITEMS };
    const nothing = { pages: 0, highlights: 0, orphans: 0, collections: 0, items: 0 };

    const first = await importFile(0);
    await first.library.getByRole('heading', { level: 1, name: first.title }).waitFor({ timeout: 60_000 });
    const fullMs = Date.now() - first.clickedAt;
    await first.library.close();
    expect(await importedFrom(0)).toEqual(whole);

    const outcomes = { nothing: 0, all: 0 };
    const moments = [0.05, 0.4, 0.8, 1.5].map((f) => Math.round(f * fullMs));
    for (const [i, ms] of moments.entries()) {
      const { tabId, clickedAt } = await importFile(i + 1);
      await pause(clickedAt + ms - Date.now());
      await closeTab(control(), tabId);
      const found = await importedFrom(i + 1);
      expect([nothing, whole], `closed ${ms} ms into the import`).toContainEqual(found);
      if (found.pages) outcomes.all++;
      else outcomes.nothing++;
    }
    console.log(`[interruptions] collection import of ${ITEMS} items took ${fullMs} ms after the click; tab closed at ${moments.join(', ')} ms: ${JSON.stringify(outcomes)}`);
    expect(outcomes.nothing).toBeGreaterThan(0);
  });

  it('restores a 1,200-page backup and closes the tab at 4 moments: the library is always the old one or the new one, whole', async () => {
    const browser = ext();
    const small = join(browser.profileDir, 'health-clipper-backup-small.json');
    const large = join(browser.profileDir, 'health-clipper-backup-large.json');
    writeFileSync(small, buildBackupText(header('2026-11-01T09:00:00.000Z'), SMALL));
    writeFileSync(large, buildBackupText(header('2026-11-20T09:00:00.000Z'), LARGE));

    // What each library looks like when restored whole.
    const fullMs = await restoreFully(large);
    const whole = { large: await libraryFingerprint(control()), small: '' };
    await restoreFully(small);
    const smallPrint = await libraryFingerprint(control());
    whole.small = JSON.stringify(smallPrint);
    expect(smallPrint.clips.startsWith(`${SMALL.clips.length}:`)).toBe(true);
    expect(whole.large.clips.startsWith(`${LARGE.clips.length}:`)).toBe(true);

    const outcomes = { oldLibrary: 0, newLibrary: 0 };
    const moments = [0.05, 0.4, 0.8, 1.2].map((f) => Math.round(f * fullMs));
    for (const ms of moments) {
      const library = await chooseBackup(large);
      const tabId = await tabIdOf(control(), library.url());
      const clickedAt = Date.now();
      await library.getByRole('button', { name: 'Replace my library with this backup' }).click();
      await pause(clickedAt + ms - Date.now());
      await closeTab(control(), tabId);
      const now = await libraryFingerprint(control());
      if (JSON.stringify(now) === whole.small) outcomes.oldLibrary++;
      else {
        expect(now, `closed ${ms} ms into the restore`).toEqual(whole.large);
        outcomes.newLibrary++;
        await restoreFully(small);
        expect(JSON.stringify(await libraryFingerprint(control()))).toBe(whole.small);
      }
    }
    console.log(`[interruptions] restore of ${LARGE.clips.length} pages took ${fullMs} ms; tab closed at ${moments.join(', ')} ms: ${JSON.stringify(outcomes)}`);
    expect(outcomes.oldLibrary).toBeGreaterThan(0);

    // The library opens afterwards and the next restore works.
    const library = await browser.context.newPage();
    await library.goto(`chrome-extension://${browser.extensionId}/library.html`);
    await library.locator('.hc-row__title').first().waitFor();
    await screenshot(library, 'interrupt-library-after-cut-restore', { fullPage: false });
    await library.close();
    await restoreFully(large);
    expect(await libraryFingerprint(control())).toEqual(whole.large);
  });
});
