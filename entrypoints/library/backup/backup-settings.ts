import type { BackupSettings } from '../../../lib/exchange/backup';
import {
  annotateHiddenHostsSetting,
  annotatePagesSetting,
  autoHighlightsSetting,
  backupReminderFrequencySetting,
  defaultTagsSetting,
  highlightColoursSetting,
  prescriberSetting,
  rulePacksSetting,
} from '../../../lib/settings/settings';

/**
 * The settings a backup carries, read from and written to extension storage
 * here, so lib/exchange/backup.ts deals in plain data only. The date of the
 * last backup and the reminder's snooze are about this browser, not the
 * library, and are not carried.
 */
export async function readBackupSettings(): Promise<BackupSettings> {
  const [annotatePages, autoHighlights, annotateHiddenHosts, rulePacks, prescriber, defaultTags, highlightColours, backupReminderFrequency] = await Promise.all([
    annotatePagesSetting.getValue(),
    autoHighlightsSetting.getValue(),
    annotateHiddenHostsSetting.getValue(),
    rulePacksSetting.getValue(),
    prescriberSetting.getValue(),
    defaultTagsSetting.getValue(),
    highlightColoursSetting.getValue(),
    backupReminderFrequencySetting.getValue(),
  ]);
  return { annotatePages, autoHighlights, annotateHiddenHosts, rulePacks, prescriber, defaultTags, highlightColours, backupReminderFrequency };
}

/** Puts a backup's settings in place of the current ones. */
export async function writeBackupSettings(settings: BackupSettings): Promise<void> {
  await Promise.all([
    annotatePagesSetting.setValue(settings.annotatePages),
    autoHighlightsSetting.setValue(settings.autoHighlights),
    annotateHiddenHostsSetting.setValue(settings.annotateHiddenHosts),
    rulePacksSetting.setValue(settings.rulePacks),
    prescriberSetting.setValue(settings.prescriber),
    // Backups made before the options page carry none of these: keep what this browser has.
    settings.defaultTags ? defaultTagsSetting.setValue(settings.defaultTags) : undefined,
    settings.highlightColours ? highlightColoursSetting.setValue(settings.highlightColours) : undefined,
    settings.backupReminderFrequency ? backupReminderFrequencySetting.setValue(settings.backupReminderFrequency) : undefined,
  ]);
}
