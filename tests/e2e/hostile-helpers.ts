import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { FixtureServer } from './harness';

const CERTS = resolve(process.cwd(), 'tests/e2e/certs');

/** One request the hostile server saw. */
export interface LoggedRequest {
  path: string;
  host: string;
  /** Who asked (Sec-Fetch-Site / Origin / Referer), to tell the web page from an extension page. */
  site: string;
  origin: string;
  referer: string;
  dest: string;
  at: number;
}

/** A fixture server for hostile pages that also logs every beacon (`/__pwned/`) and remote load (`/__load/`). */
export interface HostileServer extends FixtureServer {
  /** Requests to /__pwned/: a payload ran somewhere. */
  beacons(): LoggedRequest[];
  /** Requests to /__load/: something fetched a remote stylesheet, image or form target (not an execution). */
  loads(): LoggedRequest[];
}

/**
 * Serves `pages` (file name -> HTML) at https://<any host>/hostile/<file>,
 * answers beacons with 204 (a .js beacon with a script that would flag
 * itself, so a loaded remote script counts as running too) and logs them.
 * Written apart from tests/e2e/harness.ts, which serves files from disk and
 * does not log; launchWithExtension needs only the port.
 */
export async function startHostileServer(pages: ReadonlyMap<string, string>): Promise<HostileServer> {
  const log: LoggedRequest[] = [];
  const server = createServer({ key: readFileSync(join(CERTS, 'test-key.pem')), cert: readFileSync(join(CERTS, 'test-cert.pem')) }, (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? '127.0.0.1'}`);
    const header = (name: string) => String(req.headers[name] ?? '');
    if (url.pathname.startsWith('/__pwned/') || url.pathname.startsWith('/__load/')) {
      log.push({ path: url.pathname, host: url.hostname, site: header('sec-fetch-site'), origin: header('origin'), referer: header('referer'), dest: header('sec-fetch-dest'), at: Date.now() });
      if (url.pathname.endsWith('.js')) {
        const id = url.pathname.replace(/^\/__pwned\//, '');
        res.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' }).end(`self.__hcPwned=(self.__hcPwned||[]).concat(${JSON.stringify(id)});`);
      } else {
        res.writeHead(204, { 'access-control-allow-origin': '*' }).end();
      }
      return;
    }
    const file = url.pathname.replace(/^\/hostile\//, '');
    const html = pages.get(file);
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const unsupported = () => {
    throw new Error('the hostile server serves only its own pages');
  };
  return {
    port,
    urlOf: (name, query = '') => `https://health-pages.test/hostile/${name}${query ? `?${query.replace(/^\?/, '')}` : ''}`,
    rewrite: unsupported,
    serveJson: unsupported,
    jsonRequests: () => [],
    beacons: () => log.filter((r) => r.path.startsWith('/__pwned/')),
    loads: () => log.filter((r) => r.path.startsWith('/__load/')),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** What one page (or worker) says about itself after the extension has shown hostile content. */
export interface ContextReport {
  where: string;
  /** Ids a payload pushed into `__hcPwned` (anything else, e.g. a clobbered element, is reported as its type). */
  pwned: string[];
  /** `({}).polluted`: set only if a JSON-LD `__proto__` key reached a naive merge. */
  polluted: string | undefined;
  /** CSP violations this page reported: a blocked attempt to run or load something. */
  violations: string[];
}

/**
 * Installed in every page of the context before its own scripts (extension
 * pages, web pages, print view, opened downloads): records CSP violations,
 * which are how a blocked inline handler or javascript: URL shows itself.
 */
export const VIOLATION_RECORDER = `(() => {
  const list = [];
  Object.defineProperty(globalThis, '__hcViolations', { value: list, configurable: false });
  addEventListener('securitypolicyviolation', (e) => {
    const t = e.target;
    const target = t instanceof Element ? (t.isConnected ? 'connected <' + t.localName + '>' : 'detached <' + t.localName + '>') : t === document ? 'document' : t === window ? 'window' : String(t);
    list.push([e.effectiveDirective, e.blockedURI, (e.sample || '').slice(0, 80), e.sourceFile, e.lineNumber, target].join(' | '));
  }, true);
})();`;

export async function installDetectors(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: VIOLATION_RECORDER });
}

/** Reads the flag, prototype and violations of one page's main world. */
export async function reportOf(page: Page, where: string): Promise<ContextReport> {
  const result = await page.evaluate(() => {
    const flag: unknown = Reflect.get(globalThis, '__hcPwned');
    const list: unknown = Reflect.get(globalThis, '__hcViolations');
    return {
      pwned: Array.isArray(flag) ? flag.map(String) : flag === undefined ? [] : [`not a list: ${Object.prototype.toString.call(flag)}`],
      polluted: (Reflect.get({}, 'polluted') as string | undefined) ?? undefined,
      violations: Array.isArray(list) ? list.map(String) : ['no violation recorder in this page'],
    };
  });
  return { where, ...result };
}

/** The same for the service worker (no CSP events there: the flag and prototype only). */
export async function reportOfWorker(worker: Worker, where: string): Promise<ContextReport> {
  const result = await worker.evaluate(() => {
    const flag: unknown = Reflect.get(globalThis, '__hcPwned');
    return {
      pwned: Array.isArray(flag) ? flag.map(String) : flag === undefined ? [] : [`not a list: ${Object.prototype.toString.call(flag)}`],
      polluted: (Reflect.get({}, 'polluted') as string | undefined) ?? undefined,
    };
  });
  return { where, ...result, violations: [] };
}

/**
 * The flag and prototype in every JavaScript world of a web page, including
 * the extension's isolated world where the clipper and the highlighter run
 * (Playwright's evaluate sees only the page's main world; the DevTools
 * protocol lists the others).
 */
export async function reportOfAllWorlds(page: Page, where: string): Promise<ContextReport[]> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; type: string }[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: { id: number; name: string; auxData?: { type?: string } } }) => {
    contexts.push({ id: event.context.id, name: event.context.name, type: event.context.auxData?.type ?? '' });
  });
  await cdp.send('Runtime.enable');
  const reports: ContextReport[] = [];
  for (const context of contexts) {
    const { result } = (await cdp.send('Runtime.evaluate', {
      contextId: context.id,
      returnByValue: true,
      expression: `(() => { const f = globalThis.__hcPwned; return { pwned: Array.isArray(f) ? f.map(String) : f === undefined ? [] : ['not a list: ' + Object.prototype.toString.call(f)], polluted: ({}).polluted }; })()`,
    })) as { result: { value?: { pwned: string[]; polluted?: string } } };
    reports.push({ where: `${where} [${context.type || 'main'} world ${context.name}]`, pwned: result.value?.pwned ?? ['no answer'], polluted: result.value?.polluted, violations: [] });
  }
  await cdp.detach();
  return reports;
}
