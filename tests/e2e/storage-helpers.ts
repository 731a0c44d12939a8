import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { CHROMIUM, launchWithExtension, type ExtensionBrowser, type FixtureServer } from './harness';

/** The extension API as seen inside the service worker, where these helpers run code. */
declare const chrome: typeof import('wxt/browser').browser;

/** Every IndexedDB database of the extension, with the number of records in each of its stores, read from an extension page. */
export function readDatabases(page: Page): Promise<Record<string, Record<string, number>>> {
  return page.evaluate(async () => {
    const out: Record<string, Record<string, number>> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const counts: Record<string, number> = {};
      for (const store of Array.from(db.objectStoreNames)) {
        counts[store] = await new Promise<number>((ok) => {
          const request = db.transaction(store).objectStore(store).count();
          request.onsuccess = () => ok(request.result);
        });
      }
      db.close();
      out[name] = counts;
    }
    return out;
  });
}

/** Everything in the extension's storage areas, read in the service worker. */
export function readExtensionStorage(worker: Worker): Promise<{ local: Record<string, unknown>; sync: Record<string, unknown>; session: Record<string, unknown> }> {
  return worker.evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    sync: await chrome.storage.sync.get(null),
    session: await chrome.storage.session.get(null),
  }));
}

/** The eviction canary's record in extension storage (lib/db/eviction-canary.ts), or undefined. */
export async function readCanary(worker: Worker): Promise<{ libraryId: string; clipCount: number; seenAt: string; wiped?: { clipCount: number; lastSeenAt: string } } | undefined> {
  return (await worker.evaluate(() => chrome.storage.local.get('libraryCanary'))).libraryCanary as never;
}

/** Waits until the canary has seen the library with `clipCount` pages. */
export async function waitForCanaryCount(worker: Worker, clipCount: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const canary = await readCanary(worker);
    if (canary?.clipCount === clipCount) return;
    if (Date.now() > until) throw new Error(`the canary never counted ${clipCount} pages: ${JSON.stringify(canary)}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/**
 * Clears the extension's IndexedDB the way the browser does under storage
 * pressure (or "clear site data"): through DevTools' Storage domain, from
 * outside the extension, with its pages and service worker still running.
 */
export async function evictIndexedDb(ext: ExtensionBrowser, page: Page): Promise<void> {
  const cdp = await ext.context.newCDPSession(page);
  try {
    await cdp.send('Storage.clearDataForOrigin', { origin: `chrome-extension://${ext.extensionId}`, storageTypes: 'indexeddb' });
  } finally {
    await cdp.detach();
  }
}

/** A browser whose profile lives on a small disk of its own that the test can fill. */
export interface SmallDiskBrowser extends ExtensionBrowser {
  /** Fills the disk until only `leaveBytes` are free (a file beside the profile's folders). */
  fillDisk(leaveBytes: number): Promise<number>;
  /** Deletes the filler: the disk has room again. */
  freeDisk(): Promise<void>;
}

/**
 * Launches Chromium like the harness does, but through chromium-small-disk.sh:
 * the profile is on a RAM disk of `size` in a private mount namespace
 * (unshare), reached from here through /proc/<pid>/root. A disk that is
 * really full is what the extension's IndexedDB (unlimitedStorage) runs into;
 * DevTools' quota override does not bind an origin with unlimited storage.
 */
export async function launchOnSmallDisk(server: FixtureServer, size = '96m'): Promise<SmallDiskBrowser> {
  const dir = mkdtempSync(join(tmpdir(), 'hc-e2e-disk-'));
  const wrapper = resolve(process.cwd(), 'tests/e2e/chromium-small-disk.sh');
  process.env.HC_DISK_SIZE = size;
  process.env.CHROMIUM_REAL = CHROMIUM;
  const ext = await launchWithExtension(server, dir, { executablePath: wrapper });
  const pid = readFileSync(`${dir}.pid`, 'utf8').trim();
  // The RAM disk as this process sees it: the browser's mount namespace, through procfs.
  const disk = `/proc/${pid}/root${dir}`;
  const filler = join(disk, 'disk-filler');
  return {
    ...ext,
    close: async () => {
      try {
        await ext.close();
      } finally {
        rmSync(`${dir}.pid`, { force: true });
      }
    },
    async fillDisk(leaveBytes) {
      const { bavail, bsize } = await statfs(disk);
      const size = Math.max(0, bavail * bsize - leaveBytes);
      const fd = openSync(filler, 'a');
      try {
        // Written, not sparse (tmpfs counts written pages), in 8 MB steps.
        const chunk = Buffer.alloc(8 * 1024 * 1024, 1);
        for (let left = size; left > 0; left -= chunk.length) writeSync(fd, chunk, 0, Math.min(chunk.length, left));
      } finally {
        closeSync(fd);
      }
      const after = await statfs(disk);
      return after.bavail * after.bsize;
    },
    async freeDisk() {
      rmSync(filler, { force: true });
    },
  };
}
