/**
 * When the library header gently suggests a backup. Pure: the facts (clip
 * count, dates, the user's snooze) come in as arguments.
 */

/** When the library header suggests a backup: enough to lose, long enough since the last one. */
export const BACKUP_REMINDER = { minClips: 10, afterDays: 30, snoozeDays: 7 } as const;

/** What the reminder looks at. */
export interface BackupReminderFacts {
  clipCount: number;
  /** The last backup, or undefined if the user never made one. */
  lastBackupAt?: string;
  /** The oldest clip's saved date (how long the library has gone without a backup when there never was one). */
  oldestSavedAt?: string;
  /** Until when the user asked not to be reminded. */
  snoozedUntil?: string;
  /** Days without a backup before reminding (the user's choice on the options page); 30 when not given. */
  afterDays?: number;
  now: Date;
}

/**
 * True when there are at least 10 clips and no backup for 30 days, or the
 * user's `afterDays` (or none ever, with the oldest clip that old), and the
 * user has not put the reminder off.
 */
export function isBackupDue(facts: BackupReminderFacts): boolean {
  if (facts.clipCount < BACKUP_REMINDER.minClips) return false;
  const now = facts.now.getTime();
  if (facts.snoozedUntil && Date.parse(facts.snoozedUntil) > now) return false;
  const since = Date.parse(facts.lastBackupAt ?? facts.oldestSavedAt ?? '');
  if (Number.isNaN(since)) return false;
  return now - since >= (facts.afterDays ?? BACKUP_REMINDER.afterDays) * 86_400_000;
}
