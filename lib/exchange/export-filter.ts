import type { ClipSummary, Collection, ResolvedCollection, ResolvedItem } from '../model/collection';
import { resolveSourceType } from '../model/site-rules';
import type { SiteRule } from '../model/source-type';

/**
 * What leaves the machine when a list is shared: the same rules for the
 * collection file, CSV, Markdown, the web page and the printout.
 *
 * - Items the user marked private are left out unless they include them on
 *   purpose.
 * - Forum posts and personal stories (source type "peer") are not quoted
 *   unless the user chooses to: their highlighted passages, selected text
 *   and summary are left out, and so are the names of the people who wrote
 *   them (the page's byline and the author and reviewer the page named).
 *   On a forum or a blog those names are usually usernames. The page's
 *   title, address and the user's own note stay. People wrote those posts
 *   for their community, not for a handout.
 */
export interface ShareOptions {
  /** Include items marked private. Default: no. */
  includePrivate?: boolean;
  /** Quote forum posts and personal stories (passages, summary, usernames). Default: no. */
  quotePeer?: boolean;
}

/** Whether an entry's page is a forum post or personal story, as the user sees its type. */
export function isPeerEntry(entry: ResolvedItem, siteRules: readonly SiteRule[]): boolean {
  return entry.clip !== undefined && resolveSourceType(entry.clip, siteRules).type === 'peer';
}

/** A peer page without what would quote it or name its writer. */
function withoutQuotes(clip: ClipSummary): ClipSummary {
  const { byline: _byline, excerpt: _excerpt, quote: _quote, quality, ...rest } = clip;
  if (!quality) return rest;
  const { author: _author, reviewer: _reviewer, ...facts } = quality;
  return { ...rest, quality: facts };
}

/**
 * The part of a resolved list that may be shared under `options`: private
 * items left out (from the collection's items too), and peer pages
 * unquoted (a highlight on one becomes the page alone). Order is kept.
 */
export function shareableCollection<C extends Collection>(
  resolved: ResolvedCollection<C>,
  siteRules: readonly SiteRule[],
  options: ShareOptions = {},
): ResolvedCollection<C> {
  const includePrivate = options.includePrivate ?? false;
  const quotePeer = options.quotePeer ?? false;
  const entries = resolved.entries
    .filter((e) => includePrivate || !e.item.private)
    .map((e): ResolvedItem => {
      if (quotePeer || !e.clip || !isPeerEntry(e, siteRules)) return e;
      return { item: e.item, clip: withoutQuotes(e.clip) };
    });
  const kept = new Set(entries.map((e) => e.item.id));
  return { collection: { ...resolved.collection, items: resolved.collection.items.filter((i) => kept.has(i.id)) }, entries };
}
