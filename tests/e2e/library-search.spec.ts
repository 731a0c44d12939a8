import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Clip } from '../../lib/model/clip';
import { syntheticClip } from '../bench/synthetic-clips';
import { clearSearchIndex, openLibrary, putRecords, screenshot, useExtensionSession } from './harness';

/**
 * The library at a few thousand clips in real Chromium: the first rows at
 * once, only the rows on screen in the page, search as you type for doses,
 * codes, spellings and synonyms, filters with words, and an index that
 * follows new clips and rebuilds itself with progress shown.
 */
const session = useExtensionSession();
const MANY = 3_000;

function handmade(id: string, title: string, text: string, extra: Partial<Clip> = {}): Clip {
  const url = `https://www.nhs.uk/conditions/${id}/`;
  return {
    id,
    kind: 'article',
    url,
    canonicalUrl: url,
    title,
    siteName: 'NHS',
    savedAt: '2026-11-24T09:00:00.000Z',
    updatedAt: '2026-11-24T09:00:00.000Z',
    contentHtml: `<p>${text}</p>`,
    contentText: text,
    tags: [],
    note: '',
    sourceVerdict: { type: 'official', confidence: 0.95, reasons: ['nhs.uk is an NHS website.'] },
    signals: [],
    ...extra,
  };
}

const HANDMADE = [
  // Words the synthetic clips never use (lercanidipine, Feroglobin, Pinewood) make each of these the clear best match.
  handmade('dose', 'Lercanidipine for high blood pressure', 'The usual starting dose of lercanidipine is 10mg once a day, which may go up to 20mg.'),
  handmade('anaemia', 'Iron deficiency anaemia', 'Anaemia means your haemoglobin is low. Feroglobin is one iron supplement. Your GP may check your HbA1c too.', { tags: ['my iron plan'] }),
  handmade('mi', 'After a myocardial infarction', 'Cardiac rehabilitation at the Pinewood centre starts 2 weeks after you leave hospital.', { tags: ['heart'] }),
];

async function typeSearch(library: Page, text: string): Promise<void> {
  await library.getByLabel('Search your library').fill(text);
  // The status says which words its count answers, so an earlier search's rows are never read.
  await library.locator(`#hc-list-status[data-answers="${text}"]`, { hasText: /found|Nothing matches/ }).waitFor();
  await library.locator('.hc-row--loading').first().waitFor({ state: 'detached' });
}

const titles = (library: Page) => library.locator('.hc-row__title').allTextContents();

it('opens a big library at once, draws only the rows on screen, and finds doses, codes, spellings and synonyms', async () => {
  const { ext } = session;
  let library = await openLibrary(ext);
  for (let i = 0; i < MANY; i += 500) {
    await putRecords(library, 'clips', Array.from({ length: Math.min(500, MANY - i) }, (_, k) => syntheticClip(i + k)));
  }
  await putRecords(library, 'clips', HANDMADE);
  await library.close();

  library = await openLibrary(ext);
  await library.locator('.hc-row__title').first().waitFor();
  const firstRows = await library.evaluate(() => performance.getEntriesByName('hc-first-rows')[0]?.startTime ?? -1);
  expect(firstRows).toBeGreaterThan(0);
  await library.getByText(`${(MANY + HANDMADE.length).toLocaleString('en-GB')} clips`).waitFor();
  const drawn = await library.locator('.hc-vrow').count();
  expect(drawn).toBeGreaterThan(3);
  expect(drawn).toBeLessThan(60);
  expect(await library.locator('.hc-vlist').getAttribute('aria-label')).toBe('Saved clips');
  await screenshot(library, 'library-many', { fullPage: false });

  // The oldest clip is at the very bottom: scrolling there draws it.
  const oldest = await library.evaluate(async () => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    await new Promise((r) => setTimeout(r, 300));
    const rows = [...document.querySelectorAll('.hc-vrow')];
    return rows.map((r) => r.getAttribute('aria-posinset'));
  });
  expect(oldest).toContain(String(MANY + HANDMADE.length));

  // A dose typed with a space finds it written without one; the last word matches while being typed.
  await typeSearch(library, '10 mg lercani');
  expect(await titles(library)).toEqual(['Lercanidipine for high blood pressure']);
  expect(await library.locator('.hc-row').first().locator('mark').allTextContents()).toEqual(['lercanidipine', '10mg']);

  await typeSearch(library, 'anemia feroglobin');
  expect(await titles(library)).toEqual(['Iron deficiency anaemia']);
  await typeSearch(library, 'hemoglobin hba1c feroglobin');
  expect(await titles(library)).toEqual(['Iron deficiency anaemia']);
  await typeSearch(library, 'heart attack 2 weeks pinewood');
  expect(await titles(library)).toEqual(['After a myocardial infarction']);
  expect(await library.locator('.hc-row').first().locator('mark').allTextContents()).toEqual(expect.arrayContaining(['2 weeks', 'Pinewood']));
  await typeSearch(library, 'hypertension lerc');
  expect((await titles(library))[0]).toBe('Lercanidipine for high blood pressure');
  // Many clips mention doses: "5 mg" finds them as one term, not every 5 and every mg.
  await typeSearch(library, '5 mg');
  const doses = await library.locator('.hc-row').first().locator('mark').allTextContents();
  expect(doses.some((m) => /^5 ?mg$/i.test(m))).toBe(true);
  await screenshot(library, 'library-search-synonym', { fullPage: false });

  // Filters combine with the words.
  await typeSearch(library, 'haemoglobin');
  const all = await library.locator('#hc-list-status').textContent();
  await library.getByLabel('Tag', { exact: true }).selectOption('my iron plan');
  await library.locator('#hc-list-status', { hasText: '1 clip found' }).waitFor();
  expect(await titles(library)).toEqual(['Iron deficiency anaemia']);
  expect(all).not.toBe('1 clip found');
  await library.getByLabel('Tag', { exact: true }).selectOption('');
  await library.getByLabel('Has highlights').check();
  await library.locator('#hc-list-status', { hasText: /found|Nothing matches/ }).waitFor();
  await library.getByLabel('Has highlights').uncheck();
  await library.close();
});

it('keeps search in step with new clips, and rebuilds a missing index with progress shown', async () => {
  const { ext, server } = session;
  const library = await openLibrary(ext);
  await typeSearch(library, 'hypos');
  const before = await library.locator('#hc-list-status').textContent();

  // Save a page through the real clipper while the library is open.
  const page = await ext.context.newPage();
  await page.goto(server.urlOf('charity-guide.html'));
  const tabs = await ext.worker.evaluate(() => chrome.tabs.query({}));
  const tabId = tabs.find((t) => t.url?.includes('diabetes.org.uk'))!.id!;
  const saved = await library.evaluate(
    async (id) => ((await chrome.runtime.sendMessage({ type: 'clipTab', input: { tabId: id, mode: 'article', tags: [], note: '' } })) as { ok: boolean }).ok,
    tabId,
  );
  expect(saved).toBe(true);
  await library.locator('.hc-row__title', { hasText: /hypo/i }).first().waitFor();
  expect(await library.locator('#hc-list-status').textContent()).not.toBe(before);

  // Throw the saved index away (as an upgrade would): the library rebuilds it and says how far it is.
  await clearSearchIndex(library);
  await library.reload();
  await library.getByText(/Getting search ready: [\d,]+ of [\d,]+ clips/).waitFor({ timeout: 20_000 });
  await screenshot(library, 'library-index-progress', { fullPage: false });
  await typeSearch(library, 'hypos');
  await library.getByText(/Getting search ready/).waitFor({ state: 'detached', timeout: 60_000 });
  // The words typed during the build are asked again as it goes and once it is ready, without typing them again.
  await library.locator('.hc-row__title', { hasText: /hypo/i }).first().waitFor();

  // Settings say how the index is doing and can build it again.
  await library.goto(library.url().replace(/#.*$/, '') + '#settings');
  const total = (MANY + HANDMADE.length + 1).toLocaleString('en-GB');
  await library.getByText(`Ready: ${total} clips indexed`, { exact: false }).waitFor({ timeout: 30_000 });
  await library.getByRole('button', { name: 'Build the search index again' }).click();
  // The shared progress component (components/ProgressStatus.tsx) shows the sentence; its polite live region repeats it for screen readers.
  await library.getByRole('progressbar', { name: 'Building the search index' }).waitFor();
  await library.locator('.hc-progress__text').filter({ hasText: /Building the index: [\d,]+ of [\d,]+ clips/ }).waitFor();
  await library.getByText(`Ready: ${total} clips indexed`, { exact: false }).waitFor({ timeout: 60_000 });
  await page.close();
  await library.close();
});

declare const chrome: typeof import('wxt/browser').browser;
