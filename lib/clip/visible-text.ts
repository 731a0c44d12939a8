import { attributeOf, tagNameOf } from '../anchor/unclobbered';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'SELECT', 'TEXTAREA', 'HEAD']);
const BLOCK = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|BR|DD|DIV|DL|DT|FIELDSET|FIGCAPTION|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TR|UL|TD|TH)$/;

/**
 * The page's readable text in document order, one block per line, without
 * scripts, styles or elements hidden with the `hidden` attribute or
 * `aria-hidden`. Works on any DOM (no layout needed, unlike `innerText`),
 * and stops once `maxChars` is reached so a huge page cannot stall the tab.
 */
export function collectVisibleText(root: Element, maxChars: number): string {
  const parts: string[] = [];
  let length = 0;
  // Line breaks in the HTML source are just spaces, except inside <pre>.
  const walk = (node: Node, inPre: boolean): void => {
    if (length >= maxChars) return;
    if (node.nodeType === 3) {
      const raw = node.nodeValue ?? '';
      if (raw.trim()) {
        const text = inPre ? raw : raw.replace(/\s+/g, ' ');
        parts.push(text);
        length += text.length;
      }
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = tagNameOf(el);
    if (SKIP.has(tag) || attributeOf(el, 'hidden') !== null || attributeOf(el, 'aria-hidden') === 'true') return;
    const block = BLOCK.test(tag);
    if (block) parts.push('\n');
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child, inPre || tag === 'PRE');
    if (block) parts.push('\n');
  };
  walk(root, false);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\r]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
    .slice(0, maxChars);
}

/** Plain text as simple paragraphs of HTML, escaped. */
export function textToHtml(text: string): string {
  const escape = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => `<p>${escape(line)}</p>`)
    .join('\n');
}
