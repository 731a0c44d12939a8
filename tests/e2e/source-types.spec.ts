import { describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { openLibrary, openPopup, screenshot, useExtensionSession } from './harness';

const session = useExtensionSession();

interface CdpNode {
  nodeId: number;
  nodeName: string;
  nodeValue?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** The in-page badge lives in a closed shadow root; only the DevTools protocol can see into it. */
async function badgeNodes(page: Page): Promise<{ cdp: CDPSession; texts: string[]; buttons: Map<string, number> } | undefined> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const find = (node: CdpNode): CdpNode | undefined =>
    node.nodeName === 'HC-PAGE-BADGE' ? node : [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(find).find(Boolean);
  const host = find(root);
  if (!host) return undefined;
  const texts: string[] = [];
  const buttons = new Map<string, number>();
  const walk = (node: CdpNode, inButton?: CdpNode): void => {
    if (node.nodeName === '#text' && node.nodeValue?.trim() && !inButton?.nodeName.startsWith('STYLE')) {
      texts.push(node.nodeValue.trim());
      if (inButton?.nodeName === 'BUTTON') buttons.set(node.nodeValue.trim(), inButton.nodeId);
    }
    const holder = node.nodeName === 'BUTTON' || node.nodeName === 'STYLE' ? node : inButton;
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child, holder);
  };
  walk(host);
  return { cdp, texts: texts.filter((t) => !t.includes('{')), buttons };
}

async function waitForBadge(page: Page) {
  for (let i = 0; i < 50; i++) {
    const badge = await badgeNodes(page);
    if (badge) return badge;
    await page.waitForTimeout(100);
  }
  throw new Error('no badge appeared');
}

describe('source types in real Chromium', () => {
  it('shows the type, its reasons and the page dates in the popup', async () => {
    const { tabId } = await session.openFixture('nhs-condition-page.html');
    const popup = await openPopup(session.ext, tabId);
    await popup.getByRole('button', { name: 'Save page' }).waitFor();
    expect(await popup.locator('[data-source-type]').first().getAttribute('data-source-type')).toBe('official');
    await popup.getByText('Why we think so, and dates').click();
    await popup.locator('.hc-verdict__reasons li').first().waitFor();
    expect(await popup.locator('.hc-verdict__reasons').textContent()).toMatch(/nhs\.uk/i);
    // The fixture says "Page last reviewed: 18 August 2023 / Next review due: 18 August 2026".
    const facts = (await popup.locator('.hc-facts').last().textContent()) ?? '';
    expect(facts).toContain('Last reviewed');
    expect(facts).toContain('18 August 2023');
    expect(facts).toContain('18 August 2026');
    await screenshot(popup, 'popup-verdict-details');
    await popup.getByRole('button', { name: 'Save page' }).click();
    await popup.getByText('Saved the article to your library.').waitFor();
    await popup.close();
  });

  it('lets the user set the type for a whole site, which wins everywhere, and take it back', async () => {
    const library = await openLibrary(session.ext);
    await library.locator('a.hc-row__title').first().click();
    await library.locator('#hc-reader-title:focus').waitFor();
    await library.getByLabel('Change the type').selectOption('other');
    await library.getByLabel('every page on nhs.uk').check();
    await library.getByRole('button', { name: 'Save type' }).click();
    await library.getByText('Every page on nhs.uk is now shown as Other organisation.').waitFor();
    await library.getByText('Your list says every page on nhs.uk is').waitFor();
    await screenshot(library, 'reader-site-rule');

    // The popup on another visit to the site follows the user's list.
    const { tabId } = await session.openFixture('nhs-condition-page.html', 'from=search');
    const popup = await openPopup(session.ext, tabId);
    await popup.getByText('Your list of sites says nhs.uk is Other organisation.').waitFor();
    await popup.close();

    await library.goto(library.url().replace(/#.*$/, '#sites'));
    await library.getByText('nhs.uk', { exact: true }).waitFor();
    await library.getByRole('button', { name: 'Remove nhs.uk' }).click();
    await library.getByText('Your list is empty.').waitFor();
    await library.close();
  });

  it('annotates pages while browsing once the user turns it on, and stops on request', async () => {
    const library = await openLibrary(session.ext, '#settings');
    await library.locator('[data-setting="hc-annotate-heading"]').getByRole('button', { name: 'Turn on' }).click();
    await library.getByText('Turned on.', { exact: false }).waitFor();
    await screenshot(library, 'settings-annotate-on');

    // Registration happens in the background; give it a moment, then visit a saved page.
    let badge;
    for (let attempt = 0; attempt < 20 && !badge; attempt++) {
      const { page } = await session.openFixture('nhs-condition-page.html', `visit=${attempt}`);
      badge = await waitForBadge(page).catch(async () => {
        await page.close();
        return undefined;
      });
      if (badge) {
        expect(badge.texts.join(' ')).toMatch(/Official/);
        expect(badge.texts.join(' ')).toMatch(/Saved on/);
        await screenshot(page, 'page-with-badge');
        // The badge must not move the page: the host element takes no space.
        const size = await page.evaluate(() => {
          const r = document.querySelector('hc-page-badge')!.getBoundingClientRect();
          return r.width * r.height;
        });
        expect(size).toBe(0);
        // "Hide on this site" (clicked where a person would click it).
        const nodeId = badge.buttons.get('Hide on this site')!;
        const { model } = (await badge.cdp.send('DOM.getBoxModel', { nodeId })) as { model: { content: number[] } };
        const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
        await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
        await page.reload();
        await page.waitForTimeout(1500);
        expect(await badgeNodes(page)).toBeUndefined();
        await page.close();
      }
    }
    expect(badge).toBeDefined();

    await library.reload();
    await library.getByText('nhs.uk').first().waitFor();
    await library.getByRole('button', { name: 'Show again' }).click();
    await library.locator('[data-setting="hc-annotate-heading"]').getByRole('button', { name: 'Turn off' }).click();
    await library.getByText('Turned off', { exact: false }).waitFor();
    const { page } = await session.openFixture('nhs-condition-page.html', 'after=off');
    await page.waitForTimeout(1500);
    expect(await badgeNodes(page)).toBeUndefined();
    await library.close();
  });

  it('imports a rule pack a group shared, and uses it for pages it names', async () => {
    const library = await openLibrary(session.ext, '#sites');
    const file = library.getByLabel('Choose a rule pack file (.json)');
    await file.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something-else"}') });
    await library.getByText(/not a Health Clipper rule pack/).waitFor();

    const pack = {
      format: 'health-clipper-rule-pack',
      formatVersion: 1,
      name: 'Riverside diabetes group',
      version: '2026-11',
      rules: [{ host: '127.0.0.1', type: 'charity', note: 'Our local diabetes support group' }],
    };
    await file.setInputFiles({ name: 'pack.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
    await library.getByText(/“Riverside diabetes group”, version 2026-11: 1 site/).waitFor();
    await library.getByRole('button', { name: 'Add this rule pack' }).click();
    await library.getByText(/Added “Riverside diabetes group”/).waitFor();
    await screenshot(library, 'sites-rule-pack');

    const { tabId } = await session.openFixture('forum-index.html');
    const popup = await openPopup(session.ext, tabId);
    await popup.locator('[data-source-type="charity"]').waitFor();
    await popup.getByText('Why we think so, and dates').click();
    expect(await popup.locator('.hc-verdict').textContent()).toContain('Riverside diabetes group');
    await popup.close();
    await library.close();
  });
});
