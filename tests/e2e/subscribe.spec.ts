import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CollectionFile, FileItem } from '../../lib/exchange/collection-file';
import { openLibrary, screenshot, useExtensionSession } from './harness';

/** The extension API as seen inside the service worker, where some steps run. */
declare const chrome: typeof import('wxt/browser').browser;

const session = useExtensionSession();

const PATH = '/collections/first-steps.json';
const ADDRESS = `https://www.diabetes-support-group.org.uk${PATH}`;

/** The one address this spec's user asks the extension to read: the published file. */
const FILE_ADDRESS = /^https:\/\/www\.diabetes-support-group\.org\.uk\/collections\/first-steps\.json$/;

const page = (url: string, title: string, note = ''): FileItem => ({ url, canonicalUrl: url, title, sourceType: 'official', note });
const passage = (url: string, title: string, exact: string, note: string): FileItem => ({
  ...page(url, title),
  highlight: { meaning: 'important', note, selectors: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }] },
});

const NHS = 'https://www.nhs.uk/conditions/type-2-diabetes/';
const DUK = 'https://www.diabetes.org.uk/guide-to-diabetes/managing-your-diabetes';
const FORUM = 'https://forum.diabetes.org.uk/boards/threads/first-weeks.1234/';
const FEET = 'https://www.nhs.uk/conditions/type-2-diabetes/foot-care/';
const HYPO = 'https://www.diabetes.org.uk/guide-to-diabetes/complications/hypos';

/** The moderator's list as published: version 1, then version 2 with one page removed, one added and a note edited. */
function published(items: FileItem[], exportedAt: string): string {
  const file: CollectionFile = {
    format: 'health-clipper-collection',
    formatVersion: 1,
    exportedAt,
    generator: 'Health Clipper 0.1.0',
    collection: {
      kind: 'collection',
      title: 'First steps with type 2 diabetes',
      description: 'What our members found most useful in their first months.',
      curator: 'Riverside diabetes support group',
      createdAt: '2026-11-01T10:00:00.000Z',
      updatedAt: exportedAt,
      items,
    },
  };
  return JSON.stringify(file, null, 2);
}
const V1 = published(
  [
    page(NHS, 'Type 2 diabetes - NHS', 'Start here: the basics in plain English.'),
    page(DUK, 'Managing your diabetes | Diabetes UK', 'Good on food and activity.'),
    page(FORUM, 'My first weeks after diagnosis - forum', 'Members’ own stories.'),
    passage(FEET, 'Foot care - NHS', 'Check your feet every day', 'Do this every evening.'),
  ],
  '2026-11-20T10:00:00.000Z',
);
const V2 = published(
  [
    page(NHS, 'Type 2 diabetes - NHS', 'Start here: the basics in plain English.'),
    page(DUK, 'Managing your diabetes | Diabetes UK', 'Good on food and activity, and on carbohydrate counting.'),
    passage(FEET, 'Foot care - NHS', 'Check your feet every day', 'Do this every evening.'),
    page(HYPO, 'Hypos | Diabetes UK', 'What to do when your sugar goes low.'),
  ],
  '2026-11-27T10:00:00.000Z',
);

/** The titles of a list's items in its editor, in order. */
const itemTitles = (editor: Page) => editor.locator('.hc-item .hc-item__title a').allTextContents();
const followRow = (library: Page) => library.locator('.hc-follow').filter({ hasText: 'First steps with type 2 diabetes' });

describe('following a collection published at a web address (issue 8)', () => {
  it('subscribes, sees no change (304), sees the changes after the file changes, applies them', async () => {
    const { server, ext } = session;
    server.serveJson(PATH, V1, { etag: '"v1"' });
    session.expectUserRequests(FILE_ADDRESS, 'follow a collection by its address, and “Check now”', 'extension-page');

    const library = await openLibrary(ext, '#subscriptions');
    await library.getByRole('heading', { level: 1, name: 'Collections you follow' }).waitFor();
    await library.getByText('None yet.').waitFor();
    // Only https addresses.
    await library.getByLabel('Address of the collection file').fill(ADDRESS.replace('https:', 'http:'));
    await library.getByRole('button', { name: 'Follow', exact: true }).click();
    await library.getByText(/Only secure addresses/).waitFor();
    expect(server.jsonRequests(PATH)).toEqual([]);

    await library.getByLabel('Address of the collection file').fill(ADDRESS);
    await library.getByRole('button', { name: 'Follow', exact: true }).click();
    const preview = library.getByTestId('import-preview');
    await preview.waitFor();
    await preview.getByText('Riverside diabetes support group').waitFor();
    expect(await preview.locator('[data-count="new-pages"]').textContent()).toMatch(/^4 new pages/);
    await screenshot(library, 'subscribe-follow-preview');
    // One request, with no cookies.
    expect(server.jsonRequests(PATH)).toEqual([{ status: 200 }]);

    await preview.getByRole('button', { name: 'Add to my library' }).click();
    await library.getByRole('heading', { level: 1, name: 'First steps with type 2 diabetes' }).waitFor();
    await library.locator('.hc-item').nth(3).waitFor();
    expect(await itemTitles(library)).toEqual(['Type 2 diabetes - NHS', 'Managing your diabetes | Diabetes UK', 'My first weeks after diagnosis - forum', 'Foot care - NHS']);

    // The subscriptions page lists it; "Check now" sends the ETag and hears 304.
    await library.goto(library.url().replace(/#.*$/, '#subscriptions'));
    const row = followRow(library);
    await row.waitFor();
    await row.getByText('From diabetes-support-group.org.uk/collections/first-steps.json').waitFor();
    await row.getByRole('button', { name: 'Check now' }).click();
    await row.getByText(/^No changes since \d+ \w+ \d{4}\.$/).waitFor();
    expect(server.jsonRequests(PATH).at(-1)).toEqual({ status: 304, ifNoneMatch: '"v1"' });
    await screenshot(library, 'subscribe-subscriptions-page');

    // The moderator publishes a new version: Check now shows what changed, and nothing changes yet.
    server.serveJson(PATH, V2, { etag: '"v2"' });
    await row.getByRole('button', { name: 'Check now' }).click();
    const changes = row.getByTestId('changes-preview');
    await changes.waitFor();
    expect(server.jsonRequests(PATH).at(-1)).toEqual({ status: 200, ifNoneMatch: '"v1"' });
    await changes.getByText('1 item added, 1 item removed, 1 item changed', { exact: false }).waitFor();
    expect(await changes.getByRole('list', { name: 'Added' }).textContent()).toContain('Hypos | Diabetes UK');
    expect(await changes.getByRole('list', { name: 'Removed' }).textContent()).toContain('My first weeks after diagnosis - forum');
    const edited = await changes.getByRole('list', { name: 'Changed' }).textContent();
    expect(edited).toContain('Changed note');
    expect(edited).toContain('Good on food and activity, and on carbohydrate counting.');
    await screenshot(library, 'subscribe-change-preview');

    await changes.getByRole('button', { name: 'Apply these changes' }).click();
    await row.getByText(/^Changes applied: “First steps with type 2 diabetes” now has 4 items\./).waitFor();
    // Applied: a second check hears 304 with the new ETag.
    await row.getByRole('button', { name: 'Check now' }).click();
    await row.getByText(/^No changes since/).waitFor();
    expect(server.jsonRequests(PATH).at(-1)).toEqual({ status: 304, ifNoneMatch: '"v2"' });

    await row.getByRole('link', { name: 'First steps with type 2 diabetes' }).click();
    await library.getByRole('heading', { level: 1, name: 'First steps with type 2 diabetes' }).waitFor();
    await expect.poll(() => itemTitles(library)).toEqual(['Type 2 diabetes - NHS', 'Managing your diabetes | Diabetes UK', 'Foot care - NHS', 'Hypos | Diabetes UK']);
    // The removed page is still in the library.
    await library.goto(library.url().replace(/#.*$/, '#'));
    await library.getByText('My first weeks after diagnosis - forum').first().waitFor();
    expect(server.jsonRequests(PATH).every((r) => r.cookie === undefined)).toBe(true);
    await library.close();
  });

  it('shares a list as a link and opens it: the import preview, then a new collection', async () => {
    const { ext } = session;
    const library = await openLibrary(ext, '#subscriptions');
    await followRow(library).getByRole('link', { name: 'First steps with type 2 diabetes' }).click();
    await library.getByRole('heading', { level: 1, name: 'First steps with type 2 diabetes' }).waitFor();

    const share = library.getByTestId('share-link');
    await share.getByRole('button', { name: 'Share as a link' }).click();
    const field = share.getByLabel(/^The link/);
    await field.waitFor();
    const link = await field.inputValue();
    expect(link).toMatch(new RegExp(`^chrome-extension://${ext.extensionId}/library\\.html#share=v1\\.[A-Za-z0-9_-]+$`));
    expect(link.length).toBeLessThan(2_000);
    await share.getByRole('img', { name: 'QR code of the share link' }).waitFor();
    await screenshot(library, 'share-link-made');

    const opened = await ext.context.newPage();
    await opened.goto(link);
    const preview = opened.getByTestId('import-preview');
    await preview.waitFor();
    await preview.getByText('From a share link', { exact: false }).waitFor();
    // Every page is already in this library (from the followed list), so none is saved twice.
    expect(await preview.locator('[data-count="existing-pages"]').textContent()).toMatch(/^4 already in your library/);
    expect(new URL(opened.url()).hash).toBe('#import');
    await screenshot(opened, 'share-link-opened');
    await preview.getByRole('button', { name: 'Add to my library' }).click();
    await opened.getByRole('heading', { level: 1, name: 'First steps with type 2 diabetes' }).waitFor();
    await expect.poll(() => itemTitles(opened)).toEqual(['Type 2 diabetes - NHS', 'Managing your diabetes | Diabetes UK', 'Foot care - NHS', 'Hypos | Diabetes UK']);

    // A damaged link says so and adds nothing.
    await opened.goto(link.slice(0, -30));
    await opened.getByText(/This link is incomplete or damaged/).waitFor();
    await opened.close();
    await library.close();
  });

  it('checks on a schedule only when asked to, and then only flags the changes', async () => {
    const { server, ext } = session;
    const library = await openLibrary(ext, '#subscriptions');
    const row = followRow(library);
    await row.waitFor();
    await row.getByLabel('Check for changes').selectOption('daily');
    await row.getByText(/will check www\.diabetes-support-group\.org\.uk once a day/).waitFor();
    session.expectUserRequests(FILE_ADDRESS, 'the daily check the user turned on for a followed collection', 'service-worker');
    // getAll, not get: in this service worker alarms.get threw "not available in this context" (Chromium 156) while getAll worked.
    const alarm = await ext.worker.evaluate(async () => (await chrome.alarms.getAll()).find((a) => a.name === 'hc-subscription-checks'));
    expect(alarm).toMatchObject({ name: 'hc-subscription-checks', periodInMinutes: 60 });

    // The moderator adds a page; a day passes (the last check is moved back); the alarm fires.
    const requests = server.jsonRequests(PATH).length;
    server.serveJson(PATH, V2.replace('"items": [', `"items": [${JSON.stringify({ url: 'https://www.nhs.uk/live-well/eat-well/', canonicalUrl: 'https://www.nhs.uk/live-well/eat-well/', title: 'Eat well - NHS', sourceType: 'official', note: 'New this week.' })},`), { etag: '"v3"' });
    await library.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, no) => {
        const open = indexedDB.open('health-clipper');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => no(open.error);
      });
      const store = db.transaction('collections', 'readwrite').objectStore('collections');
      const rows = await new Promise<Array<{ subscription?: { checkedAt: string } }>>((ok) => {
        const all = store.getAll();
        all.onsuccess = () => ok(all.result);
      });
      for (const row of rows) if (row.subscription) store.put({ ...row, subscription: { ...row.subscription, checkedAt: '2026-01-01T00:00:00.000Z' } });
      db.close();
    });
    await ext.worker.evaluate(() => {
      (chrome.alarms.onAlarm as unknown as { dispatch(alarm: unknown): void }).dispatch({ name: 'hc-subscription-checks', scheduledTime: Date.now() });
    });
    await row.getByTestId('changes-waiting').waitFor();
    expect(server.jsonRequests(PATH).slice(requests)).toEqual([{ status: 200, ifNoneMatch: '"v2"' }]);
    // Nothing was applied by itself.
    expect(await row.locator('.hc-row__meta').textContent()).toContain('4 items');
    await screenshot(library, 'subscribe-changes-waiting');

    await row.getByRole('button', { name: 'Check now' }).click();
    const changes = row.getByTestId('changes-preview');
    await changes.getByText('1 item added', { exact: false }).waitFor();
    expect(await changes.getByRole('list', { name: 'Added' }).textContent()).toContain('Eat well - NHS');
    await changes.getByRole('button', { name: 'Not now' }).click();

    // Off again (the only schedule): the alarm goes and the permission is given back.
    await row.getByLabel('Check for changes').selectOption('off');
    await row.getByText('Scheduled checks are off for this collection.').waitFor();
    expect(await library.evaluate(() => chrome.permissions.contains({ permissions: ['alarms'] }))).toBe(false);
    await library.close();
  });
});
