import type { Collection, ResolvedCollection, ResolvedItem } from '../model/collection';
import type { Highlight } from '../model/highlight';
import { SELECTOR_LIMITS, type Selector } from '../model/selectors';
import { resolveSourceType } from '../model/site-rules';
import type { SiteRule } from '../model/source-type';
import {
  COLLECTION_FORMAT,
  COLLECTION_FORMAT_VERSION,
  FILE_LIMITS,
  type CollectionFile,
  type FileCollection,
  type FileHighlight,
  type FileItem,
} from './collection-file';
import { shareableCollection, type ShareOptions } from './export-filter';
import { t } from '../i18n';

/** What the user chose in the export bar, and the world the export needs. */
export interface ExportOptions extends ShareOptions {
  /** Who curated the list, as they want to be named ("Riverside diabetes group"); left out when blank. */
  curator?: string;
  now: Date;
  /** What made the file; default "Health Clipper". */
  generator?: string;
}

const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/** An ISO 8601 form of a date the page gave, or undefined when it cannot be read. */
function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The selectors to write for a highlight: its W3C selectors, or (made before they existed) its quote and position. */
function selectorsOf(h: Highlight): FileHighlight['selectors'] {
  if (h.selectors?.some((s) => s.type === 'TextQuoteSelector')) return h.selectors;
  const list: Selector[] = [{ type: 'TextQuoteSelector', exact: h.quote.exact, prefix: h.quote.prefix, suffix: h.quote.suffix }];
  if (h.position && h.position.end <= SELECTOR_LIMITS.maxOffset) list.push({ type: 'TextPositionSelector', start: h.position.start, end: h.position.end });
  return list;
}

function fileItem(entry: Required<Pick<ResolvedItem, 'clip'>> & ResolvedItem, siteRules: readonly SiteRule[], includePrivate: boolean): FileItem {
  const { clip, item, highlight } = entry;
  const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, V>));
  return {
    url: clip.url,
    canonicalUrl: clip.canonicalUrl || clip.url,
    title: cut(clip.title, FILE_LIMITS.maxPageTitle),
    ...optional('siteName', clip.siteName && cut(clip.siteName, FILE_LIMITS.maxSiteName)),
    ...optional('byline', clip.byline && cut(clip.byline, FILE_LIMITS.maxByline)),
    sourceType: resolveSourceType(clip, siteRules).type,
    ...optional('publishedAt', isoDate(clip.quality?.published?.date ?? clip.publishedAt)),
    ...optional('lastReviewed', isoDate(clip.quality?.lastReviewed?.date)),
    note: cut(item.note, FILE_LIMITS.maxText),
    ...optional('excerpt', clip.excerpt && cut(clip.excerpt, FILE_LIMITS.maxExcerpt)),
    ...(includePrivate && item.private ? { private: true } : {}),
    ...(highlight
      ? { highlight: { meaning: highlight.meaning, ...optional('note', highlight.note && cut(highlight.note, FILE_LIMITS.maxHighlightNote)), selectors: selectorsOf(highlight) } }
      : {}),
  };
}

/** The collection's own fields, with the reading-list or prescription ones for its kind (never a patient's name). */
function fileCollection(c: Collection, items: FileItem[], curator: string | undefined): FileCollection {
  const base: FileCollection = {
    kind: c.kind,
    title: cut(c.title.trim(), FILE_LIMITS.maxCollectionTitle) || t('exchange.untitledList'),
    description: c.description,
    ...(curator ? { curator } : {}),
    createdAt: new Date(c.createdAt).toISOString(),
    updatedAt: new Date(c.updatedAt).toISOString(),
    items,
  };
  if (c.kind === 'reading-list') {
    const { date, with: withWhom, medicines } = c.appointment;
    return {
      ...base,
      questions: c.questions.map((q) => ({ text: q.text, origin: q.origin, answered: q.answered, ...(q.answer ? { answer: q.answer } : {}) })),
      whatMatters: c.whatMatters,
      appointment: { ...(date ? { date } : {}), ...(withWhom ? { with: withWhom } : {}), ...(medicines ? { medicines } : {}) },
    };
  }
  if (c.kind === 'prescription') {
    return {
      ...base,
      condition: c.condition,
      prescriber: { ...c.prescriber },
      support: c.support.map((s) => ({ name: s.name, ...(s.contact ? { contact: s.contact } : {}), ...(s.note ? { note: s.note } : {}) })),
      ...(c.issuedAt ? { issuedAt: new Date(c.issuedAt).toISOString() } : {}),
    };
  }
  return base;
}

/**
 * A list as a collection file to share. Private items are left out unless
 * `includePrivate`; forum posts and personal stories are not quoted unless
 * `quotePeer` (see export-filter.ts). Items whose page was deleted from the
 * library are left out (there is nothing to point at). Every text is cut
 * to the format's limits, so the result always passes collectionFileSchema.
 */
export function exportCollectionFile(resolved: ResolvedCollection, siteRules: readonly SiteRule[], options: ExportOptions): CollectionFile {
  const shared = shareableCollection(resolved, siteRules, options);
  const items = shared.entries.flatMap((e) => (e.clip ? [fileItem({ ...e, clip: e.clip }, siteRules, options.includePrivate ?? false)] : []));
  const curator = options.curator?.replace(/\s+/g, ' ').trim().slice(0, FILE_LIMITS.maxShortText) || undefined;
  return {
    format: COLLECTION_FORMAT,
    formatVersion: COLLECTION_FORMAT_VERSION,
    exportedAt: options.now.toISOString(),
    generator: cut(options.generator ?? 'Health Clipper' /* i18n-ignore: the program's name in the file, not read as prose */, FILE_LIMITS.maxGenerator),
    collection: fileCollection(shared.collection, items.slice(0, FILE_LIMITS.maxItems), curator),
  };
}

/** The file as text to save: JSON with two-space indents and a final line break. */
export function collectionFileText(file: CollectionFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
