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
  /** Serves a fixture page changed by `edit` (the site changed it) until called again with undefined. */
  rewrite(name: string, edit: ((html: string) => string) | undefined): void;
  /**
   * Serves `body` as JSON at `path` on every host (undefined stops serving
   * it), with an ETag when given: a request whose If-None-Match matches gets
   * 304 and no body, as a static host would answer.
   */
  serveJson(path: string, body: string | undefined, options?: { etag?: string; contentType?: string }): void;
  /** The requests made so far to a path served with serveJson: their conditional and cookie headers. */
  jsonRequests(path: string): { ifNoneMatch?: string; cookie?: string; status: number }[];
  close(): Promise<void>;
}

/** The host without www./m. so a page answers under its www. and mobile variants too. */
const bareHostOf = (host: string) => host.replace(/^(www|m|mobile)\.(?=.+\.)/, '');

/** Extra folders a fixture server may serve besides tests/fixtures/pages. */
export interface FixtureServerOptions {
  /**
   * URL path prefix (without slashes) -> folder: `/corpus/aclu/source.html`
   * serves `<folder>/aclu/source.html` when `{ corpus: folder }` is given.
   * Only .html files are served; `?nocanonical` applies to them too.
   */
  extraDirs?: Readonly<Record<string, string>>;
}

/** The file an extra folder serves for a path, or undefined when no extra folder claims it. */
function extraFileFor(pathname: string, extraDirs: Readonly<Record<string, string>>): string | undefined {
  const [, prefix = '', ...rest] = pathname.split('/');
  const dir = Object.hasOwn(extraDirs, prefix) ? extraDirs[prefix] : undefined;
  if (dir === undefined) return undefined;
  const root = resolve(dir);
  const notServed = join(root, '.not-served');
  let file: string;
  try {
    file = resolve(root, ...rest.map((part) => decodeURIComponent(part)));
  } catch {
    return notServed; // a malformed %-escape
  }
  return file.startsWith(`${root}/`) ? file : notServed;
}

/**
 * Serves tests/fixtures/pages over HTTPS (test certificate) on 127.0.0.1.
 * Chromium is started with every host name mapped to this server, so a page
 * can be opened at https://www.nhs.uk/... and the extension sees the real
 * address, while no request leaves the machine. `?nocanonical` strips the
 * canonical link so repeated runs of one page count as different pages.
 * `options.extraDirs` serves more folders (the benchmark's corpus).
 */
export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const urls = fixtureUrls();
  const byAddress = new Map(Object.entries(urls).map(([name, url]) => {
    const u = new URL(url);
    return [`${bareHostOf(u.hostname)}${u.pathname}`, name];
  }));
  const edits = new Map<string, (html: string) => string>();
  const json = new Map<string, { body: string; etag?: string; contentType?: string }>();
  const jsonLog = new Map<string, { ifNoneMatch?: string; cookie?: string; status: number }[]>();
  const server = createServer({ key: readFileSync(join(CERTS, 'test-key.pem')), cert: readFileSync(join(CERTS, 'test-cert.pem')) }, (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? '127.0.0.1'}`);
    const served = json.get(url.pathname);
    if (served) {
      const ifNoneMatch = req.headers['if-none-match'];
      const status = served.etag && ifNoneMatch === served.etag ? 304 : 200;
      const log = jsonLog.get(url.pathname) ?? [];
      log.push({ status, ...(ifNoneMatch ? { ifNoneMatch } : {}), ...(req.headers.cookie ? { cookie: req.headers.cookie } : {}) });
      jsonLog.set(url.pathname, log);
      const headers = { 'content-type': served.contentType ?? 'application/json', ...(served.etag ? { etag: served.etag } : {}) };
      if (status === 304) res.writeHead(304, headers).end();
      else res.writeHead(200, headers).end(served.body);
      return;
    }
    const extra = options.extraDirs ? extraFileFor(url.pathname, options.extraDirs) : undefined;
    const name = byAddress.get(`${bareHostOf(url.hostname)}${url.pathname}`) ?? url.pathname.replace(/^\/+/, '');
    const file = extra ?? join(PAGES_DIR, name);
    if ((!extra && !file.startsWith(PAGES_DIR)) || !existsSync(file) || extname(file) !== '.html') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let html = readFileSync(file, 'utf8');
    if (url.searchParams.has('nocanonical')) html = html.replace(/<link[^>]+rel=["']?canonical[^>]*>/gi, '');
    html = edits.get(name)?.(html) ?? html;
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
    rewrite: (name, edit) => {
      if (edit) edits.set(name, edit);
      else edits.delete(name);
    },
    serveJson: (path, body, options = {}) => {
      if (body === undefined) json.delete(path);
      else json.set(path, { body, ...options });
    },
    jsonRequests: (path) => [...(jsonLog.get(path) ?? [])],
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

interface CdpNode {
  nodeId: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** What is inside one of our closed shadow roots: its words, and its buttons and fields by name. */
export interface ClosedShadow {
  texts: string[];
  /** Buttons by each text inside them; fields by their aria-label. */
  controls: Map<string, number>;
  /** Clicks a control where a person would (its centre), with a real mouse event. */
  click(name: string): Promise<void>;
  /** Ends the DevTools session (done anyway when the page closes). */
  detach(): Promise<void>;
}

/**
 * Our in-page UI lives in closed shadow roots, which page scripts (and
 * Playwright's locators) cannot enter; only the DevTools protocol can.
 * Undefined when no element with this tag is on the page. The DevTools
 * session stays open for `click` and ends with the page.
 */
export async function closedShadow(page: Page, hostTag: string): Promise<ClosedShadow | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const tag = hostTag.toUpperCase();
    const find = (node: CdpNode): CdpNode | undefined =>
      node.nodeName === tag ? node : [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(find).find(Boolean);
    const host = find(root);
    if (!host) {
      await cdp.detach();
      return undefined;
    }
    const texts: string[] = [];
    const controls = new Map<string, number>();
    const walk = (node: CdpNode, holder?: CdpNode): void => {
      if (node.nodeName === 'STYLE') return;
      if (node.nodeName === '#text' && node.nodeValue?.trim()) {
        texts.push(node.nodeValue.trim());
        if (holder) controls.set(node.nodeValue.trim(), holder.nodeId);
      }
      if (node.nodeName === 'TEXTAREA' || node.nodeName === 'INPUT') {
        const attrs = node.attributes ?? [];
        const label = attrs[attrs.indexOf('aria-label') + 1];
        if (attrs.includes('aria-label') && label) controls.set(label, node.nodeId);
      }
      const next = node.nodeName === 'BUTTON' ? node : holder;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child, next);
    };
    walk(host);
    return {
      texts,
      controls,
      click: async (name) => {
        const nodeId = controls.get(name);
        if (nodeId === undefined) throw new Error(`no control named “${name}” in <${hostTag}>: ${[...controls.keys()].join(', ')}`);
        // Box-model quads are in viewport pixels: bring the control into view first.
        await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId });
        const { model } = (await cdp.send('DOM.getBoxModel', { nodeId }).catch(() => {
          throw new Error(`the control “${name}” in <${hostTag}> is not visible`);
        })) as { model: { content: number[] } };
        const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
        await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
      },
      detach: () => cdp.detach().catch(() => undefined),
    };
  } catch (error) {
    await cdp.detach().catch(() => undefined);
    throw error;
  }
}

/** Waits until a closed shadow root with this host tag shows `text`. */
export async function waitForClosedShadowText(page: Page, hostTag: string, text: string | RegExp, timeoutMs = 15_000): Promise<ClosedShadow> {
  const until = Date.now() + timeoutMs;
  let last: ClosedShadow | undefined;
  while (Date.now() < until) {
    last = await closedShadow(page, hostTag);
    if (last?.texts.some((t) => (typeof text === 'string' ? t.includes(text) : text.test(t)))) return last;
    await last?.detach();
    await page.waitForTimeout(100);
  }
  throw new Error(`<${hostTag}> never showed ${String(text)}; it showed: ${last?.texts.join(' | ') ?? 'nothing'}`);
}

/** Opens the side panel page in a tab, about `tabId` (a test cannot open the browser's side panel). */
export async function openSidePanel(ext: ExtensionBrowser, tabId: number): Promise<Page> {
  const panel = await ext.context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tabId=${tabId}`);
  return panel;
}

/** Saves a screenshot under tests/e2e/artifacts for a person to look at. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: options.fullPage ?? true });
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

/** Selects `phrase` in the page, finishing with Shift+Right over its last character as a keyboard user would. */
export async function selectPhraseOnPage(page: Page, phrase: string): Promise<void> {
  const found = await page.evaluate((p) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(p) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + p.length - 1);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      return true;
    }
    return false;
  }, phrase);
  if (!found) throw new Error(`“${phrase}” is not on the page`);
  await page.keyboard.press('Shift+ArrowRight');
  const selected = await page.evaluate(() => getSelection()?.toString());
  if (selected !== phrase) throw new Error(`selected “${selected}” instead of “${phrase}”`);
}

/** Highlights a phrase with the real context-menu listener (which saves the page too) and waits until it is painted. */
export async function highlightPhraseFromMenu(ext: ExtensionBrowser, page: Page, tabId: number, phrase: string, meaning: string): Promise<void> {
  await selectPhraseOnPage(page, phrase);
  const painted = () => page.evaluate((m) => CSS.highlights.get(`hc-${m}`)?.size ?? 0, meaning);
  const before = await painted();
  await clickContextMenu(ext, tabId, `hc-highlight-${meaning}`, page.url());
  await page.waitForFunction(({ m, n }) => (CSS.highlights.get(`hc-${m}`)?.size ?? 0) > n, { m: meaning, n: before }, { timeout: 15_000 });
}

/** Saves the page in a tab from the popup, as a person would, and waits for the popup to say so. */
export async function savePageFromPopup(ext: ExtensionBrowser, tabId: number, said: string | RegExp = /^Saved/): Promise<void> {
  const popup = await openPopup(ext, tabId);
  await popup.getByRole('button', { name: 'Save page' }).click();
  await popup.getByText(said).waitFor();
  await popup.close();
}

/** Puts records straight into one of the extension's IndexedDB stores, from an extension page (production code has no test hooks). */
export async function putRecords(page: Page, store: string, records: unknown[]): Promise<void> {
  await page.evaluate(
    async ({ store, records }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const request = indexedDB.open('health-clipper');
        request.onsuccess = () => ok(request.result);
        request.onerror = () => fail(request.error);
      });
      try {
        await new Promise<void>((ok, fail) => {
          // Like the extension's own writes, clips and highlights also note which clips changed for search.
          const journal = (store === 'clips' || store === 'highlights') && db.objectStoreNames.contains('searchJournal');
          const tx = db.transaction(journal ? [store, 'searchJournal'] : store, 'readwrite');
          for (const record of records) tx.objectStore(store).put(record);
          if (journal) {
            const clipIds = records.map((r) => (r as { id?: string; clipId?: string })[store === 'clips' ? 'id' : 'clipId']);
            tx.objectStore('searchJournal').add({ clipIds });
          }
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
        });
      } finally {
        db.close();
      }
    },
    { store, records },
  );
}

/** Throws the saved search index away (as an update would), so the library builds it again on its next open. */
export async function clearSearchIndex(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('health-clipper');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    await new Promise<void>((ok, fail) => {
      const tx = db.transaction('searchIndex', 'readwrite');
      tx.objectStore('searchIndex').clear();
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  });
}
