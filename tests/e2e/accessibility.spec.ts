import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { highlightPhraseFromMenu, openLibrary, openPopup, openSidePanel, savePageFromPopup, screenshot, selectPhraseOnPage, useExtensionSession, waitForClosedShadowText } from './harness';

/** The extension API as seen inside the service worker. */
declare const chrome: typeof import('wxt/browser').browser;

const session = useExtensionSession();

// Extension pages forbid inline scripts (script-src 'self'); page.evaluate of a string goes through
// the DevTools protocol (Runtime.evaluate), which page CSP does not govern, so axe is injected that way.
const AXE_SOURCE = readFileSync(resolve(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeSummary {
  violations: { id: string; impact: string | null; nodes: string[] }[];
  passes: number;
}

const rows: string[] = [];
/** Every violation in every view, asserted once at the end so one run lists them all. */
const found: string[] = [];

/** Runs axe-core on the page as it is now and returns its violations with a short target per node. */
async function runAxe(page: Page): Promise<AxeSummary> {
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[]; failureSummary?: string }[] }[]; passes: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return {
      violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 4).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`.slice(0, 300)) })),
      passes: result.passes.length,
    };
  }, TAGS);
}

/** Checks one view in light and dark, records it in the table and saves a screenshot of each. */
async function checkView(page: Page, name: string, themed = true): Promise<void> {
  const backgrounds: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    backgrounds.push(await page.evaluate(() => getComputedStyle(document.body).backgroundColor === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.documentElement).backgroundColor : getComputedStyle(document.body).backgroundColor));
    const summary = await runAxe(page);
    rows.push(`${name.padEnd(28)} ${colorScheme.padEnd(5)} ${String(summary.violations.length).padStart(3)} violations ${String(summary.passes).padStart(3)} passes`);
    await screenshot(page, `a11y-${name}-${colorScheme}`);
    for (const v of summary.violations) found.push(`${name} (${colorScheme}): ${v.id} [${v.impact}]\n    ${v.nodes.join('\n    ')}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await checkZoom200(page, name);
  // A dark theme that never switches on would pass axe twice in light.
  if (themed && backgrounds[0] === backgrounds[1]) found.push(`${name}: same background (${backgrounds[0]}) in light and dark`);
}

/**
 * 200 % browser zoom (WCAG 1.4.4) on a 1280 x 800 window: the page gets 640 CSS px at two device
 * pixels each, as Chromium's own zoom gives it, media queries included. Nothing may need sideways
 * scrolling there, and the screenshot is kept for a person to look at.
 */
async function checkZoom200(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 640, height: 400, deviceScaleFactor: 2, mobile: false });
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  await screenshot(page, `a11y-${name}-zoom200`, { fullPage: false });
  await cdp.send('Emulation.clearDeviceMetricsOverride');
  await cdp.detach();
  if (before) await page.setViewportSize(before);
  rows.push(`${name.padEnd(28)} zoom200 scrollWidth ${scrollWidth} / clientWidth ${clientWidth}`);
  if (clientWidth > 640) found.push(`${name} zoom200: the zoom did not apply (clientWidth ${clientWidth})`);
  if (scrollWidth > clientWidth + 1) found.push(`${name} zoom200: scrolls sideways (${scrollWidth} > ${clientWidth})`);
}

/** Tabs to the first control and checks the focus ring can be seen, in both themes (WCAG 2.4.7). */
async function checkFocusRing(page: Page, name: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Tab');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const ring = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return undefined;
      const style = getComputedStyle(el);
      return { tag: el.tagName, visible: el.matches(':focus-visible'), outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`, page: getComputedStyle(document.documentElement).backgroundColor };
    });
    rows.push(`${name.padEnd(28)} ${colorScheme.padEnd(5)} focus on ${ring?.tag ?? 'nothing'}: outline ${ring?.outline ?? '-'}`);
    if (!ring?.visible || ring.outline.startsWith('none') || ring.outline.endsWith(ring.page)) found.push(`${name} (${colorScheme}): no visible focus ring (${JSON.stringify(ring)})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

interface CdpNode {
  nodeId: number;
  nodeName: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/**
 * Our in-page UI lives in closed shadow roots, which axe (like any page script) cannot enter.
 * Its markup and style are read through DevTools and put, unchanged, into an open shadow root
 * on the same page, where it sits over the same page; the real host is hidden meanwhile.
 */
async function checkClosedShadow(page: Page, hostTag: string, name: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const tag = hostTag.toUpperCase();
  const find = (node: CdpNode): CdpNode | undefined =>
    node.nodeName === tag ? node : [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(find).find(Boolean);
  const shadow = find(root)?.shadowRoots?.[0];
  expect(shadow, `<${hostTag}> has no shadow root`).toBeDefined();
  const parts: string[] = [];
  for (const child of shadow?.children ?? []) parts.push(((await cdp.send('DOM.getOuterHTML', { nodeId: child.nodeId })) as { outerHTML: string }).outerHTML);
  await cdp.detach();
  await page.evaluate(
    ({ tag, html }) => {
      const real = document.querySelector<HTMLElement>(tag);
      if (real) real.style.visibility = 'hidden';
      const copy = document.createElement('div');
      copy.setAttribute('data-a11y-copy', tag);
      copy.attachShadow({ mode: 'open' }).innerHTML = html;
      document.body.append(copy);
    },
    { tag: hostTag, html: parts.join('') },
  );
  // axe on the whole page would report the fixture page's own faults, which are not ours.
  const summary = await page.evaluate(AXE_SOURCE).then(() =>
    page.evaluate(async (tags) => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: { target: unknown[]; failureSummary?: string }[] }[]; passes: unknown[] }> } }).axe;
      const r = await axe.run({ include: [['[data-a11y-copy]']] }, { runOnly: { type: 'tag', values: tags }, rules: { region: { enabled: false } } });
      return { violations: r.violations.map((v) => `${v.id} ${JSON.stringify(v.nodes[0]?.target)} ${v.nodes[0]?.failureSummary ?? ''}`), passes: r.passes.length };
    }, TAGS),
  );
  await screenshot(page, `a11y-${name}`, { fullPage: false });
  rows.push(`${name.padEnd(28)} page  ${String(summary.violations.length).padStart(3)} violations ${String(summary.passes).padStart(3)} passes`);
  for (const v of summary.violations) found.push(`${name}: ${v}`);
  await page.evaluate((tag) => {
    document.querySelector(`[data-a11y-copy="${tag}"]`)?.remove();
    document.querySelector<HTMLElement>(tag)?.style.removeProperty('visibility');
  }, hostTag);
}

/**
 * Reflow (WCAG 1.4.10): at 320 CSS px wide (1280 px at 400 %) the page scrolls only vertically and key text is not clipped.
 * The popup has the fixed width the toolbar gives it, so there text is scaled to 200 % instead (WCAG 1.4.4).
 */
async function checkReflow(page: Page, name: string, keySelector: string, how: 'narrow' | 'text200' = 'narrow'): Promise<void> {
  const before = page.viewportSize();
  if (how === 'narrow') await page.setViewportSize({ width: 320, height: 640 });
  else await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  const { scrollWidth, clientWidth, clipped, keys } = await page.evaluate((sel) => {
    const root = document.scrollingElement ?? document.documentElement;
    const els = [...document.querySelectorAll<HTMLElement>(sel)];
    // Text cut off: an element whose content is wider than its box and hides the rest.
    const cut = els.filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible').map((el) => el.textContent?.slice(0, 40));
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, clipped: cut, keys: els.length };
  }, keySelector);
  const label = how === 'narrow' ? '320px' : 'text200';
  await screenshot(page, `a11y-${name}-${label}`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `a11y-${name}-${label}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
  rows.push(`${name.padEnd(28)} ${label} scrollWidth ${scrollWidth} / clientWidth ${clientWidth}, ${keys} key elements, ${clipped.length} clipped`);
  if (keys === 0) found.push(`${name} ${label}: no ${keySelector} on the page`);
  if (scrollWidth > clientWidth + 1) found.push(`${name} ${label}: scrolls sideways (${scrollWidth} > ${clientWidth})`);
  if (clipped.length) found.push(`${name} ${label}: clipped text ${JSON.stringify(clipped)}`);
  if (how === 'narrow' && before) await page.setViewportSize(before);
  else await page.evaluate(() => (document.documentElement.style.fontSize = ''));
}

afterAll(() => {
  console.log(`axe-core ${TAGS.join(', ')}\n${rows.join('\n')}`);
});

describe('accessibility: axe-core on every view, light and dark, and reflow at 320px (issue 9)', () => {
  it('every extension view and the in-page UI has no axe violations in either theme', async () => {
    const { ext } = session;
    // Empty library first, before anything is saved.
    const empty = await openLibrary(ext);
    await empty.getByRole('heading', { level: 1 }).first().waitFor();
    await empty.waitForTimeout(300);
    await checkView(empty, 'library-empty');
    await empty.close();

    // Popup on a page not yet saved, then save it and look again.
    const { page: nhs, tabId } = await session.openFixture('nhs-condition-page.html');
    const popup = await openPopup(ext, tabId);
    await popup.getByRole('button', { name: 'Save page' }).waitFor();
    await checkView(popup, 'popup-unsaved');
    await checkFocusRing(popup, 'popup-unsaved');
    await checkReflow(popup, 'popup-unsaved', 'h1, button', 'text200');
    await popup.getByRole('button', { name: 'Save page' }).click();
    await popup.getByText(/^Saved/).waitFor();
    await checkView(popup, 'popup-saved');
    await popup.close();

    // The in-page selection toolbar: the user has clicked the extension on this page (activeTab).
    await nhs.bringToFront();
    await selectPhraseOnPage(nhs, 'Type 2 diabetes is a common condition');
    await waitForClosedShadowText(nhs, 'hc-selection-toolbar', 'This is me').then((t) => t.detach());
    await checkClosedShadow(nhs, 'hc-selection-toolbar', 'in-page-toolbar');

    // A highlight on the page, for the side panel, reader and highlights views.
    await highlightPhraseFromMenu(ext, nhs, tabId, 'feeling very tired, losing weight without trying', 'important');
    const { page: charity, tabId: charityTab } = await session.openFixture('charity-guide.html');
    await savePageFromPopup(ext, charityTab);
    await charity.close();
    const { page: product, tabId: productTab } = await session.openFixture('product-page.html');
    const linkPopup = await openPopup(ext, productTab);
    await linkPopup.getByRole('button', { name: 'Save link only' }).click();
    await linkPopup.getByText(/^Saved/).waitFor();
    await linkPopup.close();
    await product.close();

    const panel = await openSidePanel(ext, tabId);
    await panel.locator('.hc-highlight').first().waitFor();
    await checkView(panel, 'side-panel');
    await panel.close();

    const library = await openLibrary(ext);
    await library.locator('.hc-row').nth(2).waitFor();
    const linkId = await library.evaluate(() => {
      const link = [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#clip="]')].find((a) => a.textContent?.includes('Vitamin'));
      return link ? decodeURIComponent(link.getAttribute('href')?.slice('#clip='.length) ?? '') : '';
    });
    expect(linkId).not.toBe('');
    await checkView(library, 'library-list');
    await checkReflow(library, 'library-list', '.hc-row');
    await checkFocusRing(library, 'library-list');
    await library.getByRole('searchbox').first().fill('tired');
    await library.waitForTimeout(600);
    await checkView(library, 'library-search');

    const clipId = await library.evaluate(async () => {
      const link = document.querySelector<HTMLAnchorElement>('a[href^="#clip="]');
      return link ? decodeURIComponent(link.getAttribute('href')?.slice('#clip='.length) ?? '') : '';
    });
    expect(clipId).not.toBe('');
    await library.evaluate((id) => (location.hash = `#clip=${encodeURIComponent(id)}`), clipId);
    await library.getByRole('heading', { level: 1 }).first().waitFor();
    await library.waitForTimeout(400);
    await checkView(library, 'reader');
    await checkReflow(library, 'reader', 'h1, p');

    await library.evaluate((id) => (location.hash = `#clip=${encodeURIComponent(id)}`), linkId);
    await library.getByText('Only the link was saved.').waitFor();
    await checkView(library, 'reader-link-only');

    for (const view of ['settings', 'sites', 'highlights', 'lists']) {
      await library.evaluate((v) => (location.hash = `#${v}`), view);
      await library.waitForTimeout(500);
      await checkView(library, view);
    }

    for (const kind of ['New reading list', 'New prescription template']) {
      await library.evaluate(() => (location.hash = '#lists'));
      await library.getByRole('button', { name: kind }).click();
      await library.waitForFunction(() => location.hash.startsWith('#list='));
      await library.waitForTimeout(500);
      const name = kind === 'New reading list' ? 'editor-reading-list' : 'editor-prescription';
      await library.getByRole('button', { name: 'Add pages or highlights' }).click();
      for (const site of ['diabetes.org.uk', 'nhs.uk']) {
        const row = library.locator('.hc-picker__list > li').filter({ hasText: site });
        await row.first().waitFor();
        await row.first().getByRole('checkbox').first().check();
      }
      await checkView(library, `${name}-picker`);
      await library.getByRole('button', { name: 'Add 2 to the list' }).click();
      await library.locator('.hc-item').nth(1).waitFor();
      await checkView(library, name);
      await checkReflow(library, name, 'h1, label');
      const listId = await library.evaluate(() => decodeURIComponent(location.hash.slice('#list='.length)));
      const print = await ext.context.newPage();
      await print.goto(`chrome-extension://${ext.extensionId}/print.html#id=${encodeURIComponent(listId)}`);
      await print.getByRole('heading', { level: 1 }).first().waitFor();
      await checkView(print, kind === 'New reading list' ? 'print-reading-list' : 'print-prescription');
      // Printed on paper it stays dark on white even when the screen is dark.
      await print.emulateMedia({ media: 'print', colorScheme: 'dark' });
      expect(await print.evaluate(() => [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.body).color])).toEqual(['rgb(255, 255, 255)', 'rgb(11, 12, 12)']);
      await print.emulateMedia({ media: 'screen', colorScheme: 'light' });
      await print.close();
    }
    await library.evaluate(() => (location.hash = '#import'));
    await library.waitForTimeout(400);
    await checkView(library, 'import');

    // The welcome page (opened once on install) after its question is answered, and the options page.
    for (const [file, name] of [['welcome.html', 'welcome'], ['options.html', 'options']] as const) {
      const page = await ext.context.newPage();
      await page.goto(`chrome-extension://${ext.extensionId}/${file}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      if (name === 'welcome') {
        await page.getByRole('button', { name: 'Not now' }).click();
        await page.getByRole('status').waitFor();
      } else await page.locator('fieldset[data-meaning]').first().waitFor();
      await checkView(page, name);
      await checkFocusRing(page, name);
      await checkReflow(page, name, 'h1, h2, button, label');
      await page.close();
    }

    // The banner shown when the browser has wiped the library (as the eviction canary records it).
    await library.evaluate(() => (location.hash = ''));
    await ext.worker.evaluate(async () => {
      const { libraryCanary } = await chrome.storage.local.get('libraryCanary');
      const record = libraryCanary as { seenAt: string };
      await chrome.storage.local.set({ libraryCanary: { ...record, wiped: { foundAt: new Date().toISOString(), clipCount: 12, lastSeenAt: record.seenAt } } });
    });
    await library.getByRole('alert').filter({ hasText: 'storage' }).first().waitFor();
    await checkView(library, 'library-wiped-banner');

    // The in-page badge, once the user turns on "annotate pages as I browse".
    await library.evaluate(() => (location.hash = '#settings'));
    await library.locator('[data-setting="hc-annotate-heading"]').getByRole('button', { name: 'Turn on' }).click();
    await library.getByText('Turned on.', { exact: false }).waitFor();
    await library.close();
    let badged: Page | undefined;
    // Registration happens in the background a moment later.
    for (let attempt = 0; attempt < 20 && !badged; attempt++) {
      const { page } = await session.openFixture('nhs-condition-page.html', `visit=${attempt}`);
      const shown = await waitForClosedShadowText(page, 'hc-page-badge', 'Official', 2_000).catch(() => undefined);
      if (shown) {
        await shown.detach();
        badged = page;
      } else await page.close();
    }
    expect(badged, 'the badge never appeared').toBeDefined();
    if (badged) {
      await checkClosedShadow(badged, 'hc-page-badge', 'in-page-badge');
      await badged.close();
    }

    await nhs.close();
    expect(found, found.join('\n')).toEqual([]);
  });
});
