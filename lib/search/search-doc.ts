import type { Clip } from '../model/clip';
import type { Highlight } from '../model/highlight';
import type { SourceType } from '../model/source-type';

/** How much a word counts for, by where it was found: a word in the title says more than one in the body. */
export const FIELD_WEIGHTS = { title: 8, tags: 6, note: 5, highlights: 4, site: 2, excerpt: 2, body: 1 } as const;
export type FieldName = keyof typeof FIELD_WEIGHTS;

/** What the index needs of a clip: its searchable text by field, and the facts filters use. */
export interface SearchDoc {
  id: string;
  fields: readonly { field: FieldName; text: string }[];
  tags: readonly string[];
  /** Milliseconds since 1970. */
  savedAt: number;
  /** The page's host without "www.", for the user's site rules. */
  host: string;
  verdictType: SourceType;
  overrideType?: SourceType;
  /** When the page said it would next be reviewed (ms), or NaN. */
  reviewDue: number;
  highlightCount: number;
}

/** The clip fields a search document is made from (list items lack the body; pass the full clip). */
export type SearchableClip = Pick<
  Clip,
  'id' | 'title' | 'siteName' | 'url' | 'tags' | 'note' | 'excerpt' | 'contentText' | 'quote' | 'savedAt' | 'sourceVerdict' | 'sourceOverride' | 'quality'
>;

/** The highlight fields that are searched. */
export type SearchableHighlight = Pick<Highlight, 'quote' | 'note'>;

function hostOf(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(url);
  return (match?.[1] ?? '').toLowerCase().replace(/^www\d*\./, '');
}

/** A clip and its highlights as one search document. */
export function searchDocFromClip(clip: SearchableClip, highlights: readonly SearchableHighlight[] = []): SearchDoc {
  const fields: { field: FieldName; text: string }[] = [{ field: 'title', text: clip.title }];
  if (clip.tags.length) fields.push({ field: 'tags', text: clip.tags.join('. ') });
  if (clip.note) fields.push({ field: 'note', text: clip.note });
  const marked = highlights.map((h) => (h.note ? `${h.quote.exact}. ${h.note}` : h.quote.exact));
  if (marked.length) fields.push({ field: 'highlights', text: marked.join('.\n') });
  if (clip.siteName) fields.push({ field: 'site', text: clip.siteName });
  if (clip.excerpt) fields.push({ field: 'excerpt', text: clip.excerpt });
  // A passage clip's quote is its content; an article's quote (if any) is inside its text already.
  const body = clip.contentText ?? clip.quote?.exact;
  if (body) fields.push({ field: 'body', text: body });
  const due = clip.quality?.nextReview ? Date.parse(clip.quality.nextReview.date) : NaN;
  return {
    id: clip.id,
    fields,
    tags: clip.tags,
    savedAt: Date.parse(clip.savedAt),
    host: hostOf(clip.url),
    verdictType: clip.sourceVerdict.type,
    overrideType: clip.sourceOverride,
    reviewDue: due,
    highlightCount: highlights.length,
  };
}
