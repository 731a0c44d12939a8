import type { CollectionFile, FileItem } from '../../../../lib/exchange/collection-file';

/** A page item of a collection file, as a moderator's export would write it. */
export function fileItem(path: string, extra: Partial<FileItem> = {}): FileItem {
  const url = `https://www.nhs.uk/${path}/`;
  return { url, canonicalUrl: url, title: `NHS: ${path}`, sourceType: 'official', note: '', ...extra };
}

/** A highlight item: one passage on a page. */
export function fileHighlight(path: string, exact: string, note = ''): FileItem {
  return fileItem(path, { highlight: { meaning: 'important', note, selectors: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }] } });
}

/** A whole collection file with these items. */
export function sampleFile(items: FileItem[], title = 'First steps with type 2 diabetes'): CollectionFile {
  return {
    format: 'health-clipper-collection',
    formatVersion: 1,
    exportedAt: '2026-11-24T10:00:00.000Z',
    generator: 'Health Clipper',
    collection: { kind: 'collection', title, description: '', createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-24T10:00:00.000Z', items },
  };
}
