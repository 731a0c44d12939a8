import { render } from 'preact';
import '../../components/base.css';
import { documentLanguage } from '../../components/consult/CollectionDocument';
import { COLLECTION_DOCUMENT_CSS } from '../../components/consult/document-css';
import './print.css';
import { PrintApp } from './PrintApp';

/**
 * Chromium can start a tab opened with window.open from the library (the
 * "Print or save as PDF" button) without the extension APIs, so `chrome.i18n`
 * is missing and every t() throws; a reload of the same address brings them.
 * Seen in tests/e2e/private-items.spec.ts (Chromium 156 with Playwright).
 */
function hasExtensionApis(): boolean {
  const g = globalThis as { chrome?: { i18n?: unknown } };
  return Boolean(g.chrome?.i18n);
}

const reloaded = performance.getEntriesByType('navigation').some((n) => n instanceof PerformanceNavigationTiming && n.type === 'reload');
const app = document.getElementById('app');
if (!hasExtensionApis()) {
  if (!reloaded) location.reload();
  // Without the extension APIs there is no catalogue to translate from, so this one line stays in English.
  else if (app) app.textContent = 'This page could not start. Close this tab, then choose Print again from your list.'; // i18n-ignore: shown only when the browser gives the page no i18n API
} else {
  // The page's words come from the catalogue the browser chose, so say which language they are in (index.html can only guess).
  document.documentElement.lang = documentLanguage();
  // The same rules the standalone HTML file inlines, so the print and the file look alike.
  const style = document.createElement('style');
  style.textContent = COLLECTION_DOCUMENT_CSS;
  document.head.append(style);
  if (app) render(<PrintApp />, app);
}
