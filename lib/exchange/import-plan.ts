import { classifySource } from '../classify/classify-source';
import { canonicalizeUrl } from '../clip/canonical-url';
import { cleanText, oneLine } from '../consult/format';
import type { ClipKind, TextQuote } from '../model/clip';
import type { Appointment, CollectionKind, ItemProvenance, Prescriber, QuestionInput } from '../model/collection';
import type { HighlightMeaning } from '../model/highlight-meanings';
import { bareHost } from '../model/page-address';
import type { Selectors } from '../model/selectors';
import type { SourceType, SourceVerdict } from '../model/source-type';
import { FILE_LIMITS, type CollectionFile, type FileItem } from './collection-file';
import { addressVariants } from './import-addresses';
import { t } from '../i18n';

/**
 * What importing a collection file would do, worked out before anything is
 * written, so the user sees it first: which pages are new and which are
 * already in their library, which highlights would be added, and the new
 * collection itself. Pure: the library comes in as a snapshot.
 *
 * Merging never overwrites what the user wrote. A page already saved keeps
 * its title, tags and note; the curator's note goes on the new collection's
 * item, with where it came from ("from <collection> by <curator>, <date>").
 * A highlight whose passage the user already highlighted on that page is not
 * added again (theirs, with their note, is used).
 */

/** A saved clip, as much as planning needs. */
export interface LibraryClipInfo {
  id: string;
  kind: ClipKind;
  canonicalUrl: string;
  title: string;
  savedAt: string;
}

/** A saved highlight, as much as planning needs. */
export interface LibraryHighlightInfo {
  id: string;
  clipId: string;
  /** The highlighted passage. */
  exact: string;
}

/** The part of the library an import touches: clips saved under the file's addresses, and their highlights. */
export interface ImportLibrary {
  clips: readonly LibraryClipInfo[];
  highlights: readonly LibraryHighlightInfo[];
}

/** One page the import points at: already in the library, or to be saved as a link. */
export interface PlannedPage {
  status: 'new' | 'existing';
  /** The library's clip, when the page is already there. */
  existingClipId?: string;
  /** Its title in the library (the user's copy wins). */
  existingTitle?: string;
  url: string;
  canonicalUrl: string;
  title: string;
  siteName?: string;
  byline?: string;
  excerpt?: string;
  publishedAt?: string;
  /** The type the curator's copy showed (informative). */
  fileSourceType: SourceType;
  /** What our classifier says from the address alone: a new page is saved with it, like any clip. */
  verdict: SourceVerdict;
}

/** One highlight the import points at: the user's identical one, or a new one on the page. */
export interface PlannedHighlight {
  /** Index into `pages`. */
  page: number;
  status: 'new' | 'existing';
  existingHighlightId?: string;
  meaning: HighlightMeaning;
  /** The curator's note on the passage (a new highlight keeps it; an existing one keeps the user's). */
  note: string;
  quote: TextQuote;
  position?: { start: number; end: number };
  selectors: Selectors;
}

/** One item of the new collection, in the file's order. */
export interface PlannedItem {
  /** Index into `pages`. */
  page: number;
  /** Index into `highlights`, when the item is a highlight. */
  highlight?: number;
  /** The curator's note. */
  note: string;
  private: boolean;
}

/** The new collection's own fields (ids, dates and items are added when it is written). */
export type ImportedCollection =
  | { kind: 'collection'; title: string; description: string }
  | {
      kind: 'reading-list';
      title: string;
      description: string;
      whatMatters: string;
      appointment: Appointment;
      questions: Omit<QuestionInput, 'id'>[];
    }
  | {
      kind: 'prescription';
      title: string;
      description: string;
      condition: string;
      prescriber: Prescriber;
      support: { name: string; contact: string; note: string }[];
      isTemplate: boolean;
      issuedAt?: string;
    };

/** Who made the file and when, shown in the preview. */
export interface ImportSource {
  title: string;
  kind: CollectionKind;
  description: string;
  curator?: string;
  exportedAt: string;
  generator: string;
}

/** Everything an import would do, for the preview and for `applyImport`. */
export interface ImportPlan {
  source: ImportSource;
  collection: ImportedCollection;
  /** Put on every item: its note is the curator's. */
  provenance: ItemProvenance;
  pages: PlannedPage[];
  highlights: PlannedHighlight[];
  items: PlannedItem[];
  counts: {
    items: number;
    newPages: number;
    existingPages: number;
    newHighlights: number;
    existingHighlights: number;
    privateItems: number;
  };
}

const WHOLE_PAGE: ReadonlySet<ClipKind> = new Set(['article', 'link']);

/** Plain text: control characters removed, line ends normalised, trimmed. */
const plain = (text: string | undefined) => (text === undefined ? undefined : cleanText(text));
/** A single line of plain text, or undefined when empty. */
const line = (text: string | undefined, max: number) => {
  const out = text === undefined ? '' : oneLine(cleanText(text)).slice(0, max);
  return out || undefined;
};

/**
 * One key per page however it was written: scheme, www./m./mobile. prefix
 * and tracking parameters ignored, as the library's own "already saved?"
 * check does (lib/model/page-address.ts).
 */
export function pageKey(canonicalUrl: string): string {
  try {
    const url = new URL(canonicalUrl);
    return `${bareHost(url.hostname)}${url.port ? `:${url.port}` : ''}${url.pathname}${url.search}`;
  } catch {
    return canonicalUrl;
  }
}

/** The file's canonical address, canonicalised again by our own rules (a file may not have been made by us). */
function canonicalOf(item: FileItem): string {
  return canonicalizeUrl(item.canonicalUrl) ?? canonicalizeUrl(item.url) ?? item.canonicalUrl;
}

/**
 * Each item's canonical address and its variants, worked out once per file
 * (building the variants is the slowest part of planning a large file, and
 * both importAddresses and planImport need them). Keyed weakly by the file
 * object, so nothing outlives it.
 */
const addressCache = new WeakMap<CollectionFile, { canonical: string; variants: string[] }[]>();
function itemAddresses(file: CollectionFile): { canonical: string; variants: string[] }[] {
  let cached = addressCache.get(file);
  if (!cached) {
    const byCanonical = new Map<string, string[]>();
    cached = file.collection.items.map((item) => {
      const canonical = canonicalOf(item);
      let variants = byCanonical.get(canonical);
      if (!variants) {
        variants = addressVariants(canonical);
        byCanonical.set(canonical, variants);
      }
      return { canonical, variants };
    });
    addressCache.set(file, cached);
  }
  return cached;
}

/** Every address the file's pages may be saved under in the library: what the snapshot must hold. */
export function importAddresses(file: CollectionFile): string[] {
  const out = new Set<string>();
  for (const { variants } of itemAddresses(file)) for (const variant of variants) out.add(variant);
  return [...out];
}

/** The clip a page matches: a whole-page clip first, then any, oldest first. */
function bestMatch(candidates: readonly LibraryClipInfo[]): LibraryClipInfo | undefined {
  const sorted = [...candidates].sort((a, b) => Number(WHOLE_PAGE.has(b.kind)) - Number(WHOLE_PAGE.has(a.kind)) || a.savedAt.localeCompare(b.savedAt));
  return sorted[0];
}

/** Squashed text for "the same passage": white space does not count. */
export const samePassageKey = (exact: string) => oneLine(exact);

function importedCollection(file: CollectionFile): ImportedCollection {
  const c = file.collection;
  const title = line(c.title, FILE_LIMITS.maxCollectionTitle) ?? t('exchange.importedCollection');
  const description = plain(c.description) ?? '';
  if (c.kind === 'reading-list') {
    const appointment: Appointment = {};
    const date = c.appointment?.date;
    const withWhom = line(c.appointment?.with, FILE_LIMITS.maxShortText);
    const medicines = plain(c.appointment?.medicines);
    if (date) appointment.date = date;
    if (withWhom) appointment.with = withWhom;
    if (medicines) appointment.medicines = medicines;
    return {
      kind: 'reading-list',
      title,
      description,
      whatMatters: plain(c.whatMatters) ?? '',
      appointment,
      questions: (c.questions ?? []).flatMap((q) => {
        const text = line(q.text, FILE_LIMITS.maxQuestion);
        return text ? [{ text, origin: q.origin ?? 'own', answered: q.answered ?? false, answer: plain(q.answer) ?? '' }] : [];
      }),
    };
  }
  if (c.kind === 'prescription') {
    const support = (c.support ?? []).flatMap((s) => {
      const name = line(s.name, FILE_LIMITS.maxShortText);
      return name ? [{ name, contact: line(s.contact, FILE_LIMITS.maxShortText) ?? '', note: plain(s.note) ?? '' }] : [];
    });
    return {
      kind: 'prescription',
      title,
      description,
      condition: line(c.condition, FILE_LIMITS.maxShortText) ?? '',
      prescriber: {
        service: line(c.prescriber?.service, FILE_LIMITS.maxShortText) ?? '',
        clinician: line(c.prescriber?.clinician, FILE_LIMITS.maxShortText) ?? '',
        contact: line(c.prescriber?.contact, FILE_LIMITS.maxShortText) ?? '',
      },
      support,
      // An issued copy stays an issued copy (dated); anything else arrives as a template to reuse.
      isTemplate: !c.issuedAt,
      ...(c.issuedAt ? { issuedAt: c.issuedAt } : {}),
    };
  }
  return { kind: 'collection', title, description };
}

function plannedPage(item: FileItem, canonicalUrl: string, match: LibraryClipInfo | undefined): PlannedPage {
  const page: PlannedPage = {
    status: match ? 'existing' : 'new',
    url: canonicalizeUrl(item.url) ?? canonicalUrl,
    canonicalUrl,
    title: line(item.title, FILE_LIMITS.maxPageTitle) ?? canonicalUrl,
    fileSourceType: item.sourceType,
    verdict: classifySource({ url: canonicalUrl, signals: [] }),
  };
  if (match) {
    page.existingClipId = match.id;
    page.existingTitle = match.title;
  }
  const siteName = line(item.siteName, FILE_LIMITS.maxSiteName);
  const byline = line(item.byline, FILE_LIMITS.maxByline);
  const excerpt = plain(item.excerpt);
  if (siteName) page.siteName = siteName;
  if (byline) page.byline = byline;
  if (excerpt) page.excerpt = excerpt;
  if (item.publishedAt) page.publishedAt = item.publishedAt;
  return page;
}

/**
 * The preview of importing `file` into a library holding (at least) the
 * clips saved under `importAddresses(file)` and their highlights. Pages are
 * matched by canonical address, including their http/https and
 * www./m./mobile. variants; a page listed twice in the file is one page.
 */
export function planImport(file: CollectionFile, library: ImportLibrary): ImportPlan {
  const clipsByUrl = new Map<string, LibraryClipInfo[]>();
  for (const clip of library.clips) clipsByUrl.set(clip.canonicalUrl, [...(clipsByUrl.get(clip.canonicalUrl) ?? []), clip]);
  const passagesByClip = new Map<string, Map<string, string>>();
  for (const h of library.highlights) {
    const passages = passagesByClip.get(h.clipId) ?? new Map<string, string>();
    if (!passages.has(samePassageKey(h.exact))) passages.set(samePassageKey(h.exact), h.id);
    passagesByClip.set(h.clipId, passages);
  }

  const pages: PlannedPage[] = [];
  const pageByKey = new Map<string, number>();
  const highlights: PlannedHighlight[] = [];
  const highlightByKey = new Map<string, number>();
  const items: PlannedItem[] = [];

  const addresses = itemAddresses(file);
  file.collection.items.forEach((item, index) => {
    const { canonical: canonicalUrl, variants } = addresses[index] ?? { canonical: canonicalOf(item), variants: [] };
    const key = pageKey(canonicalUrl);
    let page = pageByKey.get(key);
    if (page === undefined) {
      const match = bestMatch(variants.flatMap((v) => clipsByUrl.get(v) ?? []));
      page = pages.push(plannedPage(item, canonicalUrl, match)) - 1;
      pageByKey.set(key, page);
    }
    const planned: PlannedItem = { page, note: plain(item.note) ?? '', private: item.private ?? false };
    const h = item.highlight;
    const quoteSelector = h?.selectors.find((s) => s.type === 'TextQuoteSelector');
    if (h && quoteSelector) {
      const passage = samePassageKey(quoteSelector.exact);
      const hKey = `${page} ${passage}`;
      let index = highlightByKey.get(hKey);
      if (index === undefined) {
        const clipId = pages[page]?.existingClipId;
        const existingId = clipId ? passagesByClip.get(clipId)?.get(passage) : undefined;
        const position = h.selectors.find((s) => s.type === 'TextPositionSelector');
        const next: PlannedHighlight = {
          page,
          status: existingId ? 'existing' : 'new',
          meaning: h.meaning,
          note: plain(h.note) ?? '',
          quote: { exact: quoteSelector.exact, prefix: quoteSelector.prefix, suffix: quoteSelector.suffix },
          selectors: h.selectors,
        };
        if (existingId) next.existingHighlightId = existingId;
        if (position && position.end > position.start) next.position = { start: position.start, end: position.end };
        index = highlights.push(next) - 1;
        highlightByKey.set(hKey, index);
      }
      planned.highlight = index;
    }
    items.push(planned);
  });

  const c = file.collection;
  const curator = line(c.curator, FILE_LIMITS.maxShortText);
  const title = line(c.title, FILE_LIMITS.maxCollectionTitle) ?? t('exchange.importedCollection');
  return {
    source: {
      title,
      kind: c.kind,
      description: plain(c.description) ?? '',
      ...(curator ? { curator } : {}),
      exportedAt: file.exportedAt,
      generator: line(file.generator, FILE_LIMITS.maxGenerator) ?? '',
    },
    collection: importedCollection(file),
    provenance: { collection: title, ...(curator ? { curator } : {}), exportedAt: file.exportedAt },
    pages,
    highlights,
    items,
    counts: {
      items: items.length,
      newPages: pages.filter((p) => p.status === 'new').length,
      existingPages: pages.filter((p) => p.status === 'existing').length,
      newHighlights: highlights.filter((h) => h.status === 'new').length,
      existingHighlights: highlights.filter((h) => h.status === 'existing').length,
      privateItems: items.filter((i) => i.private).length,
    },
  };
}
