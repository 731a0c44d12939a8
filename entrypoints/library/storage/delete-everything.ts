import { browser } from 'wxt/browser';
import { deleteAllDatabases } from '../../../lib/db/delete-databases';
import { closeRepository } from '../../../lib/db/repository';
import { sendMessage } from '../../../lib/messages/send';
import { fail, ok, type Result } from '../../../lib/model/result';
import { closeSearchClient } from '../search-client';
import { t } from '../../../lib/i18n';

/** The word the user types to confirm. */
export const DELETE_CONFIRMATION = 'DELETE'; // i18n-ignore: a fixed word to type, the same in every language, so instructions and tests can name it

/**
 * "Delete everything": the background lets go of the database first, then
 * this page does (its repository and search index), every IndexedDB
 * database of the extension is deleted, all extension storage is cleared
 * (settings, the backup date, the eviction canary's record, so no wipe
 * alarm follows) and optional access is given back. `onBlocked` hears when
 * another tab still holds the database: the deletion finishes when it lets go.
 */
export async function deleteEverything(onBlocked: () => void): Promise<Result<string[]>> {
  const closed = await sendMessage('closeLibrary', { reason: 'delete-everything' }).catch(() => undefined);
  if (!closed?.ok) {
    return fail('storage-failed', t('storage.notReady'));
  }
  closeSearchClient();
  closeRepository();
  let deleted: string[];
  try {
    deleted = await deleteAllDatabases(indexedDB, onBlocked);
  } catch {
    return fail('storage-failed', t('storage.deleteFailed'));
  }
  try {
    await Promise.all([browser.storage.local.clear(), browser.storage.sync?.clear(), browser.storage.session?.clear()]);
    await giveBackOptionalAccess();
  } catch {
    return fail('storage-failed', t('storage.settingsLeft'));
  }
  return ok(deleted);
}

/** Gives back the access a fresh install does not have (pages as you browse, followed sites, scheduled checks). */
async function giveBackOptionalAccess(): Promise<void> {
  const granted = await browser.permissions.getAll();
  const required = new Set(browser.runtime.getManifest().host_permissions ?? []);
  const origins = (granted.origins ?? []).filter((o) => !required.has(o));
  const requiredPermissions = new Set(browser.runtime.getManifest().permissions ?? []);
  const optional = (granted.permissions ?? []).filter((p) => p === 'alarms' && !requiredPermissions.has(p));
  if (origins.length > 0) await browser.permissions.remove({ origins }).catch(() => false);
  if (optional.length > 0) await browser.permissions.remove({ permissions: optional }).catch(() => false);
}
