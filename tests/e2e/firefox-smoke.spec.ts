import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, startFixtureServer, type FixtureServer } from './harness';
import { E2E_OPEN_PATH, EXTENSION_ORIGIN, FIREFOX_EXTENSION_DIR, launchFirefoxWithExtension, openExtensionPage, type FirefoxWithExtension } from './harness-firefox';

/**
 * The main flow in real Firefox ESR (headless, WebDriver BiDi through
 * puppeteer-core): open a health article, save it from the popup page's
 * "Save page" button (the popup's own code, acting on the article's tab),
 * then find it in the library's list and through search, and open the
 * sidebar page about that tab. Every request Firefox makes goes through a
 * recording proxy; the extension must add none of its own.
 */
/** The extension API as seen inside its pages, where these tests run code. */
declare const browser: typeof import('wxt/browser').browser;

const ARTICLE = 'nhs-condition-page.html';
const TITLE = 'Type 2 diabetes';

let server: FixtureServer | undefined;
let ff: FirefoxWithExtension | undefined;
let launchSeconds = 0;
/** The article's tab, which the popup and the sidebar page act on. */
let tabId = -1;
/** The library page, kept open for the recorder's self-check. */
let library: Page | undefined;
const need = <T>(value: T | undefined): T => {
  if (value === undefined) throw new Error('Firefox did not start (see the first error)');
  return value;
};

beforeAll(async () => {
  server = await startFixtureServer();
  const started = performance.now();
  ff = await launchFirefoxWithExtension(server);
  launchSeconds = (performance.now() - started) / 1000;
  console.log(`Firefox: ${ff.version}, started with the extension in ${launchSeconds.toFixed(1)} s`);
});

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

/** The text of every element matching `selector`. */
const textsOf = (page: Page, selector: string) =>
  page.evaluate((s: string) => [...document.querySelectorAll(s)].map((e) => e.textContent?.trim() ?? ''), selector);

/** Types a search into the library and waits for the answer to exactly these words. */
async function searchLibrary(library: Page, words: string): Promise<string[]> {
  const box = await library.waitForSelector('#hc-search');
  await box?.click({ count: 3 });
  await box?.type(words);
  await library.waitForFunction(
    (w: string) => {
      const status = document.querySelector('#hc-list-status');
      return status?.getAttribute('data-answers') === w && /found|Nothing matches/.test(status.textContent ?? '') && !document.querySelector('.hc-row--loading');
    },
    { timeout: 15_000 },
    words,
  );
  return textsOf(library, '.hc-row__title');
}

describe('Firefox ESR smoke test', () => {
  it('saves a page from the popup, then finds it in the library list and by search, and opens the sidebar page', async () => {
    const firefox = need(ff);
    const fixtures = need(server);
    const started = performance.now();

    const article = await firefox.browser.newPage();
    await article.goto(fixtures.urlOf(ARTICLE));
    expect(await article.title()).toContain(TITLE);

    library = await openExtensionPage(firefox, fixtures, 'library.html');
    // The e2e build's host access, granted at install by a test preference (Firefox grants MV3 hosts only when asked).
    expect(await library.evaluate(() => browser.permissions.contains({ origins: ['https://*/*'] }))).toBe(true);
    // The article's tab id, from the extension (in Firefox tabs.query({ url }) with a port can miss: filter instead).
    tabId = await library.evaluate(async (url: string) => {
      const tabs = await browser.tabs.query({});
      return tabs.find((t) => t.url === url)?.id ?? -1;
    }, fixtures.urlOf(ARTICLE));
    expect(tabId).toBeGreaterThan(0);
    expect(await textsOf(library, '.hc-row__title')).toEqual([]);

    const popup = await openExtensionPage(firefox, fixtures, 'popup.html', `?tabId=${tabId}`);
    const save = await popup.waitForSelector('::-p-text(Save page)', { timeout: 15_000 });
    await save?.click();
    await popup.waitForFunction(() => [...document.querySelectorAll('[role="status"]')].some((e) => /^Saved/.test(e.textContent ?? '')), { timeout: 15_000 });
    await popup.close();

    // The library follows the database: the new clip appears without a reload.
    await library.waitForFunction((t: string) => [...document.querySelectorAll('.hc-row__title')].some((e) => e.textContent === t), { timeout: 15_000 }, TITLE);
    expect(await textsOf(library, '.hc-row__title')).toEqual([TITLE]);

    // A word only in the body text, then one the page never uses.
    expect(await searchLibrary(library, 'metformin')).toEqual([TITLE]);
    expect(await searchLibrary(library, 'lercanidipine')).toEqual([]);
    expect(await searchLibrary(library, 'HbA1c test')).toEqual([TITLE]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await library.screenshot({ path: join(ARTIFACTS, 'firefox-library.png') });

    // The sidebar_action page, opened in a tab about the article's tab: it reads the page and knows it is saved.
    const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as { sidebar_action?: { default_panel?: string } };
    expect(manifest.sidebar_action?.default_panel).toBe('sidepanel.html');
    const sidebar = await openExtensionPage(firefox, fixtures, 'sidepanel.html', `?tabId=${tabId}`);
    await sidebar.waitForSelector('h1.hc-side__title', { timeout: 15_000 });
    expect(await textsOf(sidebar, 'h1.hc-side__title')).toEqual([TITLE]);
    expect(await textsOf(sidebar, '#hc-side-highlights')).toEqual(['Your highlights on this page']);
    await sidebar.screenshot({ path: join(ARTIFACTS, 'firefox-sidebar.png') });

    const seconds = (performance.now() - started) / 1000;
    console.log(`Firefox flow (open, save, list, 3 searches, sidebar): ${seconds.toFixed(1)} s after a ${launchSeconds.toFixed(1)} s start`);
    expect(seconds).toBeLessThan(45);
  });

  it('sent nothing off the machine but the article and the test opening extension pages', () => {
    const firefox = need(ff);
    const fixtures = need(server);
    const seen = firefox.proxy.requests.map((r) => `${r.method} ${r.url}`);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'firefox-requests.json'), `${JSON.stringify(firefox.proxy.requests, null, 2)}\n`);
    console.log(`Firefox requests through the proxy (${seen.length}):\n  ${seen.join('\n  ')}`);
    // The test's own openings of extension pages: the opener may swap the tab before Firefox sends one, so each is seen at most once.
    const openings = seen.filter((r) => r.startsWith(`GET https://127.0.0.1:${fixtures.port}${E2E_OPEN_PATH}`));
    expect(new Set(openings).size).toBe(openings.length);
    expect(openings.length).toBeLessThanOrEqual(3);
    // Everything else: the article, once (the extension reads the open tab, it never fetches the page itself).
    expect(seen.filter((r) => !openings.includes(r))).toEqual([`GET ${fixtures.urlOf(ARTICLE)}`]);
  });

  it('would have seen a request from an extension page (the recorder works)', async () => {
    const firefox = need(ff);
    const before = firefox.proxy.requests.length;
    const probe = 'https://probe.example/hc-recorder-check';
    await need(library).evaluate((url: string) => fetch(url, { cache: 'no-store' }).then(() => undefined, () => undefined), probe);
    expect(firefox.proxy.requests.slice(before).map((r) => r.url)).toEqual([probe]);
  });

  it('keeps the test-only page opener out of the production builds', () => {
    const marker = E2E_OPEN_PATH;
    const filesWith = (dir: string) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js') && readFileSync(join(dir, f), 'utf8').includes(marker));
    // The grep finds the opener where it is meant to be, so an empty answer below means something.
    expect(filesWith(FIREFOX_EXTENSION_DIR)).toEqual(['background.js']);
    for (const build of ['firefox-mv3', 'chrome-mv3', 'chrome-mv3-e2e']) {
      const dir = resolve(process.cwd(), '.output', build);
      expect(existsSync(dir), `${dir} is missing: run "npm run build" and "npm run build:e2e" first`).toBe(true);
      expect(filesWith(dir), build).toEqual([]);
    }
    expect(EXTENSION_ORIGIN).toMatch(/^moz-extension:\/\/[0-9a-f-]{36}$/);
  });
});
