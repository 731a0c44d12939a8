import { describeRange } from '../anchor/dom-text';
import type { TextQuote } from '../model/clip';

/**
 * The selected passage with up to 64 characters of text on either side, so
 * the passage can be found again on the page later (W3C TextQuoteSelector).
 * It reads the page in lib/anchor's text model, the one anchoring uses, so
 * words in neighbouring blocks are not glued together and hidden text is
 * left out. Returns undefined when the range holds no text.
 */
export function describeTextQuote(range: Range): TextQuote | undefined {
  const doc = range.startContainer.ownerDocument;
  const root = doc?.body ?? doc?.documentElement;
  if (!root) return undefined;
  return describeRange(root, range)?.quote;
}
