import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clipIdsOf, collectionSchema, type CollectionInput } from '../../lib/model/collection';
import { buildHostilePages } from '../fixtures/hostile/pages';
import { HOSTILE_NOTE, HOSTILE_VECTORS } from '../fixtures/hostile/vectors';
import {
  expectUserRequests,
  highlightPhraseFromMenu,
  launchWithExtension,
  openLibrary,
  openPopup,
  openSidePanel,
  putRecords,
  readRecords,
  removeProfile,
  screenshot,
  tabIdFor,
  type ExtensionBrowser,
} from './harness';
import {
  installDetectors,
  reportOf,
  reportOfAllWorlds,
  reportOfWorker,
  startHostileServer,
  type ContextReport,
  type HostileServer,
} from './hostile-helpers';

/**
 * Hostile pages (issue 8, item 1): three health articles carrying the
 * vectors of tests/fixtures/hostile/vectors.ts are clipped from the popup,
 * highlighted from the context menu, annotated with a hostile note in the
 * side panel, and then shown everywhere the extension shows a clip: the
 * library list, the reader view (with and without images), all highlights,
 * the print views of a reading list and a prescription, and the downloads
 * (Markdown, web page, collection file, CSV, backup; the web page is opened
 * as a user would open it).
 *
 * Why an execution can only be ours: each fixture page starts with a CSP
 * that forbids script, frames, fetches and form targets on the page itself
 * (tests/fixtures/hostile/pages.ts), so the page's own copies are inert;
 * the spec checks that before clipping (no flag, no beacon) and that the
 * page's CSP did block them (so the detector is live). After that, a flag
 * in any page or world, a request to /__pwned/ on the fixture server, or a
 * CSP violation on an extension page can only come from the extension
 * re-rendering what it clipped. A CSP violation on an extension page counts
 * as a failure too: the sanitiser is the defence, the CSP the second layer.
 */

const PAGES = buildHostilePages();
const NOW = new Date().toISOString();
let server: HostileServer;
let ext: ExtensionBrowser;
const reports: ContextReport[] = [];

beforeAll(async () => {
  server = await startHostileServer(new Map(PAGES.map((p) => [p.file, p.html])));
  ext = await launchWithExtension(server, undefined, {
    userRequests: [{ url: /^https:\/\/images\.test\//, why: 'the reader’s “Show images” on a hostile clip', from: 'extension-page' }],
  });
  await installDetectors(ext.context);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  if (ext) await removeProfile(ext.profileDir);
});

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

interface StoredClip {
  id: string;
  kind: string;
  title: string;
  url: string;
}

/** Every clip in the extension's database, read from an extension page. */
async function storedClips(page: Page): Promise<StoredClip[]> {
  return ((await readRecords(page, 'clips')) as StoredClip[]).map(({ id, kind, title, url }) => ({ id, kind, title, url }));
}

/** Ids of every highlight, read the same way. */
async function storedHighlightIds(page: Page): Promise<{ id: string; clipId: string }[]> {
  return ((await readRecords(page, 'highlights')) as { id: string; clipId: string }[]).map(({ id, clipId }) => ({ id, clipId }));
}

/** Elements, attributes and addresses that must never appear in anything we render. */
function dangerousNodes(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const found: string[] = [];
    for (const root of document.querySelectorAll(sel)) {
      for (const el of root.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        // Anywhere: what runs or frames something. In clipped content also what submits, restyles or re-bases.
        const clipped = root.matches('.hc-reader__content, .hc-doc');
        const own = tag === 'script' && /^(chrome-extension:|\/)/.test(el.getAttribute('src') ?? '') && location.protocol === 'chrome-extension:';
        if (!own && ['script', 'iframe', 'frame', 'object', 'embed', 'base', 'portal', 'fencedframe', 'meta'].includes(tag)) found.push(`<${tag}>`);
        if (clipped && ['form', 'link', 'style', 'template', 'input', 'textarea', 'button', 'select'].includes(tag)) found.push(`<${tag}> in clipped content`);
        if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml' && tag !== 'svg' && !root.closest('svg')) found.push(`foreign <${tag}>`);
        for (const attr of el.attributes) {
          const name = attr.name.toLowerCase();
          if (name.startsWith('on') || name === 'srcdoc' || name === 'srcset' || name === 'formaction' || name === 'action') found.push(`${tag}[${name}]`);
          // Our own components set inline styles; inside clipped content a style attribute came from the page.
          if (name === 'style' && root.matches('.hc-reader__content')) found.push(`${tag}[style] in clipped content`);
          if (/^\s*(javascript|data:text|vbscript)/i.test(attr.value.replace(/[\u0000-\u0020]/g, ''))) found.push(`${tag}[${name}=${attr.value.slice(0, 30)}]`);
          if ((name === 'id' || name === 'name') && !root.contains(document.getElementById(attr.value))) found.push(`${tag}[${name}=${attr.value}] outside our ids`);
        }
      }
    }
    return found;
  }, selector);
}

/** Selects the whole <article> of a hostile page, through built-ins its named elements cannot hide. */
async function selectArticle(page: Page): Promise<void> {
  await page.evaluate(() => {
    const article = Document.prototype.querySelector.call(document, 'article');
    if (!article) throw new Error('no <article> on the page');
    const range = Document.prototype.createRange.call(document);
    range.selectNodeContents(article);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
  });
}

async function record(page: Page, where: string): Promise<void> {
  reports.push(await reportOf(page, where));
}

describe('hostile pages: clipped, highlighted and shown everywhere without running anything', () => {
  it(`clips ${PAGES.length} pages carrying ${HOSTILE_VECTORS.length} vectors, highlights them and notes them in the side panel`, async () => {
    const messenger = await openLibrary(ext);
    for (const hostile of PAGES) {
      const started = Date.now();
      const page = await ext.context.newPage();
      const address = server.urlOf(hostile.file);
      await page.goto(address);
      const tabId = await tabIdFor(ext.worker, page.url());
      await page.waitForTimeout(300);
      // The page's own copies are inert, and its CSP saw them (the recorder works).
      const before = await reportOf(page, `${hostile.file} before clipping`);
      expect(before.pwned).toEqual([]);
      expect(before.violations.length).toBeGreaterThan(5);
      expect(server.beacons()).toEqual([]);

      const popup = await openPopup(ext, tabId);
      await popup.getByRole('button', { name: 'Save page' }).click();
      await popup.getByText(/^Saved/).waitFor();
      await record(popup, `popup for ${hostile.file}`);
      await popup.close();

      await page.bringToFront();
      // The page's autofocus vectors hold the focus; a reader clicks into the text first, which takes it away.
      await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
      await highlightPhraseFromMenu(ext, page, tabId, hostile.highlightPhrase, 'important');
      if (hostile.markupPhrase) await highlightPhraseFromMenu(ext, page, tabId, hostile.markupPhrase, 'question');

      const panel = await openSidePanel(ext, tabId);
      const item = panel.locator('.hc-highlight').first();
      await item.waitFor();
      await item.getByLabel('Note').fill(HOSTILE_NOTE);
      await item.getByRole('button', { name: 'Save note' }).click();
      await item.getByText('Note saved.').waitFor();
      await panel.reload();
      await panel.locator('.hc-highlight').first().waitFor();
      expect(await panel.locator('.hc-highlight').count()).toBe(hostile.markupPhrase ? 2 : 1);
      expect(await dangerousNodes(panel, 'body')).toEqual([]);
      await record(panel, `side panel for ${hostile.file}`);
      if (hostile === PAGES[0]) await screenshot(panel, 'hostile-side-panel');
      await panel.close();

      // The whole article saved as a selection too: that path skips Readability, so every vector
      // in the article reaches the sanitiser (in the page) and the reader (in the library).
      await selectArticle(page);
      const saved = await messenger.evaluate(
        async ({ id, note }) => (await chrome.runtime.sendMessage({ type: 'clipTab', input: { tabId: id, mode: 'selection', tags: ['asthma <b>'], note } })) as { ok: boolean; error?: { message: string } },
        { id: tabId, note: HOSTILE_NOTE },
      );
      expect(saved.error?.message).toBeUndefined();
      expect(saved.ok).toBe(true);

      // After clipping and highlighting: no new violation on the page (nothing we put there tried to run),
      // no flag in the page's main world or our isolated world, and the page did not navigate away.
      // Only attempts to run, frame, fetch or submit count here, and only those attributed to the page
      // itself. Chromium checks the policy when our isolated-world code parses HTML into a window-less
      // document (DOMPurify's DOMParser, the clone Readability reads): those reports name our script
      // as the source and target the document, and nothing in such a document can run. A handler that
      // really fires (a copy made in the live page, as saving a selection once did) is reported with
      // the page as its source, and is counted.
      const after = await reportOf(page, `${hostile.file} after clipping`);
      const fresh = after.violations.slice(before.violations.length);
      const attempts = fresh.filter((v) => /^(script-src|object-src|frame-src|child-src|worker-src|connect-src|form-action)/.test(v) && !v.includes(' | chrome-extension | '));
      console.log(`${hostile.file}: ${fresh.length - attempts.length} policy checks while our code parsed the page's HTML in a window-less document (not executions)`);
      expect(attempts).toEqual([]);
      reports.push(after, ...(await reportOfAllWorlds(page, hostile.file)));
      expect(page.url()).toBe(address);
      await page.close();
      console.log(`${hostile.file}: ${hostile.vectors.length} vectors, clipped, highlighted and noted in ${Date.now() - started} ms`);
    }
    const kinds = (await storedClips(messenger)).map((c) => c.kind).sort();
    expect(kinds).toEqual([...PAGES.map(() => 'article'), ...PAGES.map(() => 'selection')]);
    await record(messenger, 'library page that sent the messages');
    await messenger.close();
  });

  it('shows them in the library list, the reader (with and without images) and all highlights, with their text', async () => {
    const library = await openLibrary(ext);
    const clips = await storedClips(library);
    await library.locator('.hc-row__title').nth(PAGES.length - 1).waitFor();
    expect(await dangerousNodes(library, 'body')).toEqual([]);
    await record(library, 'library list');
    // Search: passages with marked words come from the search worker; the page text in them stays text.
    await library.getByLabel('Search your library').fill('inhaler');
    // A page saying "constructor" once stopped the search worker ("Search stopped working").
    await library.locator('#hc-list-status[data-answers="inhaler"]', { hasText: /found/ }).waitFor({ timeout: 15_000 });
    await library.locator('.hc-row mark').first().waitFor();
    expect(await dangerousNodes(library, 'body')).toEqual([]);
    await record(library, 'library search results');
    expect(library.workers().length).toBeGreaterThan(0);
    for (const worker of library.workers()) reports.push(await reportOfWorker(worker, `library search worker ${worker.url().replace(/^.*\//, '')}`));

    for (const clip of clips) {
      const hostile = PAGES.find((p) => clip.url.endsWith(p.file));
      expect(hostile, `clip ${clip.url} is one of ours`).toBeDefined();
      // A fresh page per clip: after a hash change the previous clip's reader would still match the locator for a moment.
      const reader = await openLibrary(ext, `#clip=${encodeURIComponent(clip.id)}`);
      const content = reader.locator(clip.kind === 'selection' ? 'blockquote.hc-reader__content' : 'article.hc-reader__content');
      await content.waitFor();
      const text = squash((await content.innerText()).replace(/\n/g, ' '));
      const missing = hostile!.paragraphs.filter((p) => !text.includes(p));
      expect(missing, `paragraphs lost from ${hostile!.file}`).toEqual([]);
      expect(await dangerousNodes(reader, '.hc-reader__content')).toEqual([]);
      await record(reader, `reader ${hostile!.file} ${clip.kind}`);
      if (hostile === PAGES[0]) await screenshot(reader, `hostile-reader-${clip.kind}`);
      const show = reader.getByRole('button', { name: 'Show images' });
      if (await show.count()) {
        await show.click();
        await reader.waitForTimeout(300);
        expect(await dangerousNodes(reader, '.hc-reader__content')).toEqual([]);
        await record(reader, `reader ${hostile!.file} ${clip.kind} with images`);
      }
      // The words of each vector: Readability leaves most vector blocks out of an article (too little
      // text), but a selection keeps them all, and none may be lost to the sanitiser.
      const worded = hostile!.vectors.filter((v) => v.survivingText);
      const kept = worded.filter((v) => text.includes(v.survivingText!));
      console.log(`${hostile!.file} (${clip.kind}): ${kept.length} of ${worded.length} vectors' visible words shown in the reader`);
      if (clip.kind === 'selection') expect(worded.filter((v) => !kept.includes(v)).map((v) => v.id)).toEqual([]);
      await reader.close();
    }

    await library.goto(`${library.url().replace(/#.*$/, '')}#highlights`);
    await library.getByText(PAGES[0]!.highlightPhrase).first().waitFor();
    expect(await library.getByText('Ask about').count()).toBeGreaterThan(0);
    expect(await dangerousNodes(library, 'body')).toEqual([]);
    await record(library, 'all highlights');
    await library.close();
  });

  it('prints a reading list and a prescription of them, and every download stays inert, with the text', async () => {
    const library = await openLibrary(ext);
    const clips = await storedClips(library);
    const highlights = await storedHighlightIds(library);
    const put = async (input: CollectionInput) => {
      const collection = collectionSchema.parse(input);
      await putRecords(library, 'collections', [{ ...collection, clipIds: clipIdsOf(collection) }]);
      return collection;
    };
    const items = clips.map((c, i) => {
      const h = highlights.find((x) => x.clipId === c.id);
      return { id: `item-${i}`, clipId: c.id, note: HOSTILE_NOTE, ...(h ? { highlightId: h.id } : {}) };
    });
    const reading = await put({
      kind: 'reading-list',
      id: 'hostile-reading-list',
      title: 'Hostile reading list <img src=x onerror=alert(1)>',
      createdAt: NOW,
      updatedAt: NOW,
      whatMatters: HOSTILE_NOTE,
      items,
      questions: [{ id: 'q-1', text: HOSTILE_NOTE, answered: false, answer: '' }],
    });
    const rx = await put({
      kind: 'prescription',
      id: 'hostile-prescription',
      title: 'Hostile prescription',
      createdAt: NOW,
      updatedAt: NOW,
      condition: '<svg onload=alert(1)>Asthma',
      prescriber: { service: '<script>alert(1)</script>Surgery', clinician: 'Dr X', contact: 'javascript:alert(1)' },
      isTemplate: false,
      issuedAt: NOW,
      patientName: '<img src=x onerror=alert(1)>',
      items,
      support: [{ id: 's-1', name: 'Helpline <b onmouseover=alert(1)>', contact: 'javascript:alert(1)', note: HOSTILE_NOTE }],
    });

    for (const list of [reading, rx]) {
      const print = await ext.context.newPage();
      await print.goto(`chrome-extension://${ext.extensionId}/print.html#id=${encodeURIComponent(list.id)}`);
      await print.locator('.hc-doc').waitFor();
      await print.waitForTimeout(200);
      const text = squash(await print.locator('.hc-doc').innerText());
      expect(text).toContain('Ask about');
      for (const clip of clips) expect(text).toContain(squash(clip.title).slice(0, 30));
      expect(await dangerousNodes(print, '.hc-doc')).toEqual([]);
      await record(print, `print ${list.kind}`);
      await screenshot(print, `hostile-print-${list.kind}`);
      await print.close();
    }

    const editor = await openLibrary(ext, `#list=${reading.id}`);
    await editor.getByRole('button', { name: 'Download Markdown' }).waitFor();
    const download = async (button: string): Promise<{ name: string; text: string; file: string }> => {
      const [d] = (await Promise.all([editor.waitForEvent('download'), editor.getByRole('button', { name: button }).click()])) as [Download, void];
      const file = await d.path();
      return { name: d.suggestedFilename(), text: readFileSync(file, 'utf8'), file };
    };
    const markdown = await download('Download Markdown');
    const html = await download('Download web page');
    const json = await download('Download collection file (.json)');
    const csv = await download('Download CSV');
    await record(editor, 'reading list editor after downloads');

    // Markdown: user text never becomes raw HTML or a javascript: link.
    // Markdown escapes a < with a backslash, which shows it as text; an unescaped one would be HTML.
    expect(markdown.text).not.toMatch(/(^|[^\\])<(img|script|svg)\b/im);
    expect(markdown.text).not.toMatch(/\]\(\s*javascript:/i);
    expect(markdown.text).toContain('Ask about');
    // CSV: no cell starts with a formula.
    for (const line of csv.text.split(/\r?\n/)) for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
    // The collection file parses and carries the note as text.
    expect(JSON.stringify(JSON.parse(json.text))).toContain('Ask about');
    // The web page download opened as a user would open it: from disk, in the browser.
    const opened = await ext.context.newPage();
    await opened.goto(`file://${html.file}`);
    await opened.locator('body').waitFor();
    await opened.waitForTimeout(300);
    expect(squash(await opened.locator('body').innerText())).toContain('Ask about');
    expect(await dangerousNodes(opened, 'body')).toEqual([]);
    await record(opened, `downloaded ${html.name}`);
    await opened.close();
    await editor.close();

    const settings = await openLibrary(ext, '#settings');
    const [backup] = await Promise.all([settings.waitForEvent('download'), settings.getByRole('button', { name: 'Back up now' }).click()]);
    const backupText = readFileSync(await backup.path(), 'utf8');
    const parsed: unknown = JSON.parse(backupText);
    expect(JSON.stringify(parsed)).toContain(PAGES[0]!.paragraphs[0]);
    await record(settings, 'settings after backup');
    await settings.close();
    await library.close();
  });

  it('ran nothing anywhere: no flag, no polluted prototype, no CSP violation on our pages, no beacon', async () => {
    reports.push(await reportOfWorker(ext.worker, 'service worker'));
    const executed = reports.filter((r) => r.pwned.length);
    const polluted = reports.filter((r) => r.polluted !== undefined);
    const blocked = reports.filter((r) => !/ (before|after) clipping$/.test(r.where) && r.violations.length);
    console.log(
      `hostile pages: ${HOSTILE_VECTORS.length} vectors, ${reports.length} contexts checked, ` +
        `${executed.length} with a flag, ${polluted.length} polluted, ${blocked.length} with CSP violations, ` +
        `${server.beacons().length} beacons, ${server.loads().length} remote loads`,
    );
    // Remote loads are not executions; listed so a reader can see who made them (the web page itself, or "Show images").
    for (const load of server.loads()) console.log(`remote load ${load.path} (${load.dest}, ${load.site || 'no fetch site'}, from ${load.referer || load.origin || 'no referrer'})`);
    expect(executed).toEqual([]);
    expect(polluted).toEqual([]);
    expect(blocked).toEqual([]);
    expect(server.beacons()).toEqual([]);
    // Every context the brief names was looked at.
    for (const where of ['popup', 'side panel', 'library list', 'library search results', 'search worker', 'reader', 'all highlights', 'print reading-list', 'print prescription', 'downloaded', 'service worker', 'isolated world']) {
      expect(reports.some((r) => r.where.includes(where)), where).toBe(true);
    }
  });

  it('would have noticed: a payload run on an extension page raises the flag and the beacon, and an inline handler a CSP violation', async () => {
    const library = await openLibrary(ext);
    expectUserRequests(ext, /\/__pwned\/control-fetch$/, 'the detector’s own control request', 'extension-page');
    await library.evaluate(() => fetch('https://pwned.test/__pwned/control-fetch').then(() => undefined));
    await expect.poll(() => server.beacons().map((b) => b.path)).toContain('/__pwned/control-fetch');
    await library.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="x" onerror="self.__hcPwned=[1]">'));
    await expect.poll(async () => (await reportOf(library, 'control')).violations.length).toBeGreaterThan(0);
    await library.close();
  });
});

declare const chrome: typeof import('wxt/browser').browser;
