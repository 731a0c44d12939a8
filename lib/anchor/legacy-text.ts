import { isElement, isText, makeTextMap, type TextMap } from './text-model';
import { tagNameOf } from './unclobbered';

/**
 * The text model quotes were saved in before the current one (until the
 * selectors of lib/model/selectors.ts): Text-node data only, glued together
 * with no separator between blocks ("dailywith food" for
 * `<p>…daily</p><p>with food…</p>`), and hidden text included. Kept only so
 * highlights saved then still anchor exactly; new quotes never use it.
 */

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Reads the root's text the way quotes were described before the current text model. */
export function collectLegacyText(root: Node): TextMap {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const parts: string[] = [];
  let length = 0;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (!node) break;
    if (isText(node)) {
      if (!node.data) continue;
      nodes.push(node);
      starts.push(length);
      parts.push(node.data);
      length += node.data.length;
      ends.push(length);
      continue;
    }
    if (isElement(node) && SKIPPED.has(tagNameOf(node))) continue;
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return makeTextMap(root, parts, nodes, starts, ends);
}
