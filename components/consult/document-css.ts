/**
 * The printable reading list / information prescription's styles. A string
 * rather than a .css file so the print page and the standalone HTML file
 * use exactly the same rules (the file inlines them), in the browser, in
 * Node and in tests alike. Everything is scoped under .hc-doc.
 * Print: A4, at least 14 pt everywhere, nothing conveyed by colour alone.
 */
export const COLLECTION_DOCUMENT_CSS = `
@page { size: A4; margin: 12mm 14mm 12mm; }

.hc-doc {
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
  font-size: 18px; line-height: 1.45; color: #0b0c0c; background: #fff;
  max-width: 48rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem;
  overflow-wrap: break-word; font-variant-ligatures: no-common-ligatures;
}
.hc-doc * { box-sizing: border-box; }
.hc-doc h1, .hc-doc h2, .hc-doc h3 { line-height: 1.2; margin: 0; }
.hc-doc h1 { font-size: 1.75em; margin: 0.1em 0 0.3em; }
.hc-doc h2 { font-size: 1.3em; margin: 1.1em 0 0.35em; padding-bottom: 0.1em; border-bottom: 2px solid #0b0c0c; }
.hc-doc h3 { font-size: 1em; }
.hc-doc p { margin: 0 0 0.4em; }
.hc-doc a { color: #1d4f91; }
.hc-doc__kind { font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; font-size: 0.85em; color: #505a5f; margin: 0; }
.hc-doc__facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.1em 0.8em; margin: 0 0 0.6em; }
.hc-doc__fact { display: contents; }
.hc-doc__fact dt { font-weight: 700; }
.hc-doc__fact dd { margin: 0; white-space: pre-line; }
.hc-doc__intro { font-style: italic; }
.hc-doc__notice { border: 2px solid #0b0c0c; padding: 0.3em 0.6em; margin: 0.6em 0; }

.hc-doc__questions { margin: 0; padding: 0; list-style: none; counter-reset: hc-question; }
.hc-doc__questions li { counter-increment: hc-question; position: relative; padding-left: 2.6em; margin: 0 0 0.35em; }
.hc-doc__questions li::before { content: counter(hc-question) '.'; position: absolute; left: 0; width: 1.2em; text-align: right; font-weight: 700; }
.hc-doc__tick { position: absolute; left: 1.45em; top: 0.2em; width: 0.95em; height: 0.95em; border: 2px solid #0b0c0c; line-height: 0.8; text-align: center; font-weight: 700; }
.hc-doc__answer { margin: 0.1em 0 0; }

.hc-doc__items { margin: 0; padding: 0 0 0 1.6em; }
.hc-doc__items > li { margin: 0 0 0.7em; padding-left: 0.2em; }
.hc-doc__items > li::marker { font-weight: 700; }
/* With a QR code: the code on the right, its caption (the short address) under the text on the left. */
.hc-doc__item-body--qr { display: grid; grid-template-columns: minmax(0, 1fr) auto; grid-template-rows: auto 1fr; gap: 0 1em; align-items: start; }
.hc-doc__item-body--qr .hc-doc__item-text { grid-column: 1; grid-row: 1; }
.hc-doc__item-title a { color: inherit; }
.hc-doc__meta { margin: 0.05em 0 0.15em; }
.hc-doc__type { display: inline-block; border: 2px solid #0b0c0c; border-radius: 0.3em; padding: 0 0.3em; font-weight: 700; line-height: 1.25; }
[data-source-type='unknown'] .hc-doc__type { border-style: dashed; }
.hc-doc__overdue, .hc-doc__date { white-space: nowrap; }
.hc-doc__quote { margin: 0.15em 0 0.25em; padding: 0 0 0 0.7em; border-left: 4px solid #505a5f; font-style: italic; }
.hc-doc__meaning { font-style: normal; font-weight: 700; }
.hc-doc__note { margin: 0.1em 0 0.1em; }
.hc-doc__address { overflow-wrap: anywhere; }
.hc-doc__address strong { font-weight: 700; }
.hc-doc__qr { display: contents; }
.hc-doc__qr img { grid-column: 2; grid-row: 1 / span 2; display: block; width: 8em; height: 8em; }
.hc-doc__qr figcaption { grid-column: 1; grid-row: 2; font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 0.9em; overflow-wrap: anywhere; }
.hc-doc__qr-hint { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; }
.hc-doc__qr--none { grid-column: 1; grid-row: 2; display: block; }

.hc-doc__support { margin: 0; padding-left: 1.2em; }
.hc-doc__support li { margin: 0 0 0.4em; }
.hc-doc__footer { margin-top: 1.2em; border-top: 1px solid #505a5f; padding-top: 0.4em; color: #383f43; font-size: 0.85em; }

@media print {
  .hc-screen-only { display: none !important; }
  .hc-doc { font-size: 14pt; line-height: 1.22; max-width: none; margin: 0; padding: 0; }
  .hc-doc h1 { font-size: 20pt; }
  .hc-doc h1 { margin-bottom: 0.2em; }
  .hc-doc h2 { font-size: 16pt; margin: 0.6em 0 0.25em; }
  .hc-doc h3, .hc-doc__meta, .hc-doc__note, .hc-doc__kind, .hc-doc__footer, .hc-doc__qr figcaption { font-size: 14pt; }
  .hc-doc a { color: inherit; text-decoration: none; }
  .hc-doc__items > li { margin-bottom: 0.35em; }
  .hc-doc__questions li { margin-bottom: 0.15em; }
  .hc-doc__note { margin: 0; }
  .hc-doc__items > li, .hc-doc__questions li, .hc-doc__support li, .hc-doc__facts { break-inside: avoid; }
  .hc-doc h2, .hc-doc h3 { break-after: avoid; }
  .hc-doc__qr img { width: 30mm; height: 30mm; }
  .hc-doc__qr figcaption { font-size: 14pt; }
  /* On paper the footer says how to use the codes; the caption is the address alone. */
  .hc-doc__qr-hint { display: none; }
}
`;
