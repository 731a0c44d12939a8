import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { FixtureServer } from './harness';

/** The extension API, in the extension pages and worker where these helpers run code. */
declare const chrome: typeof import('wxt/browser').browser;

/**
 * Helpers for tests/e2e/interruptions.spec.ts: a fixture server that makes
 * up as many distinct article pages as a test asks for, stopping the
 * extension's service worker through the DevTools protocol, and reading the
 * library's IndexedDB straight from an extension page.
 */

const CERTS = resolve(process.cwd(), 'tests/e2e/certs');

/** Where generated pages live: every host answers, so each page has a real-looking https address. */
export const GENERATED_HOST = 'https://www.interrupt-health.org.uk';

/** What a generated article is made of, so a test can tell a whole clip from a part of one. */
export interface GeneratedPage {
  url: string;
  title: string;
  /** Words at the very start and very end of the article body. */
  firstWords: string;
  lastWords: string;
  /** Characters of article text (paragraph text only, whitespace squashed). */
  textLength: number;
}

const WORDS = 'blood sugar insulin kidney screening dose tablets nurse appointment symptoms diet exercise eyes feet heart pressure review'.split(' ');

function paragraph(id: string, n: number): string {
  // Distinct, readable sentences so Readability sees a real article (not boilerplate).
  const words = Array.from({ length: 48 }, (_, i) => WORDS[(n * 7 + i * 3 + id.length) % WORDS.length]);
  return `Paragraph ${n} of ${id}: ${words.join(' ')}.`;
}

/** The article text the server sends for a page: known here, so a clip can be checked against it. */
export function describeGeneratedPage(id: string, paragraphs: number): GeneratedPage {
  const body = Array.from({ length: paragraphs }, (_, n) => paragraph(id, n));
  return {
    url: `${GENERATED_HOST}/conditions/${id}/`,
    title: `Interrupted save test ${id}`,
    firstWords: `START-${id}`,
    lastWords: `END-${id}`,
    textLength: [`START-${id}`, ...body, `END-${id}`].join(' ').length,
  };
}

function generatedHtml(id: string, paragraphs: number): string {
  const page = describeGeneratedPage(id, paragraphs);
  const body = Array.from({ length: paragraphs }, (_, n) => `<p>${paragraph(id, n)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${page.title}</title>
<link rel="canonical" href="${page.url}"><meta name="description" content="A generated health article (${id}).">
</head><body><header><nav><a href="/">Home</a> <a href="/conditions/">Conditions</a></nav></header>
<main><article><h1>${page.title}</h1><p>${page.firstWords} This page is about looking after your health.</p>
${body}
<p>${page.lastWords} That is the end of this page.</p></article></main><footer>Interrupt Health 2026</footer></body></html>`;
}

/**
 * A fixture server (HTTPS, test certificate, 127.0.0.1) that answers
 * `/conditions/<id>/?paras=N` on any host with a generated article of N
 * paragraphs. The harness's own server serves files only, and the harness
 * is not ours to change.
 */
export async function startGeneratedPageServer(): Promise<FixtureServer> {
  const server = createServer({ key: readFileSync(join(CERTS, 'test-key.pem')), cert: readFileSync(join(CERTS, 'test-cert.pem')) }, (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? '127.0.0.1'}`);
    const match = /^\/conditions\/([a-z0-9-]{1,60})\/$/.exec(url.pathname);
    if (!match?.[1]) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const paragraphs = Math.min(5_000, Math.max(1, Number(url.searchParams.get('paras') ?? '20') || 20));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(generatedHtml(match[1], paragraphs));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const unsupported = () => {
    throw new Error('the generated-page server serves generated articles only');
  };
  return {
    port,
    urlOf: (name, query = '') => `${GENERATED_HOST}/conditions/${name}/${query ? `?${query.replace(/^\?/, '')}` : ''}`,
    rewrite: unsupported,
    serveJson: unsupported,
    jsonRequests: () => [],
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** Stops the extension's service worker on demand. */
export interface WorkerStopper {
  stop(): Promise<void>;
  detach(): Promise<void>;
}

/**
 * Stops every service worker of the profile, the extension's included, as
 * Chromium does when it stops an idle or misbehaving worker. Sent through
 * an extension page's DevTools session, kept open so a stop lands at an
 * exact moment: Playwright keeps DevTools attached to the worker, and
 * Chromium never stops an attached worker by itself.
 */
export async function workerStopper(context: BrowserContext, via: Page): Promise<WorkerStopper> {
  const cdp = await context.newCDPSession(via);
  await cdp.send('ServiceWorker.enable');
  return {
    stop: async () => {
      await cdp.send('ServiceWorker.stopAllWorkers');
    },
    detach: () => cdp.detach().catch(() => undefined),
  };
}

/**
 * Wakes the extension's service worker (a message from an extension page
 * starts it, as any event would) and returns Playwright's handle on the
 * running one: a stopped worker's handle never answers again.
 */
export async function wakeWorker(control: Page, extensionId: string, timeoutMs = 10_000): Promise<Worker> {
  const context = control.context();
  const until = Date.now() + timeoutMs;
  for (;;) {
    // An unknown message: the background refuses it (messages.badRequest), and is running from then on.
    await control.evaluate(() => chrome.runtime.sendMessage({ type: 'wake-up' }).catch(() => undefined));
    const live = context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    for (const worker of live.reverse()) {
      const alive = await Promise.race([
        worker.evaluate(() => true).catch(() => false),
        new Promise<boolean>((ok) => setTimeout(() => ok(false), 500)),
      ]);
      if (alive) return worker;
    }
    if (Date.now() > until) throw new Error('the extension service worker did not start again');
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** The id of the tab showing `url`, asked from an extension page (works while the worker is stopped). */
export async function tabIdOf(control: Page, url: string): Promise<number> {
  const id = await control.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, url);
  if (id < 0) throw new Error(`no tab shows ${url}`);
  return id;
}

/** One stored clip as the test needs to see it. */
export interface StoredClip {
  id: string;
  kind: string;
  url: string;
  canonicalUrl: string;
  title: string;
  tags: string[];
  contentText: string;
}

/** One stored highlight as the test needs to see it. */
export interface StoredHighlight {
  id: string;
  clipId: string;
  exact: string;
}

/** Everything in the library that interruptions could damage, read with plain IndexedDB from an extension page. */
export interface LibraryDump {
  clips: StoredClip[];
  highlights: StoredHighlight[];
  collections: { id: string; title: string; itemCount: number }[];
  siteRules: number;
  /** Journal entries: which clips the search index was told about. */
  journalClipIds: string[];
}

export function readLibrary(page: Page): Promise<LibraryDump> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('health-clipper');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const all = <T,>(name: string) =>
      db.objectStoreNames.contains(name)
        ? new Promise<T[]>((ok, fail) => {
            const request = db.transaction(name).objectStore(name).getAll();
            request.onsuccess = () => ok(request.result as T[]);
            request.onerror = () => fail(request.error);
          })
        : Promise.resolve<T[]>([]);
    try {
      type Raw = Record<string, unknown>;
      const clips = await all<Raw>('clips');
      const highlights = await all<Raw>('highlights');
      const collections = await all<Raw>('collections');
      const siteRules = await all<Raw>('siteRules');
      const journal = await all<{ clipIds?: string[]; all?: boolean }>('searchJournal');
      return {
        clips: clips.map((c) => ({
          id: String(c.id),
          kind: String(c.kind),
          url: String(c.url),
          canonicalUrl: String(c.canonicalUrl),
          title: String(c.title),
          tags: Array.isArray(c.tags) ? c.tags.map(String) : [],
          contentText: typeof c.contentText === 'string' ? c.contentText : '',
        })),
        highlights: highlights.map((h) => ({ id: String(h.id), clipId: String(h.clipId), exact: String((h.quote as { exact?: unknown } | undefined)?.exact ?? '') })),
        collections: collections.map((c) => ({ id: String(c.id), title: String(c.title ?? ''), itemCount: Array.isArray(c.items) ? c.items.length : 0 })),
        siteRules: siteRules.length,
        journalClipIds: journal.flatMap((e) => e.clipIds ?? []),
      };
    } finally {
      db.close();
    }
  });
}

/** How many times each value occurs more than once. */
export function duplicatesOf(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return new Map([...counts].filter(([, n]) => n > 1));
}

/** Whitespace squashed, as the clip's text is compared with what the page sent. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Per table of the library (search tables left out: they are derived), how many records and a hash of them all. */
export type LibraryFingerprint = Record<'clips' | 'highlights' | 'collections' | 'siteRules', string>;

/**
 * Fingerprints every record of the library's tables inside the page (a
 * large library is never sent to the test whole): two fingerprints are
 * equal only if the tables hold exactly the same records.
 */
export function libraryFingerprint(page: Page): Promise<LibraryFingerprint> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('health-clipper');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const hashOf = (name: string) =>
      new Promise<string>((ok, fail) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => {
          const lines = (request.result as unknown[]).map((r) => JSON.stringify(r)).sort();
          let hash = 0x811c9dc5;
          for (const line of lines) {
            for (let i = 0; i < line.length; i++) {
              hash ^= line.charCodeAt(i);
              hash = Math.imul(hash, 0x01000193) >>> 0;
            }
          }
          ok(`${lines.length}:${hash.toString(16)}`);
        };
        request.onerror = () => fail(request.error);
      });
    try {
      return {
        clips: await hashOf('clips'),
        highlights: await hashOf('highlights'),
        collections: await hashOf('collections'),
        siteRules: await hashOf('siteRules'),
      };
    } finally {
      db.close();
    }
  });
}
