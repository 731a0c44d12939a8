/**
 * Handing a collection file to the import page (`library.html#import`) from
 * elsewhere in the extension: a share link, a followed collection, another
 * page. The sender writes the file's text under PENDING_IMPORT_KEY in
 * sessionStorage (same tab), then opens `library.html#import`; the import
 * page takes it (reading it removes it) and checks it like any chosen file,
 * then shows the preview. Nothing is added until the user says so.
 *
 * Storage is passed in (sessionStorage in the extension, a Map in tests), so
 * this module touches no browser global.
 */

/** The sessionStorage key the import page reads once on opening (and on PENDING_IMPORT_EVENT). */
export const PENDING_IMPORT_KEY = 'hc-import-pending';
/** Dispatched on `window` when a file was handed over while the import page is already open. */
export const PENDING_IMPORT_EVENT = 'hc-import-pending';

/** What is handed over: the file as JSON text (checked again on arrival), and where it came from, for the preview. */
export interface PendingImport {
  text: string;
  /** Shown in the preview: "a share link", "the collection you follow at example.org". */
  sourceLabel?: string;
}

/** The part of the Storage API used here. */
export interface TextStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Leaves a file for the import page. False when storage refused it (too large for sessionStorage's few megabytes). */
export function writePendingImport(storage: TextStorage, pending: PendingImport): boolean {
  try {
    storage.setItem(PENDING_IMPORT_KEY, JSON.stringify({ text: pending.text, ...(pending.sourceLabel ? { sourceLabel: pending.sourceLabel.slice(0, 200) } : {}) }));
    return true;
  } catch {
    return false;
  }
}

/** Takes the file left for the import page, if any (it is removed, so a reload does not offer it again). */
export function takePendingImport(storage: TextStorage): PendingImport | undefined {
  let raw: string | null;
  try {
    raw = storage.getItem(PENDING_IMPORT_KEY);
    storage.removeItem(PENDING_IMPORT_KEY);
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || !('text' in value) || typeof value.text !== 'string') return undefined;
    const label = 'sourceLabel' in value && typeof value.sourceLabel === 'string' ? value.sourceLabel.slice(0, 200) : undefined;
    return label ? { text: value.text, sourceLabel: label } : { text: value.text };
  } catch {
    return undefined;
  }
}
