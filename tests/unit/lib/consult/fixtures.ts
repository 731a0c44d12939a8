import type { ClipSummary, ResolvedCollection, ResolvedItem } from '../../../../lib/consult/types';
import { collectionSchema, type CollectionInput, type Prescription, type ReadingList } from '../../../../lib/model/collection';
import type { Highlight } from '../../../../lib/model/highlight';
import type { QualityFacts } from '../../../../lib/model/quality-facts';
import type { SourceType } from '../../../../lib/model/source-type';

/** "Now" in every consult test: midday, so no time zone moves the day. */
export const NOW = new Date('2026-11-24T12:00:00Z');

const noQuality: QualityFacts = { referencesCount: 0, hasAdverts: false, sponsorship: [], charityNumbers: [] };

/** A saved page as the repository hands it to the outputs. */
export function clip(id: string, overrides: Omit<Partial<ClipSummary>, 'quality'> & { type?: SourceType; quality?: Partial<QualityFacts> } = {}): ClipSummary {
  const { type = 'official', quality, ...rest } = overrides;
  const url = rest.url ?? `https://www.nhs.uk/conditions/${id}/`;
  return {
    id,
    kind: 'article',
    url,
    canonicalUrl: url,
    title: `Page ${id}`,
    savedAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    tags: [],
    note: '',
    sourceVerdict: { type, confidence: 0.9, reasons: ['test'] },
    signals: [],
    ...(quality ? { quality: { ...noQuality, ...quality } } : {}),
    ...rest,
  };
}

/** A highlight on a clip. */
export function highlight(id: string, clipId: string, exact: string, overrides: Partial<Highlight> = {}): Highlight {
  return {
    id,
    clipId,
    canonicalUrl: `https://www.nhs.uk/conditions/${clipId}/`,
    quote: { exact, prefix: '', suffix: '' },
    meaning: 'important',
    note: '',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

/** An item pointing at `c` (or at a page that was deleted when `c` is undefined). */
export function entry(itemId: string, c: ClipSummary | undefined, options: { note?: string; highlight?: Highlight; clipId?: string } = {}): ResolvedItem {
  const e: ResolvedItem = {
    item: {
      id: itemId,
      clipId: c?.id ?? options.clipId ?? `gone-${itemId}`,
      note: options.note ?? '',
      private: false,
      ...(options.highlight ? { highlightId: options.highlight.id } : {}),
    },
  };
  if (c) e.clip = c;
  if (options.highlight) e.highlight = options.highlight;
  return e;
}

const base = { id: 'list-1', createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z' };

function parse<C>(input: CollectionInput): C {
  return collectionSchema.parse(input) as C;
}

/** A reading list parsed by the real schema (defaults filled in). */
export function readingList(fields: Partial<Omit<CollectionInput & { kind: 'reading-list' }, 'kind'>>, entries: ResolvedItem[]): ResolvedCollection<ReadingList> {
  const collection = parse<ReadingList>({ ...base, title: 'My diabetes review', ...fields, kind: 'reading-list', items: entries.map((e) => e.item) });
  return { collection, entries };
}

/** A prescription parsed by the real schema (defaults filled in). */
export function prescription(fields: Partial<Omit<CollectionInput & { kind: 'prescription' }, 'kind'>>, entries: ResolvedItem[]): ResolvedCollection<Prescription> {
  const collection = parse<Prescription>({ ...base, id: 'rx-1', title: 'Type 2 diabetes: first steps', ...fields, kind: 'prescription', items: entries.map((e) => e.item) });
  return { collection, entries };
}
