import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { ResolvedCollection } from '../../lib/consult/types';
import type { ShareOptions } from '../../lib/exchange/export-filter';
import type { SiteRule } from '../../lib/model/source-type';
import { CollectionDocument, documentLanguage } from './CollectionDocument';
import { COLLECTION_DOCUMENT_CSS } from './document-css';

/**
 * The file may show its own styles and images written into it (QR codes are
 * data: URLs) and nothing else: no scripts, no fetches, no forms, no <base>.
 * The page links themselves still open when clicked.
 */
export const STANDALONE_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * A reading list or prescription as one standalone HTML file to save, e-mail
 * or print: the same CollectionDocument the print page shows, rendered to a
 * string (preact-render-to-string escapes all text and attributes), with the
 * document's CSS inline and a Content-Security-Policy that forbids scripts.
 * Private items and quotes from forum posts are left out unless `options`
 * include them (lib/exchange/export-filter.ts).
 */
export function collectionHtml(resolved: ResolvedCollection, siteRules: readonly SiteRule[], now: Date, options: ShareOptions = {}): string {
  const body = renderToString(h(CollectionDocument, { resolved, siteRules, now, share: options }));
  // The CSS is our own; still, keep a stray "</style" in it from ending the element early.
  const css = COLLECTION_DOCUMENT_CSS.replace(/<\/style/gi, '<\\/style');
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(documentLanguage())}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(STANDALONE_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(resolved.collection.title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    `<body style="margin:0">${body}</body>`,
    '</html>',
    '',
  ].join('\n');
}
