import type { TextQuote } from '../model/clip';

const CONTEXT_CHARS = 64;

const squash = (s: string) => s.replace(/\s+/g, ' ');

/**
 * The selected passage with up to 64 characters of text on either side, so
 * the passage can be found again on the page later (W3C TextQuoteSelector).
 * Returns undefined when the range holds no text.
 */
export function describeTextQuote(range: Range): TextQuote | undefined {
  const exact = squash(range.toString()).trim();
  if (!exact) return undefined;
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  const body = doc.body ?? doc.documentElement;
  if (!body) return { exact, prefix: '', suffix: '' };
  const before = doc.createRange();
  before.setStart(body, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const after = doc.createRange();
  after.setStart(range.endContainer, range.endOffset);
  after.setEnd(body, body.childNodes.length);
  return {
    exact,
    prefix: squash(before.toString()).slice(-CONTEXT_CHARS).trimStart(),
    suffix: squash(after.toString()).slice(0, CONTEXT_CHARS).trimEnd(),
  };
}
