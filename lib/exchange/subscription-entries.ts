import { canonicalizeUrl } from '../clip/canonical-url';
import { cleanText, oneLine } from '../consult/format';
import type { ResolvedCollection } from '../model/collection';
import type { CollectionFile, FileItem } from './collection-file';
import type { SubscriptionEntry } from './subscription-diff';

/**
 * The two sides a followed collection's diff compares, in the diff's terms:
 * the library's copy (its items with their pages and highlights looked up)
 * and the file published at the address.
 */

/**
 * The library's copy: the items that came from the published list (they
 * carry its provenance; items the user added themselves are theirs and are
 * kept by updates). Items whose page was deleted from the library are left
 * out (an update brings them back).
 */
export function entriesFromResolved(resolved: ResolvedCollection): SubscriptionEntry[] {
  return resolved.entries.flatMap(({ item, clip, highlight }) => {
    if (!clip || !item.provenance) return [];
    const entry: SubscriptionEntry = { url: clip.canonicalUrl, title: clip.title, note: item.note };
    if (highlight) {
      entry.quote = highlight.quote.exact;
      entry.highlight = { meaning: highlight.meaning, note: highlight.note };
    }
    return [entry];
  });
}

/** The passage a file item highlights (its TextQuoteSelector), if it is a highlight. */
export function quoteOfFileItem(item: FileItem): string | undefined {
  const quote = item.highlight?.selectors.find((s) => s.type === 'TextQuoteSelector');
  return quote?.type === 'TextQuoteSelector' ? quote.exact : undefined;
}

/**
 * The published copy. Each page's address is canonicalised by our own rules,
 * as the import does (import-plan.ts), so it matches the clip it became.
 */
export function entriesFromFile(file: CollectionFile): SubscriptionEntry[] {
  return file.collection.items.map((item) => {
    const url = canonicalizeUrl(item.canonicalUrl) ?? canonicalizeUrl(item.url) ?? item.canonicalUrl;
    // Cleaned as the import cleans them, so an unchanged item compares equal to its imported copy.
    const entry: SubscriptionEntry = { url, title: oneLine(cleanText(item.title)) || url, note: cleanText(item.note) };
    const quote = quoteOfFileItem(item);
    if (item.highlight && quote) {
      entry.quote = quote;
      entry.highlight = { meaning: item.highlight.meaning, note: cleanText(item.highlight.note ?? '') };
    }
    return entry;
  });
}
