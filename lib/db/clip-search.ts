import { effectiveSourceType, type Clip } from '../model/clip';
import type { SiteRule, SourceType } from '../model/source-type';

/** What the library list can be narrowed by; all parts combine. */
export interface ClipFilter {
  /** Words that must all appear in the title, text, note, tags or site. */
  query?: string;
  tag?: string;
  sourceType?: SourceType;
}

/** Lower-case words of a query, without punctuation around them. */
export function queryWords(query: string | undefined): string[] {
  return (query ?? '')
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$/gu, ''))
    .filter(Boolean);
}

/** True when the clip passes every part of the filter. */
export function matchesFilter(clip: Clip, filter: ClipFilter, words: readonly string[], siteRules: readonly SiteRule[] = []): boolean {
  if (filter.tag && !clip.tags.includes(filter.tag)) return false;
  if (filter.sourceType && effectiveSourceType(clip, siteRules) !== filter.sourceType) return false;
  if (!words.length) return true;
  const haystack = [clip.title, clip.siteName, clip.note, clip.tags.join(' '), clip.excerpt, clip.contentText, clip.quote?.exact]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
  return words.every((w) => haystack.includes(w));
}
