import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  EXTENSION_DIR,
  highlightPhraseFromMenu,
  openLibrary,
  openPopup,
  removeProfile,
  screenshot,
  startFixtureServer,
  tabIdFor,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { SCHEMA_HISTORY } from '../../lib/db/library-db';
import { dumpLibrary, launchExtensionFrom, replaceExtension, unpackPreviousBuild } from './update-helpers';

/**
 * Issue 8, "Upgrades": the previous release (database version 4, commit
 * 4b7cbfd, tests/fixtures/upgrade/previous-build.tar.gz) saves pages in real
 * Chromium through its own popup, context menu and library; then today's
 * build replaces it in the same folder, which Chromium treats as an update
 * of the same extension, and opens the same profile. Everything saved must
 * be there, unchanged, and findable with today's search (built from the
 * data, since version 4 had no index).
 */

const PASSAGE = 'Then have a sugary drink or snack that acts fast, such as a small glass of non-diet fizzy drink';
const NHS_TITLE = 'Type 2 diabetes';
const CHARITY_TITLE = 'Hypos (low blood sugar)';
const JOURNAL_TITLE = 'Walking after meals and glycaemic control in adults with type 2 diabetes: a randomised crossover trial';

let server: FixtureServer;
let ext: ExtensionBrowser | undefined;
let extensionDir: string;
let profileDir: string;

beforeAll(async () => {
  server = await startFixtureServer();
  extensionDir = unpackPreviousBuild();
  profileDir = mkdtempSync(join(tmpdir(), 'hc-update-profile-'));
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
  if (profileDir) await removeProfile(profileDir);
  if (extensionDir) await removeProfile(dirname(extensionDir));
});

async function openPage(browser: ExtensionBrowser, name: string): Promise<{ page: Page; tabId: number }> {
  const page = await browser.context.newPage();
  await page.goto(server.urlOf(name));
  return { page, tabId: await tabIdFor(browser.worker, page.url()) };
}

/** Saves a page with the popup of whichever build is running, with tags and a note typed in as a person would. */
async function saveWithPopup(browser: ExtensionBrowser, name: string, tags: string[], note: string): Promise<void> {
  const { page, tabId } = await openPage(browser, name);
  const popup = await openPopup(browser, tabId);
  await popup.getByRole('button', { name: 'Save page' }).waitFor();
  const tagInput = popup.getByRole('combobox', { name: 'Tags' });
  for (const tag of tags) {
    await tagInput.fill(tag);
    await tagInput.press('Enter');
  }
  if (note) await popup.getByLabel('Note').fill(note);
  await popup.getByRole('button', { name: 'Save page' }).click();
  await popup.getByText('Saved the article to your library.').waitFor();
  await popup.close();
  await page.close();
}

async function searchFor(library: Page, text: string): Promise<string[]> {
  await library.getByLabel('Search your library').fill(text);
  // The status says which words its count answers, so an earlier search's rows are never read.
  await library.locator(`#hc-list-status[data-answers="${text}"]`, { hasText: /found|Nothing matches/ }).waitFor({ timeout: 30_000 });
  await library.locator('.hc-row--loading').first().waitFor({ state: 'detached' });
  return library.locator('.hc-row__title').allTextContents();
}

it('keeps every clip, tag, note and highlight saved by the previous release through an in-place update, and search finds them', async () => {
  const started = Date.now();

  // The previous release, in its own folder and a fresh profile.
  ext = await launchExtensionFrom(server, extensionDir, profileDir);
  const idBefore = ext.extensionId;
  await saveWithPopup(ext, 'nhs-condition-page.html', ['diabetes', 'type 2'], 'Ask the nurse about HbA1c targets');
  await saveWithPopup(ext, 'journal-abstract.html', ['research'], 'Walk for ten minutes after each meal');
  const charity = await openPage(ext, 'charity-guide.html');
  await highlightPhraseFromMenu(ext, charity.page, charity.tabId, PASSAGE, 'question'); // saves the page too
  const popup = await openPopup(ext, charity.tabId);
  await popup.getByRole('button', { name: 'Add to my next appointment' }).click();
  await popup.getByText('Added to your list “My next appointment”.').waitFor();
  await popup.close();
  let library = await openLibrary(ext, '#sites');
  await library.getByLabel('Website address').fill('https://www.mysurgery.co.uk/contact');
  await library.getByLabel('Type of source').selectOption('official');
  await library.getByLabel('Note (optional)').fill('My GP practice');
  await library.getByRole('button', { name: 'Add site' }).click();
  await library.getByText('mysurgery.co.uk', { exact: true }).waitFor();
  await library.goto(library.url().replace(/#.*$/, '#'));
  await library.getByRole('link', { name: CHARITY_TITLE, exact: true }).click();
  const item = library.locator('.hc-highlight[data-meaning="question"]');
  await item.getByLabel('Note').fill('Ask what a hypo feels like');
  await item.getByRole('button', { name: 'Save note' }).click();
  await item.getByText('Note saved.').waitFor();
  // The user's own choice of type for this page, which must outlive the update.
  await library.getByLabel('Change the type').selectOption('official');
  await library.getByRole('button', { name: 'Save type' }).click();
  await library.getByText('Source type updated.').waitFor();
  const before = await dumpLibrary(library);
  await screenshot(library, 'update-before', { fullPage: false });
  await ext.close();
  ext = undefined;

  expect(before.version).toBe(40); // Dexie version 4
  expect(Object.keys(before.stores)).toEqual(['clips', 'collections', 'highlights', 'siteRules']);
  expect(before.stores.clips!.records).toHaveLength(3);
  expect(before.stores.highlights!.records).toHaveLength(1);
  expect(before.stores.collections!.records).toHaveLength(1);
  expect(before.stores.siteRules!.records).toHaveLength(1);

  // The update: today's build in the same folder, the same profile.
  replaceExtension(extensionDir, EXTENSION_DIR);
  ext = await launchExtensionFrom(server, extensionDir, profileDir);
  expect(ext.extensionId).toBe(idBefore);

  library = await openLibrary(ext);
  await library.getByText('3 clips', { exact: true }).waitFor({ timeout: 20_000 });
  expect((await library.locator('.hc-row__title').allTextContents()).sort()).toEqual([JOURNAL_TITLE, CHARITY_TITLE, NHS_TITLE].sort());
  const after = await dumpLibrary(library);
  // Today's schema: Dexie stores version N as N × 10; every table any version declared.
  expect(after.version).toBe(SCHEMA_HISTORY.at(-1)!.version * 10);
  expect(Object.keys(after.stores)).toEqual([...new Set(SCHEMA_HISTORY.flatMap((v) => Object.keys(v.stores)))].sort());
  // Every record the previous release wrote, exactly as it wrote it.
  for (const [name, store] of Object.entries(before.stores)) expect(after.stores[name], name).toEqual(store);

  // Search is built from the old data: body text, a note, a tag, a highlight's note.
  expect(await searchFor(library, 'HbA1c targets')).toEqual([NHS_TITLE]);
  expect(await searchFor(library, 'ten minutes')).toEqual([JOURNAL_TITLE]);
  expect(await searchFor(library, 'research')).toContain(JOURNAL_TITLE);
  expect(await searchFor(library, 'hypo feels like')).toEqual([CHARITY_TITLE]);
  expect(await searchFor(library, 'fizzy drink')).toEqual([CHARITY_TITLE]);
  await screenshot(library, 'update-after-search', { fullPage: false });
  await library.getByLabel('Search your library').fill('');
  await library.locator('#hc-list-status[data-answers=""]', { hasText: '3 clips' }).waitFor();
  await screenshot(library, 'update-after', { fullPage: false });

  // The reader shows the old note and tags, and the highlight with its note.
  await library.getByRole('link', { name: NHS_TITLE, exact: true }).click();
  await expect.poll(() => library.locator('#hc-reader-note').inputValue()).toBe('Ask the nurse about HbA1c targets');
  expect((await library.locator('.hc-tag').allTextContents()).map((t) => t.replace('×', '').trim())).toEqual(['diabetes', 'type 2']);
  await library.goBack();
  await library.getByRole('link', { name: CHARITY_TITLE, exact: true }).click();
  const migrated = library.locator('.hc-highlight[data-meaning="question"]');
  expect(await migrated.getByLabel('Note').inputValue()).toBe('Ask what a hypo feels like');
  await library.getByText('You chose Official for this page.').waitFor();
  await screenshot(library, 'update-after-reader');

  // The reading list and the site rule the previous release kept.
  await library.goto(library.url().replace(/#.*$/, '#lists'));
  await library.getByText('My next appointment').first().waitFor();
  await library.goto(library.url().replace(/#.*$/, '#sites'));
  await library.getByText('mysurgery.co.uk', { exact: true }).waitFor();
  await library.getByText('My GP practice').waitFor();

  console.log(`extension update e2e: 3 clips, 1 highlight, 1 reading list, 1 site rule kept; ${Date.now() - started} ms`);
});
