import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCollectionFile, type CollectionFile } from '../../lib/exchange/collection-file';
import { highlightPhraseFromMenu, launchWithExtension, openLibrary, openPopup, removeProfile, savePageFromPopup, screenshot, useExtensionSession } from './harness';

/**
 * Collections across two browser profiles, in real Chromium: a moderator
 * builds a collection (curator's notes, a highlight, a private item, a forum
 * post), downloads the collection file, and a member imports it into a
 * fresh profile: preview, add, and the same items with notes marked with
 * where they came from.
 */
const session = useExtensionSession();
const PASSAGE = 'Then have a sugary drink or snack that acts fast, such as a small glass of non-diet fizzy drink';
const TITLE = 'Type 2 diabetes: what our members found helpful';
const CURATOR = 'Riverside diabetes support group';
const NOTES = ['Start here: what it is and what happens next.', 'The 15-minute rule, for the fridge door.', 'Families talking about accepting help.', 'For me only: the walking study.'];

async function savePage(name: string): Promise<void> {
  const { page, tabId } = await session.openFixture(name);
  await savePageFromPopup(session.ext, tabId, /^Saved the (article|page)/);
  await page.close();
}

/** The items of the open list editor: title, note and (for a highlight) the passage, in order. */
async function itemsOf(editor: Page) {
  const rows = editor.locator('.hc-item');
  const out: { title: string; note: string; quote: string | null; from: string | null }[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out.push({
      title: (await row.locator('.hc-item__title a').textContent()) ?? '',
      note: await row.getByLabel('Curator’s note').inputValue(),
      quote: (await row.locator('.hc-item__quote').count()) ? await row.locator('.hc-item__quote').textContent() : null,
      from: (await row.locator('.hc-item__from').count()) ? await row.locator('.hc-item__from').textContent() : null,
    });
  }
  return out;
}

describe('collections: build, export, import into a fresh profile', () => {
  let exported = '';
  let file: CollectionFile | undefined;
  let built: Awaited<ReturnType<typeof itemsOf>> = [];

  it('builds a collection with curator’s notes, a highlight and a private item, and downloads it as a file and as CSV', async () => {
    const { ext } = session;
    await savePage('nhs-condition-page.html');
    const charity = await session.openFixture('charity-guide.html');
    await highlightPhraseFromMenu(ext, charity.page, charity.tabId, PASSAGE, 'important');
    await charity.page.close();
    await savePage('forum-thread.html');
    await savePage('journal-abstract.html');

    const editor = await openLibrary(ext, '#lists');
    await editor.getByRole('heading', { level: 1, name: 'Collections, appointments and prescriptions' }).waitFor();
    await editor.getByRole('button', { name: 'New collection' }).click();
    await editor.getByRole('heading', { level: 1, name: 'New collection' }).waitFor();
    await editor.getByLabel('Title', { exact: true }).fill(TITLE);
    await editor.getByLabel('Description (optional)').fill('Chosen by members at the November meeting.');

    // Pick, in this order: the NHS page, the highlight on the charity page, the forum thread, the study.
    await editor.getByRole('button', { name: 'Add pages or highlights' }).click();
    const row = (site: string) => editor.locator('.hc-picker__list > li').filter({ hasText: site });
    await row('nhs.uk').getByRole('checkbox').first().check();
    await row('diabetes.org.uk').locator('.hc-picker__highlights').getByRole('checkbox').check();
    await row('alzheimers.org.uk').getByRole('checkbox').first().check();
    await row('pubmed').getByRole('checkbox').first().check();
    await editor.getByRole('button', { name: 'Add 4 to the list' }).click();
    await expect.poll(() => editor.locator('.hc-item').count()).toBe(4);
    for (const [i, note] of NOTES.entries()) await editor.locator('.hc-item').nth(i).getByLabel('Curator’s note').fill(note);
    await editor.locator('.hc-item').nth(3).getByLabel('Private: leave it out of what I share').check();
    await expect.poll(() => editor.getByTestId('announcer').textContent()).toMatch(/is private: it is left out of what you share/);
    await editor.getByLabel(/^Curator: your name or group/).fill(CURATOR);
    built = await itemsOf(editor);
    expect(built.map((b) => b.note)).toEqual(NOTES);
    expect(built[1]?.quote).toContain('sugary drink');
    await screenshot(editor, 'collections-editor');

    const [download] = await Promise.all([editor.waitForEvent('download'), editor.getByRole('button', { name: 'Download collection file (.json)' }).click()]);
    expect(download.suggestedFilename()).toBe('type-2-diabetes-what-our-members-found-helpful.json');
    // Saved under its own name, as a member's Downloads folder would have it.
    exported = join(mkdtempSync(join(tmpdir(), 'hc-collection-')), download.suggestedFilename());
    await download.saveAs(exported);
    const parsed = parseCollectionFile(readFileSync(exported, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    file = parsed.value;
    expect(file.collection).toMatchObject({ kind: 'collection', title: TITLE, curator: CURATOR, description: 'Chosen by members at the November meeting.' });
    // The private study is left out; the forum thread is not quoted (no summary, no author names).
    expect(file.collection.items.map((i) => i.note)).toEqual(NOTES.slice(0, 3));
    const [nhs, hypo, forum] = file.collection.items;
    expect(nhs?.sourceType).toBe('official');
    expect(hypo?.highlight?.selectors.find((s) => s.type === 'TextQuoteSelector')).toMatchObject({ exact: PASSAGE });
    expect(forum?.sourceType).toBe('peer');
    expect(forum && Object.keys(forum).sort()).toEqual(['canonicalUrl', 'note', 'publishedAt', 'siteName', 'sourceType', 'title', 'url']);

    const [csv] = await Promise.all([editor.waitForEvent('download'), editor.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe('type-2-diabetes-what-our-members-found-helpful.csv');
    const rows = readFileSync((await csv.path()) ?? '', 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0]).toBe('Title,Address,Site,Source type,Date,Note,Highlighted passage');
    expect(rows).toHaveLength(4);
    await editor.close();
  });

  it('imports the file into a fresh profile: preview, add, the same items with their notes marked as the curator’s', async () => {
    if (!file) throw new Error('the export step did not run');
    const fresh = await launchWithExtension(session.server);
    try {
      const library = await openLibrary(fresh, '#lists');
      await library.getByRole('link', { name: 'Import a collection file' }).click();
      await library.getByRole('heading', { level: 1, name: 'Import a collection file' }).waitFor();
      await library.getByLabel('Choose a collection file').setInputFiles(exported);
      const preview = library.getByTestId('import-preview');
      await preview.waitFor();
      expect(await preview.locator('h2').textContent()).toBe(`Check before adding: “${TITLE}”`);
      expect(await preview.locator('.hc-import__source').textContent()).toMatch(new RegExp(`^A collection curated by ${CURATOR}, exported on \\d+ \\w+ \\d{4}\\. From the file “type-2-diabetes-what-our-members-found-helpful\\.json”\\.$`));
      expect(await preview.locator('[data-count="new-pages"]').textContent()).toBe('3 new pages, saved to your library as links');
      expect(await preview.locator('[data-count="existing-pages"]').textContent()).toMatch(/^0 already in your library/);
      expect(await preview.locator('[data-count="highlights"]').textContent()).toBe('1 new highlight');
      expect(await preview.locator('[data-page-status="new"] .hc-import__title').allTextContents()).toEqual(built.slice(0, 3).map((b) => b.title));
      expect(await preview.locator('[data-highlight-status="new"]').textContent()).toContain('sugary drink');
      await expect.poll(() => library.evaluate(() => document.activeElement?.id)).toBe('hc-import-preview-heading');
      await screenshot(library, 'collections-import-preview');

      await preview.getByRole('button', { name: 'Add to my library' }).click();
      await library.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await expect.poll(() => library.locator('.hc-item .hc-item__title a').count()).toBe(3);
      const imported = await itemsOf(library);
      const day = new Date(file.exportedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
      expect(imported).toEqual(built.slice(0, 3).map((b) => ({ ...b, from: `From “${TITLE}” by ${CURATOR}, ${day}` })));
      expect(await library.getByLabel('Description (optional)').inputValue()).toBe('Chosen by members at the November meeting.');
      expect(await library.locator('.hc-item [data-source-type]').evaluateAll((els) => els.map((e) => e.getAttribute('data-source-type')))).toEqual(['official', 'charity', 'peer']);
      await screenshot(library, 'collections-imported');

      // The pages are in the member's library as links, and the highlight is on its page.
      await library.goto(library.url().replace(/#.*$/, '#highlights'));
      await library.getByText(PASSAGE, { exact: false }).first().waitFor();

      // Importing the same file again: everything is already there, nothing is saved twice.
      await library.goto(library.url().replace(/#.*$/, '#import'));
      await library.getByLabel('Choose a collection file').setInputFiles(exported);
      await preview.waitFor();
      expect(await preview.locator('[data-count="new-pages"]').textContent()).toBe('0 new pages, saved to your library as links');
      expect(await preview.locator('[data-count="existing-pages"]').textContent()).toMatch(/^3 already in your library: your titles, notes and tags stay as they are/);
      expect(await preview.locator('[data-count="highlights"]').textContent()).toBe('0 new highlights, and 1 passage you had already highlighted');
      await preview.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => preview.count()).toBe(0);

      // A damaged file is refused with a message, and nothing is added.
      await library.getByLabel('Choose a collection file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(readFileSync(exported, 'utf8').slice(0, 300)) });
      await library.getByRole('alert').getByText(/ends too early/).waitFor();
      await screenshot(library, 'collections-import-refused');
      await library.close();
    } finally {
      await fresh.close();
      await removeProfile(fresh.profileDir);
    }
  });
});
