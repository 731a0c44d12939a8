import type { TextQuote } from '../model/clip';

export type { TextQuote };

/** A span of a text string, end exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

/** @deprecated The W3C selector types (with `type`) are in lib/model/selectors; this is a plain quote. */
export type TextQuoteSelector = TextQuote;

/** @deprecated Use `TextSpan`; the W3C TextPositionSelector (with `type`) is in lib/model/selectors. */
export type TextPositionSelector = TextSpan;

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
  position: TextSpan,
  contextChars: number = QUOTE_CONTEXT_CHARS,
): TextQuote | undefined {
  const start = Math.max(0, Math.min(position.start, text.length));
  const end = Math.max(start, Math.min(position.end, text.length));
  const raw = collapseWhitespace(text.slice(start, end));
  const exact = raw.trim();
  if (!exact) return undefined;
  let prefix = contextBefore(text, start, contextChars);
  let suffix = contextAfter(text, end, contextChars);
  // Whitespace trimmed off the passage belongs to its context, so word boundaries stay known.
  if (raw.startsWith(' ') && !prefix.endsWith(' ')) prefix += ' ';
  if (raw.endsWith(' ') && !suffix.startsWith(' ')) suffix = ' ' + suffix;
  return {
    exact,
    prefix: prefix.slice(-contextChars).trimStart(),
    suffix: suffix.slice(0, contextChars).trimEnd(),
  };
}

/** Collapsed text before `at`, at least `chars` long where the text has it (long whitespace runs widen the window). */
function contextBefore(text: string, at: number, chars: number): string {
  for (let window = Math.max(64, chars * 4); ; window *= 4) {
    const from = Math.max(0, at - window);
    const context = collapseWhitespace(text.slice(from, at));
    if (from === 0 || context.length > chars) return context;
  }
}

/** Collapsed text after `at`, at least `chars` long where the text has it. */
function contextAfter(text: string, at: number, chars: number): string {
  for (let window = Math.max(64, chars * 4); ; window *= 4) {
    const to = Math.min(text.length, at + window);
    const context = collapseWhitespace(text.slice(at, to));
    if (to === text.length || context.length > chars) return context;
  }
}

/** The text a span points at, or undefined when it is out of bounds. */
export function textAtPosition(text: string, position: TextSpan): string | undefined {
  const { start, end } = position;
  if (start < 0 || end < start || end > text.length) return undefined;
  return text.slice(start, end);
}
