import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closedShadow,
  launchWithExtension,
  openLibrary,
  openPopup,
  readRecords,
  removeProfile,
  screenshot,
  startFixtureServer,
  tabIdFor,
  waitForClosedShadowText,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

/** The extension API as seen inside the service worker. */
declare const chrome: typeof import('wxt/browser').browser;

/**
 * Every flow with the keyboard alone (issue 9): Tab, Shift+Tab, Enter, Space,
 * the arrow keys and Escape, never the mouse or element.click(). At every
 * stop the focused element must be on screen, not hidden, and wear a visible
 * focus ring. Text in a web page is selected with caret browsing (F7 in
 * Chromium and Firefox), turned on here in the profile's preferences because
 * F7 asks in browser UI a test cannot reach.
 */

let server: FixtureServer;
let ext: ExtensionBrowser;
let profileDir: string;
/** Every focus stop checked, for the report line at the end. */
let stops = 0;
/** The NHS page, kept open from the first test: opening the popup on it (activeTab) put the highlight toolbar there. */
let nhsPage: Page | undefined;
const started = Date.now();

beforeAll(async () => {
  server = await startFixtureServer();
  profileDir = mkdtempSync(join(tmpdir(), 'hc-keyboard-'));
  mkdirSync(join(profileDir, 'Default'), { recursive: true });
  writeFileSync(join(profileDir, 'Default', 'Preferences'), JSON.stringify({ settings: { a11y: { caretbrowsing: { enabled: true } } } }));
  ext = await launchWithExtension(server, profileDir);
});
afterAll(async () => {
  console.log(`keyboard.spec: ${stops} focus stops checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await ext?.close();
  await server?.close();
  if (profileDir) await removeProfile(profileDir);
});

interface Focus {
  /** Tag and accessible name, for messages. */
  what: string;
  name: string;
  onBody: boolean;
  /** The host of one of our closed shadow roots, which page scripts cannot look into. */
  closedHost?: string;
  shown: boolean;
  ring: string;
}

/** The focused element, through open shadow roots: is it on screen, and how is its focus drawn? */
const readFocus = (page: Page): Promise<Focus> =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { what: 'body', name: '', onBody: true, shown: false, ring: '' };
    const name = (
      el.getAttribute('aria-label') ??
      ((el as HTMLInputElement).labels?.[0]?.textContent || (el.tagName === 'SUMMARY' || el.tagName === 'BUTTON' || el.tagName === 'A' ? el.textContent : '') || '')
    ).trim();
    const what = `<${el.tagName.toLowerCase()}> “${name}”`;
    if (el.tagName.includes('-') && !el.shadowRoot) return { what, name, onBody: false, closedHost: el.tagName.toLowerCase(), shown: true, ring: '' };
    const rect = el.getBoundingClientRect();
    const shown = rect.width > 0 && rect.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && !el.closest('[hidden], [aria-hidden="true"], [inert]');
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 ? `outline ${style.outlineWidth} ${style.outlineStyle}` : '';
    const shadow = style.boxShadow !== 'none' ? `box-shadow ${style.boxShadow}` : '';
    return { what, name, onBody: false, shown, ring: [outline, shadow].filter(Boolean).join(', ') };
  });

/** Inside a closed shadow root only the DevTools protocol can see which control has focus and how it is drawn. */
async function readShadowFocus(page: Page, hostTag: string): Promise<Focus> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const controls: number[] = [];
    const walk = (node: CdpNode, inside: boolean): void => {
      const here = inside || node.nodeName === hostTag.toUpperCase();
      if (here && (node.nodeName === 'BUTTON' || node.nodeName === 'TEXTAREA')) controls.push(node.backendNodeId);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child, here);
    };
    walk(root, false);
    for (const backendNodeId of controls) {
      const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId })) as { object: { objectId: string } };
      const { result } = (await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        returnByValue: true,
        functionDeclaration: `function () {
          if (this.getRootNode().activeElement !== this) return null;
          const s = getComputedStyle(this), r = this.getBoundingClientRect();
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? 'outline ' + s.outlineWidth + ' ' + s.outlineStyle : '';
          const shadow = s.boxShadow !== 'none' ? 'box-shadow ' + s.boxShadow : '';
          const name = (this.getAttribute('aria-label') || this.textContent || '').trim();
          return { what: '<' + this.tagName.toLowerCase() + '> “' + name + '” in <${hostTag}>', name, onBody: false,
            shown: r.width > 0 && r.height > 0 && this.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && !this.closest('[hidden]'),
            ring: [outline, shadow].filter(Boolean).join(', ') };
        }`,
      })) as { result: { value: Focus | null } };
      if (result.value) return result.value;
    }
    return { what: `nothing in <${hostTag}>`, name: '', onBody: false, shown: false, ring: '' };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

interface CdpNode {
  backendNodeId: number;
  nodeName: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** Fails unless focus is on something shown, with a focus ring one can see (WCAG 2.4.7, 2.4.11). */
async function expectVisibleFocus(page: Page, step: string): Promise<Focus> {
  let focus = await readFocus(page);
  if (focus.closedHost) focus = await readShadowFocus(page, focus.closedHost);
  stops++;
  if (focus.onBody) throw new Error(`${step}: focus is on nothing (the page body)`);
  if (!focus.shown) throw new Error(`${step}: focus is on ${focus.what}, which cannot be seen`);
  if (!focus.ring) throw new Error(`${step}: ${focus.what} has no focus ring`);
  return focus;
}

/** Presses Tab (or Shift+Tab) until the focused element's name matches, checking every stop on the way. */
async function tabTo(page: Page, name: string | RegExp, { back = false, max = 60 } = {}): Promise<Focus> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focus = await expectVisibleFocus(page, `Tab towards “${String(name)}”`);
    if (typeof name === 'string' ? focus.name === name : name.test(focus.name)) return focus;
  }
  throw new Error(`${max} presses of ${back ? 'Shift+Tab' : 'Tab'} never reached “${String(name)}”`);
}

/** Opens a fixture page in a new tab and gives its tab id. */
async function openFixture(name: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.context.newPage();
  await page.goto(server.urlOf(name));
  return { page, tabId: await tabIdFor(ext.worker, page.url()) };
}

/** Saves a page from the popup with the keyboard; gives the popup, still open. */
async function saveWithKeyboard(tabId: number): Promise<Page> {
  const popup = await openPopup(ext, tabId);
  await popup.getByRole('button', { name: 'Save page' }).waitFor();
  await tabTo(popup, 'Save page');
  await popup.keyboard.press('Enter');
  await popup.getByRole('status').getByText(/^Saved/).waitFor();
  return popup;
}

const liveText = (page: Page, role: 'status' | 'alert') =>
  page.getByRole(role).evaluateAll((els) => els.map((e) => e.textContent?.trim() ?? '').filter(Boolean));

describe('everything with the keyboard alone (issue 9)', () => {
  let listId = '';
  let exported = '';

  it('clips a page from the popup, adds and removes tags, and lists the shortcuts', async () => {
    const charity = await openFixture('charity-guide.html');
    (await saveWithKeyboard(charity.tabId)).close();

    const nhs = await openFixture('nhs-condition-page.html');
    const popup = await saveWithKeyboard(nhs.tabId);
    // "Save page" went away with the save: focus moved on to the tags, not to nothing.
    const afterSave = await expectVisibleFocus(popup, 'after saving');
    expect(afterSave.name).toBe('Tags');

    await popup.keyboard.type('diabetes');
    await popup.keyboard.press('Enter');
    await popup.keyboard.type('tired');
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.locator('.hc-tag').allTextContents()).toEqual(['diabetes×', 'tired×']);
    expect(await liveText(popup, 'status')).toContain('Tag added: tired.');
    // Back to the chip's remove button, press it: the tag goes, it is said, and focus returns to the text box.
    await tabTo(popup, 'Remove tag tired', { back: true });
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.locator('.hc-tag').allTextContents()).toEqual(['diabetes×']);
    expect(await liveText(popup, 'status')).toContain('Tag removed: tired.');
    expect((await expectVisibleFocus(popup, 'after removing a tag')).name).toBe('Tags');
    await tabTo(popup, 'Save tags and note');
    await screenshot(popup, 'keyboard-popup-tags');
    await popup.keyboard.press('Space');
    await popup.getByRole('status').getByText('Your tags and note are saved.').waitFor();

    // The shortcuts, as the browser has them, and the way to change them.
    await tabTo(popup, 'Keyboard shortcuts');
    await popup.keyboard.press('Enter');
    const rows = await popup.locator('.hc-shortcuts__row').evaluateAll((els) => els.map((e) => [e.getAttribute('data-command'), e.querySelector('dt')?.textContent, e.querySelector('dd')?.textContent]));
    expect(rows).toEqual(
      expect.arrayContaining([
        ['save-page', 'Alt+Shift+S', 'Save the selected text, or the whole page if nothing is selected'],
        ['highlight-selection', 'Alt+Shift+L', 'Highlight the selected text as important (and save the page)'],
        ['_execute_action', 'Alt+Shift+H', 'Open Health Clipper'],
      ]),
    );
    expect(rows).toHaveLength(3);
    await tabTo(popup, 'Change shortcuts');
    await screenshot(popup, 'keyboard-popup-shortcuts');
    const [settings] = await Promise.all([ext.context.waitForEvent('page'), popup.keyboard.press('Enter')]);
    await expect.poll(() => settings?.url()).toBe('chrome://extensions/shortcuts');
    await settings?.close();
    await popup.close();
    nhsPage = nhs.page;
    const library = await openLibrary(ext);
    const clips = (await readRecords(library, 'clips')) as { url: string; tags: string[] }[];
    expect(clips.find((c) => c.url.includes('nhs'))?.tags).toEqual(['diabetes']);
    await library.close();
  });

  it('highlights text selected with caret browsing through the in-page toolbar, and gives focus back', async () => {
    const page = nhsPage;
    if (!page) throw new Error('the first test did not leave the page open');
    await page.bringToFront();
    // Skip link, then down into the article with the caret, and select to the end of a line.
    await tabTo(page, /skip/i);
    await page.keyboard.press('Enter');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+End');
    const selected = (await page.evaluate(() => getSelection()?.toString() ?? '')).trim();
    expect(selected.length).toBeGreaterThan(10);
    await waitForClosedShadowText(page, 'hc-selection-toolbar', 'Press Tab to highlight this text. Press Escape to close.').then((s) => s.detach());
    // Tab goes into the toolbar; the arrows move along it.
    await page.keyboard.press('Tab');
    expect((await expectVisibleFocus(page, 'Tab into the toolbar')).name).toMatch(/Question to ask$/);
    await page.keyboard.press('ArrowRight');
    expect((await expectVisibleFocus(page, 'ArrowRight in the toolbar')).name).toMatch(/Important$/);
    await screenshot(page, 'keyboard-toolbar', { fullPage: false });
    // Escape closes it and puts the selection and focus back.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => getSelection()?.toString().trim())).toBe(selected);
    // Focus comes back to the page once the toolbar has closed (a task later than the selection, under load).
    await expect.poll(async () => (await readFocus(page)).closedHost).toBeUndefined();
    // Select again (the toolbar comes back), and this time highlight.
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (CSS.highlights.get('hc-important')?.size ?? 0) > 0, undefined, { timeout: 15_000 });
    await waitForClosedShadowText(page, 'hc-selection-toolbar', /saved/i).then((s) => s.detach());
    // The toolbar hides itself after a moment; focus must not stay on its hidden buttons.
    await expect.poll(async () => (await closedShadow(page, 'hc-selection-toolbar').then(async (s) => { await s?.detach(); return s?.texts.includes('Question to ask'); })) ?? false, { timeout: 5_000 }).toBe(true);
    await expect.poll(() => readFocus(page).then((f) => f.closedHost ?? 'page'), { timeout: 6_000 }).toBe('page');
    await expect.poll(() => page.evaluate(() => getSelection()?.toString().trim())).toBe(selected);
    await page.close();
  });

  it('builds a reading list: create, add through the picker, reorder', async () => {
    const library = await openLibrary(ext, '#lists');
    await library.getByRole('button', { name: 'New reading list' }).waitFor();
    await tabTo(library, 'New reading list');
    await library.keyboard.press('Enter');
    await library.waitForURL(/#list=/);
    listId = decodeURIComponent(new URL(library.url()).hash.replace('#list=', ''));
    await library.getByRole('button', { name: 'Add pages or highlights' }).waitFor();
    await tabTo(library, 'Add pages or highlights');
    await library.keyboard.press('Enter');
    await expect.poll(() => readFocus(library).then((f) => f.name)).toBe('Search your library');
    await expectVisibleFocus(library, 'picker search');
    await library.locator('.hc-picker__list > li').nth(1).waitFor();
    // Tick both pages, whichever comes first.
    for (let i = 0; i < 2; i++) {
      await tabTo(library, /^(Hypos|Type 2 diabetes)/);
      await library.keyboard.press('Space');
    }
    await screenshot(library, 'keyboard-picker');
    await tabTo(library, 'Add 2 to the list');
    await library.keyboard.press('Enter');
    const titles = () => library.locator('.hc-item .hc-item__title a').allTextContents();
    await expect.poll(titles).toHaveLength(2);
    const [first, second] = await titles();
    await expectVisibleFocus(library, 'after adding');
    // Focus went back to "Add pages or highlights", below the items: back up to the second item's "Move up".
    await tabTo(library, /^Move up/, { back: true });
    await library.keyboard.press('Enter');
    await expect.poll(titles).toEqual([second, first]);
    expect(await library.getByTestId('announcer').textContent()).toMatch(/to position 1 of 2\.$/);
    await expectVisibleFocus(library, 'after moving');
    await screenshot(library, 'keyboard-list-reordered');
    await library.close();
  });

  it('exports the list and a backup, and imports the list file back', async () => {
    const library = await openLibrary(ext, `#list=${encodeURIComponent(listId)}`);
    await library.getByRole('button', { name: 'Download collection file (.json)' }).waitFor();
    await tabTo(library, 'Download collection file (.json)');
    const [download] = await Promise.all([library.waitForEvent('download'), library.keyboard.press('Enter')]);
    exported = join(profileDir, download.suggestedFilename());
    await download.saveAs(exported);
    expect(JSON.parse(readFileSync(exported, 'utf8'))).toMatchObject({ format: expect.stringMatching(/collection/) });
    await expectVisibleFocus(library, 'after the download');

    await library.goto(library.url().replace(/#.*/, '#settings'));
    await library.getByRole('button', { name: 'Back up now' }).waitFor();
    await tabTo(library, 'Back up now');
    const [backup] = await Promise.all([library.waitForEvent('download'), library.keyboard.press('Enter')]);
    expect(backup.suggestedFilename()).toMatch(/^health-clipper-backup-/);
    await library.getByRole('status').getByText(/^Saved health-clipper-backup-/).waitFor();
    await expectVisibleFocus(library, 'after the backup');

    await library.goto(library.url().replace(/#.*/, '#import'));
    await library.getByLabel('Choose a collection file').waitFor();
    await tabTo(library, 'Choose a collection file');
    // The file dialog belongs to the system, not the page: hand the file to the field focus reached.
    await library.getByLabel('Choose a collection file').setInputFiles(exported);
    await library.getByRole('button', { name: 'Add to my library' }).waitFor();
    await tabTo(library, 'Add to my library');
    await screenshot(library, 'keyboard-import-preview');
    await library.keyboard.press('Enter');
    // The imported list opens, with focus on its title.
    await library.waitForURL((url) => url.hash.startsWith('#list=') && !url.hash.includes(encodeURIComponent(listId)), { timeout: 15_000 });
    await library.locator('.hc-item').nth(1).waitFor();
    await expect.poll(() => readFocus(library).then((f) => f.what)).toMatch(/^<h1>/);
    await expectVisibleFocus(library, 'after the import');
    await screenshot(library, 'keyboard-import-done');
    expect(await readRecords(library, 'collections')).toHaveLength(2);
    await library.close();
  });
});
