import './backup.css';
import { useState } from 'preact/hooks';
import { formatDate } from '../../../components/format-date';
import { useObservable } from '../../../components/hooks/use-observable';
import { useSetting } from '../../../components/hooks/use-setting';
import { StatusMessage } from '../../../components/StatusMessage';
import type { LibraryRepository } from '../../../lib/db/repository';
import { BACKUP_REMINDER, isBackupDue } from '../../../lib/exchange/backup-reminder';
import { t } from '../../../lib/i18n';
import { reminderAfterDays } from '../../../lib/settings/reminder-frequency';
import { backupReminderFrequencySetting, backupReminderSnoozedUntilSetting, type BackupReminderFrequency } from '../../../lib/settings/settings';
import { backUpNow } from './backup-actions';
import type { Status } from './status';
import { useLastBackup } from './use-last-backup';

export interface BackupReminderProps {
  repo: LibraryRepository;
}

/**
 * A quiet line in the library header when there is a fair amount to lose
 * (10 pages or more) and no backup for a month (or a week, as the user
 * chose on the options page; never when they turned it off): back up now,
 * or be reminded in a week. Never a dialog, never in the way.
 */
export function BackupReminder({ repo }: BackupReminderProps) {
  const facts = useObservable(() => repo.backup.observeClipAge(), []).value;
  const lastBackup = useLastBackup();
  const snoozedUntil = useSetting(backupReminderSnoozedUntilSetting);
  const frequency = useSetting<BackupReminderFrequency>(backupReminderFrequencySetting);
  const [status, setStatus] = useState<Status>();

  if (status) return <StatusMessage tone={status.tone}>{status.text}</StatusMessage>;
  if (!facts || lastBackup === undefined || snoozedUntil === undefined || frequency === undefined) return null;
  const afterDays = reminderAfterDays(frequency);
  if (afterDays === undefined) return null;
  const due = isBackupDue({
    afterDays,
    clipCount: facts.clipCount,
    oldestSavedAt: facts.oldestSavedAt,
    lastBackupAt: lastBackup ?? undefined,
    snoozedUntil: snoozedUntil ?? undefined,
    now: new Date(),
  });
  if (!due) return null;

  // At least 10 (BACKUP_REMINDER.minClips), so always "pages".
  const count = facts.clipCount.toLocaleString('en-GB'); // i18n-ignore: digit grouping, not words
  const pages = facts.countedAll ? count : t('settings.reminder.orMore', { count });
  const handleBackUp = async () => {
    const result = await backUpNow(repo);
    setStatus(result.ok ? { tone: 'success', text: t('settings.reminder.saved', { file: result.value.fileName }) } : { tone: 'error', text: result.error.message });
  };
  const handleLater = () => {
    void backupReminderSnoozedUntilSetting.setValue(new Date(Date.now() + BACKUP_REMINDER.snoozeDays * 86_400_000).toISOString());
  };

  return (
    <aside class="hc-backup-reminder" aria-label={t('settings.reminder.label')}>
      <p>
        {lastBackup ? t('settings.reminder.since', { pages, date: formatDate(lastBackup) }) : t('settings.reminder.never', { pages })}{' '}
        {t('settings.reminder.why')}
      </p>
      <button type="button" class="hc-primary" onClick={() => void handleBackUp()}>
        {t('settings.reminder.backUpNow')}
      </button>{' '}
      <button type="button" class="hc-link-button" onClick={handleLater}>
        {t('settings.reminder.later')}
      </button>
    </aside>
  );
}
