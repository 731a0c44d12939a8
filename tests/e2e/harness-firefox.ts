import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { FixtureServer } from './harness';

/** Debian's Firefox ESR, which CI installs (.ci/run). */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** `npm run build:e2e:firefox`: the Firefox build plus host access and the test-only page opener (entrypoints/background/e2e-opener.ts). */
export const FIREFOX_EXTENSION_DIR = resolve(process.cwd(), '.output/firefox-mv3-e2e');
/** The add-on id in the Firefox manifest (wxt.config.ts). */
export const ADDON_ID = 'health-clipper@localhost';
/** Pinned with extensions.webextensions.uuids, so the test knows the moz-extension:// origin before installing. */
export const EXTENSION_UUID = '6d1c3f0e-5b7a-4c2e-9f3d-2a8b4e6c1d90';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;
/** Must match E2E_OPEN_PATH in entrypoints/background/e2e-opener.ts. */
export const E2E_OPEN_PATH = '/__hc-e2e-open/';
const CERTS = resolve(process.cwd(), 'tests/e2e/certs');

/** One request that reached the recording proxy: every request Firefox sends off the browser goes through it. */
export interface ProxiedRequest {
  at: number;
  method: string;
  /** The full address (https requests are decrypted with the test certificate, so the path is known). */
  url: string;
}

/** The proxy Firefox must send everything through, recording every request and serving it from the fixture server. */
export interface RecordingProxy {
  port: number;
  readonly requests: readonly ProxiedRequest[];
  close(): Promise<void>;
}

/**
 * A local HTTP proxy for Firefox: each CONNECT is answered with the test
 * certificate (Firefox is told to accept it), each request inside is
 * recorded with its full address and passed to the fixture server, which
 * answers for every host name. Plain-http requests are recorded and refused.
 * So nothing Firefox sends can leave 127.0.0.1, and the test sees all of it.
 */
export async function startRecordingProxy(server: FixtureServer): Promise<RecordingProxy> {
  const requests: ProxiedRequest[] = [];
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    requests.push({ at: Date.now(), method: req.method ?? '', url: `https://${req.headers.host ?? ''}${req.url ?? ''}` });
    const upstream = httpsRequest(
      { host: '127.0.0.1', port: server.port, method: req.method, path: req.url, headers: req.headers, rejectUnauthorized: false },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  };
  const tls = createHttpsServer({ key: readFileSync(join(CERTS, 'test-key.pem')), cert: readFileSync(join(CERTS, 'test-cert.pem')) }, forward);
  const proxy = createHttpServer((req, res) => {
    requests.push({ at: Date.now(), method: req.method ?? '', url: req.url ?? '' });
    res.writeHead(403, { 'content-type': 'text/plain' }).end('plain http is not served in tests');
  });
  const sockets = new Set<Socket>();
  proxy.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  proxy.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    tls.emit('connection', socket);
  });
  await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
  const { port } = proxy.address() as AddressInfo;
  return {
    port,
    requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((ok) => proxy.close(() => ok()));
      tls.close();
    },
  };
}

/**
 * Preferences that keep a test Firefox to itself: everything through the
 * recording proxy (localhost included, no fallback to a direct connection),
 * no DNS of its own (no DNS over HTTPS, no prefetch), and the services that
 * phone home off: telemetry, updates, Safe Browsing, remote settings,
 * Normandy and experiments, captive-portal and connectivity checks, push,
 * favicons, geolocation, region lookup. Puppeteer and Firefox's remote agent
 * turn off more (their own recommended preferences).
 */
export function privatePrefs(proxyPort: number): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.failover_direct': false,
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'captivedetect.canonicalURL': '',
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': '',
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'app.update.auto': false,
    'app.update.enabled': false,
    'app.normandy.enabled': false,
    'app.normandy.api_url': '',
    'app.shield.optoutstudies.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.google.updateURL': '',
    // Honoured only with MOZ_DISABLE_NONLOCAL_CONNECTIONS (launchFirefoxWithExtension): remote settings then stay off.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'security.remote_settings.crlite_filters.enabled': false,
    'security.remote_settings.intermediates.enabled': false,
    'security.OCSP.enabled': 0,
    'dom.push.enabled': false,
    'dom.push.connection.enabled': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'geo.enabled': false,
    'geo.provider.network.url': '',
    'browser.chrome.site_icons': false,
    'browser.newtabpage.activity-stream.feeds.telemetry': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.ping-centre.telemetry': false,
    'browser.topsites.contile.enabled': false,
    'extensions.blocklist.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'extensions.getAddons.showPane': false,
    'media.gmp-manager.url': '',
    'media.gmp-gmpopenh264.enabled': false,
    'identity.fxaccounts.enabled': false,
    // MV3 host permissions are not granted at install in Firefox (a user turns them on per site); this
    // grants the e2e build's, as a user accepting them would. Production asks for none (wxt.config.ts).
    'extensions.originControls.grantByDefault': true,
    // The extension's moz-extension:// origin, known before it is installed.
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
  };
}

/** A running Firefox ESR with the e2e build installed, behind the recording proxy. */
export interface FirefoxWithExtension {
  browser: Browser;
  proxy: RecordingProxy;
  version: string;
  close(): Promise<void>;
}

/** Launches headless Firefox ESR over WebDriver BiDi with the Firefox e2e build installed. */
export async function launchFirefoxWithExtension(server: FixtureServer): Promise<FirefoxWithExtension> {
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox ESR is not installed at ${FIREFOX}. Install it with "apt-get install firefox-esr" (CI does this in .ci/run), or set FIREFOX_PATH.`);
  }
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox test build at ${FIREFOX_EXTENSION_DIR}: run "npm run build:e2e:firefox" first.`);
  }
  const proxy = await startRecordingProxy(server);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    // Seen taking 18 s on two busy cores; puppeteer's default is 30 s.
    timeout: 60_000,
    defaultViewport: { width: 1100, height: 900 },
    extraPrefsFirefox: privatePrefs(proxy.port),
    // Firefox's own test switch: a connection to any address but this machine's is stopped (tried
    // here without the proxy: the tab closed, which fails the test); the proxy is on 127.0.0.1, so
    // pages still load through it. It also lets services.settings.server keep remote settings quiet.
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
  });
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (error) {
    await browser.close();
    await proxy.close();
    throw error;
  }
  return {
    browser,
    proxy,
    version: await browser.version(),
    close: async () => {
      await browser.close();
      await proxy.close();
    },
  };
}

/**
 * Opens an extension page (library.html, popup.html, sidepanel.html) in a
 * new tab through the e2e build's opener, and waits until it is showing.
 */
export async function openExtensionPage(ff: FirefoxWithExtension, server: FixtureServer, page: string, query = ''): Promise<Page> {
  const tab = await ff.browser.newPage();
  const target = `${EXTENSION_ORIGIN}/${page}${query}`;
  // Not tab.goto: the opener may swap the tab before the address has loaded, and BiDi reports no
  // navigation to a moz-extension:// page, so goto would wait for a load that never comes (seen
  // under load). The blank tab starts the navigation itself; scripts do run in the page it ends on.
  const opener = `https://127.0.0.1:${server.port}${E2E_OPEN_PATH}${page}${query}`;
  await tab.evaluate((url: string) => location.assign(url), opener).catch(() => undefined);
  const until = Date.now() + 15_000;
  let shows = '';
  while (Date.now() < until) {
    shows = await tab.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
    if (shows === target) return tab;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`the extension did not open ${page}: the tab shows ${shows || tab.url()}`);
}
