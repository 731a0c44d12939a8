import { isElement } from './text-model';

/**
 * Simple XPaths relative to the anchoring root, of the form
 * "/main[1]/article[1]/p[3]" ("/" is the root itself), as Hypothesis stores
 * them. Only this form is read back: anything else is "not found", never an
 * error, because stored selectors are untrusted input. No document.evaluate,
 * so the same code runs in jsdom and in a browser.
 */

const STEP = /^([A-Za-z][\w.-]*)\[(\d{1,6})\]$/;

/** The element's 1-based position among its siblings with the same name. */
function positionAmongSameName(el: Element): number {
  let n = 1;
  for (let sib = el.previousElementSibling; sib; sib = sib.previousElementSibling) {
    if (sib.localName === el.localName) n++;
  }
  return n;
}

/** The XPath of `el` relative to `root`, or undefined when `el` is not inside `root`. */
export function xpathFromElement(root: Node, el: Element): string | undefined {
  const steps: string[] = [];
  let node: Element | null = el;
  while (node && node !== root) {
    steps.push(`${node.localName}[${positionAmongSameName(node)}]`);
    const parent: Node | null = node.parentNode;
    node = parent && isElement(parent) ? parent : null;
  }
  if (node !== root) return undefined;
  return `/${steps.reverse().join('/')}`;
}

/** The element an XPath from `xpathFromElement` points at now, or null. */
export function elementFromXPath(root: Node, path: string): Element | null {
  if (path === '/') return isElement(root) ? root : null;
  const steps = path.split('/');
  if (steps.shift() !== '' || steps.length === 0) return null;
  let node: Node = root;
  for (const step of steps) {
    const m = STEP.exec(step);
    if (!m) return null;
    const name = (m[1] ?? '').toLowerCase();
    let wanted = Number(m[2]);
    let found: Element | null = null;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (isElement(child) && child.localName.toLowerCase() === name && --wanted === 0) {
        found = child;
        break;
      }
    }
    if (!found) return null;
    node = found;
  }
  return isElement(node) ? node : null;
}
