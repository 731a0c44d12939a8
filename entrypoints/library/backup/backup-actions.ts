import { browser } from 'wxt/browser';
import type { LibraryCounts, WorkOptions } from '../../../lib/db/backup-store';
import type { LibraryRepository } from '../../../lib/db/repository';
import { BackupWriter, backupFileName, parseBackup, BACKUP_LIMITS, type Backup } from '../../../lib/exchange/backup';
import { t } from '../../../lib/i18n';
import { fail, ok, type Result } from '../../../lib/model/result';
import { ANNOTATE_ORIGINS, lastBackupSetting } from '../../../lib/settings/settings';
import { readBackupSettings, writeBackupSettings } from './backup-settings';

/** How much text is gathered before it is handed to the Blob. */
const FLUSH_CHARS = 8_000_000;

/** A backup ready to save: the file and what it holds. */
export interface BackupFile {
  blob: Blob;
  fileName: string;
  counts: LibraryCounts;
}

/**
 * Writes the whole library into a backup file, a page of records at a time
 * (one read transaction), as Blob parts: the records and the text are never
 * both held whole. A cancel through `options.signal` stops the read and
 * leaves no file.
 */
export async function createBackupFile(repo: LibraryRepository, now = new Date(), options: WorkOptions = {}): Promise<Result<BackupFile>> {
  const settings = await readBackupSettings();
  // Text is handed to a Blob every few megabytes: the browser keeps Blob data outside the page's memory
  // (and may move it to disk), so the page holds at most one flush of text at a time.
  let blob = new Blob([], { type: 'application/json' }); // i18n-ignore: MIME type
  let parts: string[] = [];
  let pending = 0;
  const flush = () => {
    blob = new Blob([blob, ...parts], { type: 'application/json' }); // i18n-ignore: MIME type
    parts = [];
    pending = 0;
  };
  const emit = (chunk: string) => {
    parts.push(chunk);
    pending += chunk.length;
    if (pending > FLUSH_CHARS) flush();
  };
  let writer: BackupWriter | undefined;
  const read = await repo.backup.read({
    start: (counts) => {
      writer = new BackupWriter({ exportedAt: now.toISOString(), appVersion: browser.runtime.getManifest().version, counts, settings }, emit);
    },
    page: ({ table, rows }) => writer?.rows(table, rows),
  }, undefined, options);
  if (!read.ok) return read;
  writer?.finish();
  flush();
  return ok({ blob, fileName: backupFileName(now), counts: read.value });
}

/** Saves a Blob through the browser's normal download (no "downloads" permission needed). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: Chromium reads the Blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Makes a backup, downloads it and remembers the date; the counts say what it holds. */
export async function backUpNow(repo: LibraryRepository, options: WorkOptions = {}): Promise<Result<BackupFile>> {
  const now = new Date();
  const file = await createBackupFile(repo, now, options);
  // A cancel that came after the last page was read still means "no file".
  if (file.ok && options.signal?.aborted) return fail('cancelled', t('backup.cancelled'));
  if (!file.ok) return file;
  downloadBlob(file.value.blob, file.value.fileName);
  await lastBackupSetting.setValue(now.toISOString());
  return file;
}

/** Reads a backup file the user chose, with a plain message for anything wrong with it. */
export async function readBackupFile(file: File): Promise<Result<Backup>> {
  if (file.size === 0) return parseBackup('');
  if (file.size > BACKUP_LIMITS.maxFileChars) return fail('invalid-input', t('restore.tooLarge'));
  let text: string;
  try {
    text = await file.text();
  } catch {
    return fail('invalid-input', t('restore.unreadable'));
  }
  return parseBackup(text);
}

/** What a restore did, and what the user may still need to do. */
export interface RestoreOutcome {
  counts: LibraryCounts;
  /** Features that were on in the backup but need the browser's access given again here. */
  needsAccess: boolean;
}

/**
 * Replaces the library with the backup (one transaction: all or nothing),
 * then the settings. The backup's date becomes the last backup: the library
 * is now exactly that backup. A cancel (`options.signal`) is honoured until
 * the library's one write transaction commits; the settings follow only a
 * library that was replaced.
 */
export async function restoreBackup(repo: LibraryRepository, backup: Backup, options: WorkOptions = {}): Promise<Result<RestoreOutcome>> {
  const { siteRules, collections, highlights, clips } = backup;
  const replaced = await repo.backup.replaceAll({ siteRules, collections, highlights, clips }, options);
  if (!replaced.ok) return replaced;
  try {
    await writeBackupSettings(backup.settings);
    await lastBackupSetting.setValue(backup.exportedAt);
  } catch {
    return fail('storage-failed', t('restore.settingsFailed'));
  }
  const wantsAccess = backup.settings.annotatePages || backup.settings.autoHighlights;
  const granted = wantsAccess ? await browser.permissions.contains({ origins: ANNOTATE_ORIGINS }) : true;
  return ok({ counts: replaced.value, needsAccess: wantsAccess && !granted });
}
