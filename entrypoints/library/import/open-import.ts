import type { CollectionFile } from '../../../lib/exchange/collection-file';
import { PENDING_IMPORT_EVENT, takePendingImport, writePendingImport, type PendingImport } from '../../../lib/exchange/import-handoff';

/** A file handed over in this page that was too large for sessionStorage. */
let inMemory: PendingImport | undefined;

/**
 * Opens the import preview (`#import`) with a collection file already in
 * hand, from anywhere in the library page (a share link, a followed
 * collection). The file is checked again by the import page like a chosen
 * file, and nothing is added until the user chooses "Add to my library".
 * From another extension page, write lib/exchange/import-handoff.ts's
 * PENDING_IMPORT_KEY to sessionStorage and open `library.html#import` in
 * the same tab instead.
 */
export function openImportPreview(file: CollectionFile | string, options: { sourceLabel?: string } = {}): void {
  const pending: PendingImport = { text: typeof file === 'string' ? file : JSON.stringify(file), ...(options.sourceLabel ? { sourceLabel: options.sourceLabel } : {}) };
  inMemory = writePendingImport(sessionStorage, pending) ? undefined : pending;
  if (location.hash === '#import') dispatchEvent(new Event(PENDING_IMPORT_EVENT));
  else location.hash = '#import';
}

/** The file handed over for import, if any; taking it clears it. */
export function takeHandedOverFile(): PendingImport | undefined {
  const fromStorage = takePendingImport(sessionStorage);
  const pending = inMemory ?? fromStorage;
  inMemory = undefined;
  return pending;
}
