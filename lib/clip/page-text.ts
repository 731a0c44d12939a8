import { bodyOf, nodeNameOf } from '../anchor/unclobbered';

/** The page's visible-ish text, read once, capped so huge pages stay fast. */
export interface PageText {
  /** Text nodes joined by newlines, up to the cap (script, style and template text left out). */
  text: string;
  /** The text of the page's footer (or the last part of the text), where charity numbers usually sit. */
  footer: string;
  /** True when the cap cut the text short. */
  truncated: boolean;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'HEAD']);
/** About 60 pages of text: enough for any article, cheap on a 10 MB forum page. */
export const MAX_TEXT_CHARS = 300_000;
const MAX_NODES = 60_000;
const FOOTER_CHARS = 20_000;

/**
 * Walks the document's text once (no layout), skipping script and style,
 * joining text nodes with newlines so that labels and values stay apart.
 */
export function readPageText(doc: Document, maxChars = MAX_TEXT_CHARS): PageText {
  const root = bodyOf(doc);
  const parts: string[] = [];
  let length = 0;
  let nodes = 0;
  let truncated = false;
  // A plain loop over firstChild/nextSibling: a TreeWalker with a filter
  // calls back into script for every element, which was 3-5x slower.
  // Whole script/style subtrees are stepped over, not entered.
  let node: Node | null = root?.firstChild ?? null;
  while (node) {
    if (node.nodeType === 3 /* TEXT_NODE */) {
      if (++nodes > MAX_NODES || length > maxChars) {
        truncated = true;
        break;
      }
      const value = node.nodeValue?.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim();
      if (value) {
        parts.push(value);
        length += value.length + 1;
      }
    } else if (node.nodeType === 1 /* ELEMENT_NODE */ && node.firstChild && !SKIP.has(nodeNameOf(node))) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  const text = parts.join('\n').slice(0, maxChars);
  const footerEl = doc.querySelector('footer, [role="contentinfo"], #footer, .footer, .site-footer');
  const footerText = footerEl?.textContent?.replace(/\s+/g, ' ').slice(0, FOOTER_CHARS) ?? '';
  return { text, footer: `${footerText}\n${text.slice(-FOOTER_CHARS)}`, truncated };
}
