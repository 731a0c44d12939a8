/**
 * Page text with whitespace runs collapsed to one space, and a map back to
 * the original offsets, so line breaks and reflowed indentation never count
 * as changes when a quote is matched.
 */
export interface NormalizedText {
  /** The original text. */
  readonly raw: string;
  /** The text with every whitespace run replaced by a single space. */
  readonly text: string;
  /** toRaw[i] is the offset in `raw` of text[i]; toRaw[text.length] is raw.length. */
  readonly toRaw: Int32Array;
}

const isSpace = (code: number) =>
  code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;

/** Collapses whitespace runs (the same set as the regex `\s`) and records where each character came from. */
export function normalizeText(raw: string): NormalizedText {
  const toRaw = new Int32Array(raw.length + 1);
  const parts: string[] = [];
  let n = 0;
  let runStart = 0;
  let i = 0;
  while (i < raw.length) {
    if (isSpace(raw.charCodeAt(i))) {
      if (i > runStart) parts.push(raw.slice(runStart, i));
      parts.push(' ');
      toRaw[n++] = i;
      while (i < raw.length && isSpace(raw.charCodeAt(i))) i++;
      runStart = i;
    } else {
      toRaw[n++] = i++;
    }
  }
  if (raw.length > runStart) parts.push(raw.slice(runStart));
  toRaw[n] = raw.length;
  return { raw, text: parts.join(''), toRaw: toRaw.subarray(0, n + 1) };
}

/** The normalized offset of a raw offset (the character at or just before it). */
export function toNormalizedOffset(norm: NormalizedText, rawOffset: number): number {
  let lo = 0;
  let hi = norm.text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((norm.toRaw[mid] ?? Infinity) <= rawOffset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Raw [start, end) of the normalized span [start, end). */
export function toRawSpan(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  const rawStart = norm.toRaw[start] ?? norm.raw.length;
  const rawEnd = end > start ? (norm.toRaw[end - 1] ?? norm.raw.length - 1) + 1 : rawStart;
  return { start: rawStart, end: rawEnd };
}
