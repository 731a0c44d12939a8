import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** The extension API as seen inside the service worker, where these helpers run code. */
declare const chrome: typeof import('wxt/browser').browser;

/** The e2e build: production code plus host access to 127.0.0.1 (see wxt.config.ts). */
export const EXTENSION_DIR = resolve(process.cwd(), '.output/chrome-mv3-e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = resolve(process.cwd(), 'tests/e2e/artifacts');
const CERTS = resolve(process.cwd(), 'tests/e2e/certs');
const PAGES_DIR = resolve(process.cwd(), process.env.HC_PAGES_DIR ?? 'tests/fixtures/pages');

/** Where each fixture page pretends to live (name -> address), from tests/fixtures/pages/urls.json. */
export function fixtureUrls(): Record<string, string> {
  const file = join(PAGES_DIR, 'urls.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

/** A fixture server on 127.0.0.1 that answers for every host name. */
export interface FixtureServer {
  port: number;
  /** The address a fixture page is served at (its real-looking https address). */
  urlOf(name: string, query?: string): string;
  close(): Promise<void>;
}

/**
 * Serves tests/fixtures/pages over HTTPS (test certificate) on 127.0.0.1.
 * Chromium is started with every host name mapped to this server, so a page
 * can be opened at https://www.nhs.uk/... and the extension sees the real
 * address, while no request leaves the machine. `?nocanonical` strips the
 * canonical link so repeated runs of one page count as different pages.
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const urls = fixtureUrls();
  const byAddress = new Map(Object.entries(urls).map(([name, url]) => {
    const u = new URL(url);
    return [`${u.hostname}${u.pathname}`, name];
  }));
  const server = createServer({ key: readFileSync(join(CERTS, 'test-key.pem')), cert: readFileSync(join(CERTS, 'test-cert.pem')) }, (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? '127.0.0.1'}`);
    const name = byAddress.get(`${url.hostname}${url.pathname}`) ?? url.pathname.replace(/^\/+/, '');
    const file = join(PAGES_DIR, name);
    if (!file.startsWith(PAGES_DIR) || !existsSync(file) || extname(file) !== '.html') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let html = readFileSync(file, 'utf8');
    if (url.searchParams.has('nocanonical')) html = html.replace(/<link[^>]+rel=["']?canonical[^>]*>/gi, '');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    urlOf: (name, query = '') => {
      const base = urls[name] ?? `https://127.0.0.1:${port}/${name}`;
      return query ? `${base}${base.includes('?') ? '&' : '?'}${query.replace(/^\?/, '')}` : base;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** A running Chromium with the extension loaded, in its own profile. */
export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profileDir: string;
  close(): Promise<void>;
}

/**
 * Launches real Chromium with the built extension, every host name resolved
 * to the fixture server; pass a profile folder to reopen it.
 */
export async function launchWithExtension(server: FixtureServer, profileDir?: string): Promise<ExtensionBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No e2e build at ${EXTENSION_DIR}: run npm run build:e2e first.`);
  const dir = profileDir ?? mkdtempSync(join(tmpdir(), 'hc-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--host-resolver-rules=MAP * 127.0.0.1:${server.port}`,
      '--ignore-certificate-errors',
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    profileDir: dir,
    close: () => context.close(),
  };
}

/** Deletes a profile folder after its browser has closed (Chromium may still be flushing). */
export async function removeProfile(dir: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      rmSync(dir, { recursive: true, force: true });
      return;
    } catch {
      await new Promise((ok) => setTimeout(ok, 200));
    }
  }
}

/** The id Chromium gave the tab showing `url`. */
export async function tabIdFor(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Opens the popup page in a tab, acting on `tabId` (a test cannot click the toolbar button). */
export async function openPopup(ext: ExtensionBrowser, tabId: number): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 420, height: 720 });
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

/** Opens the library page. */
export async function openLibrary(ext: ExtensionBrowser, hash = ''): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/library.html${hash}`);
  return page;
}

/** Runs the real context-menu listener, as a right-click on the menu item would. */
export async function clickContextMenu(ext: ExtensionBrowser, tabId: number, menuItemId: string, pageUrl: string): Promise<void> {
  await ext.worker.evaluate(
    async ({ tabId, menuItemId, pageUrl }) => {
      const tab = await chrome.tabs.get(tabId);
      // dispatch() runs the listeners the background registered.
      (chrome.contextMenus.onClicked as unknown as { dispatch(info: unknown, tab: unknown): void }).dispatch(
        { menuItemId, editable: false, pageUrl },
        tab,
      );
    },
    { tabId, menuItemId, pageUrl },
  );
}

/** Saves a screenshot under tests/e2e/artifacts for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** One fixture server and one browser for a test file, set up and torn down around it. */
export interface ExtensionSession {
  readonly server: FixtureServer;
  readonly ext: ExtensionBrowser;
  /** Closes the browser and opens it again on the same profile. */
  relaunch(): Promise<void>;
  /** Opens a fixture page in a new tab. */
  openFixture(name: string, query?: string): Promise<{ page: Page; tabId: number }>;
}

/** Registers beforeAll/afterAll hooks that start and stop an ExtensionSession. */
export function useExtensionSession(): ExtensionSession {
  let server: FixtureServer | undefined;
  let ext: ExtensionBrowser | undefined;
  let profileDir: string | undefined;
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the session has not started');
    return value;
  };
  beforeAll(async () => {
    server = await startFixtureServer();
    ext = await launchWithExtension(server);
    profileDir = ext.profileDir;
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
    if (profileDir) await removeProfile(profileDir);
  });
  return {
    get server() {
      return need(server);
    },
    get ext() {
      return need(ext);
    },
    async relaunch() {
      await need(ext).close();
      ext = await launchWithExtension(need(server), need(profileDir));
    },
    async openFixture(name, query = '') {
      const browser = need(ext);
      const page = await browser.context.newPage();
      await page.goto(need(server).urlOf(name, query));
      return { page, tabId: await tabIdFor(browser.worker, page.url()) };
    },
  };
}
