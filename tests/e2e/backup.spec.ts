import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildBackupText } from '../../lib/exchange/backup';
import { bulkClip, sampleLibrary, sampleSettings } from '../helpers/sample-library';
import { highlightPhraseFromMenu, launchWithExtension, openLibrary, openPopup, savePageFromPopup, removeProfile, screenshot, useExtensionSession, type ExtensionBrowser } from './harness';

/** The extension API as seen inside the service worker. */
declare const chrome: typeof import('wxt/browser').browser;

const session = useExtensionSession();
const QUESTION_PASSAGE = 'Then have a sugary drink or snack that acts fast, such as a small glass of non-diet fizzy drink';

/** A browser's bookmarks export with a dozen health pages in folders, saved in 2024, and a bookmarklet. */
const BOOKMARKS: [folder: string, url: string, title: string][] = [
  ['Asthma', 'https://www.nhs.uk/conditions/asthma/', 'Asthma - NHS'],
  ['Asthma', 'https://www.nice.org.uk/guidance/ng245', 'Asthma: diagnosis and management (NICE)'],
  ['Asthma', 'https://www.asthmaandlung.org.uk/conditions/asthma/inhalers', 'Inhalers | Asthma + Lung UK'],
  ['Diabetes', 'https://www.diabetes.org.uk/about-diabetes/type-2-diabetes', 'Type 2 diabetes | Diabetes UK'],
  ['Diabetes', 'https://pubmed.ncbi.nlm.nih.gov/36512345/', 'Structured education for type 2 diabetes - PubMed'],
  ['Diabetes', 'https://www.reddit.com/r/diabetes_t2/comments/abc123/my_hba1c_journey/', 'My HbA1c journey : r/diabetes_t2'],
  ['Diabetes', 'https://www.bbc.co.uk/news/health-60000001', 'Soups and shakes diet to be offered more widely - BBC News'],
  ['Mental health', 'https://www.mind.org.uk/information-support/types-of-mental-health-problems/depression/', 'Depression - Mind'],
  ['Mental health', 'https://www.rethink.org/advice-and-information/', 'Advice and information | Rethink Mental Illness'],
  ['Mental health', 'https://www.gov.uk/government/publications/mental-health-recovery-action-plan', 'Mental health recovery action plan - GOV.UK'],
  ['Joints', 'https://www.versusarthritis.org/about-arthritis/conditions/osteoarthritis/', 'Osteoarthritis | Versus Arthritis'],
  ['Joints', 'https://www.nhs.uk/conditions/osteoarthritis/', 'Osteoarthritis - NHS'],
];

function bookmarksFile(): string {
  const folders = [...new Set(BOOKMARKS.map(([f]) => f))];
  const body = folders
    .map((folder) => {
      const links = BOOKMARKS.filter(([f]) => f === folder)
        .map(([, url, title], i) => `            <DT><A HREF="${url}" ADD_DATE="${1_706_000_000 + i * 86_400}">${title}</A>`)
        .join('\n');
      return `        <DT><H3 ADD_DATE="1700000000">${folder}</H3>\n        <DL><p>\n${links}\n        </DL><p>`;
    })
    .join('\n');
  return `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
    <DT><H3 ADD_DATE="1700000000" PERSONAL_TOOLBAR_FOLDER="true">Bookmarks bar</H3>
    <DL><p>
${body}
        <DT><A HREF="javascript:alert('zoom')">Zoom bookmarklet</A>
    </DL><p>
</DL><p>
`;
}

/** Every record of every table of the library's IndexedDB, read straight from the database in a library page. */
function dumpDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('health-clipper');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const out: Record<string, unknown[]> = {};
    // The search journal and saved index are derived from the rest (never backed up, rebuilt after a restore);
    // libraryMeta is about this browser's database (the eviction canary's marker), not library data.
    for (const name of Array.from(db.objectStoreNames).filter((n) => !n.startsWith('search') && n !== 'libraryMeta')) {
      out[name] = await new Promise<unknown[]>((ok) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => ok(request.result);
      });
    }
    db.close();
    return out;
  });
}

/** The settings a backup carries (with their defaults), and the date of the last backup, from extension storage. */
async function dumpSettings(worker: Worker) {
  const all = await worker.evaluate(() => chrome.storage.local.get(null));
  return {
    annotatePages: all.annotatePages ?? false,
    autoHighlights: all.autoHighlights ?? false,
    annotateHiddenHosts: all.annotateHiddenHosts ?? [],
    rulePacks: all.rulePacks ?? [],
    prescriber: all.prescriber ?? { service: '', clinician: '', contact: '' },
    lastBackup: all.lastBackup ?? null,
  };
}

const rowTypes = (library: Page) =>
  library.locator('.hc-row').evaluateAll((rows) =>
    rows.map((r) => [r.querySelector('.hc-row__title')?.textContent ?? '', r.querySelector('[data-source-type]')?.getAttribute('data-source-type') ?? '']),
  );

describe('backup, restore and bringing a library from another tool (real Chromium)', () => {
  let backupPath = '';
  let before: { db: Record<string, unknown[]>; settings: Awaited<ReturnType<typeof dumpSettings>>; titles: string[] } | undefined;

  it('imports a bookmarks file: preview, then the pages with their source types; the header suggests a backup', async () => {
    const library = await openLibrary(session.ext, '#settings');
    const file = join(session.ext.profileDir, 'bookmarks_24_11_2026.html');
    writeFileSync(file, bookmarksFile());
    await library.getByLabel('Choose a file (.html, .htm, .json or .ris)').setInputFiles(file);
    const preview = library.getByRole('region', { name: 'What we found' });
    await preview.waitFor();
    expect(await preview.textContent()).toContain('is a bookmarks file (from a browser, Pocket or Raindrop)');
    expect(await preview.locator('[data-import-plan]').textContent()).toContain('12 new pages to add.');
    expect(await preview.textContent()).toContain('Left out: 1 not a web page address');
    const previewTypes = await preview.locator('.hc-row').evaluateAll((rows) => rows.map((r) => r.querySelector('[data-source-type]')?.getAttribute('data-source-type')));
    expect(previewTypes.slice(0, 5)).toEqual(['official', 'official', 'charity', 'charity', 'research']);
    await preview.scrollIntoViewIfNeeded();
    await screenshot(library, 'backup-import-preview');
    await library.getByRole('button', { name: 'Add 12 pages' }).click();
    await library.getByText('Added 12 pages to your library as links.', { exact: false }).waitFor();

    await library.goto(library.url().replace(/#.*$/, '#'));
    await library.locator('.hc-row').nth(11).waitFor();
    const rows = await rowTypes(library);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Asthma - NHS', 'official'],
        ['Type 2 diabetes | Diabetes UK', 'charity'],
        ['Structured education for type 2 diabetes - PubMed', 'research'],
        ['My HbA1c journey : r/diabetes_t2', 'peer'],
        ['Soups and shakes diet to be offered more widely - BBC News', 'news'],
        ['Mental health recovery action plan - GOV.UK', 'official'],
      ]),
    );
    expect(await library.locator('.hc-row').filter({ hasText: 'Depression - Mind' }).locator('.hc-tag-pill').allTextContents()).toEqual(['mental health']);
    // A dozen pages, the oldest saved in 2024, never backed up: a quiet reminder, no dialog.
    const reminder = library.getByRole('complementary', { name: 'Backup reminder' });
    await reminder.waitFor();
    expect(await reminder.textContent()).toContain('Your 12 saved pages are kept only in this browser, and you have not backed them up yet.');
    await screenshot(library, 'backup-reminder');
    // "Remind me next week" puts it off for seven days, across reloads.
    await reminder.getByRole('button', { name: 'Remind me next week' }).click();
    await expect.poll(() => reminder.count()).toBe(0);
    const snoozedUntil = await session.ext.worker.evaluate(async () => (await chrome.storage.local.get('backupReminderSnoozedUntil')).backupReminderSnoozedUntil);
    expect((Date.parse(String(snoozedUntil)) - Date.now()) / 86_400_000).toBeCloseTo(7, 1);
    await library.reload();
    await library.locator('.hc-row').nth(11).waitFor();
    expect(await reminder.count()).toBe(0);

    // The same file again: nothing new, and the pages already there are left alone.
    await library.goto(library.url().replace(/#.*$/, '#settings'));
    await library.getByLabel('Choose a file (.html, .htm, .json or .ris)').setInputFiles(file);
    await preview.waitFor();
    expect(await preview.textContent()).toContain('12 pages are already in your library. They stay exactly as they are: nothing from this file changes their notes, tags or type.');
    expect(await preview.textContent()).toContain('Nothing new to add');
    await library.getByRole('button', { name: 'Cancel' }).click();
    await library.close();
  });

  it('backs up a library with pages, highlights, a reading list, a site rule and settings', async () => {
    const { ext } = session;
    const nhs = await session.openFixture('nhs-condition-page.html');
    await savePageFromPopup(ext, nhs.tabId, 'Saved the article to your library.');
    const charity = await session.openFixture('charity-guide.html');
    await highlightPhraseFromMenu(ext, charity.page, charity.tabId, QUESTION_PASSAGE, 'question');
    const popup = await openPopup(ext, charity.tabId);
    await popup.getByRole('button', { name: 'Add to my next appointment' }).click();
    await popup.getByText('Added to your list “My next appointment”.').waitFor();
    await popup.close();

    const library = await openLibrary(ext, '#sites');
    await library.getByLabel('Website address').fill('https://www.mysurgery.co.uk/contact');
    await library.getByLabel('Type of source').selectOption('official');
    await library.getByLabel('Note (optional)').fill('My GP practice');
    await library.getByRole('button', { name: 'Add site' }).click();
    await library.getByText('mysurgery.co.uk', { exact: true }).waitFor();
    const pack = { format: 'health-clipper-rule-pack', formatVersion: 1, name: 'Riverside diabetes group', version: '2026-11', rules: [{ host: 'riversidediabetes.org.uk', type: 'charity', note: 'Our local group' }] };
    await library.getByLabel('Choose a rule pack file (.json)').setInputFiles({ name: 'pack.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
    await library.getByRole('button', { name: 'Add this rule pack' }).click();
    await library.getByText(/Added “Riverside diabetes group”/).waitFor();

    await library.goto(library.url().replace(/#.*$/, '#settings'));
    await library.getByText('You have not made a backup yet.').waitFor();
    const [download] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'Back up now' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^health-clipper-backup-\d{4}-\d{2}-\d{2}\.json$/);
    backupPath = join(ext.profileDir, download.suggestedFilename());
    await download.saveAs(backupPath);
    await library.getByText(/^Saved health-clipper-backup-.*with 14 saved pages, 1 highlight, 1 list \(reading list, prescription or collection\) and 1 site in your list of sites, and your settings\./).waitFor();
    await library.locator('[data-last-backup]').getByText(/Last backup:/).waitFor();
    await screenshot(library, 'backup-settings-after-backup');
    const file = JSON.parse(readFileSync(backupPath, 'utf8')) as { format: string; formatVersion: number; counts: unknown; settings: { rulePacks: unknown[] } };
    expect([file.format, file.formatVersion]).toEqual(['health-clipper-backup', 1]);
    expect(file.counts).toEqual({ siteRules: 1, collections: 1, highlights: 1, clips: 14 });
    expect(file.settings.rulePacks).toHaveLength(1);

    await library.goto(library.url().replace(/#.*$/, '#'));
    await library.locator('.hc-row').nth(13).waitFor();
    expect(await library.getByRole('complementary', { name: 'Backup reminder' }).count()).toBe(0);
    before = {
      db: await dumpDatabase(library),
      settings: await dumpSettings(ext.worker),
      titles: await library.locator('.hc-row__title').allTextContents(),
    };
    expect(before.db.clips).toHaveLength(14);
    await library.close();
  });

  it('restores into a fresh browser profile and gives back exactly the same library and settings', async () => {
    expect(backupPath).not.toBe('');
    let fresh: ExtensionBrowser | undefined;
    try {
      fresh = await launchWithExtension(session.server);
      const library = await openLibrary(fresh, '#settings');
      await library.getByText('You have not made a backup yet.').waitFor();
      const input = library.getByLabel('Choose a backup file (.json)');

      // A damaged copy is refused, saying why, and nothing changes.
      const text = readFileSync(backupPath, 'utf8');
      await input.setInputFiles({ name: 'health-clipper-backup-cut.json', mimeType: 'application/json', buffer: Buffer.from(text.slice(0, Math.floor(text.length / 2))) });
      await library.getByText(/This backup is incomplete. The file ends too early/).waitFor();
      await screenshot(library, 'backup-restore-refused');

      await input.setInputFiles(backupPath);
      const summary = library.getByRole('region', { name: 'What this backup holds' });
      await summary.waitFor();
      expect(await summary.textContent()).toContain('It holds 14 saved pages, 1 highlight, 1 list (reading list, prescription or collection) and 1 site in your list of sites, and your settings.');
      expect(await summary.textContent()).toContain('Your library here is empty, so nothing will be lost.');
      await screenshot(library, 'backup-restore-summary');
      await library.getByRole('button', { name: 'Replace my library with this backup' }).click();
      await library.getByText(/^Done\. Your library now holds what the backup of .* held: 14 saved pages/).waitFor();
      await library.locator('[data-last-backup]').getByText(/Last backup:/).waitFor();
      await screenshot(library, 'backup-restore-done');

      // Exactly what was backed up: every record of every table, and the settings.
      expect(await dumpDatabase(library)).toEqual(before?.db);
      expect(await dumpSettings(fresh.worker)).toEqual(before?.settings);

      // And what the user sees: the same pages in the same order, the highlight, the list, the site rule, the rule pack.
      await library.goto(library.url().replace(/#.*$/, '#'));
      await library.locator('.hc-row').nth(13).waitFor();
      expect(await library.locator('.hc-row__title').allTextContents()).toEqual(before?.titles);
      await screenshot(library, 'backup-restored-library');
      await library.goto(library.url().replace(/#.*$/, '#highlights'));
      await library.getByText(QUESTION_PASSAGE, { exact: false }).first().waitFor();
      await library.goto(library.url().replace(/#.*$/, '#lists'));
      await library.getByText('My next appointment').first().waitFor();
      await library.goto(library.url().replace(/#.*$/, '#sites'));
      await library.getByText('mysurgery.co.uk', { exact: true }).waitFor();
      await library.getByText(/Riverside diabetes group \(version 2026-11, 1 site\)/).waitFor();

      // Restoring again over a library that has pages: it says what would be replaced, and Cancel leaves it alone.
      await library.goto(library.url().replace(/#.*$/, '#settings'));
      await library.getByLabel('Choose a backup file (.json)').setInputFiles(backupPath);
      await summary.waitFor();
      expect(await summary.textContent()).toContain('Restoring replaces everything in your library now (14 saved pages, 1 highlight');
      await summary.scrollIntoViewIfNeeded();
      await screenshot(library, 'backup-restore-replace-warning');
      await library.getByRole('button', { name: 'Cancel' }).click();
      expect(await summary.count()).toBe(0);
      await library.close();
    } finally {
      await fresh?.close();
      if (fresh) await removeProfile(fresh.profileDir);
    }
  });

  it('10,000 clips: restore and back up again in real Chromium (times printed, not asserted)', async () => {
    let fresh: ExtensionBrowser | undefined;
    try {
      fresh = await launchWithExtension(session.server);
      const clips = Array.from({ length: 10_000 }, (_, i) => bulkClip(i, 2_000));
      const text = buildBackupText({ exportedAt: '2026-11-20T09:00:00.000Z', appVersion: '0.1.0', settings: sampleSettings() }, { ...sampleLibrary(), clips });
      const path = join(fresh.profileDir, 'health-clipper-backup-2026-11-20.json');
      writeFileSync(path, text);
      const library = await openLibrary(fresh, '#settings');
      await library.getByLabel('Choose a backup file (.json)').setInputFiles(path);
      let started = Date.now();
      await library.getByRole('region', { name: 'What this backup holds' }).waitFor({ timeout: 120_000 });
      const readMs = Date.now() - started;
      started = Date.now();
      await library.getByRole('button', { name: 'Replace my library with this backup' }).click();
      await library.getByText(/^Done\. Your library now holds .* 10,000 saved pages/).waitFor({ timeout: 120_000 });
      const restoreMs = Date.now() - started;
      started = Date.now();
      const [download] = await Promise.all([library.waitForEvent('download', { timeout: 120_000 }), library.getByRole('button', { name: 'Back up now' }).click()]);
      const backupPath = join(fresh.profileDir, 'again.json');
      await download.saveAs(backupPath);
      const backupMs = Date.now() - started;
      const again = readFileSync(backupPath, 'utf8');
      expect((JSON.parse(again) as { counts: { clips: number } }).counts.clips).toBe(10_000);
      console.log(
        `[backup e2e bench] 10,000 clips (~4 KB each, ${(text.length / 1e6).toFixed(1)} MB file) in Chromium: ` +
          `read and check the file ${readMs} ms, restore ${restoreMs} ms, back up to a download ${backupMs} ms`,
      );
      await library.close();
    } finally {
      await fresh?.close();
      if (fresh) await removeProfile(fresh.profileDir);
    }
  }, 300_000);
});
