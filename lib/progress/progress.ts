/**
 * Progress and cancelling for slow work (imports, restore, backup, the search
 * index): the arithmetic and the pacing of what a screen reader hears, kept
 * apart from the UI so they can be tested without a browser.
 */

/** Work that ends sooner than this shows no progress bar: a bar that flashes for a moment only distracts. */
export const SHOW_AFTER_MS = 500;

/** A screen reader hears the progress at least every tenth of the way… */
export const ANNOUNCE_EVERY_PERCENT = 10;
/** …or after this long without news, whichever comes first. */
export const ANNOUNCE_EVERY_MS = 5_000;

/** How far some work has got: `done` of `total` units (pages, records). */
export interface Progress {
  done: number;
  total: number;
}

/** Whole per cent done, 0 to 100 (an empty job is finished). */
export function percentDone({ done, total }: Progress): number {
  if (!(total > 0)) return 100;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}

/**
 * Decides which progress updates are spoken: the first, each further tenth
 * of the way, one after five quiet seconds, and the last. Every batch may
 * report progress; a screen reader is not flooded with them.
 */
export class ProgressAnnouncer {
  private lastBucket = -1;
  private lastAt = -Infinity;
  private finished = false;

  /** Whether this update should be announced; `now` in milliseconds. */
  shouldAnnounce(progress: Progress, now: number): boolean {
    const percent = percentDone(progress);
    const bucket = Math.floor(percent / ANNOUNCE_EVERY_PERCENT);
    const end = progress.total > 0 && progress.done >= progress.total;
    const say = (end && !this.finished) || this.lastBucket < 0 || bucket > this.lastBucket || now - this.lastAt >= ANNOUNCE_EVERY_MS;
    if (!say || (end && this.finished)) return false;
    this.lastBucket = bucket;
    this.lastAt = now;
    this.finished = end;
    return true;
  }
}

/** The error slow work throws when its AbortSignal fires: the transaction it is in rolls back. */
export class WorkCancelled extends Error {
  constructor() {
    super('The work was cancelled.'); // i18n-ignore: never shown; the UI says what happened in its own words
    this.name = 'AbortError';
  }
}

/** Throws WorkCancelled if the user has cancelled; called between batches of work. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new WorkCancelled();
}

/**
 * Whether an error (raw, or wrapped by Dexie as `inner`) is the user's
 * cancel rather than a failure. Only our own WorkCancelled counts: Dexie also
 * reports a transaction aborted by a full disk as an AbortError, and that
 * must not be told to the user as "cancelled".
 */
export function isCancelled(error: unknown): boolean {
  if (error instanceof WorkCancelled) return true;
  // Dexie wraps what a transaction's callback threw as `inner`.
  const inner = typeof error === 'object' && error !== null && 'inner' in error ? error.inner : undefined;
  return inner !== undefined && inner !== error && isCancelled(inner);
}

/** Receives progress from slow work, after each batch. */
export type ProgressListener = (progress: Progress) => void;
