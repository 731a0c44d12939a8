import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';
import { SOURCE_TYPE_LABELS } from '../../lib/model/source-labels';
import type { SourceType } from '../../lib/model/source-type';

/**
 * Tells the user in the page what happened after a save from the context
 * menu or keyboard shortcut, where there is no popup to show it: a short
 * notice in a closed shadow root (the page cannot restyle or read it), plus
 * a mark on the toolbar button in case the page cannot be scripted.
 */
export async function notifyTab(tabId: number, message: string, success: boolean): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ tabId, color: success ? '#00703c' : '#d4351c' }).catch(() => undefined);
  await browser.action.setBadgeText({ tabId, text: success ? '✓' : '!' }).catch(() => undefined);
  await browser.action.setTitle({ tabId, title: message }).catch(() => undefined);
  await browser.scripting
    .executeScript({
      target: { tabId },
      args: [message, success],
      func: (text: string, ok: boolean) => {
        document.getElementById('hc-toast-host')?.remove();
        const host = document.createElement('div');
        host.id = 'hc-toast-host';
        const root = host.attachShadow({ mode: 'closed' });
        const box = document.createElement('div');
        box.setAttribute('role', 'status');
        box.textContent = text;
        box.style.cssText = [
          'position:fixed', 'z-index:2147483647', 'right:16px', 'bottom:16px', 'max-width:360px',
          'padding:12px 16px', 'border-radius:8px', 'font:16px/1.4 system-ui,sans-serif',
          'box-shadow:0 2px 12px rgba(0,0,0,.3)', 'color:#fff',
          `background:${ok ? '#00703c' : '#d4351c'}`,
        ].join(';');
        root.append(box);
        document.documentElement.append(host);
        setTimeout(() => host.remove(), 6000);
      },
    })
    .catch(() => undefined);
}

/** Two-to-four letter codes for the toolbar badge; the button's title gives the full words. */
const TYPE_CODES: Record<SourceType, string> = {
  official: 'OFF', charity: 'CHAR', peer: 'PEER', commercial: 'COM', research: 'RES', news: 'NEWS', other: 'OTH', unknown: '?',
};
const TYPE_COLOURS: Record<SourceType, string> = {
  official: '#005eb8', charity: '#7a3e94', peer: '#b35c00', commercial: '#505a5f',
  research: '#00857a', news: '#a4283d', other: '#505a5f', unknown: '#505a5f',
};

/** Shows the page's source type on the toolbar button of that tab (activeTab, when the popup opens). */
export async function showTypeOnAction(tabId: number, type: SourceType): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ tabId, color: TYPE_COLOURS[type] }).catch(() => undefined);
  await browser.action.setBadgeText({ tabId, text: TYPE_CODES[type] }).catch(() => undefined);
  await browser.action.setTitle({ tabId, title: t('background.actionTitle', { type: SOURCE_TYPE_LABELS[type] }) }).catch(() => undefined);
}
