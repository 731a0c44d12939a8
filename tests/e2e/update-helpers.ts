import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser, type FixtureServer } from './harness';

/** The build of the last release with database version 4 (tests/fixtures/upgrade/README.md). */
export const PREVIOUS_BUILD = resolve(process.cwd(), 'tests/fixtures/upgrade/previous-build.tar.gz');

/**
 * Unpacks the previous release's build into a folder of its own and returns
 * that folder. Chromium names an unpacked extension after its folder, so
 * later putting another build into the same folder is an update of the same
 * extension, keeping its data.
 */
export function unpackPreviousBuild(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'hc-update-')), 'extension');
  mkdirSync(dir);
  execFileSync('tar', ['-xzf', PREVIOUS_BUILD, '-C', dir, '--strip-components=1']);
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${PREVIOUS_BUILD} holds no manifest.json`);
  return dir;
}

/** Replaces everything in `extensionDir` with the build in `buildDir`, as installing an update does. */
export function replaceExtension(extensionDir: string, buildDir: string): void {
  if (!existsSync(join(buildDir, 'manifest.json'))) throw new Error(`No build at ${buildDir}: run npm run build:e2e first.`);
  for (const entry of readdirSync(extensionDir)) rmSync(join(extensionDir, entry), { recursive: true, force: true });
  cpSync(buildDir, extensionDir, { recursive: true });
}

/**
 * The harness's launch (same flags, same network recorder) for an extension
 * in any folder and a given profile, so a test can run one build, close, and
 * open the same profile with another.
 */
export function launchExtensionFrom(server: FixtureServer, extensionDir: string, profileDir: string): Promise<ExtensionBrowser> {
  return launchWithExtension(server, profileDir, { extensionDir });
}

/** One store of the library as IndexedDB holds it. */
export interface StoreDump {
  keyPath: string | string[] | null;
  indexes: string[];
  records: unknown[];
}

/** The library database read with the raw IndexedDB API from an extension page: its version and every store. */
export async function dumpLibrary(page: Page): Promise<{ version: number; stores: Record<string, StoreDump> }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('health-clipper');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const stores: Record<string, { keyPath: string | string[] | null; indexes: string[]; records: unknown[] }> = {};
    for (const name of [...db.objectStoreNames].sort()) {
      const store = db.transaction(name, 'readonly').objectStore(name);
      const records = await new Promise<unknown[]>((ok, fail) => {
        const all = store.getAll();
        all.onsuccess = () => ok(all.result);
        all.onerror = () => fail(all.error);
      });
      stores[name] = { keyPath: store.keyPath, indexes: [...store.indexNames].sort(), records };
    }
    const version = db.version;
    db.close();
    return { version, stores };
  });
}
