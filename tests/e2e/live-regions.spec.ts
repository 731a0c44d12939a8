import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { highlightPhraseFromMenu, openPopup, openSidePanel, screenshot, useExtensionSession } from './harness';

const session = useExtensionSession();
const PASSAGE = 'A simple blood test, called an HbA1c test';

interface Said {
  text: string;
  /** status (polite) or alert (assertive), from role or aria-live. */
  kind: string;
  /** The region was in the page before this text arrived (a region inserted with its text is often not read). */
  preexisting: boolean;
  /** The region sits inside another live region (the message would be announced twice, or not at all). */
  nested: boolean;
}

/**
 * Records every text that appears in a live region from now on, and whether
 * the region was already in the page. Screen readers announce changes inside
 * regions they already know; a region inserted together with its text is
 * often skipped (the reason for this check).
 */
function installListener(): void {
  {
    const LIVE = '[role=status],[role=alert],[aria-live]';
    const kind = (r: Element) => {
      const role = r.getAttribute('role');
      return role === 'alert' || r.getAttribute('aria-live') === 'assertive' ? 'alert' : role === 'status' || r.getAttribute('aria-live') === 'polite' ? 'status' : 'off';
    };
    const known = new WeakSet<Element>();
    const mark = () => document.querySelectorAll(LIVE).forEach((r) => known.add(r));
    mark();
    const log: Said[] = [];
    const note = (region: Element, preexisting: boolean) => {
      const text = region.textContent?.trim() ?? '';
      if (text) log.push({ text, kind: kind(region), preexisting, nested: Boolean(region.parentElement?.closest(LIVE)) });
    };
    new MutationObserver((changes) => {
      for (const change of changes) {
        const at = change.target.nodeType === 1 ? (change.target as Element) : change.target.parentElement;
        const region = at?.closest(LIVE);
        if (region) note(region, known.has(region));
        for (const added of change.addedNodes) {
          if (added.nodeType !== 1 || region) continue;
          const el = added as Element;
          for (const inner of [el, ...el.querySelectorAll(LIVE)]) if (inner.matches(LIVE)) note(inner, false);
        }
      }
      mark();
    }).observe(document, { subtree: true, childList: true, characterData: true });
    Object.assign(window, { hcSaid: log });
  }
}
const listen = (page: Page) => page.evaluate(installListener);

const said = (page: Page) => page.evaluate(() => (window as unknown as { hcSaid: Said[] }).hcSaid);

/** Fails unless `text` was said in a region that was already there, of the right kind, once. */
async function expectAnnounced(page: Page, text: string | RegExp, kind: 'status' | 'alert', audit: string[]): Promise<void> {
  const matches = (s: Said) => (typeof text === 'string' ? s.text.includes(text) : text.test(s.text));
  await expect.poll(async () => (await said(page)).some(matches), { timeout: 15_000 }).toBe(true);
  const hits = (await said(page)).filter(matches);
  audit.push(`${String(text)}: ${hits.map((h) => `${h.kind}${h.preexisting ? '' : ' (inserted with its text)'}${h.nested ? ' (nested)' : ''}`).join(', ')}`);
  expect(hits.every((h) => h.preexisting && !h.nested && h.kind === kind), `${String(text)}: ${JSON.stringify(hits)}`).toBe(true);
}

describe('status changes are announced (issue 9)', () => {
  it('popup and side panel say what happened in live regions that were already there', async () => {
    const audit: string[] = [];
    const { ext } = session;
    const { page, tabId } = await session.openFixture('nhs-condition-page.html');

    // A page that cannot be read: the error goes to the assertive region the "Reading…" page already had.
    const broken = await ext.context.newPage();
    // Listening from before the page's first script, as the message may come at once.
    await broken.addInitScript(installListener);
    await broken.goto(`chrome-extension://${ext.extensionId}/popup.html?tabId=999999`);
    await expectAnnounced(broken, /^That tab is closed\./, 'alert', audit);
    await broken.close();

    const popup = await openPopup(ext, tabId);
    await popup.getByRole('button', { name: 'Save page' }).waitFor();
    await listen(popup);
    await popup.getByRole('button', { name: 'Save page' }).click();
    await expectAnnounced(popup, 'Saving…', 'status', audit);
    await expectAnnounced(popup, /^Saved/, 'status', audit);
    await popup.getByRole('combobox', { name: 'Tags' }).fill('thirst');
    await popup.getByRole('combobox', { name: 'Tags' }).press('Enter');
    await expectAnnounced(popup, 'Tag added: thirst.', 'status', audit);
    await popup.getByRole('button', { name: 'Remove tag thirst' }).click();
    await expectAnnounced(popup, 'Tag removed: thirst.', 'status', audit);
    await popup.getByRole('button', { name: 'Save tags and note' }).click();
    await expectAnnounced(popup, 'Your tags and note are saved.', 'status', audit);
    await popup.getByRole('button', { name: 'Add to my next appointment' }).click();
    await expectAnnounced(popup, 'Added to your list “My next appointment”.', 'status', audit);
    await screenshot(popup, 'live-regions-popup');
    await popup.close();

    await highlightPhraseFromMenu(ext, page, tabId, PASSAGE, 'important');
    const panel = await openSidePanel(ext, tabId);
    const card = panel.locator('.hc-highlight').first();
    await card.waitFor();
    await listen(panel);
    await card.getByLabel('Note').fill('Ask for this test');
    await card.getByRole('button', { name: 'Save note' }).click();
    await expectAnnounced(panel, 'Note saved.', 'status', audit);
    await card.getByRole('button', { name: 'Delete highlight' }).click();
    await expectAnnounced(panel, /^Deleted the highlight “A simple blood test/, 'status', audit);
    // The deleted card took its Delete button with it: focus went to Undo rather than to nothing.
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await screenshot(panel, 'live-regions-sidepanel');
    await panel.keyboard.press('Enter');
    await panel.locator('.hc-highlight').first().waitFor();
    console.log(`live regions:\n  ${audit.join('\n  ')}`);
  });
});
