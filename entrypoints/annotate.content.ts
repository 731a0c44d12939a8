import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '../lib/i18n';
import { runtimePageChannel } from '../lib/messages/page-channel';
import type { PageBadge } from '../lib/messages/protocol';
import { sendMessage } from '../lib/messages/send';
import { SOURCE_TYPE_LABELS } from '../lib/model/source-labels';
import { pageHighlights } from '../lib/page-highlights/session';
import type { PaintItem } from '../lib/page-highlights/types';

/** Badge colours; the words carry the meaning, colour only helps. */
const COLOURS: Record<PageBadge['type'], string> = {
  official: '#005eb8', charity: '#7a3e94', peer: '#b35c00', commercial: '#505a5f',
  research: '#00857a', news: '#a4283d', other: '#505a5f', unknown: '#505a5f',
};

const STYLE = `
  :host { all: initial; }
  .hc { position: fixed; right: 12px; bottom: 12px; z-index: 2147483646; display: flex; align-items: center; gap: 6px;
    font: 13px/1.3 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; color: #0b0c0c; background: #fff;
    border: 2px solid var(--c); border-radius: 999px; padding: 3px 4px 3px 10px; box-shadow: 0 1px 6px rgba(0,0,0,.25); max-width: 70vw; }
  .type { font-weight: 700; color: var(--c); }
  button { font: inherit; border: none; background: transparent; color: #1d4f91; cursor: pointer; padding: 2px 6px; border-radius: 999px; }
  button:focus-visible { outline: 3px solid #ffdd00; box-shadow: 0 0 0 5px #0b0c0c; }
  @media (prefers-reduced-motion: no-preference) { .hc { transition: opacity .2s; } }
`;

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/**
 * Our script on every page, registered only when the user turns on
 * "annotate pages as I browse" (a small badge with the page's source type
 * and when it was saved) or "show my highlights automatically" (saved
 * highlights painted again, and the selection toolbar), and grants the
 * optional access. It sends the page address to the extension's own
 * background and gets back only what to show: never notes or other pages.
 * Its UI lives in closed shadow roots, so it cannot shift the page's layout
 * or be restyled by it; it never reads or writes the database itself.
 */
export default defineContentScript({
  registration: 'runtime',
  // Registered by the background with the origins the user granted; an empty list
  // here keeps WXT from adding them to the install-time host permissions.
  matches: [],
  runAt: 'document_idle',
  async main(ctx: ContentScriptContext) {
    if (window.top !== window) return;
    const canonicalHref = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? undefined;
    const address = { url: location.href, canonicalHref };
    const [badge, highlights] = await Promise.all([sendMessage('describePage', address), sendMessage('highlightsForPage', address)]);
    if (ctx.isInvalid) return;
    if (badge.ok && badge.value) showBadge(ctx, badge.value);
    if (highlights.ok && highlights.value.toolbar) showHighlights(ctx, highlights.value.items);
  },
});

function showHighlights(ctx: ContentScriptContext, items: readonly PaintItem[]): void {
  const channel = runtimePageChannel();
  const page = pageHighlights(document, channel);
  page.enableToolbar();
  if (items.length) channel.report(page.highlighter.show(items));
  ctx.onInvalidated(() => page.highlighter.dispose());
}

function showBadge(ctx: ContentScriptContext, badge: PageBadge): void {
  const host = document.createElement('hc-page-badge');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const box = document.createElement('div');
  box.className = 'hc';
  box.setAttribute('role', 'note');
  box.setAttribute('aria-label', t('page.badgeLabel'));
  box.style.setProperty('--c', COLOURS[badge.type]);
  box.title = badge.reason;
  const type = document.createElement('span');
  type.className = 'type';
  type.textContent = SOURCE_TYPE_LABELS[badge.type];
  box.append(type);
  if (badge.savedAt) {
    const saved = document.createElement('span');
    saved.textContent = t('page.badgeSavedOn', { date: formatDate(badge.savedAt) });
    box.append(saved);
  }
  const hideSite = document.createElement('button');
  hideSite.type = 'button';
  hideSite.textContent = t('page.badgeHide');
  hideSite.addEventListener('click', () => {
    host.remove();
    void sendMessage('hideBadgeOnSite', { url: location.href });
  });
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', t('page.badgeClose'));
  close.addEventListener('click', () => host.remove());
  box.append(hideSite, close);
  root.append(style, box);
  document.documentElement.append(host);
  ctx.onInvalidated(() => host.remove());
}
