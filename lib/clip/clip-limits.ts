import type { CLIP_LIMITS } from '../model/clip';

/**
 * The clip size limits the page side needs, as plain numbers. lib/model/clip
 * holds the source of truth next to its zod schemas, but importing a value
 * from it would bundle zod (about 88 KB minified) into the clipper that is
 * injected into the page on every clip, where it only costs parse time. The
 * type-only import above keeps the two equal: change a limit there and this
 * file stops compiling until it is changed here too.
 */
export const PAGE_CLIP_LIMITS = {
  maxHtmlChars: 2_000_000,
  maxTextChars: 1_000_000,
} as const satisfies Pick<typeof CLIP_LIMITS, 'maxHtmlChars' | 'maxTextChars'>;
