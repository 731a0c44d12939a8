import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request, type Worker } from 'playwright-core';
import type { ClipListItem } from '../../lib/db/repository';
import { afterAll, beforeAll, expect } from 'vitest';
import { NETWORK_DIR, type NetworkRecord } from './network-log';

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
  const traffic: ServerTraffic = { hits: [], claimed: new Map() };
  const server = createServer({ key: readFileSync(join(CERTS, 'test-key.pem')), cert: readFileSync(join(CERTS, 'test-cert.pem')) }, (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? '127.0.0.1'}`);
    traffic.hits.push({ url: url.href, at: Date.now() });
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
  const fixtureServer: FixtureServer = {
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
  serverTraffic.set(fixtureServer, traffic);
  return fixtureServer;
}

/**
 * Everything that reached a fixture server (every host name resolves to it,
 * so this is everything that left the browser), and how many requests to
 * each URL the browsers' recorders saw. A hit no recorder saw was made by a
 * context the recorder cannot see, and is reported as unattributed.
 */
interface ServerTraffic {
  hits: { url: string; at: number }[];
  claimed: Map<string, number>;
}
const serverTraffic = new WeakMap<FixtureServer, ServerTraffic>();

/** Server hits since `since` that no recorder accounts for (each recorded request accounts for one hit). */
function unattributedHits(traffic: ServerTraffic, since: number): string[] {
  const left = new Map(traffic.claimed);
  const unseen: string[] = [];
  for (const hit of traffic.hits) {
    const claims = left.get(hit.url) ?? 0;
    if (claims > 0) left.set(hit.url, claims - 1);
    else if (hit.at >= since) unseen.push(hit.url);
  }
  return unseen;
}

/** A running Chromium with the extension loaded, in its own profile. */
export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profileDir: string;
  /** Every request seen so far in this browser (also written to tests/e2e/artifacts/network/). */
  readonly requests: readonly NetworkRecord[];
  /**
   * Closes the browser, then fails if an extension context reached the
   * network without the test having declared it (expectUserRequests).
   */
  close(): Promise<void>;
}

/** A request the user asked the extension to make, declared by a test before it acts. */
export interface UserRequest {
  /** Matched against the whole request URL. */
  url: RegExp;
  /** What the user did that makes this request theirs ("follows a collection by address"). */
  why: string;
  /** Only from this kind of extension context (a scheduled check comes from the service worker, a click from a page). */
  from?: 'extension-page' | 'service-worker';
}

/** Options for launchWithExtension. */
export interface LaunchOptions {
  /** Requests the test will ask the extension to make (more can be added with expectUserRequests). */
  userRequests?: readonly UserRequest[];
  /** Where to write this browser's network log (default tests/e2e/artifacts/network, which the suite summary reads). */
  networkDir?: string;
  /** Another build to load instead of the e2e build (the update test loads the previous release first). */
  extensionDir?: string;
  /** A wrapper that starts Chromium in special conditions (the full-disk test's small RAM disk). */
  executablePath?: string;
}

const declaredRequests = new WeakMap<BrowserContext, UserRequest[]>();

/**
 * Declares that the extension will reach `url` because the test (standing in
 * for the user) asks it to: opening a link, checking a followed collection,
 * showing a page's images. Declare before acting: a request is judged when
 * it is made. Everything else an extension context sends to the network
 * fails the test when its browser closes.
 */
export function expectUserRequests(ext: ExtensionBrowser | BrowserContext, url: RegExp, why: string, from?: UserRequest['from']): void {
  const context = 'context' in ext ? ext.context : ext;
  const list = declaredRequests.get(context) ?? [];
  list.push({ url, why, ...(from ? { from } : {}) });
  declaredRequests.set(context, list);
}

/** The spec file now running (its name without .spec.ts), to name the network log. */
function currentSpecName(): string {
  const path = expect.getState().testPath;
  return path ? basename(path).replace(/\.spec\.ts$/, '') : 'unknown-spec';
}

let launchesInThisFile = 0;

/** Anything but these schemes leaves the browser; chrome-extension:, blob: and data: are the extension's own bundle or memory. */
const isNetworkUrl = (url: string) => /^(https?|wss?|ftp):/i.test(url);
const isExtensionUrl = (url: string) => url.startsWith('chrome-extension://');

/**
 * Who made a request. Service-worker requests carry their worker; a page's
 * dedicated workers (the search worker) report through the page's main
 * frame, so the frame's document is the context. A top-level navigation
 * belongs to the document it replaces, or, in a new tab, to the page that
 * opened it (a link the library opens in a new tab is the extension's).
 */
function initiatorOf(request: Request): { kind: NetworkRecord['context']; url: string } {
  const worker = request.serviceWorker();
  if (worker) return { kind: isExtensionUrl(worker.url()) ? 'service-worker' : 'web-page', url: worker.url() };
  let frame;
  try {
    frame = request.frame();
  } catch {
    return { kind: 'browser', url: '' };
  }
  let url = frame.url();
  if (request.isNavigationRequest() && frame.parentFrame() === null && (url === '' || url === 'about:blank')) {
    const opener = openers.get(frame.page());
    if (opener) url = opener;
  }
  return { kind: isExtensionUrl(url) ? 'extension-page' : 'web-page', url };
}

/** The address of the page that opened each tab, noted when the tab appears (Page.opener() is async). */
const openers = new WeakMap<Page, string>();

/**
 * Records every request made in `context` to a JSON-lines file, classifying
 * it as the extension's (its pages, their workers, its service worker) or a
 * web page's, and whether the test declared it as asked for by the user.
 */
function recordNetwork(context: BrowserContext, file: string, traffic: ServerTraffic | undefined): NetworkRecord[] {
  const records: NetworkRecord[] = [];
  context.on('page', (page) => {
    void page.opener().then((opener) => {
      if (opener) openers.set(page, opener.url());
    });
  });
  context.on('request', (request) => {
    const url = request.url();
    const found = initiatorOf(request);
    const network = isNetworkUrl(url);
    // A network request with no frame and no worker could be anyone's, ours included: it counts against us unless it is Chromium's own.
    const from = found.kind === 'browser' && network && !isBrowserOwnRequest(new URL(url)) ? { ...found, kind: 'unattributed' as const } : found;
    const byExtension = from.kind === 'service-worker' || from.kind === 'extension-page' || from.kind === 'unattributed';
    const declared = byExtension && network ? declaredRequests.get(context)?.find((d) => d.url.test(url) && (d.from ?? from.kind) === from.kind)?.why : undefined;
    const record: NetworkRecord = {
      at: new Date().toISOString(),
      context: from.kind,
      initiator: from.url,
      url,
      method: request.method(),
      resourceType: request.resourceType(),
      navigation: request.isNavigationRequest(),
      network,
      verdict: !byExtension ? 'page' : !network ? 'own' : declared !== undefined ? 'declared' : 'undeclared',
      ...(declared !== undefined ? { declaredAs: declared } : {}),
    };
    records.push(record);
    appendFileSync(file, `${JSON.stringify(record)}\n`);
    if (traffic && network) traffic.claimed.set(withoutHash(url), (traffic.claimed.get(withoutHash(url)) ?? 0) + 1);
  });
  return records;
}

const withoutHash = (url: string) => url.replace(/#.*$/, '');

/**
 * Chromium's own background requests (account check, update check), made by
 * the browser outside any page or extension context even with
 * --disable-background-networking. Every host resolves to the fixture
 * server, so they show up there; they are listed as the browser's.
 */
const isBrowserOwnRequest = (url: URL) =>
  url.pathname === '/favicon.ico' || /(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com)$/.test(url.hostname);

/** Adds a record for each server hit no recorder saw: the browser's own, or a leak from a context we cannot see. */
function recordUnattributed(records: NetworkRecord[], file: string, traffic: ServerTraffic | undefined, since: number): void {
  if (!traffic) return;
  for (const url of unattributedHits(traffic, since)) {
    const browserOwn = isBrowserOwnRequest(new URL(url));
    const record: NetworkRecord = {
      at: new Date().toISOString(),
      context: browserOwn ? 'browser' : 'unattributed',
      initiator: '',
      url,
      method: '',
      resourceType: '',
      navigation: false,
      network: true,
      verdict: browserOwn ? 'page' : 'undeclared',
    };
    records.push(record);
    appendFileSync(file, `${JSON.stringify(record)}\n`);
  }
}

/**
 * Launches real Chromium with the built extension, every host name resolved
 * to the fixture server; pass a profile folder to reopen it.
 */
export async function launchWithExtension(server: FixtureServer, profileDir?: string, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No extension build at ${extensionDir}: run npm run build:e2e first.`);
  const dir = profileDir ?? mkdtempSync(join(tmpdir(), 'hc-e2e-'));
  const launchedAt = Date.now();
  const networkDir = options.networkDir ?? NETWORK_DIR;
  mkdirSync(networkDir, { recursive: true });
  const file = join(networkDir, `${currentSpecName()}-${++launchesInThisFile}.jsonl`);
  // A file left by an earlier run of this spec must not be read as this run's.
  rmSync(file, { force: true });
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: options.executablePath ?? CHROMIUM,
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=MAP * 127.0.0.1:${server.port}`,
      '--ignore-certificate-errors',
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  if (options.userRequests) for (const r of options.userRequests) expectUserRequests(context, r.url, r.why, r.from);
  const traffic = serverTraffic.get(server);
  const records = recordNetwork(context, file, traffic);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    profileDir: dir,
    requests: records,
    close: async () => {
      await context.close();
      recordUnattributed(records, file, traffic, launchedAt);
      const undeclared = records.filter((r) => r.verdict === 'undeclared');
      if (undeclared.length > 0) {
        throw new Error(
          `the extension made ${undeclared.length} network request(s) nobody asked for (see ${file}):\n` +
            undeclared.map((r) => `  ${r.method} ${r.url} from ${r.context} ${r.initiator}`).join('\n'),
        );
      }
    },
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
  /** expectUserRequests for this session's browser, kept across relaunch(). */
  expectUserRequests(url: RegExp, why: string, from?: UserRequest['from']): void;
}

/** Registers beforeAll/afterAll hooks that start and stop an ExtensionSession. */
export function useExtensionSession(): ExtensionSession {
  let server: FixtureServer | undefined;
  let ext: ExtensionBrowser | undefined;
  let profileDir: string | undefined;
  const userRequests: UserRequest[] = [];
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
      ext = await launchWithExtension(need(server), need(profileDir), { userRequests });
    },
    expectUserRequests(url, why, from) {
      userRequests.push({ url, why, ...(from ? { from } : {}) });
      expectUserRequests(need(ext), url, why, from);
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
    // Through Document.prototype: a hostile page's <form name="body"> or <img name="createRange"> hides the real ones (hostile-pages.spec.ts).
    const body = Object.getOwnPropertyDescriptor(Document.prototype, 'body')?.get?.call(document) as Node;
    const walker = Document.prototype.createTreeWalker.call(document, body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(p) ?? -1;
      if (at < 0) continue;
      const range = Document.prototype.createRange.call(document);
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

/** Saves a fixture page with the extension's own "clip this tab" message sent from `library`, as the popup does. */
export async function saveFixtureByMessage(session: ExtensionSession, library: Page, name: string): Promise<ClipListItem> {
  const { page, tabId } = await session.openFixture(name);
  const result = await library.evaluate(
    async (id) =>
      (await chrome.runtime.sendMessage({ type: 'clipTab', input: { tabId: id, mode: 'article', tags: [], note: '' } })) as {
        ok: boolean;
        value?: { clip: ClipListItem };
        error?: { message: string };
      },
    tabId,
  );
  await page.close();
  if (!result.ok || !result.value) throw new Error(`could not save ${name}: ${result.error?.message ?? 'no answer'}`);
  return result.value.clip;
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

/** Every record of one of the extension's IndexedDB stores, read from an extension page. */
export function readRecords(page: Page, store: string): Promise<unknown[]> {
  return page.evaluate(async (store) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('health-clipper');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    try {
      return await new Promise<unknown[]>((ok, fail) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => ok(request.result as unknown[]);
        request.onerror = () => fail(request.error);
      });
    } finally {
      db.close();
    }
  }, store);
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
