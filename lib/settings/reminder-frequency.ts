import type { BackupReminderFrequency } from './settings';

/**
 * Days without a backup before the library suggests one, for the user's
 * choice of frequency; undefined when the user turned the reminder off.
 */
export function reminderAfterDays(frequency: BackupReminderFrequency): number | undefined {
  if (frequency === 'week') return 7;
  if (frequency === 'month') return 30;
  return undefined;
}
