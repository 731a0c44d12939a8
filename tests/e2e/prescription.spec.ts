import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openLibrary, savePageFromPopup, screenshot, useExtensionSession } from './harness';

const session = useExtensionSession();

/** Saves a fixture page from the popup, as a person would. */
async function savePage(name: string): Promise<void> {
  const { page, tabId } = await session.openFixture(name);
  await savePageFromPopup(session.ext, tabId);
  await page.close();
}

/** Ticks pages in the editor's picker by a word of their site, and adds them. */
async function pickPages(editor: Page, sites: string[]): Promise<void> {
  await editor.getByRole('button', { name: 'Add pages or highlights' }).click();
  for (const site of sites) {
    const row = editor.locator('.hc-picker__list > li').filter({ hasText: site });
    await row.waitFor();
    await row.getByRole('checkbox').first().check();
  }
  await editor.getByRole('button', { name: `Add ${sites.length} to the list` }).click();
  await editor.locator('.hc-item .hc-item__title a').nth(sites.length - 1).waitFor();
}

const HEADER = { service: 'Riverside Surgery', clinician: 'Sam Okafor, practice nurse', contact: '01632 960 000, weekdays 8am to 6pm' };
const CHARITY_NOTE = 'What a hypo feels like and what to do straight away.';

describe('information prescriptions (issue 5)', () => {
  it('builds a template with a header, notes and support, warns about a commercial page before issuing, and keeps the template unchanged', async () => {
    await savePage('charity-guide.html');
    await savePage('product-page.html');

    const editor = await openLibrary(session.ext, '#lists');
    await editor.getByRole('button', { name: 'New prescription template' }).click();
    await editor.getByRole('heading', { level: 1, name: 'New prescription template' }).waitFor();
    await editor.getByLabel('Title').fill('Type 2 diabetes: first weeks');
    await editor.getByLabel('Condition').fill('Type 2 diabetes');
    await editor.getByLabel('Service or practice').fill(HEADER.service);
    await editor.getByLabel('Clinician').fill(HEADER.clinician);
    await editor.getByLabel('Contact line').fill(HEADER.contact);

    await pickPages(editor, ['diabetes.org.uk', 'purevitalityhealth.co.uk']);
    const items = editor.locator('.hc-item');
    expect(await items.locator('[data-source-type]').evaluateAll((els) => els.map((e) => e.getAttribute('data-source-type')))).toEqual(['charity', 'commercial']);
    await items.nth(0).getByLabel('Note for the patient').fill(CHARITY_NOTE);

    // A support entry needs a name; the form says so in plain words.
    await editor.getByRole('button', { name: 'Add support entry' }).click();
    await editor.getByText('Type a name, for example').waitFor();
    await editor.locator('#hc-support-new-name').fill('Diabetes helpline');
    await editor.locator('#hc-support-new-contact').fill('0345 123 2399, Monday to Friday 9am to 6pm');
    await editor.locator('#hc-support-new-note').fill('Trained advisers who can talk through anything about diabetes.');
    await editor.getByRole('button', { name: 'Add support entry' }).click();
    const support = editor.locator('.hc-support__entry');
    await support.waitFor();
    expect(await support.getByLabel('Name').inputValue()).toBe('Diabetes helpline');
    await screenshot(editor, 'prescription-template');

    // Issue: the commercial page is flagged, and issuing asks to go ahead anyway.
    await editor.getByRole('button', { name: 'Issue to a patient…' }).click();
    await editor.getByLabel('Patient’s name (optional)').fill('Jane Doe');
    const warning = editor.locator('.hc-warnings li[data-reason="commercial"]');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Vitamin D3');
    await screenshot(editor, 'prescription-issue-warnings');
    await editor.getByRole('button', { name: 'Issue anyway' }).click();

    // The issued copy: dated, named, from the template, and editable on its own.
    const banner = editor.getByTestId('issued-banner');
    await banner.waitFor();
    await expect.poll(() => banner.textContent()).toMatch(/^Issued on \d+ \w+ \d{4} to Jane Doe from Type 2 diabetes: first weeks\./);
    expect(await editor.getByLabel('Service or practice').inputValue()).toBe(HEADER.service);
    expect(await editor.getByRole('button', { name: 'Issue to a patient…' }).count()).toBe(0);
    await editor.locator('.hc-item').nth(0).getByLabel('Note for the patient').fill('Jane: read this first, before your next check.');
    await editor.locator('.hc-item').nth(1).getByRole('button', { name: /^Remove/ }).click();
    await expect.poll(() => editor.locator('.hc-item').count()).toBe(1);
    await screenshot(editor, 'prescription-issued-copy');

    // Print opens the printable page for this copy; the web page download is named from the title.
    const [printPage] = await Promise.all([session.ext.context.waitForEvent('page'), editor.getByRole('button', { name: 'Print or save as PDF' }).click()]);
    const copyId = new URLSearchParams(new URL(editor.url()).hash.slice(1)).get('list');
    expect(printPage?.url()).toBe(`chrome-extension://${session.ext.extensionId}/print.html#id=${copyId}`);
    await printPage?.waitForLoadState();
    await printPage?.waitForTimeout(500);
    if (printPage) await screenshot(printPage, 'prescription-print');
    await printPage?.close();
    await editor.bringToFront();
    const [download] = await Promise.all([editor.waitForEvent('download'), editor.getByRole('button', { name: 'Download web page' }).click()]);
    expect(download.suggestedFilename()).toBe('type-2-diabetes-first-weeks.html');
    const html = readFileSync(await download.path(), 'utf8');
    expect(html).toContain('Jane: read this first, before your next check.');
    expect(html).toContain(HEADER.service);
    expect(html).not.toContain('Vitamin D3');

    // Back to the template (through the banner link): unchanged, and the copy is listed under it.
    await banner.getByRole('link', { name: 'Type 2 diabetes: first weeks' }).click();
    await editor.getByRole('heading', { level: 1, name: 'Type 2 diabetes: first weeks' }).waitFor();
    await expect.poll(() => editor.locator('.hc-item').count()).toBe(2);
    expect(await editor.locator('.hc-item').nth(0).getByLabel('Note for the patient').inputValue()).toBe(CHARITY_NOTE);
    expect(await editor.getByRole('list', { name: 'Issued copies' }).textContent()).toContain('For Jane Doe');

    // The copy kept its own changes.
    await editor.getByRole('link', { name: 'For Jane Doe' }).click();
    await editor.getByTestId('issued-banner').waitFor();
    await expect.poll(() => editor.locator('.hc-item').count()).toBe(1);
    expect(await editor.locator('.hc-item').nth(0).getByLabel('Note for the patient').inputValue()).toBe('Jane: read this first, before your next check.');

    // On the lists page, the copy sits under its template.
    await editor.getByRole('link', { name: 'Back to appointments and prescriptions' }).click();
    const templates = editor.getByRole('list', { name: 'Prescription templates' });
    await templates.waitFor();
    expect(await templates.locator('.hc-row').first().textContent()).toContain('For Jane Doe');
    await screenshot(editor, 'prescription-lists-page');

    // A second template starts with the header used last.
    await editor.getByRole('button', { name: 'New prescription template' }).click();
    await editor.getByRole('heading', { level: 1, name: 'New prescription template' }).waitFor();
    expect(await editor.getByLabel('Service or practice').inputValue()).toBe(HEADER.service);
    expect(await editor.getByLabel('Clinician').inputValue()).toBe(HEADER.clinician);
    expect(await editor.getByLabel('Contact line').inputValue()).toBe(HEADER.contact);
    await editor.close();
  });
});
