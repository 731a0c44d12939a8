import type { TextQuote } from '../model/clip';

export type { TextQuote };

/** W3C TextQuoteSelector: the passage and the text around it (https://www.w3.org/TR/annotation-model/#text-quote-selector). */
export type TextQuoteSelector = TextQuote;

/**
 * W3C TextPositionSelector: character offsets into a text string, end exclusive
 * (https://www.w3.org/TR/annotation-model/#text-position-selector).
 * No schema in lib/model yet; move it there when highlights are stored.
 */
export interface TextPositionSelector {
  start: number;
  end: number;
}

/** How many characters of context a quote keeps on each side. */
export const QUOTE_CONTEXT_CHARS = 64;

/** Collapses every run of whitespace (spaces, line breaks, no-break spaces) to one space. */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/**
 * Describes text[start, end) as a quote with up to `contextChars` characters
 * of whitespace-collapsed context on each side. Undefined when the span holds no text.
 */
export function describeTextQuote(
  text: string,
  position: TextPositionSelector,
  contextChars: number = QUOTE_CONTEXT_CHARS,
): TextQuote | undefined {
  const start = Math.max(0, Math.min(position.start, text.length));
  const end = Math.max(start, Math.min(position.end, text.length));
  const raw = collapseWhitespace(text.slice(start, end));
  const exact = raw.trim();
  if (!exact) return undefined;
  // Look far enough back to fill the context even when the page is indented with long whitespace runs.
  const window = contextChars * 4;
  let prefix = collapseWhitespace(text.slice(Math.max(0, start - window), start));
  let suffix = collapseWhitespace(text.slice(end, end + window));
  // Whitespace trimmed off the passage belongs to its context, so word boundaries stay known.
  if (raw.startsWith(' ') && !prefix.endsWith(' ')) prefix += ' ';
  if (raw.endsWith(' ') && !suffix.startsWith(' ')) suffix = ' ' + suffix;
  return {
    exact,
    prefix: prefix.slice(-contextChars).trimStart(),
    suffix: suffix.slice(0, contextChars).trimEnd(),
  };
}

/** The text a position selector points at, or undefined when it is out of bounds. */
export function textAtPosition(text: string, position: TextPositionSelector): string | undefined {
  const { start, end } = position;
  if (start < 0 || end < start || end > text.length) return undefined;
  return text.slice(start, end);
}
