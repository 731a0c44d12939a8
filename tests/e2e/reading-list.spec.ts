// First: gives the Node side the extension's messages, so the starter questions read as the built extension shows them.
import '../../scripts/node-i18n';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { starterQuestionSets } from '../../lib/consult/starter-questions';
import { highlightPhraseFromMenu, openLibrary, openPopup, savePageFromPopup, screenshot, useExtensionSession } from './harness';

const session = useExtensionSession();
const QUESTION_PASSAGE = 'Then have a sugary drink or snack that acts fast, such as a small glass of non-diet fizzy drink';

/** The titles of the list's items, in order. */
const itemTitles = (editor: Page) => editor.locator('.hc-item .hc-item__title a').allTextContents();
/** The wording of the list's questions, in order. */
const questionTexts = (editor: Page) => editor.locator('.hc-question textarea[id^="hc-question-"]:not([id$="-answer"])').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
const announced = (editor: Page) => editor.getByTestId('announcer').textContent();
/** What is on the clipboard, read in a fixture page given clipboard access for the purpose. */
async function readClipboard(page: Page): Promise<string> {
  await session.ext.context.grantPermissions(['clipboard-read'], { origin: new URL(page.url()).origin });
  await page.bringToFront();
  return page.evaluate(() => navigator.clipboard.readText());
}
const focusedText = (editor: Page) => editor.evaluate(() => document.activeElement?.textContent ?? '');

describe('preparing for an appointment: a reading list (issue 5)', () => {
  it('adds a page from the popup, builds the list in the editor, shares it, keeps it as a record and starts the next one', async () => {
    const { ext } = session;
    // Two pages in the library: one saved from the popup, one highlighted with a question (which saves it).
    const nhs = await session.openFixture('nhs-condition-page.html');
    await savePageFromPopup(ext, nhs.tabId, 'Saved the article to your library.');
    const charity = await session.openFixture('charity-guide.html');
    await highlightPhraseFromMenu(ext, charity.page, charity.tabId, QUESTION_PASSAGE, 'question');

    // From the popup on the charity page: add it to my next appointment; it says which list, with a link.
    const popup = await openPopup(ext, charity.tabId);
    await popup.getByRole('button', { name: 'Add to my next appointment' }).click();
    await popup.getByText('Added to your list “My next appointment”.').waitFor();
    await screenshot(popup, 'reading-list-popup-added');
    const [editor] = await Promise.all([ext.context.waitForEvent('page'), popup.getByRole('link', { name: 'Open “My next appointment”' }).click()]);
    if (!editor) throw new Error('no editor tab');
    await editor.getByRole('heading', { level: 1, name: 'My next appointment' }).waitFor();
    await editor.locator('.hc-item').first().waitFor();
    expect(await itemTitles(editor)).toEqual([expect.stringMatching(/^Hypos/)]);
    expect(await editor.locator('.hc-item [data-source-type]').getAttribute('data-source-type')).toBe('charity');
    // Adding again says it is already there.
    await popup.getByRole('button', { name: 'Add to my next appointment' }).click();
    await popup.getByText('This page is already on your list “My next appointment”.').waitFor();
    await popup.close();

    // The picker: focus lands in its search field; tick the NHS page; it shows type and site.
    await editor.getByRole('button', { name: 'Add pages or highlights' }).click();
    await expect.poll(() => editor.evaluate(() => document.activeElement?.id)).toBe('hc-picker-search');
    await editor.keyboard.type('zebra crossing');
    await editor.getByText('Nothing matches. Try fewer words.').waitFor();
    await editor.getByLabel('Search your library').fill('type 2');
    const nhsRow = editor.locator('.hc-picker__list > li').filter({ hasText: 'nhs.uk' });
    await nhsRow.waitFor();
    expect(await nhsRow.locator('[data-source-type]').getAttribute('data-source-type')).toBe('official');
    await nhsRow.getByRole('checkbox').first().check();
    await screenshot(editor, 'reading-list-picker');
    await editor.getByRole('button', { name: 'Add 1 to the list' }).click();
    await editor.locator('.hc-item').nth(1).locator('.hc-item__title a').waitFor();
    expect(await itemTitles(editor)).toEqual([expect.stringMatching(/^Hypos/), expect.stringMatching(/^Type 2 diabetes/)]);
    await expect.poll(() => focusedText(editor)).toBe('Add pages or highlights');

    // Reorder: move the NHS page up; the move is announced and focus stays with the moved page.
    await editor.locator('.hc-item').nth(1).getByRole('button', { name: /^Move up/ }).click();
    await expect.poll(() => announced(editor)).toMatch(/^Moved “Type 2 diabetes.*” to position 1 of 2\.$/);
    expect(await itemTitles(editor)).toEqual([expect.stringMatching(/^Type 2 diabetes/), expect.stringMatching(/^Hypos/)]);
    await expect.poll(() => focusedText(editor)).toBe('Move down');
    // With the keyboard alone: down and back up again.
    await editor.keyboard.press('Enter');
    await expect.poll(() => itemTitles(editor)).toEqual([expect.stringMatching(/^Hypos/), expect.stringMatching(/^Type 2 diabetes/)]);
    await expect.poll(() => focusedText(editor)).toBe('Move up');
    await editor.keyboard.press('Space');
    await expect.poll(() => itemTitles(editor)).toEqual([expect.stringMatching(/^Type 2 diabetes/), expect.stringMatching(/^Hypos/)]);
    await editor.locator('.hc-item').nth(0).getByLabel('Why this matters to me').fill('This is how my tiredness started');

    // Starter questions: pick two from the first set, then reword one.
    const set = starterQuestionSets()[0]!;
    const [first, , third] = set.questions;
    await editor.getByText('Starter questions you can pick and change').click();
    await editor.getByRole('checkbox', { name: first }).check();
    await editor.getByRole('checkbox', { name: third }).check();
    await editor.getByRole('button', { name: 'Add 2 chosen questions' }).click();
    await expect.poll(() => questionTexts(editor)).toEqual([first, third]);
    expect(await editor.getByRole('checkbox', { name: `${first} (already on your list)` }).isDisabled()).toBe(true);
    await editor.getByLabel('Question 1', { exact: true }).fill('What are my options, given that I drive for work?');

    // The "question to ask" highlight is offered; one click adds it.
    const suggestion = editor.locator('.hc-suggestions li');
    await suggestion.waitFor();
    const suggested = (await suggestion.locator('.hc-suggestions__text').textContent()) ?? '';
    expect(suggested).toContain('sugary drink');
    await suggestion.getByRole('button', { name: /^Add this question/ }).click();
    await expect.poll(() => questionTexts(editor)).toEqual(['What are my options, given that I drive for work?', third, suggested]);
    expect(await editor.locator('.hc-suggestions').count()).toBe(0);
    // Reorder questions too.
    await editor.locator('.hc-question').nth(2).getByRole('button', { name: /^Move up/ }).click();
    await expect.poll(() => questionTexts(editor)).toEqual(['What are my options, given that I drive for work?', suggested, third]);

    // What matters, and the appointment.
    await editor.getByLabel('What matters to me').fill('I want to keep driving to work safely.');
    await editor.getByLabel('Date of the appointment (optional)').fill('2026-12-03');
    await editor.getByLabel('Who it is with (optional)').fill('Dr Patel, GP');
    await editor.getByLabel('Medicines I take now (optional)').fill('Metformin 500mg twice a day');
    await screenshot(editor, 'reading-list-editor');

    // Copy as text, then read the browser's clipboard back from a web page allowed to read it
    // (Chromium will not grant permissions to an extension's origin from a test).
    await editor.getByRole('button', { name: 'Copy as text' }).click();
    await editor.getByText(/^Copied\./).waitFor();
    const copied = await readClipboard(nhs.page);
    await editor.bringToFront();
    for (const text of ['My next appointment', 'This is how my tiredness started', 'What are my options, given that I drive for work?', 'I want to keep driving to work safely.', 'Dr Patel, GP', 'Metformin 500mg']) {
      expect(copied).toContain(text);
    }
    expect(copied.indexOf('Type 2 diabetes')).toBeLessThan(copied.indexOf('Hypos'));

    // Download Markdown: a file named from the title, with the same content.
    const [download] = await Promise.all([editor.waitForEvent('download'), editor.getByRole('button', { name: 'Download Markdown' }).click()]);
    expect(download.suggestedFilename()).toBe('my-next-appointment.md');
    const markdown = readFileSync(await download.path(), 'utf8');
    for (const text of ['My next appointment', 'This is how my tiredness started', 'What are my options, given that I drive for work?', 'I want to keep driving to work safely.']) {
      expect(markdown).toContain(text);
    }
    expect(markdown).toContain('https://www.nhs.uk/conditions/type-2-diabetes/');

    // After the appointment: one question answered, with a note; keep the list as a record.
    const answered = editor.locator('.hc-question').nth(0);
    await answered.getByLabel('Answered at the appointment').check();
    await answered.getByLabel('What I was told (optional)').fill('Tablets first; review in three months.');
    await editor.getByRole('button', { name: 'Keep as a dated record' }).click();
    await expect.poll(() => focusedText(editor)).toBe('Yes, keep it as a record');
    await editor.keyboard.press('Enter');
    await editor.getByText(/^A record of your appointment, kept on/).waitFor();
    expect(await editor.getByRole('textbox').count()).toBe(0);
    expect(await editor.getByRole('button', { name: /^Move/ }).count()).toBe(0);
    expect(await editor.locator('.hc-question[data-answered="true"]').textContent()).toContain('Tablets first; review in three months.');
    await screenshot(editor, 'reading-list-record');

    // Start the next list: the open questions come along, the answered one stays behind.
    await editor.getByRole('button', { name: 'Start my next list' }).click();
    await editor.getByText('Started from').waitFor();
    await expect.poll(() => questionTexts(editor)).toEqual([suggested, third]);
    expect(await itemTitles(editor)).toEqual([expect.stringMatching(/^Type 2 diabetes/), expect.stringMatching(/^Hypos/)]);
    expect(await editor.getByLabel('What matters to me').inputValue()).toBe('I want to keep driving to work safely.');
    expect(await editor.getByLabel('Medicines I take now (optional)').inputValue()).toBe('Metformin 500mg twice a day');
    expect(await editor.getByLabel('Date of the appointment (optional)').inputValue()).toBe('');
    await screenshot(editor, 'reading-list-next');
    await editor.close();
  });

  it('shows open lists and records apart on the lists page, and deletes a list with undo', async () => {
    const library = await openLibrary(session.ext);
    await library.getByRole('link', { name: 'Appointments and prescriptions' }).click();
    await library.getByRole('heading', { level: 1, name: 'Appointments and prescriptions' }).waitFor();
    const open = library.getByRole('list', { name: 'Reading lists being prepared' });
    const records = library.getByRole('list', { name: 'Records of past appointments' });
    await open.waitFor();
    expect(await open.locator('.hc-row').count()).toBe(1);
    expect(await records.locator('.hc-row').count()).toBe(1);
    expect(await records.textContent()).toMatch(/Kept on \d+ \w+ \d{4}/);
    await screenshot(library, 'reading-list-lists-page');

    await open.getByRole('button', { name: 'Delete My next appointment' }).click();
    await library.getByText('No reading lists yet.', { exact: false }).waitFor();
    await library.getByRole('button', { name: 'Undo' }).click();
    await open.locator('.hc-row').waitFor();
    expect(await open.locator('.hc-row').count()).toBe(1);

    // A new list from the lists page opens in the editor.
    await library.getByRole('button', { name: 'New reading list' }).click();
    await library.getByRole('heading', { level: 1, name: 'My next appointment' }).waitFor();
    expect(await library.locator('.hc-item').count()).toBe(0);
    await library.close();
  });

  it('saves a page first when “Add to my next appointment” is used on a page not in the library yet', async () => {
    const { page, tabId } = await session.openFixture('news-article.html');
    const popup = await openPopup(session.ext, tabId);
    await popup.getByRole('button', { name: 'Save page' }).waitFor();
    await popup.getByRole('button', { name: 'Add to my next appointment' }).click();
    await popup.getByText('Saved the article to your library.').waitFor();
    await popup.getByText('Added to your list “My next appointment”.').waitFor();
    expect(await popup.getByRole('button', { name: 'Save page' }).count()).toBe(0);
    const [editor] = await Promise.all([session.ext.context.waitForEvent('page'), popup.getByRole('link', { name: 'Open “My next appointment”' }).click()]);
    if (!editor) throw new Error('no editor tab');
    await editor.locator('.hc-item .hc-item__title a').first().waitFor();
    expect(await itemTitles(editor)).toEqual([expect.stringMatching(/^Low-calorie diet/)]);
    expect(await editor.locator('.hc-item [data-source-type]').getAttribute('data-source-type')).toBe('news');
    await editor.close();
    await popup.close();
    await page.close();
  });
});
