import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildBackupText } from '../../lib/exchange/backup';
import { bulkClip, sampleLibrary, sampleSettings } from '../helpers/sample-library';
import { openLibrary, putRecords, screenshot, useExtensionSession } from './harness';

const session = useExtensionSession();
/** Pages in the backup: enough that restoring takes a few seconds even on a fast, idle machine. */
const PAGES = 8_000;

/** Every record of every library table (the derived search stores aside), as one string: the library, byte for byte. */
function fingerprint(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('health-clipper');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const out: [string, unknown[]][] = [];
    for (const name of Array.from(db.objectStoreNames).filter((n) => !n.startsWith('search')).sort()) {
      out.push([name, await new Promise<unknown[]>((ok) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => ok(request.result as unknown[]);
      })]);
    }
    db.close();
    return JSON.stringify(out);
  });
}

/** A browser bookmarks export with `count` links in one folder. */
function bookmarks(count: number): string {
  const links = Array.from({ length: count }, (_, i) => `    <DT><A HREF="https://www.example-health.org/bookmarks/${i}/" ADD_DATE="${1_706_000_000 + i}">Bookmark ${i}</A>`);
  return `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n  <DT><H3>Health</H3>\n  <DL><p>\n${links.join('\n')}\n  </DL><p>\n</DL><p>\n`;
}

/** The name of the focused element, as a keyboard user would hear it. */
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('progress and cancel for slow work (real Chromium)', () => {
  it('an 8,000-page restore shows its progress, is cancelled from the keyboard, and the library stays as it was', async () => {
    const library = await openLibrary(session.ext, '#settings');
    // The library before: a few pages of the user's own.
    await putRecords(library, 'clips', sampleLibrary().clips);
    const before = await fingerprint(library);
    const clips = Array.from({ length: PAGES }, (_, i) => bulkClip(i, 3_000));
    const text = buildBackupText({ exportedAt: '2026-11-20T09:00:00.000Z', appVersion: '0.1.0', settings: sampleSettings() }, { ...sampleLibrary(), clips });
    const path = join(session.ext.profileDir, 'health-clipper-backup-2026-11-20.json');
    writeFileSync(path, text);

    await library.getByLabel('Choose a backup file (.json)').setInputFiles(path);
    await library.getByRole('region', { name: 'What this backup holds' }).waitFor({ timeout: 30_000 });
    const replace = library.getByRole('button', { name: 'Replace my library with this backup' });
    await replace.focus();
    const started = Date.now();
    await library.keyboard.press('Enter');
    const bar = library.getByRole('progressbar', { name: 'Restoring your library' });
    await bar.waitFor({ timeout: 10_000 });
    const shownAfter = Date.now() - started;
    // Once the file is checked, the bar counts records written.
    await library.locator('.hc-progress progress[value]').waitFor({ timeout: 10_000 });
    // Read everything at once: the restore goes on meanwhile, and must still be running when Cancel is pressed.
    const seen = await library.evaluate(() => {
      const progress = document.querySelector('.hc-progress progress');
      const live = document.querySelector('.hc-progress [role="status"]');
      return {
        value: Number(progress?.getAttribute('value') ?? 'NaN'),
        max: Number(progress?.getAttribute('max') ?? 'NaN'),
        sentence: document.querySelector('.hc-progress__text')?.textContent ?? '',
        live: live?.getAttribute('aria-live'),
        spoken: live?.textContent ?? '',
      };
    });
    // Keyboard only: Tab from where the Replace button was to Cancel, then Enter.
    await library.keyboard.press('Tab');
    const focused = await focusedText(library);
    await screenshot(library, 'progress-restore', { fullPage: false });
    await library.keyboard.press('Enter');
    await library.getByText('Restore cancelled. Your library was not changed.').waitFor({ timeout: 20_000 });
    const cancelledAfter = Date.now() - started;
    expect(focused).toBe('Cancel');
    // The bar counts records (the sentence under it too); a screen reader hears a polite copy, not every step.
    expect(seen.max).toBe(PAGES + sampleLibrary().highlights.length + sampleLibrary().collections.length + sampleLibrary().siteRules.length);
    expect(seen.value).toBeLessThan(seen.max);
    expect(seen.sentence).toMatch(/^Restoring your library: [\d,]+ of [\d,]+ items…$/);
    expect(seen.live).toBe('polite');
    expect(seen.spoken).toMatch(/^Restoring your library/);
    await screenshot(library, 'progress-restore-cancelled', { fullPage: false });
    expect(await bar.count()).toBe(0);
    expect(await fingerprint(library)).toBe(before);
    console.log(`[progress e2e] 8,000-page restore (${(text.length / 1e6).toFixed(1)} MB): progress shown after ${shownAfter} ms, cancelled and rolled back ${cancelledAfter} ms after Enter`);
    await library.close();
  }, 90_000);

  it('a 10,000-link import shows its progress and runs to the end', async () => {
    const library = await openLibrary(session.ext, '#settings');
    const countClips = () =>
      library.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((ok) => {
          const open = indexedDB.open('health-clipper');
          open.onsuccess = () => ok(open.result);
        });
        const n = await new Promise<number>((ok) => {
          const request = db.transaction('clips').objectStore('clips').count();
          request.onsuccess = () => ok(request.result);
        });
        db.close();
        return n;
      });
    const before = await countClips();
    const path = join(session.ext.profileDir, 'bookmarks-10000.html');
    writeFileSync(path, bookmarks(10_000));
    await library.getByLabel('Choose a file (.html, .htm, .json or .ris)').setInputFiles(path);
    await library.getByRole('region', { name: 'What we found' }).waitFor({ timeout: 30_000 });
    const started = Date.now();
    await library.getByRole('button', { name: 'Add 10,000 pages' }).click();
    // A few seconds here (3,000 links took 0.4 to 5 s, depending on the machine's load): long enough for the bar, which appears after half a second.
    await library.getByRole('progressbar', { name: 'Adding pages to your library' }).waitFor({ timeout: 30_000 });
    const shownAfter = Date.now() - started;
    expect(await library.locator('.hc-progress__text').textContent()).toMatch(/^(Adding pages: [\d,]+ of 10,000…|Checking which pages are already in your library…)$/);
    await screenshot(library, 'progress-link-import', { fullPage: false });
    await library.getByText('Added 10,000 pages to your library as links.', { exact: false }).waitFor({ timeout: 60_000 });
    const tookMs = Date.now() - started;
    await screenshot(library, 'progress-link-import-done', { fullPage: false });
    expect(await countClips()).toBe(before + 10_000);
    console.log(`[progress e2e] 10,000-link import: ${tookMs} ms from Add to done; progress bar shown after ${shownAfter} ms`);
    await library.close();
  }, 90_000);
});
