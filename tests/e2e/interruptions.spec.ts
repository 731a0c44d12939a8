import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBackupText } from '../../lib/exchange/backup';
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

const pause = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Messages a save may end with when it did not go through; each tells the user what to do. */
const PLAIN_FAILURES = [
  'The extension did not answer. Reload the page or close this window, then try again.',
  'That tab is closed. Open the page again and try once more.',
];

describe('the service worker is stopped in the middle of a save', () => {
  const { ext, control } = useBrowser();
  const PARAGRAPHS = 800;
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
    const counts = { confirmedPresent: 0, unconfirmedAbsent: 0, unconfirmedPresentWhole: 0 };
    for (const { id, told } of outcomes) {
      const page = describeGeneratedPage(id, PARAGRAPHS);
      const stored = dump.clips.filter((c) => c.canonicalUrl === page.url);
      if (told === 'Saved the article to your library.') {
        expectWhole(dump, id, PARAGRAPHS, [`run ${id.split('-').pop()}`]);
        counts.confirmedPresent++;
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

  it('highlights from the context menu while the worker is stopped at 12 moments: no highlight without its page, no page twice, no half page', async () => {
    const browser = ext();
    const stopper = await workerStopper(browser.context, control());
    const PASSAGE_PARAGRAPH = 3;
    const tried: string[] = [];
    try {
      for (let i = 0; i < 12; i++) {
        const id = `hl-stop-${i}`;
        const page = await browser.context.newPage();
        await page.goto(server.urlOf(id, `paras=${PARAGRAPHS}`));
        const tabId = await tabIdOf(control(), page.url());
        const phrase = (await page.locator('p').nth(PASSAGE_PARAGRAPH + 1).textContent())?.slice(0, 60) ?? '';
        await selectPhraseOnPage(page, phrase);
        const worker = await wakeWorker(control(), browser.extensionId);
        await worker.evaluate(
          async ({ tabId, url }) => {
            const tab = await chrome.tabs.get(tabId);
            (chrome.contextMenus.onClicked as unknown as { dispatch(info: unknown, tab: unknown): void }).dispatch(
              { menuItemId: 'hc-highlight-important', editable: false, pageUrl: url, selectionText: 'x' },
              tab,
            );
          },
          { tabId, url: page.url() },
        );
        await pause(i * 30);
        await stopper.stop();
        tried.push(id);
        await page.close();
      }
    } finally {
      await stopper.detach();
    }
    await wakeWorker(control(), browser.extensionId);
    const dump = await readLibrary(control());
    const clipIds = new Set(dump.clips.map((c) => c.id));
    expect(dump.highlights.filter((h) => !clipIds.has(h.clipId)), 'highlights without their page').toEqual([]);
    expect(duplicatesOf(dump.clips.map((c) => c.canonicalUrl))).toEqual(new Map());
    expect(duplicatesOf(dump.highlights.map((h) => h.clipId))).toEqual(new Map());
    const counts = { pageAndHighlight: 0, pageOnly: 0, nothing: 0 };
    for (const id of tried) {
      const url = describeGeneratedPage(id, PARAGRAPHS).url;
      const clip = dump.clips.find((c) => c.canonicalUrl === url);
      if (!clip) {
        counts.nothing++;
        continue;
      }
      expectWhole(dump, id, PARAGRAPHS, []);
      if (dump.highlights.some((h) => h.clipId === clip.id)) counts.pageAndHighlight++;
      else counts.pageOnly++;
    }
    console.log(`[interruptions] worker stopped mid-highlight at 12 moments (0–330 ms): ${JSON.stringify(counts)}`);
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
  const PARAGRAPHS = 1500;
  const DELAYS = [0, 15, 30, 45, 60, 80, 100, 130, 160, 200, 260, 350, 500];

  it(`closes the tab ${DELAYS.length} times 0–500 ms after "Save page" in the popup: the popup says what happened, nothing is half-saved, the worker carries on`, async () => {
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
    console.log(`[interruptions] tab closed mid-save (popup) at ${DELAYS.length} moments (0–500 ms): ${JSON.stringify(counts)}`);
    expect(counts.unconfirmedAbsent + counts.unconfirmedPresentWhole).toBeGreaterThan(0);
    expect(duplicatesOf(dump.clips.map((c) => c.canonicalUrl))).toEqual(new Map());

    // The same from the context menu, where the notice would have been shown in the closed tab.
    for (const [i, delay] of [0, 40, 80, 120, 200, 300].entries()) {
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
    await pause(1_000);
    // Same worker (it did not crash), and nothing it started was left failing unseen.
    expect(await workerErrors(worker)).toEqual([]);
    const after = await readLibrary(control());
    for (let i = 0; i < 6; i++) {
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
