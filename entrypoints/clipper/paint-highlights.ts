import type { HighlightMeaning } from '../../lib/model/highlight';

/**
 * Each meaning has its own colour and its own underline, so colour is never
 * the only cue. ::highlight() accepts only colours, text-decoration and
 * text-shadow, which is enough for that.
 */
const MEANING_STYLES: Record<HighlightMeaning, string> = {
  question: 'background-color: rgba(255, 221, 0, 0.55); text-decoration: underline dotted 2px;',
  important: 'background-color: rgba(255, 140, 0, 0.35); text-decoration: underline solid 3px;',
  disagree: 'background-color: rgba(212, 53, 28, 0.22); text-decoration: underline wavy 1px;',
  'this-is-me': 'background-color: rgba(0, 133, 122, 0.25); text-decoration: underline double 2px;',
};

const MEANINGS = Object.keys(MEANING_STYLES) as HighlightMeaning[];
const registryName = (meaning: HighlightMeaning) => `hc-${meaning}`;

let sheet: CSSStyleSheet | undefined;

/** Whether this browser can paint highlights without changing the page's DOM. */
export function canPaintHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/**
 * Paints ranges with the CSS Custom Highlight API: the page's DOM is not
 * rewritten, and the style lives in an adopted stylesheet, not an element.
 */
export function paintRanges(items: readonly { range: Range; meaning: HighlightMeaning }[]): void {
  if (!canPaintHighlights()) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(MEANINGS.map((m) => `::highlight(${registryName(m)}) { ${MEANING_STYLES[m]} }`).join('\n'));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  for (const { range, meaning } of items) {
    const name = registryName(meaning);
    const existing = CSS.highlights.get(name);
    if (existing) existing.add(range);
    else CSS.highlights.set(name, new Highlight(range));
  }
}
