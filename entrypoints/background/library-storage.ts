import { browser } from 'wxt/browser';
import { closeRepository, getRepository } from '../../lib/db/repository';
import { ok, type Result } from '../../lib/model/result';
import { checkLibraryStorage } from '../../lib/settings/library-canary';

/**
 * "Delete everything" is about to delete the database: let go of it (an
 * open connection would hold the deletion up), and stop what would write to
 * it again or outlive it (scheduled checks, our registered page script).
 * The context menu stays: a fresh install has it too.
 */
export async function closeLibraryForDeletion(): Promise<Result<true>> {
  closeRepository();
  await browser.alarms?.clearAll().catch(() => false);
  const scripts = await browser.scripting.getRegisteredContentScripts().catch(() => []);
  if (scripts.length > 0) await browser.scripting.unregisterContentScripts({ ids: scripts.map((s) => s.id) }).catch(() => undefined);
  return ok(true);
}

/**
 * Runs the eviction canary from the background (after a save, and when the
 * browser starts), so a library that is filled from the popup but seldom
 * opened is still counted. A failure only costs the check.
 */
export function checkLibraryStorageQuietly(): void {
  void checkLibraryStorage(getRepository().meta).catch(() => undefined);
}
